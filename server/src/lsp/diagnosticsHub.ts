import type { CancellationToken, Connection, Diagnostic, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { Diagnostic as CoreDiagnostic } from '../core/types';
import { toLspDiagnostic } from './convert';
import type { Folders } from './folders';
import type { KbFolder } from './kbFolder';
import { errorText } from '../core/errorText';

export type DiagnosticsMode = 'pull' | 'push';

/**
 * How long a whole-workspace pass works before it lets requests in. Passes are mostly cache
 * hits (the analyzer keeps unchanged diagnostics), so they batch by time, not by count.
 */
const SLICE_MS = 15;

interface Reported {
  /** The analyzer's array: the same object as long as the diagnostics have not changed. */
  source: CoreDiagnostic[];
  key: string;
}

/**
 * Keeps the client's diagnostics current. Pull clients (VS Code) ask per open document and
 * for the whole workspace (a long poll answered when something changes) and are told to
 * refresh after a change; push-only clients (Neovim 0.7, eglot) get every document's
 * diagnostics published, re-published when they change and whenever the document is opened
 * or closed.
 */
export class DiagnosticsHub {
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  /** What each client last received, by URI. */
  private readonly published = new Map<string, Reported>();
  private readonly workspaceReported = new Map<string, Reported>();
  private lastWorkspaceGeneration = -1;
  /** Push mode: per folder, the documents still to publish (an overtaken pass leaves the rest here). */
  private readonly pendingPush = new Map<KbFolder, Set<string>>();
  /** Push mode: per folder, documents opened or closed since their last publication, sent whether or not they changed. */
  private readonly owedPush = new Map<KbFolder, Set<string>>();
  /** Push mode: documents may have left since the last complete pass (a restart, a folder removed). */
  private sweepOwed = false;
  /** Counts every change as it happens (generation counts settled ones). */
  private edits = 0;

  constructor(
    private readonly connection: Connection,
    private readonly folders: Folders,
    readonly mode: DiagnosticsMode,
    private readonly refreshSupported: boolean,
    private readonly yieldTurn: () => Promise<void>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The diagnostics of one document, as LSP sends them. */
  diagnosticsOf(folder: KbFolder, path: string): Diagnostic[] {
    return this.convert(folder, folder.analyzer.diagnostics(path));
  }

  convert(folder: KbFolder, diagnostics: readonly CoreDiagnostic[]): Diagnostic[] {
    return diagnostics.map((d) => toLspDiagnostic(folder, d));
  }

  /**
   * Called when the client opens or closes a document: the next push pass publishes its
   * diagnostics even if unchanged. A client need not keep what it was sent for a file it had
   * not opened (eglot 1.9 lists it project-wide only and shows the opened buffer nothing), nor
   * keep a closed buffer's diagnostics for the file.
   */
  openedOrClosed(folder: KbFolder, path: string): void {
    if (this.mode !== 'push' || !folder.analyzer.isDocument(path)) return;
    const owed = this.owedPush.get(folder) ?? new Set<string>();
    owed.add(path);
    this.owedPush.set(folder, owed);
    const pending = this.pendingPush.get(folder) ?? new Set<string>();
    pending.add(path);
    this.pendingPush.set(folder, pending);
  }

  /**
   * Push mode: an open document's diagnostics known before its folder is warm (a persisted
   * cache's, when they hold: server.ts publishKept). Sent as an opened document's are; the pass
   * after the index is built sends them again only if they differ.
   */
  publishKept(folder: KbFolder, path: string, diagnostics: CoreDiagnostic[]): void {
    if (this.mode !== 'push') return;
    const owed = this.owedPush.get(folder)?.delete(path) ?? false;
    this.send(folder, folder.uriOf(path), diagnostics, owed);
  }

  /** Called on every change, at once: a pass over the workspace that is under way is now out of date. */
  touched(): void {
    this.edits++;
  }

  /** Called (debounced) after changes: buffers, disk, settings, configuration files. Settles when a push pass ends. */
  changed(): Promise<void> {
    this.generation++;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    if (this.mode === 'push') return this.publishAll();
    if (this.refreshSupported) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    return Promise.resolve();
  }

  /**
   * Visits every document a batch per event-loop turn, so requests are answered during a long
   * pass; stops early (returning false) when a change makes the pass out of date, or when the
   * request it answers is cancelled (a cancellation can only arrive between batches).
   */
  private async visitAll(pathsOf: (folder: KbFolder) => Iterable<string>, visit: (folder: KbFolder, path: string) => void, token?: CancellationToken): Promise<boolean> {
    const edits = this.edits;
    let sliceStart = this.now();
    for (const folder of this.folders.all) {
      if (!folder.analyzer.isWarm) return false;
      for (const path of pathsOf(folder)) {
        if (this.edits !== edits || token?.isCancellationRequested) return false;
        try {
          visit(folder, path);
        } catch (error) {
          // One document's failure must not cost the others their diagnostics, nor end the pass.
          this.connection.console.error(`Diagnostics of ${path} failed: ${errorText(error)}`);
        }
        if (this.now() - sliceStart > SLICE_MS) {
          await this.yieldTurn();
          sliceStart = this.now();
        }
      }
    }
    return this.edits === edits;
  }

  /**
   * Publishes what differs from what the client has. Only documents whose diagnostics may have
   * changed are visited (the analyzer says which); after a restart, every document, and those
   * that vanished get an empty list. A pass overtaken by an edit stops and what it did not
   * visit stays pending for the next one.
   */
  async publishAll(): Promise<void> {
    for (const folder of this.folders.all) {
      if (!folder.analyzer.isWarm) continue;
      const stale = folder.analyzer.takeStale();
      if (stale === 'all') this.sweepOwed = true;
      const pending = this.pendingPush.get(folder) ?? new Set<string>();
      for (const path of stale === 'all' ? folder.analyzer.documents() : stale) pending.add(path);
      this.pendingPush.set(folder, pending);
    }
    for (const folder of [...this.pendingPush.keys()]) {
      if (this.folders.all.includes(folder)) continue;
      this.pendingPush.delete(folder);
      this.owedPush.delete(folder);
      this.sweepOwed = true;
    }
    const visit = (folder: KbFolder, path: string) => {
      const owed = this.owedPush.get(folder)?.delete(path) ?? false;
      this.send(folder, folder.uriOf(path), folder.analyzer.diagnostics(path), owed);
      this.pendingPush.get(folder)?.delete(path);
    };
    // The documents the user is looking at go first, in every folder, then the rest: at startup
    // that is what streaming amounts to. Nothing is published before the folder is warm
    // (visitAll), so what goes first is as complete as what follows.
    const openFirst = await this.visitAll((folder) => pendingOpen(folder, this.pendingPush.get(folder)), visit);
    const complete = openFirst && (await this.visitAll((folder) => [...(this.pendingPush.get(folder) ?? [])], visit));
    if (!complete || !this.sweepOwed) return;
    // Documents that left the workspace (deleted, renamed, their folder removed) lose their entries.
    this.sweepOwed = false;
    const current = new Set(this.folders.all.flatMap((f) => f.analyzer.documents().map((p) => f.uriOf(p))));
    for (const uri of [...this.published.keys()]) if (!current.has(uri)) this.send(undefined, uri, []);
  }

  /** Publishes what differs from what the client has, or, when `always`, the current list regardless. */
  private send(folder: KbFolder | undefined, uri: string, source: CoreDiagnostic[], always = false): void {
    const before = this.published.get(uri);
    if (!always && (before?.source === source || (before === undefined && source.length === 0))) return;
    const diagnostics = folder ? this.convert(folder, source) : [];
    // Recomputed is not changed: a dependant often ends up with the same findings.
    const key = JSON.stringify(diagnostics);
    if (!always && before?.key === key) {
      before.source = source;
      return;
    }
    if (diagnostics.length === 0) this.published.delete(uri);
    else this.published.set(uri, { source, key });
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /**
   * workspace/diagnostic. When the client already holds this generation's results the answer
   * waits for the next change (or cancellation), so the client's poll costs nothing while idle.
   * A pass overtaken by an edit answers with what it has (the client keeps the rest) and the
   * next poll is answered at once.
   */
  async workspaceReport(previous: readonly { uri: string; value: string }[], token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const current = String(this.lastWorkspaceGeneration);
    if (previous.length > 0 && this.lastWorkspaceGeneration === this.generation && previous.every((p) => p.value === current)) {
      await new Promise<void>((resolve) => {
        this.waiters.add(resolve);
        token.onCancellationRequested(() => resolve());
      });
      if (token.isCancellationRequested) return { items: [] };
    }
    const generation = this.generation;
    const resultId = String(generation);
    const previousIds = new Map(previous.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    const complete = await this.visitAll(
      (folder) => folder.analyzer.documents(),
      (folder, path) => {
        const uri = folder.uriOf(path);
        const source = folder.analyzer.diagnostics(path);
        seen.add(uri);
        const before = this.workspaceReported.get(uri);
        if (before?.source === source && previousIds.has(uri)) {
          items.push({ kind: 'unchanged', uri, resultId, version: null });
          return;
        }
        const diagnostics = this.convert(folder, source);
        const key = JSON.stringify(diagnostics);
        this.workspaceReported.set(uri, { source, key });
        if (before?.key === key && previousIds.has(uri)) items.push({ kind: 'unchanged', uri, resultId, version: null });
        else items.push({ kind: 'full', uri, resultId, version: null, items: diagnostics });
      },
      token,
    );
    if (token.isCancellationRequested) return { items: [] };
    if (complete) {
      // A document that left the workspace (deleted, renamed) must lose its entries.
      for (const uri of new Set([...previousIds.keys(), ...this.workspaceReported.keys()])) {
        if (seen.has(uri)) continue;
        this.workspaceReported.delete(uri);
        items.push({ kind: 'full', uri, resultId, version: null, items: [] });
      }
    }
    this.lastWorkspaceGeneration = complete ? generation : -1;
    return { items };
  }

  dispose(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }
}

/** The pending documents the client has open, in the order it opened them. */
function pendingOpen(folder: KbFolder, pending: ReadonlySet<string> | undefined): string[] {
  if (!pending || pending.size === 0) return [];
  return folder.workspace.openPaths().filter((p) => pending.has(p));
}
