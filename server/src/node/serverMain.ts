import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import type { Runtime } from '../lsp/runtime';
import { NodeFileSystemWorkspace } from './fsWorkspace';

const transports = ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId'];
if (!process.argv.slice(2).some((arg) => transports.some((t) => arg.startsWith(t)))) {
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
};

startServer(createConnection(ProposedFeatures.all), runtime);
