import type { IndexView } from '../index/workspaceIndex';
import { resolveEvidencePath, resolveKbPath } from '../index/resolvePath';
import { basename, dirname, joinPath } from '../paths';

/** How a citing document may write a path: as an evidence reference, a Markdown link, or the note footer. */
export type PathUse = 'evidence' | 'link' | 'footer';

const ELISION = /^(?:…|\.\.\.)\//;

/** True when `written`, cited from `from`, leads to exactly `target` (spec §4 lookup order). */
export function resolvesTo(index: IndexView, from: string, written: string, target: string, use: PathUse = 'evidence'): boolean {
  const resolution = use === 'footer' ? resolveKbPath(written, index, index.files) : resolveEvidencePath(from, written, index);
  return resolution.kind === 'file' && resolution.path === target;
}

/** `target` relative to the folder of `from`, with `../` where it climbs. */
export function relativeTo(from: string, target: string): string {
  const base = dirname(from).split('/').filter((s) => s !== '');
  const parts = target.split('/');
  let common = 0;
  while (common < base.length && common < parts.length - 1 && base[common] === parts[common]) common++;
  return [...base.slice(common).map(() => '..'), ...parts.slice(common)].join('/');
}

/**
 * The shortest way for `from` to cite `target` that still resolves to it. Links are written
 * relative to the note, as Markdown renderers read them; the footer names the root path.
 */
export function shortestForm(index: IndexView, from: string, target: string, use: PathUse): string {
  if (use === 'footer') return target;
  const relative = relativeTo(from, target);
  const forms =
    use === 'link'
      ? [relative, target]
      : [basename(target), ...(relative.startsWith('../') ? [] : [relative]), target, relative];
  return firstResolving(index, from, target, forms, use);
}

/**
 * `target` written the way `original` was: its folders kept when only the name changes; an elided `…/tail` stays elided (with as many
 * folders as needed to be unique), a rooted `/path` stays rooted, a relative path stays
 * relative, and a bare name stays bare when that still resolves.
 */
export function sameStyle(index: IndexView, from: string, original: string, target: string, use: PathUse): string {
  if (use === 'footer') return target;
  // Only the file name was wrong: keep every folder as written when that still leads to the target.
  const renamed = original.includes('/') ? `${dirname(original)}/${basename(target)}` : basename(target);
  // A Markdown link must also work in other renderers, which read it relative to the note only.
  const linkOk = use !== 'link' || joinPath(dirname(from), renamed) === target;
  if (linkOk && resolvesTo(index, from, renamed, target, use)) return renamed;
  const elision = ELISION.exec(original)?.[0];
  if (elision !== undefined) return elision + uniqueSuffix(index, original.slice(elision.length), target);
  if (original.startsWith('/')) return firstResolving(index, from, target, [`/${target}`], use);
  if (original.includes('/')) return firstResolving(index, from, target, [relativeTo(from, target), target], use);
  return shortestForm(index, from, target, use);
}

/** The shortest tail of `target`, at least as many folders deep as `written`, that no other file ends with. */
function uniqueSuffix(index: IndexView, written: string, target: string): string {
  const parts = target.split('/');
  const minimum = Math.min(parts.length, written.split('/').length);
  for (let n = minimum; n <= parts.length; n++) {
    const suffix = parts.slice(parts.length - n).join('/');
    const matches = index.endingWith(suffix);
    if (matches.length === 1 && matches[0] === target) return suffix;
  }
  return target;
}

function firstResolving(index: IndexView, from: string, target: string, forms: string[], use: PathUse): string {
  // A rooted path resolves from anywhere, so it is the last resort.
  return forms.find((f) => resolvesTo(index, from, f, target, use)) ?? `/${target}`;
}
