import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LogMessageNotification,
  MessageType,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AuthorityDeltaRequest, BlockersChangedNotification, BlockersRequest, CheckWorkspaceRequest, RevisionsRequest, type Params, type Result } from '../../../common/protocol';
import { version } from '../../../package.json';
import { errorMessage } from '../core/errorText';
import { AuthorityDeltas } from './authorityDelta';
import { blockerInfos, checkWorkspace } from './blockers';
import { clientSupport, serverCapabilities, type ClientSupport } from './capabilities';
import { DiagnosticsHub } from './diagnosticsHub';
import { registerFeatures } from './features';
import { Folders } from './folders';
import type { KbFolder } from './kbFolder';
import type { Settings } from '../core/settings';
import type { Runtime } from './runtime';
import { Persistence, storageOf } from './persistence';
import { logFailure, makeSafe } from './safe';
import { SettingsSource } from './settingsSource';

/**
 * Before the cache's load, opens and pulls still arriving are waited for until none came for
 * FLUSH_QUIET_MS, at most FLUSH_ROUNDS times (flushKept): a client descheduled for a moment
 * must not make its restored tabs wait a whole load, and load must not wait long.
 */
const FLUSH_QUIET_MS = 10;
const FLUSH_ROUNDS = 10;
/** Documents read per event-loop turn while indexing: small enough that requests interleave. */
const WARM_UP_BATCH = 50;
/**
 * Edits arrive per keystroke; diagnostics and counts follow once typing pauses. The pause is
 * about as long as the last analysis took, within these bounds: an edit that costs a few
 * milliseconds to analyse is answered at once, one that costs seconds (a huge file, files
 * created or deleted in a large KB) is not re-analysed at every keystroke.
 */
const SETTLE_MIN_MS = 5;
const SETTLE_MAX_MS = 120;

/** The language server: a thin host that routes LSP messages to each folder's analyzer and service. */
export function startServer(connection: Connection, runtime: Runtime): void {
  const folders = new Folders(runtime, (message) => connection.console.error(message));
  const documents = new TextDocuments(TextDocument);
  const safe = makeSafe(connection);
  const deltas = new AuthorityDeltas(folders, runtime.git, (message) => connection.console.error(message));
  let support: ClientSupport;
  let settings: SettingsSource;
  let hub: DiagnosticsHub;
  let persistence: Persistence | undefined;
  let ready: Promise<void> = Promise.resolve();
  /** Settles once the settings the client serves at startup are in force (applySettings). */
  let settingsApplied: Promise<unknown> = Promise.resolve();
  /** Settles once the caches have been previewed (reindex): from then until load, kept diagnostics may answer. */
  let previewed: Promise<void> = Promise.resolve();
  let lastCounts = '';
  let settle: { dispose(): void } | undefined;
  let settleMs = SETTLE_MAX_MS;
  /** Counts opens and diagnostic pulls: while they keep coming, load waits (flushKept). */
  let openActivity = 0;
  /** Workspace folders that could not be opened, with why: Check Workspace must not call them clean. */
  const unread = new Map<string, string>();

  /**
   * The end of a chain of background work: a failure is logged and the server carries on (an
   * unhandled rejection would end the process, and a rejected `ready` would fail every request).
   */
  const log = logFailure(connection);
  const failed = (what: string) => (error: unknown) => log(what, error);

  const afterChange = () => {
    hub.touched();
    persistence?.saveSoon();
    settle?.dispose();
    settle = runtime.timer.setTimeout(() => {
      settle = undefined;
      void ready
        .then(async () => {
          const started = performance.now();
          // Bring the indexes up to date first: that is where an edit's cost lies.
          for (const folder of folders.all) if (folder.analyzer.isWarm) folder.analyzer.workspaceIndex();
          const pass = hub.changed();
          announceBlockers();
          await pass;
          settleMs = Math.min(SETTLE_MAX_MS, Math.max(SETTLE_MIN_MS, performance.now() - started));
        })
        .catch(failed('Updating diagnostics'));
    }, settleMs);
  };

  const announceBlockers = () => {
    const counts = { unresolved: 0, total: 0 };
    for (const folder of folders.all) {
      const { unresolved, total } = folder.analyzer.blockerCounts();
      counts.unresolved += unresolved;
      counts.total += total;
    }
    const key = JSON.stringify(counts);
    if (key === lastCounts) return;
    lastCounts = key;
    void connection.sendNotification(BlockersChangedNotification.method, counts satisfies Params<typeof BlockersChangedNotification>);
  };

  /** Reads every folder's documents a batch per turn; resolves when all are indexed. */
  const warmUp = (targets: readonly KbFolder[]): Promise<void> =>
    new Promise((resolve) => {
      for (const folder of targets) folder.analyzer.startWarmUp();
      const step = () => {
        try {
          const pending = targets.filter((f) => !f.analyzer.warmStep(WARM_UP_BATCH));
          if (pending.length > 0) return runtime.timer.setImmediate(step);
        } catch (error) {
          connection.console.error(`Indexing failed: ${String(error)}`);
        }
        resolve();
      };
      runtime.timer.setImmediate(step);
    });

  /** Opens a folder with the settings known so far; a folder that cannot be read is reported and skipped. */
  const addFolder = (uri: string, initial: Partial<Settings>): KbFolder | undefined => {
    try {
      const folder = folders.add(uri, initial);
      if (folder) {
        folder.workspace.onDidChange((change) => {
          if (change.paths.length > 0 || change.listChanged) persistence?.changed(folder);
          afterChange();
        });
      }
      else if (!folders.all.some((f) => f.uri === uri)) unread.set(uri, 'not a folder on this machine (only file: URIs are read)');
      return folder;
    } catch (error) {
      const reason = errorMessage(error);
      unread.set(uri, reason);
      connection.console.error(`Cannot open workspace folder ${uri}: ${reason}`);
      void connection.window.showErrorMessage(`Governance Lens cannot open ${uri}: ${reason}`);
      return undefined;
    }
  };

  /**
   * Settings the client serves per folder (workspace/configuration) replace those in force;
   * returns the folders whose settings changed. Settings equal to those in force are no change:
   * a folder's settings reset its analyzer, and VS Code's client announces the configuration as
   * soon as the server registers for its changes (vscode-languageclient's
   * DidChangeConfigurationFeature.register), so taking that as a change indexed every folder
   * twice at startup and spent the kept diagnostics of a warm start.
   */
  const applySettings = async (targets: readonly KbFolder[]): Promise<KbFolder[]> => {
    const changed: KbFolder[] = [];
    for (const folder of targets) {
      const next = await settings.forFolder(folder.uri);
      if (sameSettings(folder.hostSettings, next)) continue;
      persistence?.changed(folder);
      folder.updateSettings(next);
      changed.push(folder);
    }
    return changed;
  };

  /**
   * Push mode: an open document's kept diagnostics, published before its folder is loaded.
   *
   * The rule for what is published early: nothing from a partial index. A document's
   * diagnostics read other documents (IDs defined elsewhere, evidence targets, ticket
   * reservations, locks, seals), so they are published either from an index that holds every
   * document, or, before it is built, as the persisted cache kept them when the cache shows that
   * nothing they were computed from has moved (persistence.ts preview: the same settings and
   * configuration, the same files with the same signatures, no open buffer edited, no sealed
   * folder changed). Otherwise the document waits: never a finding the full index would not
   * give, never one missing that it would.
   */
  const publishKept = (folder: KbFolder, paths: readonly string[]) => {
    for (const path of paths) {
      const kept = persistence?.keptDiagnostics(folder, path);
      if (kept) hub.publishKept(folder, path, kept);
    }
  };

  /**
   * Lets what is answered from kept diagnostics go out before load takes the thread for a
   * second. An editor restoring its tabs sends their opens and pulls right after `initialized`,
   * some still on the way when the preview ends, and the connection writes one message per
   * event-loop turn: so the server waits while opens and pulls keep coming (a bounded time),
   * then sends a log line, whose write settles after every answer queued before it.
   */
  const flushKept = async (targets: readonly KbFolder[]) => {
    const kept = targets.filter((folder) => persistence?.holdsKept(folder)).length;
    if (kept === 0) return;
    for (let round = 0, seen = -1; round < FLUSH_ROUNDS && seen !== openActivity; round++) {
      seen = openActivity;
      await new Promise<void>((resolve) => runtime.timer.setTimeout(resolve, FLUSH_QUIET_MS));
    }
    await connection.sendNotification(LogMessageNotification.type, { type: MessageType.Log, message: `Cache: nothing moved since it was written${kept === targets.length ? '' : ` in ${kept} of ${targets.length} folders`}; open documents answered from it, loading the rest.` });
  };

  const reindex = (targets: readonly KbFolder[]) => {
    previewed = ready
      .then(() => {
        persistence?.preview(targets);
        // Only the open documents: the connection writes a message per turn, and the others'
        // publishes would hold back load by as many turns; the pass after it sends them.
        for (const folder of targets) publishKept(folder, folder.workspace.openPaths());
      })
      .catch(failed('Reading the cache'));
    ready = previewed
      .then(() => flushKept(targets))
      .then(() => warmUp(persistence?.load(targets) ?? targets))
      .then(() => {
        const count = targets.reduce((n, f) => n + f.analyzer.documents().length, 0);
        connection.console.log(`Indexed ${count} documents in ${targets.length} folder${targets.length === 1 ? '' : 's'}.`);
        void hub
          .changed()
          .then(() => persistence?.saveSoon())
          .catch(failed('Publishing diagnostics'));
        announceBlockers();
      })
      .catch(failed('Indexing'));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    support = clientSupport(params.capabilities);
    settings = new SettingsSource(connection, support.configuration, params.initializationOptions);
    persistence = new Persistence(runtime, storageOf(params.initializationOptions), version, (message) => connection.console.log(message), (folder) => {
      folder.analyzer.reset();
      afterChange();
    });
    hub = new DiagnosticsHub(connection, folders, support.pullDiagnostics ? 'pull' : 'push', support.diagnosticRefresh, () => new Promise((resolve) => runtime.timer.setImmediate(resolve)));
    // Folders exist from the start, so requests that arrive before the settings do still find them.
    const initial = settings.initial();
    for (const uri of params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])) addFolder(uri, initial);
    return { capabilities: serverCapabilities(support), serverInfo: { name: 'governance-lens', version } };
  });

  connection.onInitialized(() => {
    if (support.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'governanceLens' });
    if (support.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{json,md}' }, { globPattern: '**/.govlens.json' }],
      });
    }
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        for (const removed of event.removed) {
          const gone = folders.all.find((f) => f.uri === removed.uri);
          if (gone) persistence?.forget(gone);
          folders.remove(removed.uri);
          unread.delete(removed.uri);
        }
        const added = event.added.map((f) => addFolder(f.uri, settings.initial())).filter((f): f is KbFolder => f !== undefined);
        for (const folder of added) syncOpenDocuments(folder);
        if (support.configuration) await applySettings(added);
        reindex(added);
        afterChange();
      });
    }
    // Set before any await: the client sends nothing between initialized and this point, so
    // every request after it waits for the client's settings and the first index.
    settingsApplied = support.configuration ? applySettings(folders.all).catch((error) => connection.console.error(`Settings: ${String(error)}`)) : Promise.resolve();
    ready = settingsApplied.then(() => undefined);
    reindex(folders.all);
  });

  // Buffers that were opened before their folder was known.
  const syncOpenDocuments = (folder: KbFolder) => {
    for (const document of documents.all()) {
      const located = folders.locate(document.uri);
      if (located?.folder !== folder) continue;
      folder.rememberUri(located.path, document.uri);
      folder.workspace.setBuffer(located.path, document.getText(), document.version);
    }
  };

  documents.onDidOpen(({ document }) => {
    const located = folders.locate(document.uri);
    if (!located) return;
    located.folder.rememberUri(located.path, document.uri);
    openActivity++;
    hub.openedOrClosed(located.folder, located.path);
    located.folder.workspace.setBuffer(located.path, document.getText(), document.version, located.folder.analyzer.readVersion(located.path));
    // Opened between the cache's preview and its load: as saved, its kept diagnostics hold.
    publishKept(located.folder, [located.path]);
  });
  documents.onDidChangeContent(({ document }) => {
    const located = folders.locate(document.uri);
    if (located) located.folder.workspace.setBuffer(located.path, document.getText(), document.version);
  });
  documents.onDidClose(({ document }) => {
    const located = folders.locate(document.uri);
    if (!located) return;
    located.folder.workspace.closeBuffer(located.path);
    located.folder.forgetUri(located.path);
    hub.openedOrClosed(located.folder, located.path);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const byFolder = new Map<KbFolder, { paths: string[]; listChanged: boolean }>();
    for (const change of changes) {
      const located = folders.locate(change.uri);
      if (!located) continue;
      const entry = byFolder.get(located.folder) ?? { paths: [], listChanged: false };
      entry.paths.push(located.path);
      if (change.type !== FileChangeType.Changed) entry.listChanged = true;
      byFolder.set(located.folder, entry);
    }
    for (const [folder, { paths, listChanged }] of byFolder) folder.workspace.diskChanged(paths, listChanged);
  });

  connection.onDidChangeConfiguration(async ({ settings: pushed }) => {
    settings.notePushed(pushed);
    // Compared with the settings the first index is built under, not with the placeholders the
    // folders were opened with: the announcement at registration may come before their answer.
    await settingsApplied;
    const changed = await applySettings(folders.all);
    if (changed.length > 0) reindex(changed);
  });

  connection.languages.diagnostics.on(
    safe('diagnostics', { kind: 'full' as const, items: [] }, async ({ textDocument }) => {
      // Kept diagnostics answer only while they hold (publishKept says when); otherwise the index's.
      openActivity++;
      await previewed;
      const early = folders.locateDocument(textDocument.uri);
      const kept = early && persistence?.keptDiagnostics(early.folder, early.path);
      if (early && kept) return { kind: 'full' as const, items: hub.convert(early.folder, kept) };
      await ready;
      const located = folders.locateDocument(textDocument.uri);
      return { kind: 'full' as const, items: located ? hub.diagnosticsOf(located.folder, located.path) : [] };
    }, { document: true }),
  );
  connection.languages.diagnostics.onWorkspace(
    safe('workspace diagnostics', { items: [] }, async ({ previousResultIds }, token) => {
      await ready;
      return hub.workspaceReport(previousResultIds, token);
    }, {}),
  );

  connection.onRequest(
    BlockersRequest.method,
    safe('blockers', { blockers: [], complete: false }, async ({ include }: Params<typeof BlockersRequest>): Promise<Result<typeof BlockersRequest>> => {
      await ready;
      return { blockers: blockerInfos(folders.all, include ?? 'unresolved'), complete: folders.all.every((f) => f.analyzer.isWarm) };
    }, {}),
  );
  connection.onRequest(
    CheckWorkspaceRequest.method,
    safe('check workspace', null, async (): Promise<Result<typeof CheckWorkspaceRequest>> => {
      await ready;
      const result = checkWorkspace(folders.all, unread);
      void hub.changed().catch(failed('Publishing diagnostics'));
      announceBlockers();
      return result;
    }),
  );

  // The delta's head is the working tree as the analyzer holds it, so it waits for the index as every feature does.
  connection.onRequest(
    AuthorityDeltaRequest.method,
    safe('authority delta', { ok: false, reason: 'failed', message: 'the authority delta failed; the "Governance Lens" output says why' }, async (params: Params<typeof AuthorityDeltaRequest>): Promise<Result<typeof AuthorityDeltaRequest>> => {
      await ready;
      return deltas.delta(params ?? { uri: '', base: '' });
    }),
  );
  connection.onRequest(
    RevisionsRequest.method,
    safe('revisions', { ok: false, reason: 'failed', message: 'listing the revisions failed; the "Governance Lens" output says why' }, (params: Params<typeof RevisionsRequest>): Result<typeof RevisionsRequest> => deltas.revisions(params ?? { uri: '' })),
  );

  registerFeatures(connection, folders, safe, () => ready, () => support?.snippetEdits === true);

  connection.onShutdown(() => {
    settle?.dispose();
    persistence?.saveNow();
    hub?.dispose();
    for (const folder of folders.all) folder.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** Whether two folders' settings are the same: both come from toCoreSettings, which writes keys in one order. */
function sameSettings(a: Partial<Settings>, b: Partial<Settings>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
