import { blockerKey, idKey, locksKey, sitesKey, ticketsKey, type DependencyKey } from '../dependencyKeys';
import { citedIdsOf, definitionsOf } from '../facts/anyKind';
import type { BlockerMapFacts, DocumentFacts, LockFacts, Reservation, ReservationFacts } from '../facts/types';
import type { IdOccurrence } from '../scan/ids';
import { NearestIndex } from '../text/nearest';
import type { TicketRange } from '../scan/tickets';
import type { Span } from '../types';
import type { PathKind } from '../workspace';
import { blockerStatusOf, byDateThenPath, type BlockerDefinition, type BlockerStatus } from './blockerStatus';
import { FileTable } from './fileTable';
import type { FileLookup } from './resolvePath';

export interface DefinitionSite {
  path: string;
  span: Span;
}

export interface ReservationSite {
  facts: ReservationFacts;
  reservation: Reservation;
}

/**
 * What a changed document can change for the others, as dependency keys (dependencyKeys.ts):
 * `id:X` (X became defined or undefined, or the typo suggestion for X moved), `sites:X` (a
 * definition of X came or went, so the packets defining it changed), `blocker:X` (the same
 * for blockers), `tickets:P` (the reservations of prefix P), `locks` (a lock).
 */
export type IndexChange = Set<DependencyKey>;

/**
 * The index as readers see it (the editor features, through Analysis): lookups only. Only the
 * analyzer puts facts in (replace), so what a feature reads is what the diagnostics read.
 */
export type IndexView = Omit<WorkspaceIndex, 'replace' | 'holds' | 'definitions' | 'blockers'> & {
  readonly definitions: ReadonlyMap<string, readonly DefinitionSite[]>;
  readonly blockers: ReadonlyMap<string, BlockerStatus>;
};

/**
 * Workspace-wide lookups built from the per-document facts. Building it reads no file and
 * parses nothing: it regroups facts the analyzer already cached. After an edit the analyzer
 * replaces one document's facts in place (replace()), which costs what that document holds,
 * not what the workspace holds, and says what moved. Lists keep the documents' order.
 *
 * Past 300 lines, but one job: add() and remove() must mirror each other for every grouping,
 * and replace() reads each grouping before and after; they stay side by side so that a new
 * grouping cannot be added to one and missed in another. What depends on the file list
 * alone is fileTable.ts.
 */
export class WorkspaceIndex implements FileLookup {
  readonly definitions = new Map<string, DefinitionSite[]>();
  readonly blockers = new Map<string, BlockerStatus>();
  private readonly byPath = new Map<string, DocumentFacts>();
  private readonly rank = new Map<string, number>();
  private readonly fileTable: FileTable;
  /** Per ID, the documents that define or cite it: what a reference count has to look at. */
  private readonly mentions = new Map<string, Set<string>>();
  private readonly blockerDefinitions = new Map<string, BlockerDefinition[]>();
  /** Per ID, the maps listing it in resolved_in_this_macro, in byDateThenPath order. */
  private readonly resolvers = new Map<string, BlockerMapFacts[]>();
  private readonly reservationsByPrefix = new Map<string, ReservationSite[]>();
  /**
   * "Did you mean" over the defined IDs and the blocker IDs, built on the first question (a
   * warm cached check may ask none). Until then no answer is memoised, so a definition coming
   * or going moves no suggestion, and the index, once built, holds the IDs as they are then.
   */
  private idsIndex: NearestIndex | undefined;
  private blockerIdsIndex: NearestIndex | undefined;
  // Derived lists, rebuilt on demand after a change that touches them.
  private documentList: DocumentFacts[] | undefined;
  private reservationList: ReservationSite[] | undefined;
  private lockList: LockFacts[] | undefined;
  private locksByPacket: Map<string, LockFacts[]> | undefined;
  /** Each lock's place in `locks`, so the locks of a few packets come out in that order. */
  private lockOrder: Map<LockFacts, number> | undefined;
  private rangesByPrefix = new Map<string, TicketRange[]>();
  /** Per prefix, the reserved tickets as sorted disjoint runs: a coverage question is a binary search, not a scan of every reservation. */
  private coverageByPrefix = new Map<string, TicketRange[]>();
  /** While the constructor adds documents in order, lists need no re-sorting. */
  private building = true;

  /**
   * @param paths every document in order, readable or not: each has a place, so a document
   *   that cannot be read now can be put in later (replace)
   * @param documents the facts of those that could be read
   */
  constructor(
    readonly files: readonly string[],
    paths: readonly string[],
    documents: readonly DocumentFacts[],
    statFile: (path: string) => PathKind,
  ) {
    this.fileTable = new FileTable(files, statFile);
    paths.forEach((path, i) => this.rank.set(path, i));
    for (const facts of documents) this.add(facts);
    for (const list of this.blockerDefinitions.values()) list.sort((a, b) => byDateThenPath(a.facts, b.facts));
    for (const list of this.resolvers.values()) list.sort(byDateThenPath);
    for (const id of this.blockerDefinitions.keys()) this.updateBlocker(id);
    this.building = false;
  }

  /** Packet documents and notes, in the analyzer's (path) order. */
  get documents(): readonly DocumentFacts[] {
    this.documentList ??= [...this.rank.keys()].flatMap((p) => {
      const facts = this.byPath.get(p);
      return facts ? [facts] : [];
    });
    return this.documentList;
  }

  get reservations(): readonly ReservationSite[] {
    this.reservationList ??= this.documents.flatMap((facts) => (facts.kind === 'ticket-reservations' ? facts.reservations.map((reservation) => ({ facts, reservation })) : []));
    return this.reservationList;
  }

  /** Authority locks, broken ones included: a lock that does not parse still governs, granting nothing. */
  get locks(): readonly LockFacts[] {
    this.lockList ??= this.documents.filter((f) => f.kind === 'delegation-and-authority-lock');
    return this.lockList;
  }

  /** The locks inside one packet folder. */
  locksIn(packet: string): readonly LockFacts[] {
    if (!this.locksByPacket) {
      this.locksByPacket = new Map();
      for (const lock of this.locks) {
        if (lock.packet === undefined) continue;
        const list = this.locksByPacket.get(lock.packet) ?? [];
        list.push(lock);
        this.locksByPacket.set(lock.packet, list);
      }
    }
    return this.locksByPacket.get(packet) ?? [];
  }

  /** The locks inside any of these packet folders, in `locks` order. */
  locksInAny(packets: ReadonlySet<string>): LockFacts[] {
    const found = [...packets].flatMap((p) => this.locksIn(p));
    if (found.length < 2) return found;
    if (!this.lockOrder) {
      this.lockOrder = new Map();
      this.locks.forEach((lock, i) => this.lockOrder?.set(lock, i));
    }
    const order = this.lockOrder;
    return found.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }

  /** Reserved ranges of one ticket prefix, for coverage questions. */
  reservedRanges(prefix: string): readonly TicketRange[] {
    let ranges = this.rangesByPrefix.get(prefix);
    if (!ranges) {
      ranges = (this.reservationsByPrefix.get(prefix) ?? []).map((s) => s.reservation.range);
      this.rangesByPrefix.set(prefix, ranges);
    }
    return ranges;
  }

  /** The tickets of one prefix that some reservation covers, as sorted, disjoint, non-adjacent runs. */
  reservedCoverage(prefix: string): readonly TicketRange[] {
    let runs = this.coverageByPrefix.get(prefix);
    if (!runs) {
      runs = [];
      for (const r of [...this.reservedRanges(prefix)].sort((a, b) => a.first - b.first)) {
        const last = runs[runs.length - 1];
        if (last && r.first <= last.last + 1) {
          if (r.last > last.last) runs[runs.length - 1] = { ...last, last: r.last };
        } else runs.push({ prefix, first: r.first, last: r.last });
      }
      this.coverageByPrefix.set(prefix, runs);
    }
    return runs;
  }

  /** Every reservation of one prefix, in document order. */
  reservationsOf(prefix: string): readonly ReservationSite[] {
    return this.reservationsByPrefix.get(prefix) ?? [];
  }

  /** Documents that define or cite the ID, in document order. */
  mentioning(id: string): DocumentFacts[] {
    const paths = [...(this.mentions.get(id) ?? [])].sort((a, b) => (this.rank.get(a) ?? 0) - (this.rank.get(b) ?? 0));
    return paths.flatMap((p) => {
      const facts = this.byPath.get(p);
      return facts ? [facts] : [];
    });
  }

  factsAt(path: string): DocumentFacts | undefined {
    return this.byPath.get(path);
  }

  /** Whether `replace` can take this path: only documents the index was built with. */
  holds(path: string): boolean {
    return this.rank.has(path);
  }

  /**
   * Puts a document's new facts in place of its old ones (undefined: it can no longer be read)
   * and says what that changed for other documents.
   */
  replace(path: string, next: DocumentFacts | undefined): IndexChange {
    const change: IndexChange = new Set();
    const old = this.byPath.get(path);
    const definedBefore = new Set((old ? definitionsOf(old) : []).map((d) => d.id));
    const definedAfter = new Set((next ? definitionsOf(next) : []).map((d) => d.id));
    const definedIds = new Set([...definedBefore, ...definedAfter]);
    const blockerIds = new Set([...blockerMentions(old), ...blockerMentions(next)].map((b) => b.id));
    const wasDefined = new Map([...definedIds].map((id) => [id, this.definitions.has(id)]));
    const wasBlocker = new Map([...blockerIds].map((id) => [id, this.blockers.has(id)]));
    const reservationsBefore = reservationSignature(old);
    const prefixes = new Set([...reservationsOf(old), ...reservationsOf(next)].map((r) => r.range.prefix));
    if (old) this.remove(old);
    if (next) this.add(next);
    for (const id of blockerIds) {
      this.blockerDefinitions.get(id)?.sort((a, b) => byDateThenPath(a.facts, b.facts));
      this.resolvers.get(id)?.sort(byDateThenPath);
      this.updateBlocker(id);
    }
    for (const id of definedIds) if (definedBefore.has(id) !== definedAfter.has(id)) change.add(sitesKey(id));
    for (const [id, before] of wasDefined) {
      const now = this.definitions.has(id);
      if (before === now) continue;
      change.add(idKey(id));
      if (this.idsIndex) for (const query of now ? this.idsIndex.add(id) : this.idsIndex.remove(id)) change.add(idKey(query));
    }
    for (const [id, before] of wasBlocker) {
      const now = this.blockers.has(id);
      if (before === now) continue;
      change.add(blockerKey(id));
      if (this.blockerIdsIndex) for (const query of now ? this.blockerIdsIndex.add(id) : this.blockerIdsIndex.remove(id)) change.add(blockerKey(query));
    }
    if (reservationsBefore !== reservationSignature(next)) {
      for (const prefix of prefixes) {
        change.add(ticketsKey(prefix));
        this.rangesByPrefix.delete(prefix);
        this.coverageByPrefix.delete(prefix);
      }
    }
    // The list holds each site's facts: even with the same reservations, they are the new facts now.
    if (prefixes.size > 0) this.reservationList = undefined;
    if (old?.kind === 'delegation-and-authority-lock' || next?.kind === 'delegation-and-authority-lock') {
      change.add(locksKey);
      this.lockList = undefined;
      this.locksByPacket = undefined;
      this.lockOrder = undefined;
    }
    this.documentList = undefined;
    return change;
  }

  stat(path: string): PathKind {
    return this.fileTable.stat(path);
  }

  named(name: string): readonly string[] {
    return this.fileTable.named(name);
  }

  endingWith(suffix: string): readonly string[] {
    return this.fileTable.endingWith(suffix);
  }

  /** The workspace file name nearest to a missing one. */
  closestFileName(name: string): string | undefined {
    return this.fileTable.closestFileName(name);
  }

  /** The defined ID nearest to an unknown one (a likely typo), if any. */
  closestId(id: string): string | undefined {
    this.idsIndex ??= new NearestIndex(this.definitions.keys());
    return this.idsIndex.nearest(id);
  }

  /** The blocker ID nearest to a name that is not a blocker. */
  closestBlocker(id: string): string | undefined {
    this.blockerIdsIndex ??= new NearestIndex(this.blockers.keys());
    return this.blockerIdsIndex.nearest(id);
  }

  private add(facts: DocumentFacts): void {
    this.byPath.set(facts.path, facts);
    const rank = this.rank.get(facts.path) ?? this.rank.size;
    if (!this.rank.has(facts.path)) this.rank.set(facts.path, rank);
    const byRank = (a: { path: string }, b: { path: string }) => (this.rank.get(a.path) ?? 0) - (this.rank.get(b.path) ?? 0);
    for (const def of definitionsOf(facts)) {
      const list = this.definitions.get(def.id);
      if (list) {
        list.push({ path: facts.path, span: def.span });
        // Sites of one document stay in their own order: the sort is stable.
        if (!this.building && list.length > 1) list.sort(byRank);
      } else this.definitions.set(def.id, [{ path: facts.path, span: def.span }]);
    }
    if (facts.kind === 'ticket-reservations') {
      for (const reservation of facts.reservations) {
        const prefix = reservation.range.prefix;
        const list = this.reservationsByPrefix.get(prefix) ?? [];
        list.push({ facts, reservation });
        if (!this.building && list.length > 1) list.sort((a, b) => byRank(a.facts, b.facts));
        this.reservationsByPrefix.set(prefix, list);
      }
    }
    for (const occurrence of mentionsIn(facts)) {
      const paths = this.mentions.get(occurrence.id) ?? new Set<string>();
      paths.add(facts.path);
      this.mentions.set(occurrence.id, paths);
    }
    if (facts.kind === 'production-readiness-blocker-map') {
      for (const blocker of facts.blockers) {
        const list = this.blockerDefinitions.get(blocker.id) ?? [];
        list.push({ facts, blocker });
        this.blockerDefinitions.set(blocker.id, list);
      }
      for (const ref of facts.resolvedRefs) {
        const list = this.resolvers.get(ref.id) ?? [];
        if (list[list.length - 1] !== facts) list.push(facts);
        this.resolvers.set(ref.id, list);
      }
    }
  }

  private remove(facts: DocumentFacts): void {
    this.byPath.delete(facts.path);
    const without = <T>(map: Map<string, T[]>, key: string, keep: (item: T) => boolean) => {
      const list = map.get(key)?.filter(keep);
      if (list && list.length > 0) map.set(key, list);
      else map.delete(key);
    };
    for (const def of definitionsOf(facts)) without(this.definitions, def.id, (s) => s.path !== facts.path);
    for (const reservation of reservationsOf(facts)) without(this.reservationsByPrefix, reservation.range.prefix, (s) => s.facts !== facts);
    for (const occurrence of mentionsIn(facts)) {
      const paths = this.mentions.get(occurrence.id);
      paths?.delete(facts.path);
      if (paths?.size === 0) this.mentions.delete(occurrence.id);
    }
    if (facts.kind === 'production-readiness-blocker-map') {
      for (const blocker of facts.blockers) without(this.blockerDefinitions, blocker.id, (d) => d.facts !== facts);
      for (const ref of facts.resolvedRefs) without(this.resolvers, ref.id, (m) => m !== facts);
    }
  }

  private updateBlocker(id: string): void {
    const status = blockerStatusOf(id, this.blockerDefinitions.get(id) ?? [], this.resolvers.get(id) ?? []);
    if (status) this.blockers.set(id, status);
    else this.blockers.delete(id);
  }
}

/** What other documents can see of a document's reservations, positions included (for related links). */
function reservationSignature(facts: DocumentFacts | undefined): string {
  if (facts?.kind !== 'ticket-reservations' || facts.reservations.length === 0) return '';
  return JSON.stringify([
    facts.broken,
    facts.reservations.map((r) => [r.text, r.range, r.date, r.status, facts.lines.range(r.span.start, r.span.end)]),
  ]);
}

const reservationsOf = (facts: DocumentFacts | undefined): readonly Reservation[] => (facts?.kind === 'ticket-reservations' ? facts.reservations : []);

/** The blockers a map defines and the ones it resolves: what a blocker's status is computed from. */
const blockerMentions = (facts: DocumentFacts | undefined): readonly { id: string }[] =>
  facts?.kind === 'production-readiness-blocker-map' ? [...facts.blockers, ...facts.resolvedRefs] : [];

/** Every ID a document defines or cites: what `mentioning` answers from. */
const mentionsIn = (facts: DocumentFacts): readonly IdOccurrence[] => [...definitionsOf(facts), ...citedIdsOf(facts)];
