import type { Analysis } from '../analysis';
import { citedIdsOf, definitionsOf, isBroken } from '../facts/anyKind';
import type { ClaimFact, DocumentFacts, LinkRef, Reservation } from '../facts/types';
import type { Resolution } from '../index/resolvePath';
import type { EvidenceRef } from '../scan/evidence';
import type { TicketRange } from '../scan/tickets';
import type { Span } from '../types';
import { unquoted } from './occurrences';

/** What sits under the cursor, as the navigation features need it. */
export type Target =
  | { kind: 'id'; id: string; span: Span; definition: boolean }
  | { kind: 'ticket'; range: TicketRange; text: string; span: Span; reservation?: Reservation }
  | { kind: 'evidence'; ref: EvidenceRef; resolution: Resolution; span: Span }
  | { kind: 'link'; link: LinkRef; target: string; resolution: Resolution; span: Span }
  | { kind: 'claim'; claim: ClaimFact; span: Span };

// The cursor right after a token still names it: editors place it there after a double-click or typing.
const contains = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

/**
 * The most specific target at an offset. IDs come first: an ID inside an evidence reference
 * ("… (FIX7-P0-PLAN-1)") or inside a claim is what the author points at.
 */
export function targetAt(analysis: Analysis, facts: DocumentFacts, offset: number): Target | undefined {
  for (const d of definitionsOf(facts)) if (contains(d.span, offset)) return { kind: 'id', id: d.id, span: unquoted(facts, d.span), definition: true };
  for (const r of citedIdsOf(facts)) if (contains(r.span, offset)) return { kind: 'id', id: r.id, span: r.span, definition: false };
  for (const reservation of facts.kind === 'ticket-reservations' ? facts.reservations : []) {
    if (contains(reservation.span, offset)) return { kind: 'ticket', range: reservation.range, text: reservation.text, span: reservation.span, reservation };
  }
  for (const t of facts.tickets) if (t.valid && contains(t.span, offset)) return { kind: 'ticket', range: t.range, text: t.text, span: t.span };
  if (isBroken(facts)) return undefined;
  const references = analysis.referencesOf(facts);
  for (const { ref, resolution } of references.evidence) if (contains(ref.span, offset)) return { kind: 'evidence', ref, resolution, span: ref.span };
  for (const { link, target, resolution } of references.links) if (contains(link.span, offset)) return { kind: 'link', link, target, resolution, span: link.span };
  for (const claim of facts.claims) if (contains(claim.span, offset)) return { kind: 'claim', claim, span: claim.span };
  return undefined;
}
