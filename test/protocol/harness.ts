import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import { append } from '../../server/src/core/append';

export const repo = path.resolve(__dirname, '../..');
export const SERVER = path.join(repo, 'dist/server.js');
export const EXAMPLE = path.join(repo, 'examples/kb');
export const ARCH = 'knowledge/dev/reports/architecture';
export const PACKET_DIR = `${ARCH}/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12`;
export const NOTE = `${ARCH}/fix7-p0-post-no-production-execution-owner-operator-note-2026-06-12.md`;
export const MAP = `${PACKET_DIR}/production-readiness-blocker-map.json`;

/** A throwaway copy of a folder, so tests may edit files on disk. */
const copies: string[] = [];
// Copies live as long as the test process: servers may still read them until it ends.
process.on('exit', () => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * The example is a reconstruction, so each seal it states is a seal-mismatch warning (README,
 * Seals). These tests are about the protocol on a KB they expect clean: the copy turns seals off
 * unless asked (`seals: true`), and seals.test.ts checks them over the protocol.
 */
export function copyKb(from = EXAMPLE, options: { seals?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-protocol-'));
  copies.push(dir);
  fs.cpSync(from, dir, { recursive: true });
  if (!options.seals && !fs.existsSync(path.join(dir, '.govlens.json'))) fs.writeFileSync(path.join(dir, '.govlens.json'), '{"sealFormat": "off"}\n');
  ageFiles(dir);
  return dir;
}

/**
 * Dates every file of a folder an hour back, as a KB at rest is: a file read within moments of
 * its last write is signed as possibly racy and checked again at the next start (fsWorkspace.ts),
 * which would make a fresh copy's second start differ from a real one's.
 */
export function ageFiles(dir: string): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), past, past);
  }
}

const pullCapabilities: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    rename: { prepareSupport: true },
    publishDiagnostics: { relatedInformation: true },
  },
  workspace: {
    diagnostics: { refreshSupport: true },
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
};

const pushCapabilities: ClientCapabilities = {
  textDocument: { hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true }, publishDiagnostics: { relatedInformation: true } },
  workspace: {},
};

export interface Client {
  connection: ProtocolConnection;
  root: string;
  uri(relative: string): string;
  /** Latest published diagnostics per URI (push clients). */
  published: Map<string, Diagnostic[]>;
  /** Every publishDiagnostics in the order received, unchanged ones included. */
  publications: PublishDiagnosticsParams[];
  /** Every notification and every answer to a request sent through `request`, in the order received: what ordering tests read. */
  events: { method: string; params: unknown }[];
  /** Sends a request; its answer joins `events` as `answer:<method>` when it arrives. */
  request<T>(method: string, params: unknown): Promise<T>;
  /** Resolves with the first publication for `relative` received at index `since` of `publications` or later. */
  waitForPublication(relative: string, since: number, what: string): Promise<Diagnostic[]>;
  /** Resolves once a publishDiagnostics for `relative` satisfies the predicate (already received ones count). */
  waitForPublished(relative: string, predicate: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]>;
  waitForNotification<T>(method: string, predicate?: (params: T) => boolean): Promise<T>;
  refreshes: number;
  /** Methods the server registered dynamically (client/registerCapability). */
  registrations: { method: string; registerOptions?: unknown }[];
  waitForRefresh(after: number): Promise<void>;
  /** Resolves once the server has sent `count` workspace/configuration requests and each has been answered. */
  waitForConfigurationRequests(count: number): Promise<void>;
  /** What the client answers to workspace/configuration for section governanceLens. */
  settings: Record<string, unknown>;
  /** How many workspace/configuration requests the server has sent. */
  configurationRequests: number;
  /** What the server answered to initialize. */
  capabilities: ServerCapabilities;
  open(relative: string, text?: string): Promise<string>;
  change(relative: string, text: string): Promise<void>;
  /** textDocument/didClose (close() shuts the server down). */
  closeDocument(relative: string): Promise<void>;
  text(relative: string): string;
  stderr(): string;
  close(): Promise<void>;
}

export interface ClientOptions {
  /**
   * The answer to workspace/configuration waits for this (a push client then asks for
   * configuration too): what the test sends meanwhile reaches the server before its first index
   * starts, as an editor's opens of its restored tabs do, without any timing.
   */
  holdConfiguration?: Promise<void>;
  /**
   * Announce the configuration as soon as the server registers for its changes, as VS Code's
   * client does (vscode-languageclient's DidChangeConfigurationFeature.register sends a
   * didChangeConfiguration with the section's settings at once).
   */
  announceConfiguration?: boolean;
}

/** Starts the built server over stdio on `root` and initializes it as a pull or push client. */
export async function startClient(root: string, mode: 'pull' | 'push', initializationOptions?: unknown, options: ClientOptions = {}): Promise<Client> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, Diagnostic[]>();
  const publishWaiters = new Set<() => void>();
  const notificationWaiters = new Set<(method: string, params: unknown) => void>();
  const notifications: { method: string; params: unknown }[] = [];
  const versions = new Map<string, number>();
  let configurationAnswers = 0;
  const texts = new Map<string, string>();
  const uri = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  /** Resolves with what `found` returns once it returns something, checked now and after each publishDiagnostics. */
  const waitForPublish = (found: () => Diagnostic[] | undefined, failure: () => string) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const check = () => {
        const diagnostics = found();
        if (!diagnostics) return;
        publishWaiters.delete(check);
        clearTimeout(timer);
        resolve(diagnostics);
      };
      // A bound on the wait turns a missing notification into a failure that names it, not a hung run.
      const timer = setTimeout(() => {
        publishWaiters.delete(check);
        reject(new Error(failure()));
      }, 10_000);
      publishWaiters.add(check);
      check();
    });

  const client: Client = {
    connection,
    root,
    uri,
    published,
    publications: [],
    events: [],
    request: async <T>(method: string, params: unknown) => {
      const answer = (await connection.sendRequest(method, params)) as T;
      client.events.push({ method: `answer:${method}`, params: answer });
      return answer;
    },
    refreshes: 0,
    registrations: [],
    settings: {},
    configurationRequests: 0,
    capabilities: {},
    waitForPublished: (relative, predicate, what) =>
      waitForPublish(
        () => {
          const current = published.get(uri(relative));
          return current && predicate(current) ? current : undefined;
        },
        () => `no publishDiagnostics for ${relative} where ${what}; last: ${JSON.stringify(published.get(uri(relative)))}`,
      ),
    waitForPublication: (relative, since, what) =>
      waitForPublish(
        () => client.publications.slice(since).find((p) => p.uri === uri(relative))?.diagnostics,
        () => `no publishDiagnostics for ${relative} ${what} (${client.publications.length - since} others since)`,
      ),
    waitForNotification: <T>(method: string, predicate?: (params: T) => boolean) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${method} notification`)), 10_000);
        const waiter = (m: string, params: unknown) => {
          if (m !== method || (predicate && !predicate(params as T))) return;
          notificationWaiters.delete(waiter);
          clearTimeout(timer);
          resolve(params as T);
        };
        notificationWaiters.add(waiter);
        // One that arrived before the wait began counts too.
        for (const n of notifications) if (notificationWaiters.has(waiter)) waiter(n.method, n.params);
      }),
    waitForConfigurationRequests: (count) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${client.configurationRequests} workspace/configuration requests, not ${count}`)), 10_000);
        const poll = setInterval(() => {
          if (configurationAnswers < count) return;
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }, 5);
      }),
    waitForRefresh: (after) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no workspace/diagnostic/refresh')), 10_000);
        const poll = setInterval(() => {
          if (client.refreshes > after) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 5);
      }),
    open: async (relative, text) => {
      const content = text ?? fs.readFileSync(path.join(root, relative), 'utf8');
      versions.set(relative, 1);
      texts.set(relative, content);
      const languageId = relative.endsWith('.md') ? 'markdown' : 'json';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(relative), languageId, version: 1, text: content } });
      return content;
    },
    change: async (relative, text) => {
      const version = (versions.get(relative) ?? 1) + 1;
      versions.set(relative, version);
      texts.set(relative, text);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(relative), version }, contentChanges: [{ text }] });
    },
    closeDocument: async (relative) => {
      versions.delete(relative);
      texts.delete(relative);
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(relative) } });
    },
    text: (relative) => texts.get(relative) ?? fs.readFileSync(path.join(root, relative), 'utf8'),
    stderr: () => stderr,
    close: async () => {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        // The server may already be gone; the kill below makes sure.
      }
      connection.dispose();
      child.kill();
    },
  };

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.set(params.uri, params.diagnostics);
    client.publications.push(params);
    client.events.push({ method: 'textDocument/publishDiagnostics', params });
    for (const waiter of [...publishWaiters]) waiter();
  });
  connection.onUnhandledNotification(({ method, params }) => {
    notifications.push({ method, params });
    client.events.push({ method, params });
    for (const waiter of [...notificationWaiters]) waiter(method, params);
  });
  connection.onRequest('workspace/configuration', async (params: { items: { section?: string }[] }) => {
    client.configurationRequests++;
    await options.holdConfiguration;
    // Counted once the answer is queued: the connection writes in order, so what a test sends after the wait reaches the server after it.
    setImmediate(() => configurationAnswers++);
    return params.items.map(() => client.settings);
  });
  connection.onRequest('workspace/diagnostic/refresh', () => {
    client.refreshes++;
    return null;
  });
  connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    append(client.registrations, params.registrations);
    if (options.announceConfiguration && params.registrations.some((r) => r.method === 'workspace/didChangeConfiguration')) {
      void connection.sendNotification('workspace/didChangeConfiguration', { settings: { governanceLens: client.settings } });
    }
    return null;
  });
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();

  const initialized = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
    capabilities: mode === 'pull' ? pullCapabilities : options.holdConfiguration ? { ...pushCapabilities, workspace: { configuration: true } } : pushCapabilities,
    initializationOptions,
  })) as InitializeResult;
  client.capabilities = initialized.capabilities;
  await connection.sendNotification('initialized', {});
  return client;
}

export { positionOf } from '../helpers/position';

const storages: string[] = [];

/** A fresh storage folder for the server's persistent cache (initializationOptions.storagePath), removed when the file's tests end. */
export function storageFolder(): string {
  if (storages.length === 0) after(() => {
    for (const dir of storages.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-storage-'));
  storages.push(dir);
  return dir;
}
