import type { Span } from '../types';
import type { Segment } from './segment';
import { toSpan } from './segment';

/** A ticket or inclusive range, e.g. TKT-OBJ-442..461 → prefix "TKT-OBJ", 442, 461. */
export interface TicketRange {
  prefix: string;
  first: number;
  last: number;
}

export type TicketOccurrence =
  | { valid: true; text: string; span: Span; range: TicketRange }
  | { valid: false; text: string; span: Span; problem: string; suggestion?: string };

export function formatRange(r: TicketRange): string {
  return r.first === r.last ? `${r.prefix}-${r.first}` : `${r.prefix}-${r.first}..${r.last}`;
}

export function ticketCount(r: TicketRange): number {
  return r.last - r.first + 1;
}

// What may follow a ticket: dots, then an end that is a number or a prefixed number. The end
// is read as one word so "461abc" is a non-numeric end, not 461 followed by prose.
const RANGE_TAIL = /(\.{2,})([A-Za-z][A-Za-z0-9]*-[A-Za-z][A-Za-z0-9]*-)?([A-Za-z0-9_]+)?/y;

/**
 * Finds tickets and ticket ranges. Malformed ranges (reversed, other prefix at the end,
 * three dots, missing or non-numeric end) come back invalid with the reason, so the
 * caller reports ticket-range-invalid on exactly that token.
 */
export function scanTickets(segment: Segment, pattern: RegExp): TicketOccurrence[] {
  const text = segment.text;
  const found: TicketOccurrence[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const prefix = m[1] ?? '';
    const first = Number(m[2]);
    const start = m.index;
    let end = start + m[0].length;
    RANGE_TAIL.lastIndex = end;
    const tail = RANGE_TAIL.exec(text);
    if (!tail) {
      found.push({ valid: true, text: m[0], span: toSpan(segment, start, end), range: { prefix, first, last: first } });
      continue;
    }
    end = RANGE_TAIL.lastIndex;
    pattern.lastIndex = end;
    const written = text.slice(start, end);
    const span = toSpan(segment, start, end);
    const [, dots = '', endPrefix, endValue] = tail;
    const problem = rangeProblem(prefix, first, dots, endPrefix, endValue);
    if (problem) {
      found.push({ valid: false, text: written, span, ...problem });
    } else {
      found.push({ valid: true, text: written, span, range: { prefix, first, last: Number(endValue) } });
    }
  }
  return found;
}

function rangeProblem(
  prefix: string,
  first: number,
  dots: string,
  endPrefix: string | undefined,
  endValue: string | undefined,
): { problem: string; suggestion?: string } | undefined {
  const start = `${prefix}-${first}`;
  if (endValue === undefined) return { problem: `the range ${start}${dots} has no end ticket; write it as ${start}..<last number>` };
  if (!/^[0-9]+$/.test(endValue)) return { problem: `the end "${endValue}" is not a ticket number; write the range as ${start}..<last number>` };
  const last = Number(endValue);
  // Several slips at once ("461...442"): the suggestion must fix them all, order included.
  const canonical = `${prefix}-${Math.min(first, last)}..${Math.max(first, last)}`;
  if (endPrefix !== undefined && endPrefix !== `${prefix}-`) {
    return { problem: `the range starts with ${prefix} but ends with ${endPrefix.slice(0, -1)}; a range stays within one prefix`, suggestion: canonical };
  }
  if (dots.length !== 2) return { problem: `a range is written with two dots, not ${dots.length}`, suggestion: canonical };
  if (last < first) {
    return { problem: `the range ends (${last}) before it starts (${first})`, suggestion: canonical };
  }
  return undefined;
}

/** Parses a whole string that must be a ticket or ticket range (a reservation's `range`). */
export function parseTicketRange(segment: Segment, pattern: RegExp): TicketOccurrence {
  const trimmedStart = segment.text.length - segment.text.trimStart().length;
  const trimmedEnd = segment.text.trimEnd().length;
  const [only, ...more] = scanTickets(segment, pattern);
  if (only && more.length === 0 && segment.offsetOf(trimmedStart) === only.span.start && segment.offsetOf(trimmedEnd) === only.span.end) {
    return only;
  }
  return {
    valid: false,
    text: segment.text,
    span: toSpan(segment, 0, segment.text.length),
    problem: `"${segment.text}" is not one ticket range; write it as TKT-<WORD>-<first>..<last>, e.g. TKT-OBJ-442..461`,
  };
}
