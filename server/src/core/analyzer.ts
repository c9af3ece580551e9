import { append } from './append';
import { checkEvidence } from './checks/evidence';
import { checkGrantClaims } from './checks/grants';
import { blockerKey, docKey, idKey, locksKey, sitesIdOf, ticketPrefixOf, ticketsKey, type DependencyKey } from './dependencyKeys';
import type { FactOptions } from './facts/factOptions';
import { canonicalActionName, createGrantDetector } from './grants/detector';
import { resolveReferences, type ResolvedReferences } from './index/references';
import { findOverlaps, checkUnreservedTickets } from './checks/tickets';
import { checkUnknownIds } from './checks/unknownIds';
import { codeInfo } from './codes';
import { count, MAX_FINDINGS_PER_DOCUMENT } from './limits';
import { noteFacts } from './facts/noteFacts';
import { packetFacts } from './facts/packetFacts';
import type { DocumentFacts, Finding } from './facts/types';
import type { BlockerStatus } from './index/blockerStatus';
import type { Resolution } from './index/resolvePath';
import { WorkspaceIndex } from './index/workspaceIndex';
import { ancestors, basename } from './paths';
import { SchemaValidator } from './schema/validator';
import { defaultSettings, patternsFor, withDefaults, type Patterns, type Settings } from './settings';
import { applySuppressions } from './suppressions';
import { CONFIG_FILE, readConfig } from './config';
import { emptyFacts } from './facts/emptyFacts';
import { LineIndex } from './text/lineIndex';
import { severityByName } from './severity';
import type { Diagnostic } from './types';
import type { Disposable, FileSnapshot, Workspace, WorkspaceChange } from './workspace';

/** Whether a file holds more than `limit` UTF-16 code units: the host left it unread, or its text says so. */
const overLimit = (file: FileSnapshot, limit: number) => file.unreadSize !== undefined || file.text.length > limit;

const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

interface CachedDiagnostics {
  diagnostics: Diagnostic[];
  /** What they were computed from (see dependencyKeys): a change to any of it drops them. */
  keys: DependencyKey[];
}

/**
 * The analysis engine. Facts are computed once per document version and cached; the
 * workspace index regroups cached facts; diagnostics for one document read the index and the
 * facts of the documents it cites, and are cached until something they were computed from
 * changes. After an edit only the edited document is re-read, the index is updated in place,
 * and only the diagnostics that depend on what moved are recomputed: an edit costs its
 * dependants, not the workspace. Files coming or going, settings and `.govlens.json` start over.
 */
export class Analyzer {
  // Set by configure(), from the defaults, .govlens.json and the host's settings.
  private settings!: Settings;
  private patterns!: Patterns;
  private readonly schemas = new SchemaValidator();
  private factOptions!: FactOptions;
  private canonicalNames = new Map<string, string | undefined>();
  private packetFolders = new Map<string, string | undefined>();
  private packetsHolding = new Map<string, string | undefined>();
  private hostSettings: Partial<Settings>;
  /** `.govlens.json` read as a document, with its findings, when the workspace has one. */
  private config: DocumentFacts | undefined;
  private readonly facts = new Map<string, DocumentFacts>();
  private files: readonly string[] | undefined;
  private documentPaths: string[] | undefined;
  private index: WorkspaceIndex | undefined;
  /** Documents changed since the index last took their facts. */
  private readonly pending = new Set<string>();
  /** ticket-range-overlap findings by ticket prefix, then by document. */
  private readonly overlaps = new Map<string, Map<string, Finding[]>>();
  private readonly cache = new Map<string, CachedDiagnostics>();
  /** Dependency key → documents whose cached diagnostics were computed from it. */
  private readonly dependents = new Map<DependencyKey, Set<string>>();
  /** Documents whose diagnostics may differ from what takeStale() last handed out; 'all' after a restart. */
  private stale: Set<string> | 'all' = 'all';
  /** Per document, where its cited paths lead; valid as long as the index is. */
  private readonly resolved = new Map<string, ResolvedReferences>();
  private readonly subscription: Disposable | undefined;
  /** While a host warms the caches up in steps, the index holds only what was read so far. */
  private warming = false;
  private warmCursor = 0;

  /**
   * @param hooks.onError told when reading or analysing one document throws (a host's read
   *   failing, or a bug on that document's text): the document then reads as unreadable
   */
  constructor(
    private readonly workspace: Workspace,
    settings: Partial<Settings> = {},
    private readonly hooks: { onError?: (path: string, error: unknown) => void } = {},
  ) {
    this.hostSettings = settings;
    this.configure();
    this.subscription = workspace.onDidChange?.((change) => this.invalidate(change));
  }

  dispose(): void {
    this.subscription?.dispose();
  }

  /** The settings in force: defaults, then `.govlens.json`, then the host's. */
  currentSettings(): Settings {
    return this.settings;
  }

  updateSettings(settings: Partial<Settings>): void {
    this.hostSettings = settings;
    this.reset();
  }

  /** Forgets everything read: the next question re-reads the workspace (configuration included). */
  reset(): void {
    this.configure();
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
    if (change.paths.includes(CONFIG_FILE)) {
      // New settings change how every document reads.
      this.reset();
      return;
    }
    for (const path of change.paths) {
      this.facts.delete(path);
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
    return path === CONFIG_FILE || path === this.settings.lockPath || this.isPacketDocument(path) || this.patterns.isNote(path);
  }

  /** The packet folder holding a JSON document: its nearest ancestor whose name matches the packet glob. */
  packetFolderOf(path: string): string | undefined {
    if (!/\.json$/i.test(path)) return undefined;
    // Asked for every path every note cites (to find its governing locks): glob matching per
    // ancestor is worth remembering.
    if (this.packetFolders.has(path)) return this.packetFolders.get(path);
    const folder = this.packetHolding(path);
    this.packetFolders.set(path, folder);
    return folder;
  }

  /** The packet folder any path lies in (a note or a folder too: `dir/` is inside `dir`), if any. */
  private packetHolding(path: string): string | undefined {
    if (this.packetsHolding.has(path)) return this.packetsHolding.get(path);
    const folder = ancestors(path).find((dir) => this.patterns.isPacketFolderName(dir === '' ? this.workspace.rootName : basename(dir)));
    this.packetsHolding.set(path, folder);
    return folder;
  }

  /** Facts of any readable .json or .md file, cached per version. */
  factsOf(path: string): DocumentFacts | undefined {
    if (path === CONFIG_FILE) return this.config;
    const cached = this.facts.get(path);
    if (cached) return cached;
    let facts: DocumentFacts | undefined;
    try {
      const file = this.workspace.readFile(path, { maxLength: this.settings.maxFileSize });
      if (!file) return undefined;
      if (overLimit(file, this.settings.maxFileSize)) facts = this.tooLarge(path, file, this.settings.maxFileSize);
      else if (/\.json$/i.test(path)) facts = packetFacts(path, file.text, file.version, this.packetFolderOf(path), this.factOptions);
      else if (/\.md$/i.test(path)) facts = noteFacts(path, file.text, file.version, this.factOptions);
    } catch (error) {
      // A host whose read fails (or a bug on one document's text) costs that document only: it
      // reads as unreadable, is not cached, and is tried again on the next question.
      this.hooks.onError?.(path, error);
      return undefined;
    }
    if (facts) this.facts.set(path, facts);
    return facts;
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
        const facts = p === CONFIG_FILE ? undefined : this.facts.get(p);
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
    if (cached) return cached.diagnostics;
    const facts = this.factsOf(path);
    if (!facts) return [];
    try {
      const { diagnostics, complete } = this.computeDiagnostics(facts, index);
      // A half-read workspace gives provisional answers, and a check that failed an incomplete
      // one: neither is kept, so the next question tries again.
      if (complete && !this.warming && this.index === index) this.remember(path, diagnostics, this.dependencyKeys(facts));
      return diagnostics;
    } catch (error) {
      // Whatever fails here fails for this document only: whole-workspace passes carry on.
      this.hooks.onError?.(path, error);
      return [];
    }
  }

  private computeDiagnostics(facts: DocumentFacts, index: WorkspaceIndex): { diagnostics: Diagnostic[]; complete: boolean } {
    const findings = [...facts.local];
    let complete = true;
    // Each cross-document check reads other documents and asks the host about paths: one that
    // throws (a host failing, a bug on strange input) loses its own findings, not the others'.
    const run = (check: () => Iterable<Finding>) => {
      try {
        append(findings, check());
      } catch (error) {
        complete = false;
        this.hooks.onError?.(facts.path, error);
      }
    };
    if (!facts.broken && facts !== this.config) {
      run(() => checkUnknownIds(facts, index));
      run(() => checkEvidence(this.referencesOf(facts), index, (p) => this.factsOf(p)));
      run(() => checkUnreservedTickets(facts, index));
      run(() => this.overlapsOf(facts, index));
      run(() => checkGrantClaims(facts, this.governingLocks(facts), (name) => this.canonical(name)));
    }
    const diagnostics = findings.map((f) => this.toDiagnostic(facts, f)).filter((d): d is Diagnostic => d !== undefined);
    const sorted = applySuppressions(facts, diagnostics).sort(byPosition);
    return { diagnostics: this.capped(facts, sorted), complete };
  }

  /**
   * At most MAX_FINDINGS_PER_DOCUMENT findings, and one that counts the rest: thousands of
   * findings on one document help nobody, and every host would carry them on every pass. The
   * most severe are kept (an error never hides behind a thousand hints), each in document order.
   */
  private capped(facts: DocumentFacts, diagnostics: Diagnostic[]): Diagnostic[] {
    if (diagnostics.length <= MAX_FINDINGS_PER_DOCUMENT) return diagnostics;
    const kept = [...diagnostics].sort((a, b) => a.severity - b.severity).slice(0, MAX_FINDINGS_PER_DOCUMENT).sort(byPosition);
    const left = diagnostics.length - kept.length;
    const summary = this.toDiagnostic(facts, {
      code: 'too-many-findings',
      span: { start: 0, end: 0 },
      message: `This document has ${count(diagnostics.length)} findings; the ${count(kept.length)} most severe are shown and ${count(left)} are not. Fix the ones shown (or split the document) to see the rest.`,
    });
    return summary ? [summary, ...kept] : kept;
  }

  /** ticket-range-overlap findings on this document's reservations, computed per prefix. */
  private overlapsOf(facts: DocumentFacts, index: WorkspaceIndex): Finding[] {
    const findings: Finding[] = [];
    for (const prefix of new Set(facts.reservations.map((r) => r.range.prefix))) {
      let byPath = this.overlaps.get(prefix);
      if (!byPath) {
        byPath = findOverlaps(index.reservationsOf(prefix));
        if (!this.warming) this.overlaps.set(prefix, byPath);
      }
      append(findings, byPath.get(facts.path) ?? []);
    }
    return findings;
  }

  /**
   * What a document's diagnostics read besides its own facts, as keys the index reports when
   * they move: the IDs it cites (defined or not, and the suggestion for unknown ones), the
   * ticket prefixes it mentions or reserves, the locks when it makes claims, and the
   * documents whose entries its evidence anchors name.
   */
  private dependencyKeys(facts: DocumentFacts): DependencyKey[] {
    const keys = new Set([docKey(facts.path)]);
    for (const ref of facts.idRefs) keys.add(idKey(ref.id));
    // A resolved_in_this_macro entry that is no blocker reads whether the ID is defined at all.
    for (const ref of facts.resolvedRefs) keys.add(blockerKey(ref.id)).add(idKey(ref.id));
    for (const ticket of facts.tickets) if (ticket.valid) keys.add(ticketsKey(ticket.range.prefix));
    for (const reservation of facts.reservations) keys.add(ticketsKey(reservation.range.prefix));
    if (facts.claims.length > 0) keys.add(locksKey);
    if (!facts.broken && facts !== this.config) {
      for (const { ref, resolution } of this.referencesOf(facts).evidence) if (ref.anchor && resolution.kind === 'file') keys.add(docKey(resolution.path));
    }
    return [...keys];
  }

  private remember(path: string, diagnostics: Diagnostic[], keys: DependencyKey[]): void {
    this.cache.set(path, { diagnostics, keys });
    for (const key of keys) {
      const paths = this.dependents.get(key);
      if (paths) paths.add(path);
      else this.dependents.set(key, new Set([path]));
    }
  }

  /**
   * The documents whose diagnostics may have changed since the last call ('all': any of them):
   * a host that publishes asks these again instead of the whole workspace.
   */
  takeStale(): ReadonlySet<string> | 'all' {
    this.workspaceIndex();
    const stale = this.stale;
    this.stale = new Set();
    return stale;
  }

  private forget(path: string): void {
    if (this.stale !== 'all') this.stale.add(path);
    const entry = this.cache.get(path);
    if (!entry) return;
    this.cache.delete(path);
    for (const key of entry.keys) {
      const paths = this.dependents.get(key);
      paths?.delete(path);
      if (paths?.size === 0) this.dependents.delete(key);
    }
  }

  /** Hands the index the changed documents' new facts and drops the diagnostics that read what moved. */
  private sync(index: WorkspaceIndex): void {
    const changed = [...this.pending];
    this.pending.clear();
    for (const path of changed) {
      const keys = index.holds(path) ? index.replace(path, this.factsOf(path)) : new Set<DependencyKey>();
      keys.add(docKey(path));
      for (const key of keys) {
        const prefix = ticketPrefixOf(key);
        if (prefix !== undefined) this.overlaps.delete(prefix);
        const id = sitesIdOf(key);
        if (id !== undefined) this.dropSettledBy(index, id);
        for (const dependent of [...(this.dependents.get(key) ?? [])]) this.forget(dependent);
      }
      this.forget(path);
    }
  }

  /**
   * A definition of `id` came or went: the documents citing it whose bare names were settled by
   * the packets of their IDs resolve again (references.ts), and their diagnostics go with that.
   */
  private dropSettledBy(index: WorkspaceIndex, id: string): void {
    for (const facts of index.mentioning(id)) {
      if (!this.resolved.get(facts.path)?.readsIdSites) continue;
      this.resolved.delete(facts.path);
      this.forget(facts.path);
    }
  }

  /**
   * Spec §5: a packet document is governed by the lock(s) in its packet folder; a note by the
   * locks of the packets whose files it cites by path, or every lock when it cites none.
   */
  governingLocks(facts: DocumentFacts): DocumentFacts[] {
    if (this.settings.lockPath !== undefined) {
      // The override governs everything; when it names no readable file nothing is granted.
      const lock = this.factsOf(this.settings.lockPath);
      return lock ? [lock] : [];
    }
    const index = this.workspaceIndex();
    const locks = index.locks;
    if (facts.kind !== 'note') return facts.packet === undefined ? [] : [...index.locksIn(facts.packet)];
    const { evidence, links } = this.referencesOf(facts);
    const packets = new Set<string>();
    for (const { resolution } of [...evidence, ...links]) {
      const packet = resolution.kind === 'file' ? this.packetFolderOf(resolution.path) : undefined;
      if (packet !== undefined) packets.add(packet);
    }
    return packets.size === 0 ? [...locks] : locks.filter((l) => l.packet !== undefined && packets.has(l.packet));
  }

  /** Where a path written in the document (not yet one of its facts, such as text being typed) leads, as its references do. */
  resolveCitation(facts: DocumentFacts, written: string): Resolution {
    return this.referencesOf(facts).resolve(written);
  }

  /** Where each path the document cites leads, resolved once per index generation. */
  referencesOf(facts: DocumentFacts): ResolvedReferences {
    let references = this.resolved.get(facts.path);
    if (!references) {
      references = resolveReferences(facts, this.workspaceIndex(), (p) => this.packetHolding(p));
      this.resolved.set(facts.path, references);
    }
    return references;
  }

  /** Which file a path leads to, as the host tells it (see Workspace.fileId); undefined when it cannot. */
  fileIdentity(path: string): string | undefined {
    try {
      return this.workspace.fileId?.(path);
    } catch (error) {
      this.hooks.onError?.(path, error);
      return undefined;
    }
  }

  /** An action name in the detector's canonical vocabulary (lock actions, claims). */
  canonical(name: string): string | undefined {
    if (!this.canonicalNames.has(name)) this.canonicalNames.set(name, canonicalActionName(name, Object.keys(this.settings.grantVocabulary).length > 0 ? this.settings.grantVocabulary : undefined));
    return this.canonicalNames.get(name);
  }

  /** Settings are the defaults, then `.govlens.json`, then what the host (editor) sets. */
  private configure(): void {
    this.config = undefined;
    let fromFile: Partial<Settings> = {};
    // A configuration that cannot be read or understood leaves the defaults in force, and says
    // so: it must never keep the workspace from opening (a host would then report it as clean).
    // The file cannot set its own size limit before it is read: the host's or the default applies.
    const limit = this.hostSettings.maxFileSize ?? defaultSettings.maxFileSize;
    let file: FileSnapshot | undefined;
    try {
      file = this.workspace.readFile(CONFIG_FILE, { maxLength: limit });
    } catch (error) {
      this.hooks.onError?.(CONFIG_FILE, error);
    }
    if (file && overLimit(file, limit)) {
      this.config = this.tooLarge(CONFIG_FILE, file, limit);
    } else if (file) {
      this.config = emptyFacts(CONFIG_FILE, file.version, 'packet-document', file.text, new LineIndex(file.text));
      try {
        const config = readConfig(file.text);
        fromFile = config.settings;
        this.config.local = config.findings;
      } catch (error) {
        this.hooks.onError?.(CONFIG_FILE, error);
        const reason = error instanceof Error ? error.message : String(error);
        this.config.local = [{ code: 'schema', span: { start: 0, end: 0 }, message: `${CONFIG_FILE} could not be read (${reason}), so the defaults are in force; simplify the file, and report the problem.` }];
      }
    }
    this.settings = withDefaults({ ...fromFile, ...this.hostSettings });
    this.patterns = patternsFor(this.settings);
    const vocabulary = this.settings.grantVocabulary;
    const hasExtension = Object.keys(vocabulary).length > 0;
    this.factOptions = {
      patterns: this.patterns,
      schemas: this.schemas,
      detectClaims: createGrantDetector(hasExtension ? vocabulary : undefined),
      lockPath: this.settings.lockPath,
    };
    this.canonicalNames = new Map();
    this.packetFolders = new Map();
    this.packetsHolding = new Map();
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

  /** A file over the size limit is not parsed: it defines and cites nothing, and says why. */
  private tooLarge(path: string, file: FileSnapshot, limit: number): DocumentFacts {
    const kind = /\.json$/i.test(path) ? 'packet-document' : 'note';
    const facts = emptyFacts(path, file.version, kind, file.text, new LineIndex(file.text));
    facts.tooLarge = true;
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 3 : 1)} MB`;
    const size = file.unreadSize === undefined ? mb(file.text.length) : `${mb(file.unreadSize)} on disk`;
    facts.local.push({
      code: 'file-too-large',
      span: { start: 0, end: 0 },
      message: `${basename(path)} is ${size}, over the ${mb(limit)} size limit, so it is not analysed; split it, or raise maxFileSizeMB (editor setting governanceLens.maxFileSizeMB or .govlens.json).`,
    });
    return facts;
  }

  /** Every document the index has a place for, readable now or not, so one that becomes readable can take it. */
  private indexedPaths(): readonly string[] {
    return this.documents().filter((p) => p !== CONFIG_FILE);
  }

  private listFiles(): readonly string[] {
    this.files ??= this.workspace.listFiles();
    return this.files;
  }

  private isPacketDocument(path: string): boolean {
    return this.packetFolderOf(path) !== undefined;
  }

  private dropIndex(): void {
    this.index = undefined;
    this.pending.clear();
    this.overlaps.clear();
    this.resolved.clear();
    this.cache.clear();
    this.dependents.clear();
    this.stale = 'all';
  }

  private toDiagnostic(facts: DocumentFacts, finding: Finding): Diagnostic | undefined {
    const override = this.settings.severities[finding.code];
    if (override === 'off') return undefined;
    const diagnostic: Diagnostic = {
      range: facts.lines.range(finding.span.start, finding.span.end),
      severity: override ? severityByName[override] : codeInfo[finding.code].severity,
      code: finding.code,
      source: 'govlens',
      message: finding.message,
    };
    const related = finding.related?.flatMap((r) => {
      const lines = r.path === facts.path ? facts.lines : this.factsOf(r.path)?.lines;
      return lines ? [{ path: r.path, range: lines.range(r.span.start, r.span.end), message: r.message }] : [];
    });
    if (related?.length) diagnostic.relatedInformation = related;
    if (finding.data) diagnostic.data = finding.data;
    return diagnostic;
  }
}
