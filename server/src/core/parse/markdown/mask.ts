/**
 * From the parsed nodes to `ParsedMarkdown`: the prose mask, destination spans and comments.
 * `findDestination` and `ClosingBrackets` keep the mdast implementation's reading of the
 * source (it re-scans the node's text rather than trusting token offsets), so spans are
 * exactly what they were.
 */
import type { Span } from '../../types';
import { isJsWhitespace } from './chars';

/** The text with every `[start, end)` of `blanks` (flat pairs) turned to spaces, line breaks kept. */
export function buildProse(text: string, blanks: number[]): string {
  if (blanks.length === 0) return text;
  const spans: Span[] = [];
  for (let i = 0; i < blanks.length; i += 2) spans.push({ start: blanks[i] as number, end: blanks[i + 1] as number });
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    parts.push(text.slice(at, start), spaces(text.slice(start, span.end)));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function spaces(slice: string): string {
  return slice.includes('\n') || slice.includes('\r') ? slice.replace(/[^\r\n]/g, ' ') : ' '.repeat(slice.length);
}

/**
 * `<!-- … -->` inside an HTML node's source (quotes' `>` and list indentation included), as
 * the mdast implementation found them. Searched in the node's own slice: a search of the
 * whole text per node would make many tags quadratic.
 */
export function commentsIn(text: string, start: number, end: number): Span[] {
  const source = text.slice(start, end);
  const found: Span[] = [];
  for (let at = source.indexOf('<!--'); at >= 0; ) {
    const close = source.indexOf('-->', at + 4);
    if (close < 0) break;
    found.push({ start: start + at, end: start + close + 3 });
    at = source.indexOf('<!--', close + 3);
  }
  return found;
}

/**
 * The offset of the "]" that closes the "[" at `open` (escapes skipped), or `open` when there
 * is none before `to`. One bracket matching of the whole text, made on first use, answers
 * every image of the document.
 */
export class ClosingBrackets {
  private matches: Map<number, number> | undefined;

  constructor(private readonly text: string) {}

  of(open: number, to: number): number {
    this.matches ??= matchBrackets(this.text);
    const close = this.matches.get(open);
    return close !== undefined && close < to ? close : open;
  }
}

/** Every "[" with its "]", counting brackets as the mdast implementation did: a backslash skips the next character. */
function matchBrackets(text: string): Map<number, number> {
  const open: number[] = [];
  const matches = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) open.push(i);
    else if (c === 93) {
      const start = open.pop();
      if (start !== undefined) matches.set(start, i);
    }
  }
  return matches;
}

/** The destination's span in `[label](dest "title")` or `[label]: dest "title"`, searched after the label. */
export function findDestination(text: string, from: number, to: number, opener: string): Span | undefined {
  const at = text.indexOf(opener, from);
  if (at < 0 || at >= to) return undefined;
  let i = at + opener.length;
  while (i < to && isJsWhitespace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 60) {
    // The first ">" after it, looked for no further than the node's end.
    let close = i + 1;
    while (close < to && text.charCodeAt(close) !== 62) close++;
    return close < to ? { start: i + 1, end: close } : undefined;
  }
  let depth = 0;
  const s = i;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) break;
      depth--;
    } else if (isJsWhitespace(c)) break;
  }
  return i > s ? { start: s, end: i } : undefined;
}
