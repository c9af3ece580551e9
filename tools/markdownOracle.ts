/**
 * The test oracle for the Markdown scanner: the mdast implementation that the Markdown parser
 * (`server/src/core/parse/markdown/`, then one `markdown.ts`) used before issue 6, moved here
 * verbatim (only the function is renamed). It runs mdast-util-from-markdown (micromark, CommonMark, no GFM) and
 * maps the tree onto `ParsedMarkdown`; the differential tests compare the scanner with it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import type { ParsedMarkdown } from '../server/src/core/parse/markdown';
import type { Span } from '../server/src/core/types';

export function parseMarkdownOracle(text: string): ParsedMarkdown {
  const chars = text.split('');
  const blank = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const result: ParsedMarkdown = { prose: '', links: [], linkLabels: [], headings: [], blocks: [], comments: [] };
  let tree: Root;
  try {
    tree = fromMarkdown(text);
  } catch {
    // micromark accepts any input; should it ever throw, treat the whole text as prose rather than lose the document.
    result.prose = text;
    return result;
  }
  visit(tree, text, result, blank);
  result.prose = chars.join('');
  return result;
}

type Blank = (start: number, end: number) => void;

function visit(node: Nodes, text: string, out: ParsedMarkdown, blank: Blank): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  switch (node.type) {
    case 'code':
    case 'inlineCode':
      blank(start, end);
      return;
    case 'html':
      blank(start, end);
      // The source, not node.value: inside quotes and lists the value lacks each line's "> " or indent.
      for (const m of text.slice(start, end).matchAll(/<!--[\s\S]*?-->/g)) {
        out.comments.push({ start: start + (m.index ?? 0), end: start + (m.index ?? 0) + m[0].length });
      }
      return;
    case 'image':
    case 'definition': {
      // An image's alt may hold brackets of its own ("![a [b](c)](d.png)"): look past the alt.
      const from = node.type === 'image' ? closingBracket(text, start + 1, end) : start;
      const destination = findDestination(text, from, end, node.type === 'definition' ? ']:' : '](');
      if (destination) out.links.push({ target: node.url, targetSpan: destination, kind: node.type });
      blank(start, end);
      return;
    }
    case 'link': {
      if (text[start] === '<') {
        blank(start, end); // autolink: <https://…>
        return;
      }
      const labelEnd = node.children.at(-1)?.position?.end.offset ?? start + 1;
      const destination = findDestination(text, labelEnd, end, '](');
      if (destination) {
        out.links.push({ target: node.url, targetSpan: destination, kind: 'link' });
        out.linkLabels.push({ start: start + 1, end: labelEnd });
        blank(labelEnd, end);
      }
      break;
    }
    case 'heading':
      out.headings.push({ depth: node.depth, text: toString(node), span: { start, end } });
      out.blocks.push({ start, end });
      break;
    case 'paragraph':
      out.blocks.push({ start, end });
      break;
  }
  if ('children' in node) for (const child of node.children) visit(child, text, out, blank);
}

/** The offset of the "]" that closes the "[" at `open` (escapes skipped), or `open` when there is none. */
function closingBracket(text: string, open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return open;
}

/** The destination's span in `[label](dest "title")` or `[label]: dest "title"`, searched after the label. */
function findDestination(text: string, from: number, to: number, opener: string): Span | undefined {
  const at = text.indexOf(opener, from);
  if (at < 0 || at >= to) return undefined;
  let i = at + opener.length;
  while (i < to && /\s/.test(text[i] ?? '')) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    return close > i && close < to ? { start: i + 1, end: close } : undefined;
  }
  let depth = 0;
  const s = i;
  for (; i < to; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (c !== undefined && /\s/.test(c)) break;
  }
  return i > s ? { start: s, end: i } : undefined;
}
