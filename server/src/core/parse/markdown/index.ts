/**
 * The one way into the Markdown scanner: `parseMarkdown` and the shapes it returns. Nothing
 * outside this folder imports its other files (lint holds the line), so they can be cut and
 * renamed freely.
 *
 * The scanner is a reproduction, on purpose, of a reference: micromark's CommonMark
 * tokenizers (0.31.2, no GFM) as mdast-util-from-markdown drives them, because that is what
 * the checks read before the scanner replaced it, and a finding must not move when the parser
 * changes. Reproduced, and held to the reference by the differential tests
 * (test/unit/parse-markdown-differential.test.ts, against tools/markdownOracle.ts):
 * - block structure: containers opened and continued line by line (`containers.ts`), lazy
 *   continuation (`blocks.ts`), tab stops of 4 with partly used tabs (`lineCursor.ts`); the leaf blocks a
 *   line opens or closes, HTML blocks of all seven kinds included (`leafStarts.ts`);
 *   reference definitions only at a paragraph's start (`definitions.ts`);
 * - inline: code spans, autolinks and raw HTML (`inlineHtml.ts`), CommonMark's bracket rules
 *   for links and images with micromark's label, destination and title factories
 *   (`linkSyntax.ts`), emphasis as micromark pairs it, for heading text only (`emphasis.ts`);
 * - character references decoded as micromark decodes them (`entities.ts`), and character
 *   classes on UTF-16 code units, as micromark reads them (`chars.ts`);
 * - mdast's reading of its own tree where it re-scanned the source for offsets
 *   (`findDestination`, `ClosingBrackets` in `mask.ts`) and mdast-util-to-string's heading
 *   text (an image keeps only its alt text), quirks included.
 * Not reproduced: what the checks never read (the tree itself, GFM, titles' and labels'
 * decoded values), and the two deviations listed on parseMarkdown.
 */
import { append } from '../../append';
import type { Span } from '../../types';
import { scanBlocks } from './blocks';
import { scanInline, type InlineFindings } from './inline';
import { ClosingBrackets, buildProse, commentsIn, findDestination } from './mask';

/** The entity table the scanner decodes with, for the comparison with the reference (test/unit/support). */
export { namedReference } from './entities';

export interface MarkdownLink {
  /** The destination as written (percent-encoding kept; the resolver decodes). */
  target: string;
  targetSpan: Span;
  kind: 'link' | 'image' | 'definition';
}

export interface MarkdownHeading {
  depth: number;
  text: string;
  span: Span;
}

export interface ParsedMarkdown {
  /**
   * The document with everything that is not prose replaced by spaces (line breaks kept):
   * code blocks and spans, HTML (comments included), link destinations and titles,
   * reference definitions. Offsets into it are offsets into the document.
   */
  prose: string;
  links: MarkdownLink[];
  /** Link labels: prose for IDs, but a path there names the link's own target. */
  linkLabels: Span[];
  headings: MarkdownHeading[];
  /**
   * Paragraphs and headings: the units of prose (no GFM here, so a table is one paragraph).
   * A list item's lines or a heading never run on into the next block, so claims are read
   * one block at a time.
   */
  blocks: Span[];
  /** HTML comments, for suppression comments. */
  comments: Span[];
}

/**
 * Parses a KB note as CommonMark (no GFM: a table is a paragraph) in two linear passes: the
 * block pass (`blocks.ts`) finds paragraphs, headings, code, HTML and definitions;
 * the inline pass (`inline.ts`) reads each paragraph and heading. The results are
 * exactly what the previous mdast implementation produced (its own quirks included, so the
 * checks see no change); test/unit/parse-markdown-differential.test.ts holds the two side
 * by side. Deliberate differences, on exotic input only, each pinned there:
 * - a leading byte order mark: spans stay offsets into the text (mdast's were one short);
 * - a named character reference outside the HTML 4 names (`&check;`): literal in heading
 *   text, and a link whose destination holds one is not reported (`entities.ts`).
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  const scan = scanBlocks(text);
  const inline: InlineFindings = { blanks: [], html: [], links: [] };
  const result: ParsedMarkdown = { prose: '', links: [], linkLabels: [], headings: [], blocks: [], comments: [] };
  for (const block of scan.blocks) {
    const spelled = scanInline(block.content, scan.defined, inline, block.depth > 0);
    if (block.depth > 0) result.headings.push({ depth: block.depth, text: spelled, span: { start: block.start, end: block.end } });
    result.blocks.push({ start: block.start, end: block.end });
  }

  const blanks = [...scan.code, ...inline.blanks];
  const html = [...scan.html, ...inline.html];
  for (let i = 0; i < html.length; i += 2) {
    const start = html[i] as number;
    const end = html[i + 1] as number;
    blanks.push(start, end);
    append(result.comments, commentsIn(text, start, end));
  }

  // Links in document order: definitions and inline links interleave; an image inside a link comes after it.
  const links: { start: number; link: MarkdownLink | undefined; label?: Span }[] = [];
  for (const definition of scan.definitions) {
    blanks.push(definition.start, definition.end);
    const destination = findDestination(text, definition.start, definition.end, ']:');
    if (destination && !definition.uncertain) links.push({ start: definition.start, link: { target: definition.url, targetSpan: destination, kind: 'definition' } });
  }
  const brackets = new ClosingBrackets(text);
  for (const node of inline.links) {
    if (node.kind === 'image') {
      // An image's alt may hold brackets of its own ("![a [b](c)](d.png)"): look past the alt.
      const destination = findDestination(text, brackets.of(node.start + 1, node.end), node.end, '](');
      if (destination && !node.uncertain) links.push({ start: node.start, link: { target: node.url, targetSpan: destination, kind: 'image' } });
      blanks.push(node.start, node.end);
      continue;
    }
    const destination = findDestination(text, node.labelEnd, node.end, '](');
    if (!destination) continue;
    // An uncertain link keeps its label: a path there is still the link's own target, not evidence.
    const label = { start: node.start + 1, end: node.labelEnd };
    links.push({ start: node.start, link: node.uncertain ? undefined : { target: node.url, targetSpan: destination, kind: 'link' }, label });
    blanks.push(node.labelEnd, node.end);
  }
  links.sort((a, b) => a.start - b.start);
  for (const entry of links) {
    if (entry.link) result.links.push(entry.link);
    if (entry.label) result.linkLabels.push(entry.label);
  }
  result.comments.sort((a, b) => a.start - b.start);
  result.prose = buildProse(text, blanks);
  return result;
}
