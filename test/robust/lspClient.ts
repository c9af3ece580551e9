/**
 * A bare LSP client over stdio for the robustness tests: it starts the built server with
 * extra Node arguments (the recorder preload), exposes the process (its pid, for memory; its
 * exit, for liveness) and the server's log, and shuts down by waiting for the process to exit,
 * so what the process writes at exit is complete.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

export const repo = path.resolve(__dirname, '../..');
export const SERVER = path.join(repo, 'dist/server.js');

export interface LogMessage {
  type: number;
  message: string;
}

export interface RawClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  root: string;
  uri(relative: string): string;
  /** window/logMessage from the server (type 1 is an error). */
  logs: LogMessage[];
  published: Map<string, unknown[]>;
  /** What the client answers to workspace/configuration. */
  settings: Record<string, unknown>;
  /** Set once the process has exited, with its code or signal. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  stderr(): string;
  /** shutdown, exit, then waits (up to 10 s) for the process to end; kills it only if it does not. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** The server bundle to start (default dist/server.js). */
  server?: string;
  cwd?: string;
  nodeArgs?: string[];
  /** A program the server runs under (`['strace', '-f', …]`): it is started as `wrapper… node server --stdio`. */
  wrapper?: string[];
  env?: Record<string, string>;
  mode?: 'pull' | 'push';
  initializationOptions?: unknown;
  uid?: number;
  gid?: number;
}

export async function startRawClient(root: string, options: StartOptions = {}): Promise<RawClient> {
  const server = options.server ?? SERVER;
  if (!fs.existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
  const [program, ...prefix] = [...(options.wrapper ?? []), process.execPath];
  const child = spawn(program ?? process.execPath, [...prefix, ...(options.nodeArgs ?? []), server, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    env: { ...process.env, ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const client: RawClient = {
    connection,
    child,
    root,
    uri: (relative) => pathToFileURL(path.join(root, relative)).href,
    logs: [],
    published: new Map(),
    settings: {},
    exit: undefined,
    stderr: () => stderr,
    close: async () => {
      if (!client.exit) {
        try {
          await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
          await connection.sendNotification('exit');
        } catch {
          // Already gone: the wait below returns at once.
        }
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      connection.dispose();
    },
  };
  child.once('exit', (code, signal) => (client.exit = { code, signal }));
  connection.onNotification('window/logMessage', (params: LogMessage) => {
    client.logs.push(params);
  });
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
    client.published.set(params.uri, params.diagnostics);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => client.settings));
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onUnhandledNotification(() => undefined);
  connection.listen();
  const pull = (options.mode ?? 'pull') === 'pull';
  await connection.sendRequest('initialize', {
    // A server running as another user cannot signal this process to see that it is alive: it
    // would take the failure for the client's death and exit 3 s after starting.
    processId: options.uid === undefined ? process.pid : null,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
    capabilities: {
      textDocument: {
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        hover: { contentFormat: ['markdown'] },
        rename: { prepareSupport: true },
        publishDiagnostics: { relatedInformation: true },
      },
      workspace: pull
        ? { diagnostics: { refreshSupport: true }, configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } }
        : {},
    },
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  return client;
}

/** Resident memory of a process in bytes (Linux /proc, else ps). */
export function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // Not Linux: ask ps.
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}
