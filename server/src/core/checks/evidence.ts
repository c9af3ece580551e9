import { append } from '../append';
import type { DocumentFacts, Entry, Finding } from '../facts/types';
import type { ResolvedReferences } from '../index/references';
import type { Resolution } from '../index/resolvePath';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { basename, isJsonPath } from '../paths';
import type { EvidenceRef } from '../scan/evidence';
import { count, MAX_CANDIDATES, shortList } from '../limits';
import { excerpt } from '../text/excerpt';
import type { Span } from '../types';

export type FactsOf = (path: string) => DocumentFacts | undefined;

/** Evidence references, Markdown links and the note footer: the file, then the anchor, then the stated status. */
export function checkEvidence(references: ResolvedReferences, index: WorkspaceIndex, factsOf: FactsOf): Finding[] {
  const findings: Finding[] = [];
  for (const { ref, resolution } of references.evidence) {
    const problem = fileProblem(resolution, ref.path, ref.pathSpan, index);
    if (problem) findings.push(problem);
    else if (resolution.kind === 'file') append(findings, checkAnchor(ref, resolution.path, factsOf));
  }
  for (const { link, target, resolution } of references.links) {
    // Linking to a folder (a packet, say) is ordinary Markdown; citing a folder as a file is not.
    if (resolution.kind === 'directory' && link.kind !== 'footer') continue;
    const problem = fileProblem(resolution, target, link.span, index);
    if (problem) findings.push(problem);
  }
  return findings;
}

function fileProblem(resolution: Resolution, cited: string, span: Span, index: WorkspaceIndex): Finding | undefined {
  const written = excerpt(cited);
  switch (resolution.kind) {
    case 'file':
      return undefined;
    case 'outside':
      return { code: 'path-outside-workspace', span, message: `${written} points outside the workspace folder; it is not read. Cite a file inside the workspace.` };
    case 'directory':
      return { code: 'evidence-missing-file', span, message: `${written} is a folder, not a file; cite the document inside it.` };
    case 'ambiguous': {
      // Thousands of files may share a name, and a note may cite it thousands of times: each
      // finding names a few of them (the hover card and the quick fixes offer the same few).
      const { candidates } = resolution;
      return {
        code: 'evidence-ambiguous-file',
        span,
        message: `${written} matches ${count(candidates.length)} files (${shortList(candidates)}); write a longer path to say which one.`,
        data: { candidates: candidates.slice(0, MAX_CANDIDATES) },
      };
    }
    case 'missing': {
      const near = index.closestFileName(basename(cited));
      const nearPath = near ? index.named(near)[0] : undefined;
      return {
        code: 'evidence-missing-file',
        span,
        message: `${written} does not exist in the workspace` + (nearPath ? `; did you mean ${nearPath}?` : '; correct the path or add the file.'),
        data: nearPath ? { replacement: nearPath } : undefined,
      };
    }
  }
}

function checkAnchor(ref: EvidenceRef, path: string, factsOf: FactsOf): Finding[] {
  const anchor = ref.anchor;
  if (!anchor || !isJsonPath(path)) return [];
  const target = factsOf(path);
  // A cited file that does not parse has its own json-syntax error; no cascade here. A JSON
  // path always reads as a packet document, so a note here is only the type's other case.
  if (!target || target.kind === 'note' || target.broken) return [];
  const name = basename(path);
  const surfaces = target.entries.filter((e) => e.array === 'surfaces');
  if (anchor.kind === 'forbidden') {
    if (surfaces.some((e) => e.status === 'FORBIDDEN')) return [];
    return [{ code: 'evidence-missing-anchor', span: anchor.span, message: `${name} lists no surface of class FORBIDDEN; cite a specific surface or add the forbidden surfaces to the inventory.` }];
  }
  const entry = anchor.kind === 'surface' ? surfaces.find((e) => e.n === anchor.n) : target.entries.find((e) => e.id === anchor.id);
  if (!entry) {
    const what = anchor.kind === 'surface' ? `surface ${anchor.n}` : anchor.id;
    const have = anchor.kind === 'surface' ? describeSurfaces(surfaces) : describeIds(target.entries);
    return [
      {
        code: 'evidence-missing-anchor',
        span: anchor.span,
        message: `${what} is not ${anchor.kind === 'surface' ? 'a surface' : 'an entry'} in ${name} (${have}); cite an existing entry or add it.`,
        related: [{ path, span: { start: 0, end: 0 }, message: name }],
      },
    ];
  }
  if (ref.status && entry.status !== undefined && ref.status.value !== entry.status) {
    const field = anchor.kind === 'surface' ? 'class' : 'status';
    return [
      {
        code: 'evidence-status-mismatch',
        span: ref.status.span,
        message: `${name} gives ${entry.key} the ${field} ${entry.status}, not ${ref.status.value}; state ${entry.status} here, or update ${name} if it changed.`,
        related: [{ path, span: entry.span, message: `${entry.key}: ${entry.status}` }],
        data: { replacement: entry.status },
      },
    ];
  }
  return [];
}

function describeSurfaces(surfaces: Entry[]): string {
  if (surfaces.length === 0) return 'it has no surfaces';
  const ns = surfaces.flatMap((e) => (e.n === undefined ? [] : [e.n])).sort((a, b) => a - b);
  const contiguous = ns.every((n, i) => i === 0 || n === (ns[i - 1] ?? 0) + 1);
  return contiguous && ns.length > 2 ? `it has surfaces ${ns[0]}–${ns[ns.length - 1]}` : `it has surface${ns.length > 1 ? 's' : ''} ${ns.join(', ')}`;
}

function describeIds(entries: Entry[]): string {
  const ids = entries.map((e) => e.id).filter((id): id is string => id !== undefined);
  if (ids.length === 0) return 'it has no entries with an id';
  if (ids.length > 3 && ids.every((id) => /-[0-9]+$/.test(id) && id.replace(/[0-9]+$/, '') === ids[0]?.replace(/[0-9]+$/, ''))) {
    return `it has ${ids[0]}…${ids[ids.length - 1]}`;
  }
  return `it has ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}`;
}
