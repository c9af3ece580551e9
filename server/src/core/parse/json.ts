import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../types';
import type { Segment } from '../scan/segment';

export interface JsonSyntaxError {
  message: string;
  span: Span;
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

/** Packets are strict JSON: comments and trailing commas are errors, not tolerated extensions. */
export function parseJson(text: string): ParsedJson {
  const raw: ParseError[] = [];
  const root = parseTree(text, raw, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // One slip (a trailing comma) often trips several rules at the same place; report it once.
  const seen = new Set<number>();
  const distinct = raw.filter((e) => !seen.has(e.offset) && seen.add(e.offset));
  // A comment between a trailing comma and its closer ("1, // why\n}") must not hide the comma.
  const comments = new Map(raw.filter((e) => printParseErrorCode(e.error) === 'InvalidCommentToken').map((e) => [e.offset + e.length, e.offset]));
  const errors = distinct.map((e) => {
    const name = printParseErrorCode(e.error);
    const comma = trailingComma(text, e.offset, comments);
    if (comma !== undefined && (name === 'ValueExpected' || name === 'PropertyNameExpected')) {
      return { message: 'Trailing comma: remove it (packet documents are strict JSON, where nothing may follow the last item).', span: { start: comma, end: comma + 1 } };
    }
    // Zero-length errors at end of file still need a visible range.
    const start = Math.min(e.offset, Math.max(0, text.length - 1));
    const end = Math.min(start + Math.max(e.length, 1), Math.max(text.length, start));
    return { message: messages[name] ?? `JSON syntax error: ${name}.`, span: { start, end } };
  });
  // "[1,]" trips both a value and a property rule at "]" and "}" positions; one comma, one error.
  const unique = errors.filter((e, i) => errors.findIndex((o) => o.span.start === e.span.start) === i);
  errors.splice(0, errors.length, ...unique);
  if (text.trim() === '') errors.splice(0, errors.length, { message: 'The document is empty; a packet document is a JSON object.', span: { start: 0, end: 0 } });
  return { root, errors };
}

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
