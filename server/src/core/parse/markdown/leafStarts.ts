/**
 * Recognizers for the leaf blocks that one line opens (or closes): ATX headings, thematic
 * breaks, setext underlines, code fences, HTML blocks. Each reads `text` on `[at, end)`,
 * where `at` is the first non-blank character of the line's content and `end` the line end.
 */
import { isAsciiAlpha, isAsciiAlphanumeric, isSpaceOrTab } from './chars';
import { isAttributeNameChar } from './inlineHtml';

function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && isSpaceOrTab(text.charCodeAt(at))) at++;
  return at;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return end;
}

export interface AtxHeading {
  depth: number;
  contentStart: number;
  contentEnd: number;
}

/** `# Title #`: one to six `#`, then a space, a tab or the line end; the closing run goes when a space precedes it. */
export function atxHeading(text: string, at: number, end: number): AtxHeading | undefined {
  let i = at;
  while (i < end && text.charCodeAt(i) === 35 && i - at < 6) i++;
  if (i === at || (i < end && !isSpaceOrTab(text.charCodeAt(i)))) return undefined;
  const depth = i - at;
  const contentStart = skipSpaces(text, i, end);
  let contentEnd = trimEnd(text, contentStart, end);
  let k = contentEnd;
  while (k > contentStart && text.charCodeAt(k - 1) === 35) k--;
  if (k === contentStart) contentEnd = contentStart;
  else if (k < contentEnd && isSpaceOrTab(text.charCodeAt(k - 1))) contentEnd = trimEnd(text, contentStart, k);
  return { depth, contentStart, contentEnd };
}

/** `***`, `- - -`, `___`: three or more of one marker, with spaces and tabs only. */
export function isThematicBreak(text: string, at: number, end: number): boolean {
  const marker = text.charCodeAt(at);
  if (marker !== 42 && marker !== 45 && marker !== 95) return false;
  let count = 0;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === marker) count++;
    else if (!isSpaceOrTab(c)) return false;
  }
  return count >= 3;
}

/** A setext underline: a run of `=` (depth 1) or `-` (depth 2), then spaces only. 0 when it is none. */
export function setextUnderline(text: string, at: number, end: number): number {
  const marker = text.charCodeAt(at);
  if (marker !== 61 && marker !== 45) return 0;
  let i = at;
  while (i < end && text.charCodeAt(i) === marker) i++;
  return skipSpaces(text, i, end) === end ? (marker === 61 ? 1 : 2) : 0;
}

export interface Fence {
  marker: number;
  size: number;
}

/** An opening fence: three or more `` ` `` or `~`; a backtick fence's info string holds no backtick. */
export function openingFence(text: string, at: number, end: number): Fence | undefined {
  const marker = text.charCodeAt(at);
  if (marker !== 96 && marker !== 126) return undefined;
  let i = at;
  while (i < end && text.charCodeAt(i) === marker) i++;
  if (i - at < 3) return undefined;
  if (marker === 96 && text.slice(i, end).includes('`')) return undefined;
  return { marker, size: i - at };
}

/** A closing fence at `at` (indentation already skipped, at most three columns): the same marker, at least as long, then spaces only. */
export function isClosingFence(text: string, at: number, end: number, fence: Fence): boolean {
  let i = at;
  while (i < end && text.charCodeAt(i) === fence.marker) i++;
  return i - at >= fence.size && skipSpaces(text, i, end) === end;
}

// micromark-util-html-tag-name
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const BLOCK_NAMES = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(
    ' ',
  ),
);

/** The seven kinds of HTML block (CommonMark 4.6), by how they end. */
export const enum HtmlKind {
  None = 0,
  Raw = 1,
  Comment = 2,
  Instruction = 3,
  Declaration = 4,
  Cdata = 5,
  Block = 6,
  Complete = 7,
}

/** Where the end search starts on the first line, by kind: after the opening sequence. */
export interface HtmlStart {
  kind: HtmlKind;
  /** The state the end scan starts in (see `htmlEndOnLine`). */
  scanFrom: number;
  state: HtmlEndState;
}

export const enum HtmlEndState {
  Continuation,
  DeclarationInside,
}

/**
 * An HTML block starting at `at` (micromark's `htmlFlow`). `interrupt`: the line would
 * otherwise continue a paragraph, which only kinds 1-6 may interrupt (kind 7 too on a lazy line).
 */
export function htmlBlockStart(text: string, at: number, end: number, interrupt: boolean, lazy: boolean): HtmlStart | undefined {
  const code = (k: number) => (k < end ? text.charCodeAt(k) : NaN);
  let i = at + 1;
  const c = code(i);
  if (c === 33) {
    i++;
    if (code(i) === 45) return code(i + 1) === 45 ? { kind: HtmlKind.Comment, scanFrom: i + 2, state: HtmlEndState.DeclarationInside } : undefined;
    if (code(i) === 91) return text.slice(i + 1, i + 7) === 'CDATA[' && i + 7 <= end ? { kind: HtmlKind.Cdata, scanFrom: i + 7, state: HtmlEndState.Continuation } : undefined;
    return isAsciiAlpha(code(i)) ? { kind: HtmlKind.Declaration, scanFrom: i + 1, state: HtmlEndState.DeclarationInside } : undefined;
  }
  if (c === 63) return { kind: HtmlKind.Instruction, scanFrom: i + 1, state: HtmlEndState.DeclarationInside };
  const closing = c === 47;
  if (closing) i++;
  if (!isAsciiAlpha(code(i))) return undefined;
  const nameStart = i;
  while (code(i) === 45 || isAsciiAlphanumeric(code(i))) i++;
  const after = code(i);
  if (!(Number.isNaN(after) || after === 47 || after === 62 || isSpaceOrTab(after))) return undefined;
  const name = text.slice(nameStart, i).toLowerCase();
  const slash = after === 47;
  if (!slash && !closing && RAW_NAMES.has(name)) return { kind: HtmlKind.Raw, scanFrom: i, state: HtmlEndState.Continuation };
  if (BLOCK_NAMES.has(name)) {
    if (slash && code(i + 1) !== 62) return undefined;
    return { kind: HtmlKind.Block, scanFrom: end, state: HtmlEndState.Continuation };
  }
  if (interrupt && !lazy) return undefined;
  const tagEnd = closing ? skipSpaces(text, i, end) : completeAttributes(text, i, end);
  if (tagEnd < 0 || code(tagEnd) !== 62) return undefined;
  return skipSpaces(text, tagEnd + 1, end) === end ? { kind: HtmlKind.Complete, scanFrom: end, state: HtmlEndState.Continuation } : undefined;
}

const enum State {
  NameBefore,
  NameAfter,
  ValueBefore,
  Unquoted,
}

/** The attributes of a complete open tag on one line; returns the offset where its `>` should be (of `/>`'s `>`), or -1. */
function completeAttributes(text: string, at: number, end: number): number {
  const code = (k: number) => (k < end ? text.charCodeAt(k) : NaN);
  let state = State.NameBefore;
  let i = at;
  for (;;) {
    const c = code(i);
    switch (state) {
      case State.NameBefore:
        if (c === 47) return code(i + 1) === 62 ? i + 1 : -1;
        if (isSpaceOrTab(c)) i++;
        else if (c === 58 || c === 95 || isAsciiAlpha(c)) {
          i++;
          while (isAttributeNameChar(code(i))) i++;
          state = State.NameAfter;
        } else return i;
        break;
      case State.NameAfter:
        if (c === 61) {
          i++;
          state = State.ValueBefore;
        } else if (isSpaceOrTab(c)) i++;
        else state = State.NameBefore;
        break;
      case State.ValueBefore:
        if (Number.isNaN(c) || c === 60 || c === 61 || c === 62 || c === 96) return -1;
        if (c === 34 || c === 39) {
          let close = i + 1;
          while (close < end && text.charCodeAt(close) !== c) close++;
          if (close >= end) return -1;
          i = close + 1;
          const next = code(i);
          if (!(next === 47 || next === 62 || isSpaceOrTab(next))) return -1;
          state = State.NameBefore;
        } else if (isSpaceOrTab(c)) i++;
        else state = State.Unquoted;
        break;
      case State.Unquoted:
        // Unlike inline HTML, a block tag's unquoted value may run into "=" (micromark's completeAttributeValueUnquoted).
        if (Number.isNaN(c) || c === 34 || c === 39 || c === 47 || c === 60 || c === 61 || c === 62 || c === 96 || isSpaceOrTab(c)) state = State.NameAfter;
        else i++;
        break;
    }
  }
}

/**
 * Scans one line of an HTML block of kind 1-5 for its end condition (`</script>`, `-->`,
 * `?>`, `>`, `]]>`), from `from` in `state`. True when the block ends on this line.
 */
export function htmlEndOnLine(text: string, from: number, end: number, kind: HtmlKind, state: HtmlEndState): boolean {
  let i = from;
  if (state === HtmlEndState.DeclarationInside) {
    // After "<!--", "<?" or "<!x": a ">" right away ends it (micromark's continuationDeclarationInside).
    while (kind === HtmlKind.Comment && i < end && text.charCodeAt(i) === 45) i++;
    if (i < end && text.charCodeAt(i) === 62) return true;
  }
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (kind === HtmlKind.Comment && c === 45 && i + 1 < end && text.charCodeAt(i + 1) === 45) {
      let k = i + 2;
      while (k < end && text.charCodeAt(k) === 45) k++;
      if (k < end && text.charCodeAt(k) === 62) return true;
    } else if (kind === HtmlKind.Raw && c === 60 && text.charCodeAt(i + 1) === 47) {
      let k = i + 2;
      while (k < end && k - i - 2 < 8 && isAsciiAlpha(text.charCodeAt(k))) k++;
      if (k < end && text.charCodeAt(k) === 62 && RAW_NAMES.has(text.slice(i + 2, k).toLowerCase())) return true;
    } else if (kind === HtmlKind.Instruction && c === 63 && i + 1 < end && text.charCodeAt(i + 1) === 62) {
      return true;
    } else if (kind === HtmlKind.Declaration && c === 62) {
      return true;
    } else if (kind === HtmlKind.Cdata && c === 93 && i + 1 < end && text.charCodeAt(i + 1) === 93) {
      // micromark reads "]]" as a pair, then needs ">": "]]>" and "]]]]>" end the block, "]]]>" does not.
      if (i + 2 < end && text.charCodeAt(i + 2) === 62) return true;
      i++;
    }
  }
  return false;
}
