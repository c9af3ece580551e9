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
  const urls = text.includes('://') ? [...text.matchAll(URL_TOKEN)].map((u) => ({ start: u.index ?? 0, end: (u.index ?? 0) + u[0].length })) : [];
  let url = 0;
  pathPattern.lastIndex = 0;
  const seen: HintCursor = { next: [] };
  for (let m = nextPath(pathPattern, text, hints, seen); m; m = nextPath(pathPattern, text, hints, seen)) {
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

/**
 * The pattern's next match, as a scan from its lastIndex would find it, but started where one
 * can begin. Every match ends in an extension (a hint), and consists of path characters, so the
 * next match cannot start before the run of path characters that holds the next hint: the
 * regular expression, whose Unicode classes are costly, need not be tried at every word of prose
 * in between.
 */
export function nextPath(pattern: RegExp, text: string, hints: readonly string[], cursor: HintCursor = { next: [] }): RegExpExecArray | null {
  const from = pattern.lastIndex;
  let hint = -1;
  hints.forEach((h, i) => {
    let at = cursor.next[i];
    // Still ahead, or known absent for good: no need to search again (a search for an extension
    // the text lacks would otherwise run to its end once per path found, quadratic in all).
    if (at === undefined || (at >= 0 && at < from)) cursor.next[i] = at = text.indexOf(h, from);
    if (at >= 0 && (hint < 0 || at < hint)) hint = at;
  });
  if (hint < 0) return null;
  let start = hint;
  while (start > from) {
    const low = text.charCodeAt(start - 1);
    // An astral letter is two code units, tested together as the pattern's `u` flag does.
    const width = low >= 0xdc00 && low <= 0xdfff && start - 2 >= from && isHighSurrogate(text.charCodeAt(start - 2)) ? 2 : 1;
    if (!RUN_CHAR.test(text.slice(start - width, start))) break;
    start -= width;
  }
  pattern.lastIndex = start;
  return pattern.exec(text);
}

/** Where each hint next occurs, as found so far in one scan (-1: nowhere further); positions only move forward. */
export interface HintCursor {
  next: number[];
}

const RUN_CHAR = /^[\p{L}\p{N}_@.+~/…-]$/u;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}
