import type { TicketRange } from '../scan/tickets';

export function rangesOverlap(a: TicketRange, b: TicketRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function rangeCovers(outer: TicketRange, inner: TicketRange): boolean {
  return outer.prefix === inner.prefix && outer.first <= inner.first && inner.last <= outer.last;
}
