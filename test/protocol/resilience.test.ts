/**
 * The built server under abuse, over stdio (issue 7, item 4): 1,000 random requests and edits
 * from a seeded generator (unknown URIs, out-of-range and malformed positions, garbage
 * parameters, unknown methods, bad settings) must each get an answer, the server must be alive
 * afterwards and answer exactly as a fresh server does; memory stays flat across 10,000 edits;
 * cancelled requests are answered as cancelled and do no work.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { BlockersRequest, CheckWorkspaceRequest } from '../../common/protocol';
import { longRun, record, scale, seed } from '../robust/budget';
import { rssOf, startRawClient, type RawClient } from '../robust/lspClient';
import { positionOf } from '../helpers/position';
import { copyKb, MAP, NOTE, PACKET_DIR } from './harness';

/** A small seeded generator (mulberry32): the same seed, the same 1,000 operations. */
function random(seedValue: number) {
  let a = seedValue >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] as T };
}

const DOCUMENTS = [NOTE, MAP, ...['delegation-and-authority-lock', 'mutation-inventory', 'precondition-checklist', 'rollback-recovery-design', 'ticket-reservations'].map((k) => `${PACKET_DIR}/${k}.json`)];
const TOKENS = ['FIX7-P0-PROD-BIRTH-SURFACE-1', 'FIX7-P0-NOPE-1', 'TKT-OBJ-442..461', 'TKT-OBJ-9..1', 'mutation-inventory.json surface 5', '../../../../etc/passwd.md', 'Production: AUTHORIZED.', '{', '}', '"', ',', '\n', '\r\n', '\u0000', '😀', '<!--', '```', '[x](', '#'];

/** A request the client may send, with parameters as good or as broken as clients send them. */
function requestFor(r: ReturnType<typeof random>, uris: readonly string[], texts: Map<string, string>): { method: string; params: unknown } {
  const uri = r.pick(uris);
  const lines = (texts.get(uri) ?? '').split('\n');
  const position = r.pick([
    () => ({ line: r.int(lines.length), character: r.int((lines[0] ?? '').length + 3) }),
    () => ({ line: r.int(lines.length), character: r.int(200) }),
    () => ({ line: lines.length + r.int(1000), character: r.int(10) }),
    () => ({ line: -1 - r.int(5), character: -1 }),
    () => ({ line: 2 ** 31, character: 2 ** 31 }),
    () => ({ line: 1.5, character: Number.NaN }),
    () => ({ line: 'zero', character: null }),
    () => undefined,
  ])();
  const range = { start: position, end: r.pick([position, { line: r.int(lines.length + 5), character: r.int(80) }]) };
  const textDocument = r.next() < 0.05 ? r.pick([undefined, null, {}, { uri: 42 }]) : { uri };
  const methods: (() => { method: string; params: unknown })[] = [
    () => ({ method: 'textDocument/hover', params: { textDocument, position } }),
    () => ({ method: 'textDocument/definition', params: { textDocument, position } }),
    () => ({ method: 'textDocument/implementation', params: { textDocument, position } }),
    () => ({ method: 'textDocument/references', params: { textDocument, position, context: r.pick([{ includeDeclaration: true }, { includeDeclaration: false }, undefined]) } }),
    () => ({ method: 'textDocument/prepareRename', params: { textDocument, position } }),
    () => ({ method: 'textDocument/rename', params: { textDocument, position, newName: r.pick(['FIX7-P0-NEW-1', '', 'not an id', '\u0000', 'FIX7-P0-PROD-OPT4-1']) } }),
    () => ({ method: 'textDocument/completion', params: { textDocument, position } }),
    () => ({ method: 'textDocument/documentSymbol', params: { textDocument } }),
    () => ({ method: 'textDocument/documentLink', params: { textDocument } }),
    () => ({ method: 'textDocument/codeLens', params: { textDocument } }),
    () => ({
      method: 'textDocument/codeAction',
      params: {
        textDocument,
        range,
        context: r.pick([
          { diagnostics: [] },
          { diagnostics: [{ range, message: 'x', code: r.pick(['unknown-id', 'evidence-missing-file', 'ticket-range-invalid', 'nope', 42]), source: 'govlens', data: r.pick([undefined, { replacement: 'x' }, { candidates: 'not a list' }, null]) }] },
          undefined,
          { diagnostics: 'garbage' },
        ]),
      },
    }),
    () => ({ method: 'textDocument/diagnostic', params: { textDocument } }),
    () => ({ method: 'workspace/diagnostic', params: { previousResultIds: [] } }),
    () => ({ method: 'workspace/symbol', params: { query: r.pick(['', 'FIX7', 'OPT4', '\u0000', '.*', 'x'.repeat(500)]) } }),
    () => ({ method: BlockersRequest.method, params: r.pick([{}, { include: 'all' }, { include: 'bogus' }, null]) }),
    () => ({ method: CheckWorkspaceRequest.method, params: {} }),
    () => ({ method: r.pick(['governanceLens/nope', 'textDocument/nope', 'workspace/executeCommand']), params: { command: 'governanceLens.nope', arguments: [] } }),
  ];
  return r.pick(methods)();
}

interface Outcome {
  ok: number;
  /** Answered with an error the protocol allows here: cancelled, unknown method, refused rename. */
  expectedErrors: number;
  /** Any other error (an exception that escaped the handlers' wrapper). */
  otherErrors: string[];
  unanswered: string[];
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T | { timeout: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ timeout: string }>((resolve) => (timer = setTimeout(() => resolve({ timeout: what }), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the server answers for the example KB's documents: diagnostics, symbols, a hover card, blockers. */
async function answers(client: RawClient): Promise<unknown> {
  const c = client.connection;
  const note = fs.readFileSync(path.join(client.root, NOTE), 'utf8').split('\n');
  const line = note.findIndex((l) => l.includes('FIX7-P0-PROD-BIRTH-SURFACE-1'));
  const position = { line, character: (note[line] ?? '').indexOf('FIX7-P0-PROD-BIRTH-SURFACE-1') + 3 };
  const result: Record<string, unknown> = {};
  for (const doc of DOCUMENTS) {
    result[`diagnostics ${doc}`] = ((await c.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri(doc) } })) as { items: unknown[] }).items;
    result[`symbols ${doc}`] = await c.sendRequest('textDocument/documentSymbol', { textDocument: { uri: client.uri(doc) } });
  }
  result['hover'] = await c.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(NOTE) }, position });
  result['definition'] = await c.sendRequest('textDocument/definition', { textDocument: { uri: client.uri(NOTE) }, position });
  result['references'] = await c.sendRequest('textDocument/references', { textDocument: { uri: client.uri(NOTE) }, position, context: { includeDeclaration: true } });
  result['blockers'] = await c.sendRequest(BlockersRequest.method, { include: 'all' });
  // Links in hover cards name the folder: compare them relative to it.
  return JSON.parse(JSON.stringify(result).split(pathToFileURL(client.root).href).join('<root>'));
}

describe('1,000 random requests and edits', () => {
  let root: string;
  let client: RawClient;
  before(async () => {
    root = copyKb();
    client = await startRawClient(root, { mode: 'pull' });
  });
  after(async () => {
    await client.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('every request is answered, the server stays up, and afterwards it answers as a fresh server does', async () => {
    const r = random(seed);
    const c = client.connection;
    const outside = pathToFileURL(path.join(os.tmpdir(), 'elsewhere', 'note.md')).href;
    const uris = [
      ...DOCUMENTS.map((d) => client.uri(d)),
      client.uri('knowledge/new-note.md'),
      client.uri(`${PACKET_DIR}/new-production-readiness-blocker-map.json`),
      client.uri('knowledge'),
      outside,
      'untitled:Untitled-1',
      'https://example.com/x.md',
      'file:///',
      '',
      'not a uri',
      'file://%zz/%%%.md',
      `file:///${'x/'.repeat(500)}long.md`,
    ];
    const texts = new Map<string, string>(DOCUMENTS.map((d) => [client.uri(d), fs.readFileSync(path.join(root, d), 'utf8')]));
    const open = new Map<string, number>();
    const outcome: Outcome = { ok: 0, expectedErrors: 0, otherErrors: [], unanswered: [] };
    const settingsVariants: Record<string, unknown>[] = [{}, { noteGlob: '' }, { maxFileSizeMB: -1 }, { severity: { 'unknown-id': 'off', nope: 'loud' } }, { idPrefixes: 'FIX7' }, { lockPath: '../../../../etc/passwd' }, { packetFolderGlob: '[' }, { ticketPrefixes: [7] }];
    const operations = 1000 * (longRun ? scale : 1);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < operations; i++) {
      const roll = r.next();
      if (roll < 0.55) {
        const { method, params } = requestFor(r, uris, texts);
        const what = `#${i} ${method} ${JSON.stringify(params).slice(0, 160)}`;
        const answered = withTimeout(c.sendRequest(method, params), 30_000, what).then(
          (value) => {
            if (value && typeof value === 'object' && 'timeout' in value) outcome.unanswered.push(what);
            else outcome.ok++;
          },
          (error: { code?: number; message?: string }) => {
            const allowed: number[] = [LSPErrorCodes.RequestCancelled, ErrorCodes.MethodNotFound, LSPErrorCodes.RequestFailed];
            if (error.code !== undefined && allowed.includes(error.code)) outcome.expectedErrors++;
            else outcome.otherErrors.push(`${what}: ${error.code} ${error.message}`);
          },
        );
        // Some requests are sent in bursts without waiting; some are cancelled at once.
        if (r.next() < 0.1) void c.sendNotification('$/cancelRequest', { id: -1 });
        if (r.next() < 0.5) await answered;
        else pending.push(answered);
      } else {
        const uri = r.pick(uris);
        const text = texts.get(uri) ?? '';
        const version = (open.get(uri) ?? 0) + 1;
        const edited = () => {
          let t = text;
          for (let k = r.int(4); k >= 0; k--) {
            const at = r.int(t.length + 1);
            t = r.next() < 0.5 ? t.slice(0, at) + r.pick(TOKENS) + t.slice(at) : t.slice(0, at) + t.slice(at + r.int(30));
          }
          return t;
        };
        const kind = r.int(10);
        if (kind < 2) {
          const t = edited();
          texts.set(uri, t);
          open.set(uri, version);
          await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: r.pick(['markdown', 'json', 'plaintext']), version, text: t } });
        } else if (kind < 6) {
          // Incremental edits, in range or not, to open documents and to ones never opened.
          const lines = text.split('\n');
          const start = { line: r.int(lines.length + 3), character: r.int(60) };
          const change = r.next() < 0.3 ? { text: edited() } : { range: { start, end: r.pick([start, { line: start.line + r.int(3), character: r.int(60) }]) }, text: r.pick(TOKENS) };
          if ('range' in change === false) texts.set(uri, change.text);
          open.set(uri, version);
          await c.sendNotification('textDocument/didChange', { textDocument: { uri, version: r.next() < 0.1 ? -5 : version }, contentChanges: [change] });
        } else if (kind < 7) {
          open.delete(uri);
          texts.set(uri, uris.indexOf(uri) < DOCUMENTS.length ? fs.readFileSync(path.join(root, DOCUMENTS[uris.indexOf(uri)] ?? ''), 'utf8') : '');
          await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
        } else if (kind < 8) {
          await c.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 + r.int(3) }, { uri: r.pick(uris), type: 1 + r.int(3) }] });
        } else if (kind < 9) {
          client.settings = r.pick(settingsVariants);
          await c.sendNotification('workspace/didChangeConfiguration', { settings: r.pick([null, {}, { governanceLens: client.settings }]) });
        } else {
          await c.sendNotification('textDocument/didSave', { textDocument: { uri } });
        }
      }
    }
    await Promise.all(pending);
    const crashes = outcome.otherErrors.length + outcome.unanswered.length + (client.exit ? 1 : 0);
    record({ input: `language server: random requests and edits (seed ${seed})`, cases: operations, crashes });
    const logged = client.logs.filter((l) => l.type === 1);
    if (process.env['GOVLENS_DEBUG_LOGS']) for (const m of new Set(logged.map((l) => l.message.split('\n').slice(0, 3).join(' | ')))) process.stdout.write(`# log: ${m}\n`);
    process.stdout.write(`# ${operations} operations: ${outcome.ok} answered, ${outcome.expectedErrors} expected errors, ${logged.length} failures logged by the server${logged.length ? ` (first: ${logged[0]?.message.split('\n')[0]})` : ''}\n`);
    // Malformed parameters are answered empty with a warning (paramsShape.ts); a logged failure is a handler that threw.
    assert.deepEqual([...new Set(logged.map((l) => l.message.split('\n')[0]))], [], 'failures logged by the server');
    assert.deepEqual(outcome.unanswered, [], 'requests without an answer');
    assert.deepEqual(outcome.otherErrors, [], 'errors other than cancelled, unknown method or refused rename');
    assert.equal(client.exit, undefined, `the server exited: ${client.stderr()}`);
    assert.ok(outcome.ok > 0);

    // Back to the files on disk and the default settings: the answers must be a fresh server's.
    for (const uri of open.keys()) await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
    client.settings = {};
    await c.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await c.sendNotification('workspace/didChangeWatchedFiles', { changes: DOCUMENTS.map((d) => ({ uri: client.uri(d), type: 2 })) });
    const fresh = await startRawClient(root, { mode: 'pull' });
    try {
      assert.deepEqual(await answers(client), await answers(fresh));
    } finally {
      await fresh.close();
    }
    assert.equal(client.stderr(), '', 'the server wrote to stderr');
  });
});

describe('memory across 10,000 edits', () => {
  test('resident memory after 10,000 edits is within 1.5 times what it was after a warm-up of 2,000', async () => {
    const root = copyKb();
    const client = await startRawClient(root, { mode: 'pull' });
    try {
      const c = client.connection;
      const uri = client.uri(NOTE);
      const base = fs.readFileSync(path.join(root, NOTE), 'utf8');
      const lines = base.split('\n');
      await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: base } });
      const word = ' FIX7-P0-PROD-OPT4-1 is authorized';
      let version = 1;
      let typed = 0;
      let warm = 0;
      const samples: number[] = [];
      for (let edit = 1; edit <= 10_000; edit++) {
        // Type the word one character at a time at the end of a line, then delete it the same way.
        const line = (edit * 7) % lines.length;
        const at = (lines[line] ?? '').length;
        const typing = Math.floor((edit - 1) / word.length) % 2 === 0;
        const change = typing
          ? { range: { start: { line, character: at + typed }, end: { line, character: at + typed } }, text: word[typed] ?? ' ' }
          : { range: { start: { line, character: at + typed - 1 }, end: { line, character: at + typed } }, text: '' };
        typed += typing ? 1 : -1;
        await c.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
        // Every tenth edit asks something that analyses the document as it now is.
        if (edit % 10 === 0) await c.sendRequest(edit % 20 === 0 ? 'textDocument/diagnostic' : 'textDocument/documentSymbol', { textDocument: { uri } });
        if (edit % 1000 === 0) samples.push(rssOf(client.child.pid ?? 0));
        if (edit === 2000) warm = samples[1] ?? 0;
      }
      const final = samples.at(-1) ?? 0;
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      const ratio = final / warm;
      record({ input: 'language server: 10,000 edits, memory', cases: 10_000, crashes: client.exit ? 1 : 0 });
      process.stdout.write(`# resident memory every 1,000 edits: ${samples.map(mb).join(', ')} (×${ratio.toFixed(2)})\n`);
      assert.ok(ratio <= 1.5, `resident memory grew from ${mb(warm)} to ${mb(final)} (×${ratio.toFixed(2)}): ${samples.map(mb).join(', ')}`);
      assert.equal(client.exit, undefined);
    } finally {
      await client.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('cancellation', () => {
  /** A KB large enough that indexing it takes a while, so requests wait for it. */
  function largeKb(): string {
    const root = copyKb();
    for (let i = 0; i < 1500; i++) {
      const dir = path.join(root, `generated/p${i % 30}-packet`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `n${i}-production-readiness-blocker-map.json`), JSON.stringify({ doc: 'x-production-readiness-blocker-map', date: '2026-06-12', blockers: [{ id: `FIX7-P0-GEN-${i}`, item: `blocks FIX7-P0-GEN-${i + 1}`, evidence: 'mutation-inventory.json surface 5' }], resolved_in_this_macro: [], production_work_performed: false }));
      fs.writeFileSync(path.join(root, `generated/note-${i}.md`), `# Note ${i}\n\nFIX7-P0-GEN-${i} blocks production; see n${i}-production-readiness-blocker-map.json.\n`);
    }
    return root;
  }

  test('requests cancelled while the server indexes are answered as cancelled, and a cancelled request does no work', async () => {
    const root = largeKb();
    const client = await startRawClient(root, { mode: 'pull' });
    let refreshes = 0;
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    try {
      const c = client.connection;
      const uri = client.uri(NOTE);
      // Sent at once: they wait for the index; cancelled while they wait.
      const waiting = Array.from({ length: 50 }, (_, i) => {
        const source = new CancellationTokenSource();
        const answer = c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: i % 20, character: 3 } }, source.token);
        return { source, answer };
      });
      for (const w of waiting) w.source.cancel();
      const results = await Promise.allSettled(waiting.map((w) => w.answer));
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: number }).code : 'answered'));
      record({ input: 'language server: requests cancelled while they wait for indexing', cases: codes.length, crashes: codes.filter((code) => code !== LSPErrorCodes.RequestCancelled).length });
      assert.deepEqual(codes, codes.map(() => LSPErrorCodes.RequestCancelled));
      // A Check Workspace cancelled before the server gets to it must not run: it would ask the client to refresh.
      // The request and its cancellation go out in one write, so the server reads them together.
      await c.sendRequest(BlockersRequest.method, {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = refreshes;
      const probe = 'cancelled-before-dispatch';
      const frames = [
        { jsonrpc: '2.0', id: probe, method: CheckWorkspaceRequest.method, params: {} },
        { jsonrpc: '2.0', method: '$/cancelRequest', params: { id: probe } },
      ]
        .map((message) => {
          const body = JSON.stringify(message);
          return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
        })
        .join('');
      // The client library ignores a response it did not ask for; the raw output shows it.
      let raw = '';
      const listen = (chunk: Buffer) => (raw += chunk.toString());
      client.child.stdout?.on('data', listen);
      client.child.stdin?.write(frames);
      const started = Date.now();
      while (!raw.includes(`"id":"${probe}"`) && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 10));
      client.child.stdout?.off('data', listen);
      const response = raw.slice(raw.indexOf(`"id":"${probe}"`) - 200);
      assert.match(response, new RegExp(`"code":${LSPErrorCodes.RequestCancelled}`), response.slice(0, 400));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(refreshes, before, 'the cancelled Check Workspace ran');
      await c.sendRequest(CheckWorkspaceRequest.method, {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(refreshes, before + 1, 'the Check Workspace that was not cancelled asks for a refresh');
      // A long-polled workspace diagnostic is answered as soon as it is cancelled.
      const first = (await c.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; resultId?: string }[] };
      const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId ?? '' }));
      const poll = new CancellationTokenSource();
      const polled = c.sendRequest('workspace/diagnostic', { previousResultIds: previous }, poll.token);
      setTimeout(() => poll.cancel(), 100);
      await assert.rejects(polled, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
      assert.equal(client.exit, undefined);
    } finally {
      await client.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('the long features (references, rename, workspace symbols, a workspace diagnostic pass) cancelled are answered as cancelled, and stopping is no failure', async () => {
    const root = largeKb();
    const client = await startRawClient(root, { mode: 'pull' });
    try {
      const c = client.connection;
      const uri = client.uri(NOTE);
      const position = positionOf(fs.readFileSync(path.join(root, NOTE), 'utf8'), 'FIX7-P0-PROD-BIRTH-SURFACE-1', 3);
      // Sent while the server indexes, cancelled while they wait: the work that starts once the
      // index is ready sees the cancellation at its first check (CancelledError) and stops.
      const requests: [string, unknown][] = [
        ['textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }],
        ['textDocument/rename', { textDocument: { uri }, position, newName: 'FIX7-P0-RENAMED-1' }],
        ['workspace/symbol', { query: 'FIX7' }],
      ];
      const waiting = requests.map(([method, params]) => {
        const source = new CancellationTokenSource();
        return { source, answer: c.sendRequest(method, params, source.token) };
      });
      for (const w of waiting) w.source.cancel();
      const results = await Promise.allSettled(waiting.map((w) => w.answer));
      assert.deepEqual(
        results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: number }).code : 'answered')),
        requests.map(() => LSPErrorCodes.RequestCancelled),
      );
      // A first workspace pass computes every document's diagnostics; cancelled, it stops at its next slice.
      const pass = new CancellationTokenSource();
      const answer = c.sendRequest('workspace/diagnostic', { previousResultIds: [] }, pass.token);
      pass.cancel();
      await assert.rejects(answer, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
      // The server still answers, and logged no failure for any of the stopped requests.
      const answered = (await c.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } })) as unknown[];
      assert.ok(answered.length > 0);
      assert.deepEqual(client.logs.filter((l) => l.type === 1 || /failed|CancelledError/.test(l.message)), []);
      assert.equal(client.exit, undefined);
    } finally {
      await client.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
