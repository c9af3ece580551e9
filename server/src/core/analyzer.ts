import type { Analysis } from './analysis';
import { governingLocks } from './checks/governingLocks';
import type { SealTarget } from './checks/seals';
import { CONFIG_FILE } from './config';
import { Configuration } from './configuration';
import { docKey, sealKey, sitesIdOf, type DependencyKey } from './dependencyKeys';
import { DiagnosticsCache } from './diagnosticsCache';
import { computeDiagnostics, dependencyKeys, type DiagnosticsInputs } from './documentDiagnostics';
import type { FactsPrefetcher } from './facts/prefetch';
import type { DocumentFacts } from './facts/types';
import { FactsStore } from './factsStore';
import type { BlockerStatus } from './index/blockerStatus';
import { resolveReferences, type ResolvedReferences } from './index/references';
import type { Resolution } from './index/resolvePath';
import { WorkspaceIndex, type IndexChange } from './index/workspaceIndex';
import { ancestors } from './paths';
import { SchemaValidator } from './schema/validator';
import { PacketSeals } from './seal/packetSeals';
import type { TreeIdResult } from './seal/treeId';
import type { Settings } from './settings';
import type { Diagnostic } from './types';
import type { Disposable, Workspace, WorkspaceChange } from './workspace';

/** The ID an `id:` or `blocker:` key names. */
function idOf(key: DependencyKey): string | undefined {
  if (key.startsWith('id:')) return key.slice(3);
  return key.startsWith('blocker:') ? key.slice(8) : undefined;
}

/**
 * The analysis engine. Facts are computed once per document version and cached; the
 * workspace index regroups cached facts; diagnostics for one document read the index and the
 * facts of the documents it cites, and are cached until something they were computed from
 * changes (diagnosticsCache.ts). After an edit only the edited document is re-read, the index
 * is updated in place, and only the diagnostics that depend on what moved are recomputed: an
 * edit costs its dependants, not the workspace. Files coming or going, settings and
 * `.govlens.json` start over.
 *
 * Past 300 lines, but one job: which cache a change makes stale. Every cache it drops (facts,
 * index, resolved references, diagnostics, the warm-up's partial index) is dropped here, so the
 * invalidation rules read in one place; reading a document is factsStore.ts, computing its
 * diagnostics documentDiagnostics.ts, keeping them diagnosticsCache.ts.
 */
export class Analyzer implements Analysis {
  private readonly schemas = new SchemaValidator();
  /** Built from the defaults, .govlens.json and the host's settings; replaced, never changed. */
  private configuration: Configuration;
  private hostSettings: Partial<Settings>;
  private readonly facts: FactsStore;
  private files: readonly string[] | undefined;
  private documentPaths: string[] | undefined;
  private index: WorkspaceIndex | undefined;
  /** Documents changed since the index last took their facts. */
  private readonly pending = new Set<string>();
  private readonly cache = new DiagnosticsCache();
  /** The id: and blocker: keys of seeded diagnostics, not yet asked of the index (askSeeded). */
  private readonly unasked = new Set<DependencyKey>();
  /** Per document, where its cited paths lead; valid as long as the index is. */
  private readonly resolved = new Map<string, ResolvedReferences>();
  private readonly subscription: Disposable | undefined;
  /** While a host warms the caches up in steps, the index holds only what was read so far. */
  private warming = false;
  private warmCursor = 0;
  private readonly onError: (path: string, error: unknown) => void;
  private readonly onCompute: ((path: string) => void) | undefined;
  /** Packet tree ids for the seal check, each kept until a file below its folder changes. */
  private readonly seals: PacketSeals;

  /**
   * @param hooks.onError told when reading or analysing one document throws (a host's read
   *   failing, or a bug on that document's text): the document then reads as unreadable
   */
  constructor(
    private readonly workspace: Workspace,
    settings: Partial<Settings> = {},
    hooks: { onError?: (path: string, error: unknown) => void; onCompute?: (path: string) => void } = {},
  ) {
    this.onError = (path, error) => hooks.onError?.(path, error);
    this.onCompute = hooks.onCompute;
    this.seals = new PacketSeals(workspace);
    this.facts = new FactsStore(workspace, () => this.configuration, this.onError);
    this.hostSettings = settings;
    this.configuration = this.configure();
    this.subscription = workspace.onDidChange?.((change) => this.invalidate(change));
  }

  dispose(): void {
    this.subscription?.dispose();
  }

  /** The settings in force: defaults, then `.govlens.json`, then the host's. */
  currentSettings(): Settings {
    return this.configuration.settings;
  }

  updateSettings(settings: Partial<Settings>): void {
    this.hostSettings = settings;
    this.reset();
  }

  /** Forgets everything read: the next question re-reads the workspace (configuration included). */
  reset(): void {
    this.configuration = this.configure();
    this.seals.clear();
    this.facts.clear();
    this.files = undefined;
    this.documentPaths = undefined;
    this.dropIndex();
  }

  /**
   * Drops what a change made stale: the changed documents' facts. The index takes their new
   * facts lazily, on the next question, and says then which other diagnostics moved.
   */
  invalidate(change: WorkspaceChange): void {
    this.seals.invalidate(change);
    if (change.paths.includes(CONFIG_FILE)) {
      // New settings change how every document reads.
      this.reset();
      return;
    }
    for (const path of change.paths) {
      this.facts.forget(path);
      this.resolved.delete(path);
      this.pending.add(path);
    }
    if (change.listChanged) {
      this.files = undefined;
      this.documentPaths = undefined;
      this.dropIndex();
    }
  }

  /** Packet documents and KB notes, the files `check` analyses, sorted. */
  documents(): readonly string[] {
    this.documentPaths ??= this.listFiles().filter((p) => this.isDocument(p));
    return this.documentPaths;
  }

  isDocument(path: string): boolean {
    return this.configuration.isDocument(path);
  }

  /** The packet folder holding a JSON document: its nearest ancestor whose name matches the packet glob. */
  packetFolderOf(path: string): string | undefined {
    return this.configuration.packetFolderOf(path);
  }

  /** Facts of any readable .json or .md file, cached per version (factsStore.ts). */
  factsOf(path: string): DocumentFacts | undefined {
    return path === CONFIG_FILE ? this.configuration.file : this.facts.get(path);
  }

  /** The version a document's facts were read at, when they have been read (nothing is read to tell). */
  readVersion(path: string): string | number | undefined {
    return path === CONFIG_FILE ? undefined : this.facts.peek(path)?.version;
  }

  /**
   * Starts reading the workspace in steps (see warmStep), so a host with an event loop can
   * answer requests in between. Until the last step the index is built from the documents
   * read so far and is not kept; hosts must not publish diagnostics from it.
   */
  startWarmUp(): void {
    this.warming = true;
    this.warmCursor = 0;
    this.dropIndex();
  }

  /** Reads the facts of up to `maxDocuments` more documents; true once every document is read. */
  warmStep(maxDocuments: number): boolean {
    if (!this.warming) return true;
    const documents = this.documents();
    const end = Math.min(documents.length, this.warmCursor + maxDocuments);
    for (let i = this.warmCursor; i < end; i++) this.factsOf(documents[i] ?? '');
    this.warmCursor = end;
    if (end < documents.length) return false;
    this.warming = false;
    this.dropIndex();
    return true;
  }

  get isWarm(): boolean {
    return !this.warming;
  }

  workspaceIndex(): WorkspaceIndex {
    if (this.index && this.pending.size > 0) this.sync(this.index);
    if (this.warming) {
      const read = this.documents().flatMap((p) => {
        const facts = p === CONFIG_FILE ? undefined : this.facts.peek(p);
        return facts ? [facts] : [];
      });
      return new WorkspaceIndex(this.listFiles(), this.indexedPaths(), read, (p) => this.workspace.stat(p));
    }
    if (!this.index) {
      const documents = this.documents()
        .filter((p) => p !== CONFIG_FILE)
        .map((p) => this.factsOf(p))
        .filter((f): f is DocumentFacts => f !== undefined);
      this.index = new WorkspaceIndex(this.listFiles(), this.indexedPaths(), documents, (p) => this.workspace.stat(p));
    }
    return this.index;
  }

  /**
   * A document's diagnostics. The same array is returned for as long as nothing they were
   * computed from changes, so hosts can tell unchanged results by identity.
   */
  diagnostics(path: string): Diagnostic[] {
    const index = this.workspaceIndex();
    const cached = this.cache.get(path);
    if (cached) return cached;
    const facts = this.factsOf(path);
    if (!facts) return [];
    try {
      const inputs = this.diagnosticsInputs(index);
      const { diagnostics, complete } = this.computeDiagnostics(facts, inputs);
      // A half-read workspace gives provisional answers, and a check that failed an incomplete
      // one: neither is kept, so the next question tries again.
      if (complete && !this.warming && this.index === index) this.cache.remember(path, diagnostics, dependencyKeys(facts, inputs));
      return diagnostics;
    } catch (error) {
      // Whatever fails here fails for this document only: whole-workspace passes carry on.
      this.onError(path, error);
      return [];
    }
  }

  /** Runs only when a document's cached diagnostics are stale (scripts/bench/instrumented-server.ts counts the calls). */
  private computeDiagnostics(facts: DocumentFacts, inputs: DiagnosticsInputs): ReturnType<typeof computeDiagnostics> {
    this.onCompute?.(facts.path);
    return computeDiagnostics(facts, inputs);
  }

  /**
   * Takes a document's facts from a persisted cache instead of reading it. The host vouches
   * that they are of the file as it is now, read under the configuration in force.
   */
  seedFacts(facts: DocumentFacts): void {
    this.facts.seed(facts);
  }

  /**
   * Has a host read the facts of the documents not yet read (a thread pool), before the index
   * is built from them. Quiet reads: a document the prefetcher leaves out is read, and its
   * failure reported, when first asked for, as without it.
   */
  prefetch(prefetcher: FactsPrefetcher): void {
    // Once an index is built it holds what was read then: only changed documents may take new facts.
    const open = (p: string) => !this.index || this.pending.has(p);
    const paths = this.documents().filter((p) => p !== CONFIG_FILE && this.facts.peek(p) === undefined && open(p));
    if (paths.length === 0) return;
    const quiet = () => undefined;
    prefetcher.prefetch(paths, (p) => this.facts.read(p, quiet), (facts) => this.facts.seed(facts));
  }

  /**
   * Takes a document's diagnostics from a persisted cache, with the keys they read, into the
   * current index generation. The host then reports what changed since (invalidate), and the
   * index drops exactly the diagnostics that read what moved, as after an edit.
   */
  seedDiagnostics(path: string, diagnostics: Diagnostic[], keys: readonly DependencyKey[]): void {
    this.workspaceIndex();
    if (this.warming) return;
    this.cache.remember(path, diagnostics, keys);
    for (const key of keys) if (idOf(key) !== undefined) this.unasked.add(key);
  }

  /**
   * The index tells a moved typo suggestion only for the questions it has answered (nearest.ts
   * memoises them): seeded diagnostics suggested for unknown IDs without asking this index, so
   * before a document that may define IDs changes, it is asked about each, or an ID defined
   * nearer an unknown one than the suggestion kept would leave that suggestion stale.
   */
  private askSeeded(index: WorkspaceIndex): void {
    for (const key of this.unasked) {
      const id = idOf(key) ?? '';
      if (key.startsWith('id:') && !index.definitions.has(id)) index.closestId(id);
      else if (key.startsWith('blocker:') && !index.blockers.has(id)) index.closestBlocker(id);
    }
    this.unasked.clear();
  }

  /** A document's diagnostics and the keys they read, when they are complete and current: what a host may persist. */
  keptDiagnostics(path: string): { list: Diagnostic[]; keys: readonly DependencyKey[] } | undefined {
    if (this.pending.size > 0) return undefined;
    return this.cache.entry(path);
  }

  private diagnosticsInputs(index: WorkspaceIndex): DiagnosticsInputs {
    const configuration = this.configuration;
    return {
      index,
      severities: configuration.settings.severities,
      isConfiguration: (facts) => facts === configuration.file,
      factsOf: (p) => this.factsOf(p),
      referencesOf: (facts) => this.referencesOf(facts),
      governingLocks: (facts) => this.governingLocks(facts),
      canonical: (name) => configuration.canonical(name),
      overlapsOf: (prefix) => this.cache.overlapsOf(prefix, index, !this.warming),
      onError: this.onError,
      seals: this.seals.inputs(configuration),
    };
  }

  sealTargets(facts: DocumentFacts): readonly SealTarget[] {
    return this.seals.targets(facts, () => this.referencesOf(facts), this.configuration);
  }

  /** A packet folder's current tree id (spec §8), undefined when seals are off. */
  treeIdOf(folder: string): TreeIdResult | undefined {
    return this.seals.treeIdOf(folder, this.configuration);
  }

  /**
   * The documents whose diagnostics may have changed since the last call ('all': any of them):
   * a host that publishes asks these again instead of the whole workspace.
   */
  takeStale(): ReadonlySet<string> | 'all' {
    this.workspaceIndex();
    return this.cache.takeStale();
  }

  /** Hands the index the changed documents' new facts and drops the diagnostics that read what moved. */
  private sync(index: WorkspaceIndex): void {
    const changed = [...this.pending];
    this.pending.clear();
    // Only packet documents define IDs: a note's edit moves no suggestion.
    if (this.unasked.size > 0 && changed.some((p) => this.factsOf(p)?.kind !== 'note' || index.factsAt(p)?.kind !== 'note')) this.askSeeded(index);
    for (const path of changed) {
      const keys: IndexChange = index.holds(path) ? index.replace(path, this.factsOf(path)) : new Set();
      keys.add(docKey(path));
      // Any file below a packet, document or not, moves its tree id and so the seals stated for it.
      for (const folder of ancestors(path)) keys.add(sealKey(folder));
      for (const key of keys) {
        const id = sitesIdOf(key);
        if (id !== undefined) this.dropSettledBy(index, id);
        this.cache.invalidate(key);
      }
      this.cache.forget(path);
    }
  }

  /**
   * A definition of `id` came or went: the documents citing it whose bare names were settled by
   * the packets of their IDs resolve again (references.ts), and their diagnostics go with that.
   */
  private dropSettledBy(index: WorkspaceIndex, id: string): void {
    for (const facts of index.mentioning(id)) {
      // Not resolved in this generation (diagnostics taken from a persisted cache): whether
      // they read the sites is not known, so they go as if they did.
      const resolved = this.resolved.get(facts.path);
      if (resolved ? !resolved.readsIdSites : this.cache.get(facts.path) === undefined) continue;
      this.resolved.delete(facts.path);
      this.cache.forget(facts.path);
    }
  }

  /** The locks governing a document (spec §5, checks/governingLocks.ts). */
  governingLocks(facts: DocumentFacts): DocumentFacts[] {
    return governingLocks(facts, this);
  }

  /** Where a path written in the document (not yet one of its facts, such as text being typed) leads, as its references do. */
  resolveCitation(facts: DocumentFacts, written: string): Resolution {
    return this.referencesOf(facts).resolve(written);
  }

  /** Where each path the document cites leads, resolved once per index generation. */
  referencesOf(facts: DocumentFacts): ResolvedReferences {
    let references = this.resolved.get(facts.path);
    if (!references) {
      const configuration = this.configuration;
      references = resolveReferences(facts, this.workspaceIndex(), (p) => configuration.packetHolding(p));
      this.resolved.set(facts.path, references);
    }
    return references;
  }

  /** Which file a path leads to, as the host tells it (see Workspace.fileId); undefined when it cannot. */
  fileIdentity(path: string): string | undefined {
    try {
      return this.workspace.fileId?.(path);
    } catch (error) {
      this.onError(path, error);
      return undefined;
    }
  }

  /** An action name in the detector's canonical vocabulary (lock actions, claims). */
  canonical(name: string): string | undefined {
    return this.configuration.canonical(name);
  }

  private configure(): Configuration {
    return new Configuration(this.workspace, this.hostSettings, this.schemas, this.onError);
  }

  /** How many blockers are unresolved, without sorting them: hosts show it after every edit. */
  blockerCounts(): { unresolved: number; total: number } {
    let unresolved = 0;
    const blockers = this.workspaceIndex().blockers;
    for (const b of blockers.values()) if (b.status === 'unresolved') unresolved++;
    return { unresolved, total: blockers.size };
  }

  /** One entry per blocker ID, from its latest definition, in file then line order. */
  blockers(): BlockerStatus[] {
    return [...this.workspaceIndex().blockers.values()].sort((a, b) => a.facts.path.localeCompare(b.facts.path) || a.blocker.span.start - b.blocker.span.start);
  }

  /** Every document the index has a place for, readable now or not, so one that becomes readable can take it. */
  private indexedPaths(): readonly string[] {
    return this.documents().filter((p) => p !== CONFIG_FILE);
  }

  private listFiles(): readonly string[] {
    this.files ??= this.workspace.listFiles();
    return this.files;
  }

  private dropIndex(): void {
    this.index = undefined;
    this.pending.clear();
    this.resolved.clear();
    this.cache.clear();
    this.unasked.clear();
  }
}
