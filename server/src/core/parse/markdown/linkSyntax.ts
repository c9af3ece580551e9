/**
 * The parts of links and reference definitions, as micromark's factories read them: labels
 * (`[ref]`), destinations (`<a b>` or `a(b)`), titles (`"t"`, `'t'`, `(t)`) and the
 * whitespace between. Each reads `text` from an offset and returns where it ends, or -1.
 */
import { CR, LF, isAsciiControl, isLineEnding, isSpaceOrTab, isWhitespace } from './chars';
import { decodeString, hasUnknownNamedReference } from './entities';

/**
 * Where a failed parse gave up: the offset of the character it could not take. micromark
 * backtracks from there, and a line ending it had crossed is then read a second time, which
 * moves the end of that line ending's token past the next line's container prefix (the one
 * place this shows is where a link label's last text node ends: see `inline.ts`).
 */
export interface Reach {
  at: number;
}

function fail(reach: Reach, at: number): -1 {
  reach.at = Math.max(reach.at, at);
  return -1;
}

function failed(reach: Reach, at: number): undefined {
  fail(reach, at);
  return undefined;
}

const BACKSLASH = 92;

/** micromark's `normalizeIdentifier`: how labels are compared. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/** After a line ending at `at` (`\r\n` counts once). */
export function afterLineEnding(text: string, at: number): number {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

/** Spaces, tabs and line endings from `at` (micromark's `factoryWhitespace`). */
export function skipWhitespace(text: string, at: number): number {
  while (at < text.length && isWhitespace(text.charCodeAt(at))) at++;
  return at;
}

export function skipSpaces(text: string, at: number): number {
  while (at < text.length && isSpaceOrTab(text.charCodeAt(at))) at++;
  return at;
}

/** A link label `[…]` at `at`: at most 999 characters, no unescaped brackets, not blank. Returns the offset after `]`, or -1. */
export function parseLabel(text: string, at: number, reach: Reach = { at: -1 }): number {
  let i = at + 1;
  let size = 0;
  let seen = false;
  for (;;) {
    // atBreak
    if (size > 999 || i >= text.length) return fail(reach, i);
    const code = text.charCodeAt(i);
    if (code === 91 || (code === 93 && !seen)) return fail(reach, i);
    if (code === 93) return i + 1;
    if (isLineEnding(code)) {
      i = afterLineEnding(text, i);
      continue;
    }
    // labelInside
    for (;;) {
      if (i >= text.length) break;
      const c = text.charCodeAt(i);
      if (c === 91 || c === 93 || isLineEnding(c) || size++ > 999) break;
      i++;
      if (!seen) seen = !isSpaceOrTab(c);
      if (c === BACKSLASH && i < text.length) {
        const next = text.charCodeAt(i);
        if (next === 91 || next === 92 || next === 93) {
          i++;
          size++;
        }
      }
    }
  }
}

export interface Destination {
  /** After the destination (after `>` in the `<…>` form). */
  end: number;
  /** The destination string as written: inside the angle brackets, or the whole raw form. */
  valueStart: number;
  valueEnd: number;
}

/**
 * A destination at `at`: `<…>` (no line ending, no unescaped `<`), or raw (no space or
 * control character, parentheses balanced up to `maxDepth`). undefined when there is none.
 */
export function parseDestination(text: string, at: number, maxDepth: number, reach: Reach = { at: -1 }): Destination | undefined {
  const n = text.length;
  if (text.charCodeAt(at) === 60) {
    let i = at + 1;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 62) return { end: i + 1, valueStart: at + 1, valueEnd: i };
      if (code === 60 || isLineEnding(code)) return failed(reach, i);
      i++;
      if (code === BACKSLASH && i < n) {
        const next = text.charCodeAt(i);
        if (next === 60 || next === 62 || next === BACKSLASH) i++;
      }
    }
    return failed(reach, n);
  }
  if (at >= n) return failed(reach, at);
  const first = text.charCodeAt(at);
  if (first === 32 || first === 41 || isAsciiControl(first)) return failed(reach, at);
  let depth = 0;
  let i = at;
  for (;;) {
    const code = i < n ? text.charCodeAt(i) : NaN;
    if (depth === 0 && (Number.isNaN(code) || code === 41 || isWhitespace(code))) return { end: i, valueStart: at, valueEnd: i };
    if (code === 40 && depth < maxDepth) {
      depth++;
      i++;
    } else if (code === 41) {
      depth--;
      i++;
    } else if (Number.isNaN(code) || code === 32 || code === 40 || isAsciiControl(code)) {
      return failed(reach, i);
    } else {
      i++;
      if (code === BACKSLASH && i < n) {
        const next = text.charCodeAt(i);
        if (next === 40 || next === 41 || next === BACKSLASH) i++;
      }
    }
  }
}

/**
 * A title at `at` (`"…"`, `'…'` or `(…)`, escapes skipped, line endings allowed). Returns
 * the offset after it, or -1. `unclosed` remembers, per closing character, an offset from
 * which a scan found none: later titles that start beyond it fail at once (a scan that starts
 * on a character it did not skip as escaped reads the rest alike), so many unclosed `(`
 * titles cost one scan.
 */
export function parseTitle(text: string, at: number, reach: Reach = { at: -1 }, unclosed?: Map<number, number>): number {
  const open = text.charCodeAt(at);
  if (open !== 34 && open !== 39 && open !== 40) return fail(reach, at);
  const close = open === 40 ? 41 : open;
  const from = unclosed?.get(close);
  if (from !== undefined && at + 1 >= from) return fail(reach, text.length);
  let i = at + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === close) return i + 1;
    i++;
    if (code === BACKSLASH && i < text.length) {
      const next = text.charCodeAt(i);
      if (next === close || next === BACKSLASH) i++;
    }
  }
  unclosed?.set(close, at + 1);
  return fail(reach, text.length);
}

/** `(destination "title")` after a label (micromark's resource), or undefined. */
export function parseResource(s: string, open: number, reach: Reach, unclosedTitles: Map<number, number>): { end: number; url: string; uncertain: boolean } | undefined {
  let i = skipWhitespace(s, open + 1);
  if (s.charCodeAt(i) === 41) return { end: i + 1, url: '', uncertain: false };
  const destination = parseDestination(s, i, 32, reach);
  if (!destination) return undefined;
  i = destination.end;
  const between = skipWhitespace(s, i);
  if (between > i) {
    i = between;
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39 || c === 40) {
      const title = parseTitle(s, i, reach, unclosedTitles);
      if (title < 0) return undefined;
      i = skipWhitespace(s, title);
    }
  }
  if (s.charCodeAt(i) !== 41) {
    reach.at = Math.max(reach.at, i);
    return undefined;
  }
  const raw = s.slice(destination.valueStart, destination.valueEnd);
  return { end: i + 1, url: decodeString(raw).replace(/\0/g, '\uFFFD'), uncertain: hasUnknownNamedReference(raw) };
}
