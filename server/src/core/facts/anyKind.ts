/**
 * The few questions a reader asks of a document whatever its kind (a cited file, a search
 * over every document), answered per kind in one place: the kinds that cannot hold a thing
 * answer "none", so such a reader need not narrow, and a reader of one kind's facts still must.
 */
import type { IdOccurrence } from '../scan/ids';
import type { DocumentFacts, Entry, Grant, Withheld } from './types';

/** Whether it failed to parse: a note always reads. */
export const isBroken = (facts: DocumentFacts): boolean => facts.kind !== 'note' && facts.broken;

/** The IDs it defines: only packet documents define. */
export const definitionsOf = (facts: DocumentFacts): readonly IdOccurrence[] => (facts.kind === 'note' ? [] : facts.definitions);

/** The entries an evidence anchor can name: a note has none. */
export const entriesOf = (facts: DocumentFacts): readonly Entry[] => (facts.kind === 'note' ? [] : facts.entries);

/** Every ID it cites: its references, and a blocker map's `resolved_in_this_macro` entries. */
export const citedIdsOf = (facts: DocumentFacts): readonly IdOccurrence[] =>
  facts.kind === 'production-readiness-blocker-map' ? [...facts.idRefs, ...facts.resolvedRefs] : facts.idRefs;

/** The packet folder it was read in, for a packet document. */
export const packetOf = (facts: DocumentFacts): string | undefined => (facts.kind === 'note' ? undefined : facts.packet);

/**
 * What a governing document records. A lockPath may name a file that is no lock (or one over
 * the size limit, which has no kind): it governs all the same, and records nothing.
 */
export const lockRecord = (facts: DocumentFacts): { readonly grants: readonly Grant[]; readonly withheld: readonly Withheld[] } =>
  facts.kind === 'delegation-and-authority-lock' ? facts : { grants: [], withheld: [] };
