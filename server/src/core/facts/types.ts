import type { DiagnosticCode } from '../codes';
import type { GrantClaim } from '../grants/claim';
import type { PacketKind } from '../kinds';
import type { MarkdownHeading } from '../parse/markdown';
import type { EvidenceRef } from '../scan/evidence';
import type { IdOccurrence } from '../scan/ids';
import type { TicketOccurrence, TicketRange } from '../scan/tickets';
import type { LineIndex } from '../text/lineIndex';
import type { Span } from '../types';

/** A finding located in its own document by offsets; the analyzer turns it into a Diagnostic. */
export interface Finding {
  code: DiagnosticCode;
  span: Span;
  message: string;
  related?: { path: string; span: Span; message: string }[];
  data?: Record<string, unknown>;
}

/** An entry of a top-level array: what evidence anchors (`PC-7`, `surface 5`) point at. */
export interface Entry {
  array: string;
  /** The `id`, or `surface N` for surfaces without one. */
  key: string;
  id?: string;
  n?: number;
  /** `status`, or `class` for surfaces: what a stated status is compared with. */
  status?: string;
  item?: string;
  /** The span of the `id` (or `n`) value: where go-to-definition lands. */
  span: Span;
  /**
   * The whole entry. A span, not the parse tree's node: a node links to its parents, and
   * holding one would keep every document's whole JSON tree in memory.
   */
  extent: Span;
}

export interface Blocker {
  id: string;
  span: Span;
  item?: string;
  evidence?: string;
  actor_needed?: string;
  next_action?: string;
  blocks?: string;
  status?: string;
}

export interface Reservation {
  range: TicketRange;
  text: string;
  span: Span;
  status?: string;
  applyNow?: boolean;
  folded?: boolean;
  purpose?: string;
  /** The entry's own `date`, else the document's. */
  date?: string;
}

export interface Grant {
  id: string;
  scope: string;
  actions: string[];
  span: Span;
  /** The entry's `status`, when it has one: a REVOKED or PROPOSED grant grants nothing. */
  status?: string;
}

export interface Withheld {
  action: string;
  needs?: string;
  span: Span;
}

export interface LinkRef {
  target: string;
  span: Span;
  kind: 'link' | 'image' | 'definition' | 'footer';
}

/** A sentence part that asserts a production grant (spec §5), before the lock is consulted. */
export interface ClaimFact {
  span: Span;
  /** The first of {@link actions}. */
  action: string;
  /** Every action the claim names: one claim, one finding (spec §5). */
  actions: readonly string[];
  phrase: string;
  reason: string;
  /** The words that make it a claim, and how they assert it; for the hover's explanation. */
  cue: string;
  cueClass: ClaimCue;
  /** Asserted in a relative clause, so it holds under a hedging lead too (see GrantClaim). */
  embedded?: true;
}

/** How a claim asserts: as the detector read it, or through a failed check's role (fieldRoles.ts). */
export type ClaimCue = GrantClaim['cueClass'] | 'failed-check';

/** `<!-- govlens-disable-next-line CODE[, CODE]: reason -->` in a note. */
export interface Suppression {
  span: Span;
  /** The 0-based line it silences: the one after the comment. */
  line: number;
  codes: string[];
  reason: string;
}

export type DocumentKind = PacketKind | 'packet-document' | 'note';

/** A packet document's kind: one of the six, or 'packet-document' when neither its name nor its `doc` says which. */
export type PacketDocumentKind = Exclude<DocumentKind, 'note'>;

/** What every document has, whatever its kind: the references the cross-document checks read. */
interface FactsBase {
  path: string;
  version: string | number;
  text: string;
  lines: LineIndex;
  /** Over the size limit: not parsed, and no editor feature looks into it (it holds only file-too-large). */
  tooLarge?: true;
  /** Findings that need nothing but this document. */
  local: Finding[];
  idRefs: IdOccurrence[];
  tickets: TicketOccurrence[];
  evidence: EvidenceRef[];
  claims: ClaimFact[];
}

/** A KB note: only notes have links, headings and suppression comments. */
export interface NoteFacts extends FactsBase {
  kind: 'note';
  links: LinkRef[];
  suppressions: Suppression[];
  headings: MarkdownHeading[];
}

/** What every packet document has: only JSON defines IDs, has entries that anchors name, or fails to parse. */
interface PacketFactsBase extends FactsBase {
  /** The packet folder (nearest ancestor whose name matches). */
  packet?: string;
  doc?: string;
  date?: string;
  purpose?: string;
  /** Set when the JSON does not parse: the document then yields json-syntax only. */
  broken: boolean;
  definitions: IdOccurrence[];
  entries: Entry[];
}

export interface BlockerMapFacts extends PacketFactsBase {
  kind: 'production-readiness-blocker-map';
  blockers: Blocker[];
  /** `resolved_in_this_macro` entries: references that must name a blocker. */
  resolvedRefs: IdOccurrence[];
  productionWorkPerformed?: { value: boolean; span: Span };
}

export interface LockFacts extends PacketFactsBase {
  kind: 'delegation-and-authority-lock';
  grants: Grant[];
  withheld: Withheld[];
}

export interface ReservationFacts extends PacketFactsBase {
  kind: 'ticket-reservations';
  reservations: Reservation[];
}

/** The packet kinds whose facts are only the shared ones (their entries carry what they hold). */
export interface PlainPacketFacts extends PacketFactsBase {
  kind: Exclude<PacketDocumentKind, BlockerMapFacts['kind'] | LockFacts['kind'] | ReservationFacts['kind']>;
}

export type PacketFacts = BlockerMapFacts | LockFacts | ReservationFacts | PlainPacketFacts;

/**
 * Everything the checks need from one document, computed once per version. A union on
 * `kind`: what only one kind of document can hold (a note's links, a lock's grants, a map's
 * blockers) is there only on that kind, so a reader narrows before it reads it.
 */
export type DocumentFacts = NoteFacts | PacketFacts;
