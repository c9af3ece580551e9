import { extensions, workspace, type ExtensionContext, type LogOutputChannel, type TextDocument, type Uri } from 'vscode';
import { LanguageClient, TransportKind, vsdiag, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { withoutDuplicateJsonSyntax, type JsonDocumentState } from './jsonSyntax';
import { MaxOldSpaceSetting, oldSpaceArgs, oldSpaceCapMB } from './serverMemory';

/**
 * A language client for dist/server.js. Its id, `governanceLens`, is also what makes the
 * client read the `governanceLens.trace.server` setting.
 */
export async function createLanguageClient(context: ExtensionContext, outputChannel: LogOutputChannel): Promise<LanguageClient> {
  // Both bundles sit side by side in dist/, in the repository and in the .vsix.
  const module = context.asAbsolutePath('dist/server.js');
  const execArgv = oldSpaceArgs(await serverOldSpaceCap(outputChannel));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'markdown' },
    ],
    // No configurationSection: the server pulls workspace/configuration per folder and registers
    // for didChangeConfiguration itself; naming the section here would announce each change twice.
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: jsonSyntaxMiddleware,
    // Where the server keeps its cache (README, "Cache"): per workspace, or the global folder when no folder is open.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
    outputChannel,
  };
  return new LanguageClient('governanceLens', 'Governance Lens', serverOptions, clientOptions);
}

/**
 * The server's old-space cap (serverMemory.ts). The automatic one needs the workspace's size
 * before the server exists, so the client counts the files it could analyse; that is one
 * listing, far less than the server's reading of them, and more files than documents only
 * raises the cap.
 */
async function serverOldSpaceCap(log: LogOutputChannel): Promise<number | undefined> {
  const setting = workspace.getConfiguration('governanceLens').get<unknown>(MaxOldSpaceSetting, 0);
  const automatic = typeof setting !== 'number' || setting === 0;
  let documents = 0;
  if (automatic && (workspace.workspaceFolders?.length ?? 0) > 0) {
    try {
      documents = (await workspace.findFiles('**/*.{json,md}', '**/{node_modules,.git}/**')).length;
    } catch (error) {
      // Counted as none: the floor is still a cap, and the user can set one.
      log.warn('Could not count the workspace files for the server memory cap:', error);
    }
  }
  const cap = oldSpaceCapMB(documents, setting);
  log.info(cap === undefined ? 'Language server: no old-space cap.' : `Language server: old space capped at ${cap} MB${automatic ? ` (${documents} candidate files)` : ''}.`);
  return cap;
}

/**
 * One report of a JSON syntax error, not two: in an open JSON document VS Code's JSON support
 * already shows it (jsonSyntax.ts). Documents that are not open keep ours, as VS Code does not
 * validate them; the workspace pull needs no filter, as an open document's own pull wins over it.
 */
const jsonSyntaxMiddleware: Middleware = {
  provideDiagnostics: async (document, previousResultId, token, next) => {
    const report = await next(document, previousResultId, token);
    if (!report || report.kind !== vsdiag.DocumentDiagnosticReportKind.full) return report;
    return { ...report, items: withoutDuplicateJsonSyntax(report.items, jsonDocumentState(document)) };
  },
  handleDiagnostics: (uri, diagnostics, next) => next(uri, withoutDuplicateJsonSyntax(diagnostics, jsonDocumentState(uri))),
};

const JSON_EXTENSION = 'vscode.json-language-features';

function jsonDocumentState(target: TextDocument | Uri): JsonDocumentState {
  const uri = 'uri' in target ? target.uri : target;
  const document = 'uri' in target ? target : workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return {
    open: document !== undefined && !document.isClosed,
    languageId: document?.languageId,
    // A user who turned VS Code's JSON validation off (or disabled the extension) sees ours.
    validatedByVSCode: extensions.getExtension(JSON_EXTENSION) !== undefined && workspace.getConfiguration('json', uri).get<boolean>('validate.enable', true) !== false,
  };
}
