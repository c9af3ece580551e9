import type { CancellationToken, Connection, Diagnostic, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { toLspDiagnostic } from './convert';
import type { Folders } from './folders';
import type { KbFolder } from './kbFolder';

export type DiagnosticsMode = 'pull' | 'push';

interface Reported {
  uri: string;
  key: string;
}

/**
 * Keeps the client's diagnostics current. Pull clients (VS Code) ask per open document and
 * for the whole workspace (a long poll answered when something changes) and are told to
 * refresh after a change; push-only clients (Neovim 0.7) get every document's diagnostics
 * published, and re-published when they change.
 */
export class DiagnosticsHub {
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  /** What each client last received, by URI: JSON of the diagnostics. */
  private readonly published = new Map<string, string>();
  private workspaceReported = new Map<string, Reported>();
  private lastWorkspaceGeneration = -1;

  constructor(
    private readonly connection: Connection,
    private readonly folders: Folders,
    readonly mode: DiagnosticsMode,
    private readonly refreshSupported: boolean,
  ) {}

  /** The diagnostics of one document, as LSP sends them. */
  diagnosticsOf(folder: KbFolder, path: string): Diagnostic[] {
    return folder.analyzer.diagnostics(path).map((d) => toLspDiagnostic(folder, d));
  }

  /** Called (debounced) after any change: buffers, disk, settings, configuration files. */
  changed(): void {
    this.generation++;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    if (this.mode === 'push') this.publishAll();
    else if (this.refreshSupported) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** Publishes what differs from what the client has; documents that vanished get an empty list. */
  publishAll(): void {
    const seen = new Set<string>();
    for (const folder of this.folders.all) {
      if (!folder.analyzer.isWarm) continue;
      const paths = folder.analyzer.documents();
      for (const path of paths) {
        const uri = folder.uriOf(path);
        seen.add(uri);
        this.send(uri, this.diagnosticsOf(folder, path));
      }
    }
    for (const uri of [...this.published.keys()]) if (!seen.has(uri)) this.send(uri, []);
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    const before = this.published.get(uri);
    if (before === key || (before === undefined && diagnostics.length === 0)) return;
    if (diagnostics.length === 0) this.published.delete(uri);
    else this.published.set(uri, key);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /**
   * workspace/diagnostic. When the client already holds this generation's results the answer
   * waits for the next change (or cancellation), so the client's poll costs nothing while idle.
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
    const reported = new Map<string, Reported>();
    for (const folder of this.folders.all) {
      for (const path of folder.analyzer.documents()) {
        const uri = folder.uriOf(path);
        const diagnostics = this.diagnosticsOf(folder, path);
        const key = JSON.stringify(diagnostics);
        reported.set(uri, { uri, key });
        const before = this.workspaceReported.get(uri);
        if (before?.key === key && previousIds.has(uri)) items.push({ kind: 'unchanged', uri, resultId, version: null });
        else items.push({ kind: 'full', uri, resultId, version: null, items: diagnostics });
      }
    }
    // A document that left the workspace (deleted, renamed) must lose its entries.
    for (const uri of previousIds.keys()) if (!reported.has(uri)) items.push({ kind: 'full', uri, resultId, version: null, items: [] });
    this.workspaceReported = reported;
    this.lastWorkspaceGeneration = generation;
    return { items };
  }

  dispose(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }
}
