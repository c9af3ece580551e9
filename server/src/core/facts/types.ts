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

/** Everything the checks need from one document, computed once per version. */
export interface DocumentFacts {
  path: string;
  version: string | number;
  kind: DocumentKind;
  text: string;
  lines: LineIndex;
  /** The packet folder (nearest ancestor whose name matches), for packet documents. */
  packet?: string;
  doc?: string;
  date?: string;
  purpose?: string;
  /** Set when the JSON does not parse: the document then yields json-syntax only. */
  broken: boolean;
  /** Over the size limit: not parsed, and no editor feature looks into it (it holds only file-too-large). */
  tooLarge?: true;
  /** Findings that need nothing but this document. */
  local: Finding[];
  definitions: IdOccurrence[];
  entries: Entry[];
  idRefs: IdOccurrence[];
  /** `resolved_in_this_macro` entries: references that must name a blocker. */
  resolvedRefs: IdOccurrence[];
  tickets: TicketOccurrence[];
  reservations: Reservation[];
  evidence: EvidenceRef[];
  links: LinkRef[];
  blockers: Blocker[];
  grants: Grant[];
  withheld: Withheld[];
  productionWorkPerformed?: { value: boolean; span: Span };
  claims: ClaimFact[];
  suppressions: Suppression[];
  headings: MarkdownHeading[];
}
