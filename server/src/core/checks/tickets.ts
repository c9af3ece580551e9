import type { DocumentFacts, Finding } from '../facts/types';
import type { ReservationSite, WorkspaceIndex } from '../index/workspaceIndex';
import { formatRange, type TicketRange } from '../scan/tickets';

/** ticket-unreserved: every ticket a document mentions must lie in the union of the reservations. */
export function checkUnreservedTickets(facts: DocumentFacts, index: WorkspaceIndex): Finding[] {
  const findings: Finding[] = [];
  for (const ticket of facts.tickets) {
    if (!ticket.valid) continue;
    const gaps = uncovered(ticket.range, index.reservedCoverage(ticket.range.prefix));
    if (gaps.length === 0) continue;
    const same = index.reservedRanges(ticket.range.prefix).map(formatRange);
    const what = gaps.map(formatRange).join(', ');
    findings.push({
      code: 'ticket-unreserved',
      span: ticket.span,
      message:
        `${what === ticket.text ? ticket.text : `${what} (in ${ticket.text})`} ${gaps.length === 1 && gaps[0]?.first === gaps[0]?.last ? 'is' : 'are'} not reserved` +
        (same.length > 0 ? `: the reservations for ${ticket.range.prefix} cover ${same.join(', ')}` : `: no reservation covers ${ticket.range.prefix} tickets`) +
        '; reserve the range in a ticket-reservations.json or correct the number.',
    });
  }
  return findings;
}

/** The parts of `range` that the coverage (sorted disjoint runs, WorkspaceIndex.reservedCoverage) leaves out. */
function uncovered(range: TicketRange, coverage: readonly TicketRange[]): TicketRange[] {
  // The first run that ends at or after the range's first ticket.
  let lo = 0;
  let hi = coverage.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((coverage[mid] as TicketRange).last < range.first) lo = mid + 1;
    else hi = mid;
  }
  const gaps: TicketRange[] = [];
  let next = range.first;
  for (let i = lo; i < coverage.length; i++) {
    const r = coverage[i] as TicketRange;
    if (r.first > range.last) break;
    if (r.first > next) gaps.push({ prefix: range.prefix, first: next, last: r.first - 1 });
    next = Math.max(next, r.last + 1);
    if (next > range.last) break;
  }
  if (next <= range.last) gaps.push({ prefix: range.prefix, first: next, last: range.last });
  return gaps;
}

/**
 * ticket-range-overlap among the reservations of one ticket prefix: two entries sharing a
 * ticket, unless one restates the other exactly. The finding goes on the later-dated entry,
 * on both when dated alike (spec §4). By document path.
 */
export function findOverlaps(reservations: readonly ReservationSite[]): Map<string, Finding[]> {
  const byPath = new Map<string, Finding[]>();
  // A document that does not parse reports json-syntax only, and no overlap is pinned on its partial tree.
  const sites = reservations.filter((r) => !r.facts.broken);
  const add = (target: ReservationSite, other: ReservationSite) => {
    const a = target.reservation.range;
    const b = other.reservation.range;
    const shared = formatRange({ prefix: a.prefix, first: Math.max(a.first, b.first), last: Math.min(a.last, b.last) });
    const where = other.facts.path === target.facts.path ? 'in this file' : `in ${other.facts.path}`;
    const list = byPath.get(target.facts.path) ?? [];
    list.push({
      code: 'ticket-range-overlap',
      span: target.reservation.span,
      message: `${target.reservation.text} overlaps ${other.reservation.text} reserved ${where}${other.reservation.date ? ` (${other.reservation.date})` : ''} on ${shared}; choose a range that starts after ${formatRange({ prefix: b.prefix, first: b.last, last: b.last })} or restate the same range exactly.`,
      related: [{ path: other.facts.path, span: other.reservation.span, message: `overlapping reservation ${other.reservation.text}` }],
    });
    byPath.set(target.facts.path, list);
  };
  // Sorted by start, a range can only overlap ranges that start before it ends: a sweep, not all pairs.
  const sorted = [...sites].sort((x, y) => x.reservation.range.first - y.reservation.range.first);
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i];
    if (!x) continue;
    for (let j = i + 1; j < sorted.length; j++) {
      const y = sorted[j];
      if (!y || y.reservation.range.first > x.reservation.range.last) break;
      const rx = x.reservation.range;
      const ry = y.reservation.range;
      if (rx.first === ry.first && rx.last === ry.last) continue;
      const dx = x.reservation.date ?? '';
      const dy = y.reservation.date ?? '';
      if (dx >= dy) add(x, y);
      if (dy >= dx) add(y, x);
    }
  }
  return byPath;
}
