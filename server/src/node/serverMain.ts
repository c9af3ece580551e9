import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
} from 'vscode-languageserver/node';
import { ConformingReader } from '../lsp/conformance';
import { startServer } from '../lsp/server';
import type { Runtime } from '../lsp/runtime';
import { openFolderCache } from './cache/folderCache';
import { NodeFileSystemWorkspace } from './fsWorkspace';
import { gitHost } from './git/gitHost';

/**
 * The transport the client asked for on the command line, as the server library would pick it;
 * chosen here so that every message passes the conformance checks (lsp/conformance.ts) first.
 */
function transport(argv: readonly string[]): { reader: MessageReader; writer: MessageWriter; stdio: boolean } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.split('=', 2);
    const value = inline ?? argv[i + 1];
    if (arg === '--node-ipc') return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
    if (arg === '--stdio') return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
    if (name === '--socket' && value !== undefined && Number.isInteger(Number(value))) {
      const [reader, writer] = createServerSocketTransport(Number(value));
      return { reader, writer, stdio: false };
    }
    if (name === '--pipe' && value !== undefined) {
      const [reader, writer] = createServerPipeTransport(value);
      return { reader, writer, stdio: false };
    }
  }
  return undefined;
}

const chosen = transport(process.argv.slice(2));
if (!chosen) {
  process.stderr.write('governance-lens server: start it with --stdio (any LSP client) or --node-ipc (VS Code).\n');
  process.exit(2);
}

const runtime: Runtime = {
  openFolder: (fsPath) => new NodeFileSystemWorkspace(fsPath),
  uriToFsPath: (uri) => {
    // Clients send what they send: a URI that is not a string names no file.
    if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  fsPathToUri: (fsPath) => pathToFileURL(fsPath).href,
  realPath: (fsPath) => {
    try {
      return fs.realpathSync(fsPath);
    } catch {
      return fsPath;
    }
  },
  timer: {
    setTimeout: (callback, ms) => {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
    setImmediate: (callback) => void setImmediate(callback),
  },
  git: gitHost,
  openCache: openFolderCache,
};

const { writer, stdio } = chosen;
const reader = new ConformingReader(chosen.reader, writer, (reason) => {
  // Said where the client's log shows it and on stderr, then the process ends: silence would
  // leave the client waiting for ever, and it restarts a server that has exited.
  process.stderr.write(`governance-lens server: ${reason}; exiting.\n`);
  const log: NotificationMessage = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message: `Governance Lens: ${reason}; the server exits.` } };
  const said = writer.write(log).catch(() => undefined);
  void Promise.race([said, new Promise((resolve) => setTimeout(resolve, 500))]).then(() => process.exit(1));
});
// Given a reader rather than streams, the library no longer ends the process when the client
// goes: the exit code says whether it had shut the server down first.
reader.onClose(() => process.exit(reader.shutdownReceived ? 0 : 1));
const connection = createConnection(ProposedFeatures.all, reader, writer);
if (stdio) {
  // Over stdio, stdout is the protocol: anything a dependency logs goes to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
}
startServer(connection, runtime);
