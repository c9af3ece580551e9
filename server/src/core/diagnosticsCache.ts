import { findOverlaps } from './checks/tickets';
import { ticketPrefixOf, type DependencyKey } from './dependencyKeys';
import type { Finding } from './facts/types';
import type { WorkspaceIndex } from './index/workspaceIndex';
import type { Diagnostic } from './types';

interface CachedDiagnostics {
  diagnostics: Diagnostic[];
  /** What they were computed from (see dependencyKeys): a change to any of it drops them. */
  keys: readonly DependencyKey[];
}

/**
 * Diagnostics kept per document with the dependency keys they read, and the reverse map from
 * each key to the documents that read it, so a change drops exactly the diagnostics that read
 * what moved. Also kept: ticket-range-overlap findings per ticket prefix (an overlap is found
 * by comparing every reservation of the prefix, once for all its documents), dropped by the
 * same `tickets:` keys. Everything here is valid for one index generation: the analyzer clears
 * it when the index is rebuilt.
 */
export class DiagnosticsCache {
  private readonly entries = new Map<string, CachedDiagnostics>();
  /** Dependency key → documents whose cached diagnostics were computed from it. */
  private readonly dependents = new Map<DependencyKey, Set<string>>();
  /** ticket-range-overlap findings by ticket prefix, then by document. */
  private readonly overlaps = new Map<string, Map<string, Finding[]>>();
  /** Documents whose diagnostics may differ from what takeStale() last handed out; 'all' after a clear. */
  private stale: Set<string> | 'all' = 'all';

  /** The cached array itself: hosts tell unchanged results by identity. */
  get(path: string): Diagnostic[] | undefined {
    return this.entries.get(path)?.diagnostics;
  }

  entry(path: string): { list: Diagnostic[]; keys: readonly DependencyKey[] } | undefined {
    const entry = this.entries.get(path);
    return entry && { list: entry.diagnostics, keys: entry.keys };
  }

  remember(path: string, diagnostics: Diagnostic[], keys: readonly DependencyKey[]): void {
    this.entries.set(path, { diagnostics, keys });
    for (const key of keys) {
      const paths = this.dependents.get(key);
      if (paths) paths.add(path);
      else this.dependents.set(key, new Set([path]));
    }
  }

  /** Drops one document's diagnostics (if cached) and counts it as stale either way. */
  forget(path: string): void {
    if (this.stale !== 'all') this.stale.add(path);
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    for (const key of entry.keys) {
      const paths = this.dependents.get(key);
      paths?.delete(path);
      if (paths?.size === 0) this.dependents.delete(key);
    }
  }

  /** Something a key names moved: every result computed from it goes. */
  invalidate(key: DependencyKey): void {
    const prefix = ticketPrefixOf(key);
    if (prefix !== undefined) this.overlaps.delete(prefix);
    for (const dependent of [...(this.dependents.get(key) ?? [])]) this.forget(dependent);
  }

  /**
   * The documents whose diagnostics may have changed since the last call ('all': any of them):
   * a host that publishes asks these again instead of the whole workspace.
   */
  takeStale(): ReadonlySet<string> | 'all' {
    const stale = this.stale;
    this.stale = new Set();
    return stale;
  }

  /**
   * ticket-range-overlap findings by document for one prefix. `keep` false (a half-read
   * workspace) computes them without keeping them: they are provisional.
   */
  overlapsOf(prefix: string, index: WorkspaceIndex, keep: boolean): ReadonlyMap<string, Finding[]> {
    let byPath = this.overlaps.get(prefix);
    if (!byPath) {
      byPath = findOverlaps(index.reservationsOf(prefix));
      if (keep) this.overlaps.set(prefix, byPath);
    }
    return byPath;
  }

  /** Forgets everything: a new index generation. */
  clear(): void {
    this.entries.clear();
    this.dependents.clear();
    this.overlaps.clear();
    this.stale = 'all';
  }
}
