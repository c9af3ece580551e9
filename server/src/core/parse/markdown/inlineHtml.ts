/**
 * The inline constructs that start with `<`: autolinks (`<https://…>`, `<a@b.c>`) and raw
 * HTML (tags, comments, processing instructions, declarations, CDATA), as micromark reads
 * them. Each returns the offset after the construct, or -1.
 */
import { isAsciiAlpha, isAsciiAlphanumeric, isAsciiAtext, isAsciiControl, isWhitespace } from './chars';
import type { InlineContent } from './content';
import type { Reach } from './linkSyntax';

/**
 * Remembers, per closing sequence, an offset from which it does not occur, so that many
 * unclosed openers (`<!--` after `<!--`) cost one search, not one each: scanning stays linear.
 */
export class CloserSearch {
  private readonly absentFrom = new Map<string, number>();

  constructor(private readonly text: string) {}

  indexOf(needle: string, from: number): number {
    const absent = this.absentFrom.get(needle);
    if (absent !== undefined && from >= absent) return -1;
    const at = this.text.indexOf(needle, from);
    if (at < 0) this.absentFrom.set(needle, Math.min(from, absent ?? from));
    return at;
  }
}

/** `<scheme:…>` or `<local@domain>` at `at` (micromark's `autolink`). */
export function parseAutolink(text: string, at: number): number {
  let i = at + 1;
  // charCodeAt gives NaN past the end, which no test below accepts.
  const code = (k: number) => text.charCodeAt(k);
  let c = code(i);
  if (isAsciiAlpha(c)) {
    i++;
    c = code(i);
    if (c === 43 || c === 45 || c === 46 || isAsciiAlphanumeric(c)) {
      // A scheme: two to 32 of [A-Za-z0-9+.-], then ':'; otherwise it may still be an e-mail.
      let size = 1;
      for (;;) {
        c = code(i);
        if (c === 58) return urlInside(text, i + 1);
        if ((c === 43 || c === 45 || c === 46 || isAsciiAlphanumeric(c)) && size++ < 32) i++;
        else break;
      }
    }
  } else if (c === 64) {
    return -1;
  }
  return email(text, i);
}

function urlInside(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 32 || c === 60 || isAsciiControl(c)) return -1;
  }
  return -1;
}

function email(text: string, at: number): number {
  const n = text.length;
  let i = at;
  while (i < n && isAsciiAtext(text.charCodeAt(i))) i++;
  if (i >= n || text.charCodeAt(i) !== 64) return -1;
  i++;
  // Labels of [A-Za-z0-9-] (at most 63 characters each, starting alphanumeric) separated by dots.
  for (;;) {
    if (!isAsciiAlphanumeric(text.charCodeAt(i))) return -1;
    let size = 0;
    let lastWasDash = false;
    for (;;) {
      const c = i < n ? text.charCodeAt(i) : NaN;
      if (!lastWasDash && c === 46) {
        i++;
        break;
      }
      if (!lastWasDash && c === 62) return i + 1;
      if ((c === 45 || isAsciiAlphanumeric(c)) && size++ < 63) {
        lastWasDash = c === 45;
        i++;
      } else {
        return -1;
      }
    }
  }
}

/** Raw inline HTML at `at` (micromark's `htmlText`); line endings are allowed inside. On failure `reach` says where it gave up. */
export function parseHtmlText(text: string, at: number, search: CloserSearch, reach: Reach): number {
  const n = text.length;
  const code = (k: number) => text.charCodeAt(k);
  const fail = (k: number) => {
    reach.at = Math.max(reach.at, k);
    return -1;
  };
  const upTo = (needle: string, from: number) => {
    const close = search.indexOf(needle, from);
    return close < 0 ? fail(n) : close + needle.length;
  };
  let i = at + 1;
  const c = code(i);
  if (c === 33) {
    // After "<!": a comment, CDATA or a declaration.
    i++;
    const d = code(i);
    if (d === 45) {
      if (code(i + 1) !== 45) return fail(i + 1);
      i += 2;
      // "<!-->" and "<!--->" are complete comments; otherwise up to the first "-->".
      if (code(i) === 62) return i + 1;
      if (code(i) === 45 && code(i + 1) === 62) return i + 2;
      return upTo('-->', i);
    }
    if (d === 91) {
      for (let k = 0; k < 6; k++) if (code(i + 1 + k) !== 'CDATA['.charCodeAt(k)) return fail(i + 1 + k);
      return upTo(']]>', i + 7);
    }
    return isAsciiAlpha(d) ? upTo('>', i) : fail(i);
  }
  if (c === 47) {
    i++;
    if (!isAsciiAlpha(code(i))) return fail(i);
    i++;
    while (code(i) === 45 || isAsciiAlphanumeric(code(i))) i++;
    while (isWhitespace(code(i))) i++;
    return code(i) === 62 ? i + 1 : fail(i);
  }
  if (c === 63) return upTo('?>', i + 1);
  if (!isAsciiAlpha(c)) return fail(i);
  i++;
  while (code(i) === 45 || isAsciiAlphanumeric(code(i))) i++;
  const after = code(i);
  if (!(after === 47 || after === 62 || isWhitespace(after))) return fail(i);
  // The attributes, then ">" or "/>".
  for (;;) {
    const b = code(i);
    if (b === 47) return code(i + 1) === 62 ? i + 2 : fail(i + 1);
    if (isWhitespace(b)) {
      i++;
      continue;
    }
    if (!(b === 58 || b === 95 || isAsciiAlpha(b))) return b === 62 ? i + 1 : fail(i);
    i++;
    while (isAttributeNameChar(code(i))) i++;
    while (isWhitespace(code(i))) i++;
    if (code(i) !== 61) continue;
    i++;
    while (isWhitespace(code(i))) i++;
    const v = code(i);
    if (Number.isNaN(v) || v === 60 || v === 61 || v === 62 || v === 96) return fail(i);
    if (v === 34 || v === 39) {
      const close = search.indexOf(v === 34 ? '"' : "'", i + 1);
      if (close < 0) return fail(n);
      i = close + 1;
      const next = code(i);
      if (!(next === 47 || next === 62 || isWhitespace(next))) return fail(i);
      continue;
    }
    for (i++; ; i++) {
      const u = code(i);
      if (Number.isNaN(u) || u === 34 || u === 39 || u === 60 || u === 61 || u === 96) return fail(i);
      if (u === 47 || u === 62 || isWhitespace(u)) break;
    }
  }
}

export function isAttributeNameChar(code: number): boolean {
  return code === 45 || code === 46 || code === 58 || code === 95 || isAsciiAlphanumeric(code);
}

/**
 * Raw HTML's value: the source, less up to three columns of indentation on each continuation
 * line; what is left of a tab that straddles the third column reads as spaces (micromark).
 */
export function htmlValue(content: InlineContent, from: number, to: number): string {
  const value = content.text.slice(from, to);
  if (!/[\r\n]/.test(value)) return value;
  return value.replace(/(\r\n?|\n)([ \t]+)/g, (_whole, eol: string, indent: string, at: number) => {
    // Columns count from the line's place in the document (after its container prefix): tab stops.
    const start = content.columnAt(from + at + eol.length);
    let col = start;
    let k = 0;
    for (; k < indent.length && col - start < 3; k++) {
      const width = indent.charCodeAt(k) === 9 ? 4 - (col % 4) : 1;
      if (col - start + width > 3) return eol + ' '.repeat(col - start + width - 3) + indent.slice(k + 1);
      col += width;
    }
    return eol + indent.slice(k);
  });
}
