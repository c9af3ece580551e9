/**
 * An exception anywhere below a handler (issue 7, item 4), made to happen: the server runs in
 * this process, over in-memory streams, on a workspace whose `readFile` throws for one
 * document, as a parser bug, a disk error or an engine bug would. Every request about that
 * document must answer with its empty result, log the failure, and leave the server serving
 * everything else.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { BlockersRequest, CheckWorkspaceRequest } from '../../common/protocol';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import type { Disposable, FileSnapshot, PathKind, Workspace, WorkspaceChange } from '../../server/src/core/workspace';
import { startServer } from '../../server/src/lsp/server';
import type { Runtime } from '../../server/src/lsp/runtime';
import { exampleFiles } from '../robust/arbitraries';
import { record } from '../robust/budget';

const ROOT = '/kb';
const POISON = 'knowledge/poison.md';
const BROKEN = 'knowledge/broken-note.md';
const NOTE = 'knowledge/dev/reports/architecture/fix7-p0-post-no-production-execution-owner-operator-note-2026-06-12.md';
/** A note citing a path whose lookup throws while `statPoisoned`: a cross-document check fails on it. */
const CITING = 'knowledge/citing-note.md';

/** The example KB, one note with an unknown ID, and a document whose every read throws while `poisoned`. */
class PoisonedWorkspace implements Workspace {
  poisoned = true;
  statPoisoned = false;
  reads = 0;
  private readonly files = new InMemoryWorkspace(
    {
      ...exampleFiles(),
      [POISON]: '# Poison\n\nFIX7-P0-PROD-OPT4-1\n',
      [BROKEN]: '# Broken\n\nFIX7-P0-NOT-DEFINED-1 blocks it.\n',
      [CITING]: '# Citing\n\nFIX7-P0-ALSO-NOT-DEFINED-1, evidence in poison-folder/x.json.\n',
    },
    'kb',
  );
  readonly rootName = 'kb';
  listFiles(): readonly string[] {
    return this.files.listFiles();
  }
  readFile(path: string): FileSnapshot | undefined {
    if (path === POISON && this.poisoned) {
      this.reads++;
      throw new Error('injected failure reading knowledge/poison.md');
    }
    return this.files.readFile(path);
  }
  stat(path: string): PathKind {
    if (this.statPoisoned && path.includes('poison-folder')) throw new Error('injected failure in stat');
    return this.files.stat(path);
  }
  onDidChange(listener: (change: WorkspaceChange) => void): Disposable {
    return this.files.onDidChange(listener);
  }
}

interface InProcess {
  client: ProtocolConnection;
  workspace: PoisonedWorkspace;
  errors: string[];
  published: Map<string, { code: string }[]>;
  dispose(): void;
}

async function startInProcess(mode: 'pull' | 'push', workspace = new PoisonedWorkspace()): Promise<InProcess> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const runtime: Runtime = {
    openFolder: () => workspace,
    uriToFsPath: (uri) => (typeof uri === 'string' && uri.startsWith('file:') ? fileURLToPath(uri) : undefined),
    fsPathToUri: (fsPath) => pathToFileURL(fsPath).href,
    realPath: (fsPath) => fsPath,
    timer: {
      setTimeout: (callback, ms) => {
        const handle = setTimeout(callback, ms);
        return { dispose: () => clearTimeout(handle) };
      },
      setImmediate: (callback) => void setImmediate(callback),
    },
  };
  const serverConnection = createConnection(ProposedFeatures.all, toServer, toClient);
  startServer(serverConnection, runtime);
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const errors: string[] = [];
  const published = new Map<string, { code: string }[]>();
  client.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    if (params.type === 1) errors.push(params.message);
  });
  client.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: { code: string }[] }) => {
    published.set(params.uri, params.diagnostics);
  });
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  client.onRequest('workspace/diagnostic/refresh', () => null);
  client.onRequest('client/registerCapability', () => null);
  client.onUnhandledNotification(() => undefined);
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: pathToFileURL(ROOT).href,
    workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'kb' }],
    capabilities:
      mode === 'pull'
        ? { textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } }, workspace: { diagnostics: { refreshSupport: true }, configuration: true, workspaceFolders: true } }
        : { textDocument: { hover: { contentFormat: ['markdown'] } }, workspace: {} },
  });
  await client.sendNotification('initialized', {});
  return {
    client,
    workspace,
    errors,
    published,
    // The streams are left open: the server library ends the process when its input ends.
    dispose: () => {
      client.dispose();
      serverConnection.dispose();
    },
  };
}

const uri = (path: string) => pathToFileURL(`${ROOT}/${path}`).href;
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('an exception below a handler', () => {
  let server: InProcess;
  before(async () => {
    server = await startInProcess('pull');
    await server.client.sendRequest(BlockersRequest.method, {});
  });
  after(() => server.dispose());

  const requests: [string, (u: string) => unknown, unknown][] = [
    ['textDocument/hover', (u) => ({ textDocument: { uri: u }, position: { line: 2, character: 3 } }), null],
    ['textDocument/definition', (u) => ({ textDocument: { uri: u }, position: { line: 2, character: 3 } }), []],
    ['textDocument/references', (u) => ({ textDocument: { uri: u }, position: { line: 2, character: 3 }, context: { includeDeclaration: true } }), []],
    ['textDocument/prepareRename', (u) => ({ textDocument: { uri: u }, position: { line: 2, character: 3 } }), null],
    ['textDocument/completion', (u) => ({ textDocument: { uri: u }, position: { line: 2, character: 3 } }), []],
    ['textDocument/documentSymbol', (u) => ({ textDocument: { uri: u } }), []],
    ['textDocument/documentLink', (u) => ({ textDocument: { uri: u } }), []],
    ['textDocument/codeLens', (u) => ({ textDocument: { uri: u } }), []],
    ['textDocument/codeAction', (u) => ({ textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [] } }), []],
    ['textDocument/diagnostic', (u) => ({ textDocument: { uri: u } }), { kind: 'full', items: [] }],
  ];

  for (const [method, params, empty] of requests) {
    test(`${method} on the failing document answers with its empty result and logs the failure`, async () => {
      const before = server.errors.length;
      const reads = server.workspace.reads;
      const answer = await server.client.sendRequest(method, params(uri(POISON)));
      const logged = server.errors.slice(before);
      record({ input: 'language server: an exception injected below each handler', cases: 1, crashes: JSON.stringify(answer) === JSON.stringify(empty) ? 0 : 1 });
      assert.deepEqual(answer, empty);
      assert.ok(server.workspace.reads > reads, 'the failure was not provoked');
      assert.ok(logged.some((m) => m.includes('failed:') && m.includes('injected failure')), `not logged: ${JSON.stringify(logged)}`);
    });
  }

  const notePosition = () => {
    const lines = (exampleFiles()[NOTE] ?? '').split('\n');
    const line = lines.findIndex((l) => l.includes('- FIX7-P0-PROD-BIRTH-SURFACE-1'));
    return { line, character: (lines[line] ?? '').indexOf('FIX7') + 4 };
  };

  test('meanwhile other documents are served: go to definition, symbols, their own diagnostics', async () => {
    const definition = (await server.client.sendRequest('textDocument/definition', { textDocument: { uri: uri(NOTE) }, position: notePosition() })) as { uri: string }[];
    assert.equal(definition.length, 2, 'the blocker and the evidence it cites');
    const symbols = (await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(NOTE) } })) as unknown[];
    assert.ok(symbols.length > 0);
    const own = (await server.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri(BROKEN) } })) as { items: { code: string }[] };
    assert.deepEqual(own.items.map((d) => d.code), ['unknown-id']);
  });

  test('a hover card on another document (its reference count reads every document)', async () => {
    const hover = (await server.client.sendRequest('textDocument/hover', { textDocument: { uri: uri(NOTE) }, position: notePosition() })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /FIX7-P0-PROD-BIRTH-SURFACE-1/);
  });

  test('one failing document costs only its own diagnostics: the workspace pass reports the others (pull)', async () => {
    const all = (await server.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items?: { code: string }[] }[] };
    assert.deepEqual(all.items.find((i) => i.uri === uri(BROKEN))?.items?.map((d) => d.code), ['unknown-id']);
    const blockers = (await server.client.sendRequest(BlockersRequest.method, {})) as { complete: boolean };
    assert.equal(blockers.complete, true);
  });

  test('one failing document costs only its own diagnostics (push)', async () => {
    const push = await startInProcess('push');
    try {
      await push.client.sendRequest(BlockersRequest.method, {});
      await settle();
      assert.deepEqual(push.published.get(uri(BROKEN))?.map((d) => d.code), ['unknown-id']);
    } finally {
      push.dispose();
    }
  });

  test('once the document reads again, it is analysed like any other', async () => {
    server.workspace.poisoned = false;
    await server.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(POISON), type: 2 }] });
    await settle();
    const symbols = (await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(POISON) } })) as { name: string }[];
    assert.deepEqual(symbols.map((s) => s.name), ['Poison']);
    const blockers = (await server.client.sendRequest(BlockersRequest.method, {})) as { complete: boolean };
    assert.equal(blockers.complete, true);
  });
});

describe('a cross-document check that throws on one document (issue 13, item 1)', () => {
  const failing = () => {
    const workspace = new PoisonedWorkspace();
    workspace.poisoned = false;
    workspace.statPoisoned = true;
    return workspace;
  };

  test('push: every other document is published, the failing one keeps its own findings, and the failure is logged', async () => {
    const push = await startInProcess('push', failing());
    try {
      await push.client.sendRequest(BlockersRequest.method, {});
      await settle();
      assert.deepEqual(push.published.get(uri(BROKEN))?.map((d) => d.code), ['unknown-id']);
      assert.deepEqual(push.published.get(uri(CITING))?.map((d) => d.code), ['unknown-id']);
      assert.ok(push.errors.some((m) => m.includes(CITING) && m.includes('injected failure in stat')), JSON.stringify(push.errors));
    } finally {
      push.dispose();
    }
  });

  test('pull: the workspace report and Check Workspace cover every document', async () => {
    const pull = await startInProcess('pull', failing());
    try {
      await pull.client.sendRequest(BlockersRequest.method, {});
      const all = (await pull.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items?: { code: string }[] }[] };
      assert.deepEqual(all.items.find((i) => i.uri === uri(BROKEN))?.items?.map((d) => d.code), ['unknown-id']);
      assert.deepEqual(all.items.find((i) => i.uri === uri(CITING))?.items?.map((d) => d.code), ['unknown-id']);
      const summary = (await pull.client.sendRequest(CheckWorkspaceRequest.method, {})) as { files: number; errors: number } | null;
      assert.ok(summary && summary.errors >= 2, `Check Workspace answered ${JSON.stringify(summary)}`);
    } finally {
      pull.dispose();
    }
  });
});
