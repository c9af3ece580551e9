import { append } from '../append';
import { parseMarkdown } from '../parse/markdown';
import { scanEvidence } from '../scan/evidence';
import { scanIds } from '../scan/ids';
import { identitySegment, type Segment } from '../scan/segment';
import { scanTickets } from '../scan/tickets';
import { claimsIn, type FactOptions } from './factOptions';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../types';
import { emptyNoteFacts } from './emptyFacts';
import { invalidRangeMessage, suggestion } from './packetFacts';
import type { NoteFacts, Suppression } from './types';

// The KB footer names the note's own path: "Back to Knowledge Hub knowledge/dev/…/note.md".
const FOOTER = /^[ \t]*Back to Knowledge Hub[ \t]+<?([^\s<>]+?)>?[ \t]*$/gm;

/** Reads one KB note: references in prose only, never in code, HTML comments or link targets. */
export function noteFacts(path: string, text: string, version: string | number, options: FactOptions): NoteFacts {
  const { patterns } = options;
  const facts = emptyNoteFacts({ path, version, text, lines: new LineIndex(text) });
  const markdown = parseMarkdown(text);
  facts.headings = markdown.headings;
  const prose = identitySegment(markdown.prose);

  const footers: Span[] = [];
  for (const m of markdown.prose.matchAll(FOOTER)) {
    const target = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].indexOf(target);
    footers.push({ start, end: start + target.length });
    facts.links.push({ target, span: { start, end: start + target.length }, kind: 'footer' });
  }
  for (const link of markdown.links) facts.links.push({ target: link.target, span: link.targetSpan, kind: link.kind });

  facts.idRefs = scanIds(prose, patterns.id);
  for (const ticket of scanTickets(prose, patterns.ticket)) {
    if (ticket.valid) facts.tickets.push(ticket);
    else facts.local.push({ code: 'ticket-range-invalid', span: ticket.span, message: invalidRangeMessage(ticket.text, ticket.problem), data: suggestion(ticket.suggestion) });
  }
  // A path in a link's label or in the footer is that link's own target, checked once as a link.
  const covered = [...footers, ...markdown.linkLabels];
  facts.evidence = scanEvidence(prose, patterns.evidencePath, patterns.evidenceHints, (i) => covered.some((s) => i >= s.start && i < s.end));
  // One block at a time: a list item or heading never runs on into the next. A list under a
  // hedging lead ("What a production phase would need") that claims nothing itself lists needs,
  // not facts; the lead is judged once, at the first item under it.
  let lead: { text: string; claims: number } | undefined;
  let hedgedList: boolean | undefined;
  for (const block of markdown.blocks) {
    const segment: Segment = { text: markdown.prose.slice(block.start, block.end), offsetOf: (i) => block.start + i };
    const item = listItemAt(text, block.start);
    const claims = claimsIn(segment, options.detectClaims);
    if (!item) {
      lead = { text: segment.text, claims: claims.length };
      hedgedList = undefined;
    } else if (lead) hedgedList ??= lead.claims === 0 && options.detectClaims.hedgesList(lead.text);
    append(facts.claims, item && hedgedList ? claims.filter((c) => c.embedded) : claims);
  }
  facts.suppressions = markdown.comments.flatMap((span) => suppressionAt(text, span, facts.lines));
  return facts;
}

// A list marker opening the block's line: "- ", "* ", "+ ", "• ", "1. ", "2) ".
const LIST_MARKER = /^[ \t>]*(?:[-*+•]|\d{1,9}[.)])[ \t]/;
// A line is at most this long for the marker test; longer lines are read only this far.
const MAX_MARKER_SCAN = 64;

/** Whether the block starting at `start` is a list item, judged from its line's opening. */
function listItemAt(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  // A block far from its line's start (a wrapped paragraph) is not an item's first line.
  if (start - lineStart > MAX_MARKER_SCAN) return false;
  return LIST_MARKER.test(text.slice(lineStart, Math.min(text.length, lineStart + MAX_MARKER_SCAN)));
}

const SUPPRESSION = /^<!--\s*govlens-disable-next-line\s+([a-z][a-z-]*(?:\s*,\s*[a-z][a-z-]*)*)\s*(?::\s*([\s\S]*?))?\s*-->$/;

function suppressionAt(text: string, span: { start: number; end: number }, lines: LineIndex): Suppression[] {
  const m = SUPPRESSION.exec(text.slice(span.start, span.end));
  if (!m) return [];
  return [
    {
      span,
      line: lines.positionAt(span.end).line + 1,
      codes: (m[1] ?? '').split(',').map((c) => c.trim()),
      reason: (m[2] ?? '').trim(),
    },
  ];
}
