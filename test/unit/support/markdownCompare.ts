/**
 * Compares the scanner with the mdast oracle field by field, so that a failing differential
 * test names the field and the input (as a JSON string literal, ready to paste).
 */
import assert from 'node:assert/strict';
import { namedReference, parseMarkdown, type ParsedMarkdown } from '../../../server/src/core/parse/markdown';
import type { Span } from '../../../server/src/core/types';
import { parseMarkdownOracle } from '../../../tools/markdownOracle';

const FIELDS = ['prose', 'links', 'linkLabels', 'headings', 'blocks', 'comments'] as const;

export function assertSameAsOracle(text: string, expected: ParsedMarkdown = parseMarkdownOracle(text)): void {
  const actual = parseMarkdown(text);
  for (const field of FIELDS) assert.deepEqual(actual[field], expected[field], `${field} differ for ${JSON.stringify(text)}`);
}

/**
 * What the oracle gives for `text` behind a byte order mark, as offsets into the text with
 * it: micromark drops the mark from its offsets, so the mdast spans come out one short.
 */
export function oracleBehindByteOrderMark(text: string): ParsedMarkdown {
  const parsed = parseMarkdownOracle(text);
  const shift = (span: Span): Span => ({ start: span.start + 1, end: span.end + 1 });
  return {
    prose: `\uFEFF${parsed.prose}`,
    links: parsed.links.map((link) => ({ ...link, targetSpan: shift(link.targetSpan) })),
    linkLabels: parsed.linkLabels.map(shift),
    headings: parsed.headings.map((heading) => ({ ...heading, span: shift(heading.span) })),
    blocks: parsed.blocks.map(shift),
    comments: parsed.comments.map(shift),
  };
}

/** Whether `text` holds a named character reference outside the scanner's table (a documented deviation). */
export function hasNameOutsideEntityTable(text: string): boolean {
  for (const m of text.matchAll(/&([A-Za-z0-9]{1,31});/g)) if (namedReference(m[1] ?? '') === undefined) return true;
  return false;
}
