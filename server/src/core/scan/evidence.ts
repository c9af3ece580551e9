import type { Span } from '../types';
import type { Segment } from './segment';
import { toSpan } from './segment';

export type EvidenceAnchor =
  | { kind: 'surface'; n: number; text: string; span: Span }
  | { kind: 'forbidden'; text: string; span: Span }
  | { kind: 'local'; id: string; text: string; span: Span };

/** `FILE [surface N | forbidden surfaces | LOCALID] [STATUS] [(ID)]` (spec §4). */
export interface EvidenceRef {
  path: string;
  pathSpan: Span;
  anchor?: EvidenceAnchor;
  status?: { value: string; span: Span };
  citedId?: { id: string; span: Span };
  /** From the start of the path to the end of the last part recognised. */
  span: Span;
}

// Each part is tried right after the previous one; prose that follows is left alone.
const ANCHOR = /[ \t]+(?:([Ss]urface)[ \t]+([0-9]+)(?![0-9A-Za-z])|(forbidden[ \t]+surfaces)(?![A-Za-z])|([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?![A-Za-z0-9_]|-[A-Za-z0-9]))/y;
const STATUS = /[ \t]+([A-Z][A-Z0-9_/]*[A-Z0-9])(?![A-Za-z0-9_/-])/y;
const CITED_ID = /[ \t]*\([ \t]*([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)[ \t]*\)/y;
// A URL names no workspace file, even where its query or fragment ends in ".md" ("https://h/a?f=b.md").
// The look-behind starts a scheme only at the start of a word, which keeps the scan linear.
const URL_TOKEN = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s<>"'`]*/g;
// "the .json files" names an extension, not a file.
const EXTENSION_ONLY = /(?:^|\/)\.[^./]*$/;

export function scanEvidence(segment: Segment, pathPattern: RegExp, hints: readonly string[], skip?: (index: number) => boolean): EvidenceRef[] {
  const text = segment.text;
  if (!hints.some((h) => text.includes(h))) return [];
  const found: EvidenceRef[] = [];
  const urls = [...text.matchAll(URL_TOKEN)].map((u) => ({ start: u.index ?? 0, end: (u.index ?? 0) + u[0].length }));
  let url = 0;
  pathPattern.lastIndex = 0;
  for (let m = pathPattern.exec(text); m; m = pathPattern.exec(text)) {
    const path = m[1] ?? '';
    while ((urls[url]?.end ?? Infinity) <= m.index) url++;
    if ((urls[url]?.start ?? Infinity) <= m.index || EXTENSION_ONLY.test(path) || skip?.(m.index)) continue;
    let cursor = m.index + path.length;
    const ref: EvidenceRef = { path, pathSpan: toSpan(segment, m.index, cursor), span: toSpan(segment, m.index, cursor) };
    const anchor = matchAt(ANCHOR, text, cursor);
    if (anchor) {
      const [whole, surfaceWord, n, forbidden, localId] = anchor;
      const startIdx = cursor + whole.length - whole.trimStart().length;
      cursor += whole.length;
      const span = toSpan(segment, startIdx, cursor);
      const written = text.slice(startIdx, cursor);
      if (surfaceWord && n) ref.anchor = { kind: 'surface', n: Number(n), text: written, span };
      else if (forbidden) ref.anchor = { kind: 'forbidden', text: written, span };
      else if (localId) ref.anchor = { kind: 'local', id: localId, text: written, span };
      const status = matchAt(STATUS, text, cursor);
      if (status?.[1]) {
        const value = status[1];
        ref.status = { value, span: toSpan(segment, cursor + status[0].length - value.length, cursor + status[0].length) };
        cursor += status[0].length;
      }
    }
    const cited = matchAt(CITED_ID, text, cursor);
    if (cited?.[1]) {
      const idStart = text.indexOf(cited[1], cursor);
      ref.citedId = { id: cited[1], span: toSpan(segment, idStart, idStart + cited[1].length) };
      cursor += cited[0].length;
    }
    ref.span = toSpan(segment, m.index, cursor);
    found.push(ref);
  }
  return found;
}

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}
