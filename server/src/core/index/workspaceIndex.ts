import type { DocumentFacts, Reservation } from '../facts/types';
import { basename } from '../paths';
import { closest } from '../text/closest';
import type { TicketRange } from '../scan/tickets';
import type { Span } from '../types';
import type { PathKind } from '../workspace';
import { computeBlockerStatus, type BlockerStatus } from './blockerStatus';
import type { FileLookup } from './resolvePath';

export interface DefinitionSite {
  path: string;
  span: Span;
}

export interface ReservationSite {
  facts: DocumentFacts;
  reservation: Reservation;
}

/**
 * Workspace-wide lookups built from the per-document facts. Rebuilding it reads no file
 * and parses nothing: it only regroups facts the analyzer already cached.
 */
export class WorkspaceIndex implements FileLookup {
  readonly definitions = new Map<string, DefinitionSite[]>();
  readonly blockers: Map<string, BlockerStatus>;
  readonly reservations: ReservationSite[] = [];
  /** Authority locks, broken ones included: a lock that does not parse still governs, granting nothing. */
  readonly locks: DocumentFacts[] = [];
  /** Reserved ranges by ticket prefix, for coverage questions. */
  readonly reservedRanges = new Map<string, TicketRange[]>();
  private readonly byName = new Map<string, string[]>();
  private readonly fileSet: ReadonlySet<string>;
  /** Typo suggestions, memoised: every document citing the same unknown name asks the same question. */
  private readonly suggestions = new Map<string, string | undefined>();
  private readonly stats = new Map<string, PathKind>();

  constructor(
    readonly files: readonly string[],
    readonly documents: readonly DocumentFacts[],
    private readonly statFile: (path: string) => PathKind,
  ) {
    this.fileSet = new Set(files);
    for (const file of files) {
      const name = basename(file);
      const list = this.byName.get(name);
      if (list) list.push(file);
      else this.byName.set(name, [file]);
    }
    for (const facts of documents) {
      for (const def of facts.definitions) {
        const list = this.definitions.get(def.id) ?? [];
        list.push({ path: facts.path, span: def.span });
        this.definitions.set(def.id, list);
      }
      for (const reservation of facts.reservations) {
        this.reservations.push({ facts, reservation });
        const ranges = this.reservedRanges.get(reservation.range.prefix) ?? [];
        ranges.push(reservation.range);
        this.reservedRanges.set(reservation.range.prefix, ranges);
      }
      if (facts.kind === 'delegation-and-authority-lock') this.locks.push(facts);
    }
    this.blockers = computeBlockerStatus(documents.filter((d) => d.kind === 'production-readiness-blocker-map'));
  }

  stat(path: string): PathKind {
    // Listed files need no system call; anything else (folders, links, unlisted files) asks the
    // host once per index: the index is rebuilt after any change, so the answer cannot go stale.
    if (this.fileSet.has(path)) return 'file';
    let kind = this.stats.get(path);
    if (kind === undefined) {
      kind = this.statFile(path);
      this.stats.set(path, kind);
    }
    return kind;
  }

  /** The defined ID nearest to an unknown one (a likely typo), if any. */
  closestId(id: string): string | undefined {
    return this.suggest(`id:${id}`, () => closest(id, this.definitions.keys()));
  }

  /** The blocker ID nearest to a name that is not a blocker. */
  closestBlocker(id: string): string | undefined {
    return this.suggest(`blocker:${id}`, () => closest(id, this.blockers.keys()));
  }

  /** The workspace file name nearest to a missing one. */
  closestFileName(name: string): string | undefined {
    return this.suggest(`file:${name}`, () => closest(name, this.byName.keys()));
  }

  private suggest(key: string, compute: () => string | undefined): string | undefined {
    if (!this.suggestions.has(key)) this.suggestions.set(key, compute());
    return this.suggestions.get(key);
  }

  named(name: string): readonly string[] {
    return this.byName.get(name) ?? [];
  }

  endingWith(suffix: string): readonly string[] {
    const name = basename(suffix);
    // Only files of the right base name can end with the suffix, unless the elision cut the name itself.
    const pool = suffix.includes('/') ? this.named(name) : this.files;
    return pool.filter((f) => f.endsWith(suffix));
  }
}
