import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * A language client for dist/server.js. Its id, `governanceLens`, is also what makes the
 * client read the `governanceLens.trace.server` setting.
 */
export function createLanguageClient(context: ExtensionContext, outputChannel: LogOutputChannel): LanguageClient {
  // Both bundles sit side by side in dist/, in the repository and in the .vsix.
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'markdown' },
    ],
    // No configurationSection: the server pulls workspace/configuration per folder and registers
    // for didChangeConfiguration itself; naming the section here would announce each change twice.
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel,
  };
  return new LanguageClient('governanceLens', 'Governance Lens', serverOptions, clientOptions);
}
