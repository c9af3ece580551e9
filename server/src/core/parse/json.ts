import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Finding } from '../facts/types';
import type { Span } from '../types';
import type { Segment } from '../scan/segment';

/**
 * What kind of error: `syntax` and `duplicate-key` are what any JSON validator reports (an
 * editor's own JSON support among them); `empty` and `depth` are ours alone (most validators
 * accept an empty file and any nesting).
 */
export type JsonSyntaxKind = 'syntax' | 'duplicate-key' | 'empty' | 'depth';

export interface JsonSyntaxError {
  message: string;
  span: Span;
  kind: JsonSyntaxKind;
}

export interface ParsedJson {
  /** The tree, possibly partial when there are syntax errors. */
  root: Node | undefined;
  errors: JsonSyntaxError[];
}

const messages: Partial<Record<string, string>> = {
  InvalidCommentToken: 'Comments are not allowed in packet documents (they are strict JSON); delete the comment.',
  PropertyNameExpected: 'A property name (in double quotes) is expected here.',
  ValueExpected: 'A value is expected here.',
  CloseBraceExpected: 'A closing "}" is expected; the document may be truncated.',
  CloseBracketExpected: 'A closing "]" is expected; the document may be truncated.',
  CommaExpected: 'A comma is expected between values.',
  ColonExpected: 'A colon is expected after the property name.',
  UnexpectedEndOfString: 'The string is not closed; add the closing quote.',
  UnexpectedEndOfComment: 'The comment is not closed (and comments are not allowed in packet documents).',
  InvalidSymbol: 'This is not valid JSON here.',
  InvalidEscapeCharacter: 'Invalid escape sequence in a string.',
  InvalidUnicode: 'Invalid \\u escape in a string.',
  InvalidCharacter: 'Invalid character in a string (control characters must be escaped).',
  EndOfFileExpected: 'Only one JSON value is allowed in a document; remove what follows it.',
  InvalidNumberFormat: 'Invalid number.',
};

/**
 * Deeper than this, a document is not parsed: the parser, the schema validator and the fact
 * extraction all recurse, and packet documents are a few levels deep.
 */
export const MAX_DEPTH = 256;
/** Past this many syntax errors the document is noise; the first ones say what is wrong. */
export const MAX_ERRORS = 100;

/**
 * A syntax error as a json-syntax finding. Its kind travels in `data.syntax`: a host whose
 * editor validates JSON itself (VS Code) can leave out what that validation already shows.
 */
export function syntaxFinding(error: JsonSyntaxError): Finding {
  return { code: 'json-syntax', span: error.span, message: error.message, data: { syntax: error.kind } };
}

/** Packets are strict JSON: comments and trailing commas are errors, not tolerated extensions. */
export function parseJson(text: string): ParsedJson {
  if (text.trim() === '') return { root: undefined, errors: [{ message: 'The document is empty; a packet document is a JSON object.', span: { start: 0, end: 0 }, kind: 'empty' }] };
  const tooDeep = firstTooDeep(text);
  if (tooDeep !== undefined) {
    return { root: undefined, errors: [{ message: `Nested more than ${MAX_DEPTH} levels deep here, so the document is not analysed; a packet document is a shallow JSON object.`, span: { start: tooDeep, end: tooDeep + 1 }, kind: 'depth' }] };
  }
  const raw: ParseError[] = [];
  const root = parseTree(text, raw, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (root) clampTree(root, text);
  // One slip (a trailing comma) often trips several rules at the same place; report it once.
  const seen = new Set<number>();
  const distinct = raw.filter((e) => !seen.has(e.offset) && seen.add(e.offset));
  // A comment between a trailing comma and its closer ("1, // why\n}") must not hide the comma.
  const comments = new Map(raw.filter((e) => printParseErrorCode(e.error) === 'InvalidCommentToken').map((e) => [e.offset + e.length, e.offset]));
  const errors: JsonSyntaxError[] = [];
  // "[1,]" trips both a value and a property rule at "]" and "}" positions; one comma, one error.
  const starts = new Set<number>();
  for (const e of distinct) {
    if (errors.length === MAX_ERRORS) break;
    const name = printParseErrorCode(e.error);
    const comma = trailingComma(text, e.offset, comments);
    const error: JsonSyntaxError =
      comma !== undefined && (name === 'ValueExpected' || name === 'PropertyNameExpected')
        ? { message: 'Trailing comma: remove it (packet documents are strict JSON, where nothing may follow the last item).', span: { start: comma, end: comma + 1 }, kind: 'syntax' }
        : { message: messages[name] ?? `JSON syntax error: ${name}.`, span: visibleSpan(text, e.offset, e.length), kind: 'syntax' };
    if (starts.has(error.span.start)) continue;
    starts.add(error.span.start);
    errors.push(error);
  }
  if (root) {
    for (const error of duplicateKeys(root)) if (errors.length < MAX_ERRORS && !starts.has(error.span.start)) errors.push(error);
    errors.sort((a, b) => a.span.start - b.span.start);
  }
  return { root, errors };
}

/**
 * A key written twice in one object. JSON readers disagree on which value counts (the first,
 * the last, an error), so a packet that says `"status": "PASS"` and `"status": "FAIL"` says
 * nothing certain: it is reported on every repetition, like a syntax error.
 */
function duplicateKeys(root: Node): JsonSyntaxError[] {
  const errors: JsonSyntaxError[] = [];
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'object') {
      const keys = new Set<unknown>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key && keys.has(key.value)) {
          errors.push({ message: `The key ${JSON.stringify(key.value)} is already used in this object; readers disagree on which value counts, so remove or rename one.`, span: nodeSpan(key), kind: 'duplicate-key' });
        }
        if (key) keys.add(key.value);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return errors;
}

/** The offset of the first `[` or `{` that opens level MAX_DEPTH + 1 (strings and comments skipped), if any. */
function firstTooDeep(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string; an unclosed one ends at the line break, as the parser reads it.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

/**
 * Where to show an error of this offset and length. A zero-length error (at the end of a
 * truncated document, or before a line break) goes on the last character before it that can
 * be seen, so it is visible and never splits a `\r\n` or a surrogate pair.
 */
function visibleSpan(text: string, offset: number, length: number): Span {
  const start = outsideCrlf(text, Math.max(0, Math.min(offset, text.length)));
  const end = outsideCrlf(text, Math.min(offset + Math.max(length, 0), text.length));
  if (end > start) return { start, end };
  // Nothing left of it once inside the text: placed as a zero-length error is.
  const at = text.charCodeAt(start);
  if (start < text.length && at !== 10 && at !== 13) return { start, end: start + (isHighSurrogate(at) && isLowSurrogate(text.charCodeAt(start + 1)) ? 2 : 1) };
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1] ?? '')) before--;
  if (before === 0) return { start, end: start };
  const pair = before >= 2 && isLowSurrogate(text.charCodeAt(before - 1)) && isHighSurrogate(text.charCodeAt(before - 2));
  return { start: before - (pair ? 2 : 1), end: before };
}

/** An offset between the `\r` and the `\n` of a line break moves back onto the `\r`: the end of the line's text. */
function outsideCrlf(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

/**
 * jsonc-parser can give a node that runs past the end of the text (an array cut off by an
 * unclosed comment, "[/*") or that ends inside a `\r\n` (a string cut off by a backslash
 * before the line break): every node is brought back inside, on whole characters.
 */
function clampTree(root: Node, text: string): void {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const start = outsideCrlf(text, Math.max(0, Math.min(node.offset, text.length)));
    const end = Math.max(start, outsideCrlf(text, Math.min(node.offset + node.length, text.length)));
    // The parser's own objects, typed read-only; nothing else holds them yet.
    const mutable = node as { offset: number; length: number };
    mutable.offset = start;
    mutable.length = end - start;
    for (const child of node.children ?? []) stack.push(child);
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The offset of a comma that directly precedes `offset` (whitespace and comments, by end → start, aside), if any. */
function trailingComma(text: string, offset: number, comments: ReadonlyMap<number, number>): number | undefined {
  let i = offset - 1;
  for (;;) {
    while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
    const commentStart = comments.get(i + 1);
    if (commentStart === undefined) break;
    i = commentStart - 1;
  }
  const closer = text[offset];
  return text[i] === ',' && (closer === ']' || closer === '}') ? i : undefined;
}

/** The value of a string node as a segment whose offsets lead back into the document. */
export function stringSegment(text: string, node: Node): Segment {
  const rawStart = node.offset + 1;
  const raw = text.slice(rawStart, node.offset + node.length - 1);
  const value = typeof node.value === 'string' ? node.value : raw;
  if (!raw.includes('\\')) return { text: value, offsetOf: (i) => rawStart + i };
  // Escapes make decoded and source offsets drift apart: record where each character came from.
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; ) {
    offsets.push(rawStart + i);
    if (raw[i] !== '\\') i++;
    else if (raw[i + 1] === 'u') i += 6;
    else i += 2;
  }
  offsets.push(rawStart + raw.length);
  return { text: value, offsetOf: (i) => offsets[Math.min(i, offsets.length - 1)] ?? rawStart + raw.length };
}

export function propertyValue(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const property of node.children ?? []) {
    if (property.children?.[0]?.value === key) return property.children[1];
  }
  return undefined;
}

export function nodeSpan(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}
