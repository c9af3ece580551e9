import { dirname, joinPath } from '../paths';
import type { PathKind } from '../workspace';

export type Resolution =
  | { kind: 'file'; path: string }
  | { kind: 'directory'; path: string }
  | { kind: 'missing' }
  /** Every matching file: the index's own list, shared by every reference that matches it (not a copy each). */
  | { kind: 'ambiguous'; candidates: readonly string[] }
  | { kind: 'outside' };

export interface FileLookup {
  stat(path: string): PathKind;
  /** Workspace files with this base name. */
  named(name: string): readonly string[];
  /** Workspace files whose path ends with this string (a plain string suffix). */
  endingWith(suffix: string): readonly string[];
}

const ELISION = /^(?:…|\.\.\.)\//;

/**
 * Spec §4: the citing document's folder first, then the workspace root (a leading `/` is the
 * root); an elided `…/x/y` matches by plain suffix; a bare name found in neither place
 * resolves to the only workspace file of that name.
 */
export function resolveEvidencePath(from: string, written: string, files: FileLookup): Resolution {
  const path = written.replace(/\\/g, '/');
  const elided = ELISION.exec(path);
  if (elided) return unique(files.endingWith(path.slice(elided[0].length)));
  if (path.startsWith('/')) return at(joinPath('', path), files) ?? { kind: 'missing' };
  const own = joinPath(dirname(from), path);
  if (own === undefined) return { kind: 'outside' };
  // "../x.json" from a/b/ names a/x.json; only that is outside or not. Read from the root it
  // would climb out, which says nothing about the reference: skip the root then.
  const fromRoot = joinPath('', path);
  const found = at(own, files) ?? (fromRoot === undefined ? undefined : at(fromRoot, files));
  if (found) return found;
  if (!path.includes('/')) return unique(files.named(path));
  return { kind: 'missing' };
}

/** The note footer names the note's path in the KB: the root first, then a unique suffix either way. */
export function resolveKbPath(written: string, files: FileLookup, all: readonly string[]): Resolution {
  const path = written.replace(/\\/g, '/').replace(/^\/+/, '');
  const direct = at(joinPath('', path), files);
  if (direct) return direct;
  // The KB may be analysed from a subfolder (the footer path is longer) or a parent folder (shorter).
  const candidates = all.filter((f) => path.endsWith(`/${f}`) || f.endsWith(`/${path}`));
  return unique(candidates);
}

function at(path: string | undefined, files: FileLookup): Resolution | undefined {
  if (path === undefined) return { kind: 'outside' };
  const kind = files.stat(path);
  if (kind === 'file' || kind === 'directory') return { kind, path };
  if (kind === 'outside') return { kind: 'outside' };
  return undefined;
}

function unique(candidates: readonly string[]): Resolution {
  if (candidates.length === 0) return { kind: 'missing' };
  if (candidates.length === 1) return { kind: 'file', path: candidates[0] ?? '' };
  return { kind: 'ambiguous', candidates };
}
