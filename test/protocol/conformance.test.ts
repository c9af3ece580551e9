/**
 * LSP 3.17's lifecycle and JSON-RPC 2.0, message by message (issue 13, item 9), through the
 * built server over stdio with a raw client: the bytes are written as a broken or careless
 * client would write them, and every answer is read as it comes.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { SERVER } from './harness';
import { copyKb, NOTE } from './harness';

interface Answer {
  id?: number | string | null;
  result?: unknown;
  error?: { code: number; message: string };
  method?: string;
  params?: unknown;
}

/** The built server, spoken to in raw frames. */
class RawServer {
  readonly child: ChildProcess;
  readonly answers: Answer[] = [];
  stderr = '';
  exit: { code: number | null } | undefined;
  private buffer = Buffer.alloc(0);
  private readonly exited: Promise<void>;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => ((this.exit = { code }), resolve())));
  }

  /** Writes raw bytes (a frame built by `frame`, or anything else). */
  write(bytes: string | Buffer): void {
    this.child.stdin?.write(bytes);
  }

  send(message: object): void {
    this.write(frame(JSON.stringify({ jsonrpc: '2.0', ...message })));
  }

  /** The first answer (not a server's own request or notification) with this id. */
  async answer(id: number | string | null, ms = 10_000): Promise<Answer> {
    const started = Date.now();
    for (;;) {
      const found = this.answers.find((a) => a.method === undefined && a.id === id);
      if (found) return found;
      if (this.exit) throw new Error(`the server exited (${JSON.stringify(this.exit)}) before answering ${JSON.stringify(id)}: ${this.stderr}`);
      if (Date.now() - started > ms) throw new Error(`no answer to ${JSON.stringify(id)} in ${ms} ms; got ${JSON.stringify(this.answers.map((a) => a.id ?? a.method))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async initialize(root: string, id: number | string = 'init'): Promise<Answer> {
    this.send({ id, method: 'initialize', params: { processId: null, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'kb' }], capabilities: {} } });
    return this.answer(id);
  }

  async waitForExit(ms = 10_000): Promise<{ code: number | null } | undefined> {
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, ms))]);
    return this.exit;
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      const message = JSON.parse(body) as Answer;
      // The server's own requests (configuration, registrations) get an empty answer.
      if (message.method !== undefined && message.id !== undefined) this.send({ id: message.id, result: null });
      this.answers.push(message);
    }
  }
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

const hover = (root: string, id: number | string) => ({ id, method: 'textDocument/hover', params: { textDocument: { uri: pathToFileURL(`${root}/${NOTE}`).href }, position: { line: 0, character: 0 } } });

async function withServer(run: (server: RawServer, root: string) => Promise<void>): Promise<void> {
  const server = new RawServer();
  try {
    await run(server, copyKb());
  } finally {
    server.kill();
  }
}

describe('the lifecycle (LSP 3.17)', () => {
  test('a request before initialize is answered ServerNotInitialized (-32002); a notification then is dropped', () =>
    withServer(async (server, root) => {
      server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: pathToFileURL(`${root}/x.md`).href, languageId: 'markdown', version: 1, text: '' } } });
      server.send(hover(root, 1));
      const early = await server.answer(1);
      assert.equal(early.error?.code, -32002, JSON.stringify(early));
      assert.match(early.error?.message ?? '', /initialize/);
      assert.ok((await server.initialize(root)).result);
    }));

  test('a second initialize is an error (-32600), and the server keeps its first workspace', () =>
    withServer(async (server, root) => {
      assert.ok((await server.initialize(root)).result);
      server.send({ method: 'initialized', params: {} });
      const other = copyKb();
      const again = await server.initialize(other, 'again');
      assert.equal(again.error?.code, -32600, JSON.stringify(again));
      assert.match(again.error?.message ?? '', /already/);
      server.send({ id: 'symbols', method: 'workspace/symbol', params: { query: 'OPT4' } });
      const symbols = (await server.answer('symbols', 30_000)).result as { location: { uri: string } }[];
      assert.ok(symbols.length > 0 && symbols.every((s) => s.location.uri.startsWith(pathToFileURL(root).href)), JSON.stringify(symbols));
    }));

  test('after shutdown every request is answered InvalidRequest (-32600); exit then ends the process with 0', () =>
    withServer(async (server, root) => {
      await server.initialize(root);
      server.send({ method: 'initialized', params: {} });
      server.send({ id: 'down', method: 'shutdown' });
      assert.equal((await server.answer('down')).error, undefined);
      server.send(hover(root, 'late'));
      server.send({ id: 'late-again', method: 'shutdown' });
      for (const id of ['late', 'late-again']) assert.equal((await server.answer(id)).error?.code, -32600, id);
      server.send({ method: 'exit' });
      assert.deepEqual(await server.waitForExit(), { code: 0 });
    }));
});

describe('JSON-RPC 2.0 messages', () => {
  test('a request with id null is answered, with id null (-32600: LSP ids are numbers or strings)', () =>
    withServer(async (server, root) => {
      await server.initialize(root);
      server.send(hover(root, null as unknown as number));
      server.send({ id: { nested: true }, method: 'textDocument/hover', params: {} });
      const answer = await server.answer(null);
      assert.equal(answer.error?.code, -32600, JSON.stringify(answer));
      assert.equal(server.answers.filter((a) => a.id === null && a.method === undefined).length >= 1, true);
      // And the server still serves.
      server.send(hover(root, 2));
      assert.equal((await server.answer(2)).error, undefined);
    }));

  test('a body that is not JSON is answered ParseError (-32700) and the next message is served', () =>
    withServer(async (server, root) => {
      await server.initialize(root);
      server.write(frame('{"jsonrpc": "2.0", "id": 7, "method": '));
      server.send(hover(root, 8));
      const parse = await server.answer(null);
      assert.equal(parse.error?.code, -32700, JSON.stringify(parse));
      assert.equal((await server.answer(8)).error, undefined);
    }));

  test('a malformed header does not leave the server silent: it says why and exits', () =>
    withServer(async (server, root) => {
      await server.initialize(root);
      server.write('Content-Lenght: 40\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"x"}');
      server.send(hover(root, 10));
      const exit = await server.waitForExit();
      assert.ok(exit && exit.code !== 0, `still running after a malformed header: ${JSON.stringify(server.answers.slice(-3))}`);
      assert.match(server.stderr, /malformed message header/i);
      assert.ok(server.answers.some((a) => a.method === 'window/logMessage' && /malformed message header/i.test(JSON.stringify(a.params))), JSON.stringify(server.answers));
    }));
});
