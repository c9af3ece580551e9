import { commands, window, type ExtensionContext } from 'vscode';
import { BlockersTree } from './blockersTree';
import { ActiveContextKey } from './commandIds';
import { registerCommands } from './commands';
import { DeltaDocuments } from './deltaDocuments';
import { createLanguageClient } from './languageClient';
import { LanguageServer } from './languageServer';
import { BlockersStatusBar } from './statusBar';

// deactivate() must return the server's shutdown so VS Code waits for it; this is the one handle it needs.
let server: LanguageServer | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const log = window.createOutputChannel('Governance Lens', { log: true });
  // File watching is the server's: it registers its own watchers (didChangeWatchedFiles), as it
  // does with every client that supports that, so events do not arrive twice.
  const languageServer = new LanguageServer(() => createLanguageClient(context, log), log);
  server = languageServer;
  const statusBar = new BlockersStatusBar();
  const tree = new BlockersTree(languageServer);
  const deltas = new DeltaDocuments();

  context.subscriptions.push(
    log,
    statusBar,
    tree,
    deltas,
    ...registerCommands(languageServer, log, deltas),
    languageServer.onBlockersChanged((counts) => {
      statusBar.update(counts);
      tree.refresh();
    }),
    languageServer.onDidChangeRunning((running) => {
      if (running) void commands.executeCommand('setContext', ActiveContextKey, true);
      else statusBar.serverStopped();
      tree.refresh();
    }),
  );

  // A server that fails to start must not fail activation: Restart Language Server still has to work.
  await languageServer.start();
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
