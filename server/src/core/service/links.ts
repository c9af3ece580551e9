import type { Analysis } from '../analysis';
import { isBroken } from '../facts/anyKind';
import type { Resolution } from '../index/resolvePath';
import type { EvidenceAnchor } from '../scan/evidence';
import type { Range, Span } from '../types';
import { anchorEntry } from './anchors';

export interface DocumentLink {
  range: Range;
  /** The file the path leads to. */
  path: string;
  /** Where in it: the cited entry, when the reference names one. */
  at?: Range;
  tooltip: string;
}

/** Every evidence path, Markdown link and footer that leads to a workspace file becomes clickable. */
export function documentLinks(analysis: Analysis, path: string): DocumentLink[] {
  const facts = analysis.factsOf(path);
  if (!facts || isBroken(facts)) return [];
  const references = analysis.referencesOf(facts);
  const links: DocumentLink[] = [];
  const add = (span: Span, resolution: Resolution, anchor: EvidenceAnchor | undefined) => {
    if (resolution.kind !== 'file') return;
    const target = analysis.factsOf(resolution.path);
    const entry = target && !isBroken(target) ? anchorEntry(target, anchor) : undefined;
    const link: DocumentLink = { range: facts.lines.range(span.start, span.end), path: resolution.path, tooltip: `Open ${resolution.path}` };
    if (target && entry) {
      link.at = target.lines.range(entry.span.start, entry.span.end);
      link.tooltip = `Open ${resolution.path} at ${entry.key}`;
    }
    links.push(link);
  };
  for (const { ref, resolution } of references.evidence) add(ref.anchor ? { start: ref.pathSpan.start, end: ref.anchor.span.end } : ref.pathSpan, resolution, ref.anchor);
  for (const { link, resolution } of references.links) add(link.span, resolution, undefined);
  return links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
