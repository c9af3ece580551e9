/**
 * Containment end to end: the built CLI and the built language server run on the bad-input
 * corpus under a preload (recorder.mjs) that records every file-system call, network and
 * process attempt and module load. Nothing outside the workspace may be read or even probed
 * (the canaries least of all), nothing written, no network, no process, no code from the
 * workspace loaded or run. Run as root, the programs run as an unprivileged user (uid 65534),
 * so the corpus's chmod-000 file and folder are really unreadable.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { BlockersRequest, CheckWorkspaceRequest } from '../../common/protocol';
import { validateAgainstSchema } from '../helpers/validate-json';
import { record } from './budget';
import { ABSENT, buildCorpus, CANARY_TEXT, PATHS, snapshotTree, type Corpus } from './corpus';
import { isWithin, leavesThroughLink } from './fsSpy';
import { repo, SERVER, startRawClient, type RawClient } from './lspClient';

/** The programs under test, copied where an unprivileged user can run them (the repository may sit in a private home). */
let RECORDER: string;
let CLI: string;
let SERVER_COPY: string;
/** Run as root, the programs run as nobody (uid 65534), so that chmod 000 really denies. */
let unprivileged: { uid?: number; gid?: number } = {};

interface Event {
  kind: 'read' | 'probe' | 'write' | 'network' | 'process' | 'eval' | 'module';
  op: string;
  target: string;
}

let corpus: Corpus;
let records: string;
let treeBefore: string[];
let runs = 0;

before(() => {
  const built = path.join(repo, 'dist/cli.js');
  for (const file of [built, SERVER]) assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
  corpus = buildCorpus();
  records = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-records-'));
  fs.chmodSync(records, 0o777); // the programs may run as another user, and write their records here
  const bin = path.join(records, 'bin');
  fs.mkdirSync(bin, { mode: 0o755 });
  // The bundles are self-contained: a copy runs anywhere.
  CLI = path.join(bin, 'cli.js');
  SERVER_COPY = path.join(bin, 'server.js');
  RECORDER = path.join(bin, 'recorder.mjs');
  fs.copyFileSync(built, CLI);
  fs.copyFileSync(SERVER, SERVER_COPY);
  fs.copyFileSync(path.join(repo, 'test/robust/recorder.mjs'), RECORDER);
  for (const file of [CLI, SERVER_COPY, RECORDER]) fs.chmodSync(file, 0o644);
  if (process.getuid?.() === 0) {
    const nobody = { uid: 65534, gid: 65534 };
    const probe = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(CLI)})`], { cwd: corpus.base, ...nobody });
    // Where nobody cannot run node at all (node itself in a private folder), the programs run as root and the
    // unreadable files are refused by the in-process test's spy only (fs-corpus.test.ts).
    unprivileged = probe.status === 0 ? nobody : {};
  }
  treeBefore = snapshotTree(corpus.base);
});

after(() => {
  corpus.dispose();
  fs.rmSync(records, { recursive: true, force: true });
});

/** The client's exit, read through a call: an assertion that it was undefined narrows the property for good. */
const exitOf = (client: RawClient) => client.exit;

function readRecord(file: string): Event[] {
  assert.ok(fs.existsSync(file), `no record at ${file}: did the process exit normally?`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Event[];
}

/** What a run did beyond its workspace; empty when contained. */
function breaches(events: readonly Event[], program: string): Event[] {
  return events.filter((e) => {
    if (e.kind === 'network' || e.kind === 'process' || e.kind === 'eval' || e.kind === 'write') return true;
    // Loading a built-in module runs nothing (the recorder refuses what child_process, net or vm would do).
    if (e.kind === 'module') return !isBuiltin(e.target) && e.target !== program;
    if (e.target.startsWith('fd:')) return false;
    // A path inside the workspace that the kernel resolves through a link leading out of it is outside too.
    if (leavesThroughLink(corpus.root, e.target, e.op)) return true;
    // The program reads itself to start; everything else it touches is in the workspace.
    return !isWithin(corpus.root, e.target) && e.target !== program;
  });
}

function assertContained(events: readonly Event[], program: string, what: string): void {
  const found = breaches(events, program);
  record({ input: what, cases: 1, crashes: 0, readsOutside: found.filter((e) => e.kind === 'read').length, writes: found.filter((e) => e.kind === 'write').length });
  assert.deepEqual(found, [], `${what} reached beyond the workspace`);
  for (const canary of corpus.canaries) assert.ok(!events.some((e) => e.target === canary || isWithin(corpus.outside, e.target)), `${what} touched ${canary}`);
  const inside = events.filter((e) => e.kind === 'read' && isWithin(corpus.root, e.target));
  assert.ok(inside.length > 10, `${what}: the recorder saw ${inside.length} reads in the workspace; is it still wired in?`);
}

function cli(args: string[], cwd = corpus.base): { status: number | null; stdout: string; stderr: string; events: Event[] } {
  const file = path.join(records, `cli-${++runs}.json`);
  const result = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GOVLENS_RECORD: file },
    ...unprivileged,
  });
  assert.equal(result.error, undefined, String(result.error));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, events: readRecord(file) };
}

describe('the CLI on the corpus', () => {
  test('check --format json: exit 1, valid output, every bad file handled, contained', () => {
    const run = cli(['check', corpus.root, '--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    const output = JSON.parse(run.stdout) as { files: number; diagnostics: { file: string; code: string }[] };
    assert.deepEqual(validateAgainstSchema(path.join(repo, 'test/schemas/check-output.schema.json'), output), []);
    const codesOf = (p: string) => output.diagnostics.filter((d) => d.file === p).map((d) => d.code);
    assert.deepEqual(codesOf(PATHS.huge), ['file-too-large']);
    assert.deepEqual(codesOf(PATHS.unreadable), []);
    assert.deepEqual(codesOf(PATHS.lock), ['json-syntax']);
    assert.deepEqual(codesOf(PATHS.claim), ['implied-production-grant']);
    assert.equal(codesOf(PATHS.hostile).filter((c) => c === 'path-outside-workspace').length, 12);
    assert.ok(!run.stdout.includes('CANARY') && !run.stdout.includes(CANARY_TEXT));
    if (unprivileged.uid !== undefined) {
      // Really unreadable here: the read was attempted and refused by the kernel, and nothing broke.
      assert.ok(run.events.some((e) => e.kind === 'read' && e.target === path.join(corpus.root, PATHS.unreadable)));
      assert.ok(!output.diagnostics.some((d) => d.file.startsWith(`${PATHS.unreadableDir}/`)));
    }
    assertContained(run.events, CLI, 'CLI: govlens check --format json on the corpus');
  });

  test('check --format sarif and text, blockers --all: the same, contained', () => {
    for (const args of [['check', corpus.root, '--format', 'sarif'], ['check', corpus.root], ['blockers', corpus.root, '--all', '--format', 'json'], ['blockers', corpus.root]]) {
      const run = cli(args);
      assert.equal(run.status, args[0] === 'check' ? 1 : 0, `${args.join(' ')}: ${run.stderr}`);
      assert.ok(!run.stdout.includes('CANARY'), args.join(' '));
      assertContained(run.events, CLI, `CLI: govlens ${args.filter((a) => a !== corpus.root).join(' ')} on the corpus`);
    }
  });

  test('a workspace named through a symbolic link and a relative path is the same workspace', () => {
    const link = path.join(corpus.base, 'ws-link');
    if (!fs.existsSync(link)) fs.symlinkSync(corpus.root, link);
    const direct = cli(['check', 'ws', '--format', 'json'], corpus.base);
    const linked = cli(['check', 'ws-link', '--format', 'json'], corpus.base);
    const strip = (s: string) => JSON.stringify({ ...(JSON.parse(s) as object), root: '' });
    assert.equal(strip(linked.stdout), strip(direct.stdout));
    assertContained(direct.events, CLI, 'CLI: govlens check on a relative path');
    assertContained(linked.events.filter((e) => e.target !== link), CLI, 'CLI: govlens check through a linked folder');
  });
});

describe('the language server on the corpus', () => {
  test('indexing, every request on the hostile note, rename and code actions, outside URIs: contained, nothing written', async () => {
    const file = path.join(records, 'server.json');
    const client = await startRawClient(corpus.root, { server: SERVER_COPY, cwd: corpus.base, nodeArgs: ['--import', RECORDER], env: { GOVLENS_RECORD: file }, ...unprivileged });
    try {
      // Settings from an untrusted workspace that point outside it.
      client.settings = { lockPath: '../outside/dir-packet/delegation-and-authority-lock.json' };
      const c = client.connection;
      const blockers = (await c.sendRequest(BlockersRequest.method, { include: 'all' })) as { complete: boolean };
      assert.equal(blockers.complete, true);
      const hostile = fs.readFileSync(path.join(corpus.root, PATHS.hostile), 'utf8');
      await c.sendNotification('textDocument/didOpen', { textDocument: { uri: client.uri(PATHS.hostile), languageId: 'markdown', version: 1, text: hostile } });
      const lines = hostile.split('\n');
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= (lines[line] ?? '').length; character += 4) {
          const at = { textDocument: { uri: client.uri(PATHS.hostile) }, position: { line, character } };
          await Promise.all([
            c.sendRequest('textDocument/hover', at),
            c.sendRequest('textDocument/definition', at),
            c.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } }),
            c.sendRequest('textDocument/completion', at),
          ]);
        }
      }
      const pulled = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri(PATHS.hostile) } })) as { items: { range: unknown; code: string }[] };
      assert.ok(pulled.items.filter((d) => d.code === 'path-outside-workspace').length >= 10);
      await c.sendRequest('textDocument/codeAction', { textDocument: { uri: client.uri(PATHS.hostile) }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics: pulled.items } });
      await c.sendRequest('textDocument/documentLink', { textDocument: { uri: client.uri(PATHS.hostile) } });
      // A rename answers with edits; the server applies none.
      const map = fs.readFileSync(path.join(corpus.root, PATHS.claim), 'utf8').split('\n');
      const idLine = map.findIndex((l) => l.includes('FIX7-P0-BAD-1'));
      const rename = (await c.sendRequest('textDocument/rename', { textDocument: { uri: client.uri(PATHS.claim) }, position: { line: idLine, character: (map[idLine] ?? '').indexOf('FIX7') + 2 }, newName: 'FIX7-P0-BAD-2' })) as { changes?: Record<string, unknown[]> } | null;
      assert.ok(rename?.changes && Object.keys(rename.changes).length > 0, JSON.stringify(rename));
      const claim = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri(PATHS.claim) } })) as { items: { code: string }[] };
      assert.deepEqual(claim.items.map((d) => d.code), ['implied-production-grant'], 'the lock path setting that leaves the workspace granted something');
      // URIs of the canaries themselves, and of the links that lead to them.
      for (const uri of [pathToFileURL(corpus.canaries[0] ?? '').href, client.uri(PATHS.escapeFile), client.uri(`${PATHS.escapeDir}/canary.md`)]) {
        await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'FIX7-P0-X-1\n' } });
        await c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
        await c.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
      await c.sendNotification('workspace/didChangeWatchedFiles', { changes: corpus.canaries.map((canary) => ({ uri: pathToFileURL(canary).href, type: 2 })) });
      await c.sendRequest('workspace/symbol', { query: '' });
      await c.sendRequest('workspace/diagnostic', { previousResultIds: [] });
      await c.sendRequest(CheckWorkspaceRequest.method, {});
      assert.equal(client.exit, undefined, `the server exited: ${client.stderr()}`);
    } finally {
      await client.close();
    }
    assert.equal(exitOf(client)?.code, 0, client.stderr());
    assertContained(readRecord(file), SERVER_COPY, 'language server: indexing and every request on the corpus');
  });
});

/**
 * The recorder sees Node's `fs` calls only; what a call does inside the C library (realpath(3)
 * probing every component of a link's target) it cannot see. strace sees the system calls
 * themselves. Each program runs twice under it: once doing nothing (its own start: the
 * loader, libraries, /proc, its bundle) and once on the corpus; the second run may name nothing
 * outside the workspace that the first did not, except the folders above the workspace (opening
 * a folder resolves its path), nothing through a link that leaves it, and the canaries and the
 * places cited through the link to `/` never.
 */
describe('system calls (strace)', () => {
  interface Call {
    syscall: string;
    path: string;
    /** The call looks at a link itself instead of following it (lstat, readlink, O_NOFOLLOW). */
    nofollow: boolean;
  }

  const straceArgs = (file: string) => ['-f', '-qq', '--seccomp-bpf', '-e', 'trace=%file', '-o', file];

  /** Each test asks for itself: strace missing is a failure that says how to install it, never a skip. */
  const requireStrace = () => {
    const version = spawnSync('strace', ['-V'], { encoding: 'utf8' });
    assert.equal(version.status, 0, `strace is missing (${String(version.error ?? version.stderr)}): install it (apt-get install strace; npm run setup:e2e does) to check what the programs do beyond Node's fs`);
  };

  /** The paths the traced process named, absolute, from an strace output file. */
  function callsIn(file: string, cwd: string): Call[] {
    const calls: Call[] = [];
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      // `PID syscall(AT_FDCWD, "path", …` — an unfinished call names its path too; a resumed one does not.
      const m = /^\d+\s+(\w+)\((AT_FDCWD, )?"((?:[^"\\]|\\.)*)"/.exec(line);
      if (!m || m[3] === '') continue;
      const syscall = m[1] ?? '';
      const nofollow = /^(lstat|readlink|readlinkat)$/.test(syscall) || /AT_SYMLINK_NOFOLLOW|O_NOFOLLOW/.test(line);
      calls.push({ syscall, path: path.resolve(cwd, (m[3] ?? '').replace(/\\(.)/g, '$1')), nofollow });
    }
    return calls;
  }

  /** What the run named that it had no business naming (see above). */
  function beyond(run: readonly Call[], idle: readonly Call[]): string[] {
    const started = new Set(idle.map((c) => c.path));
    const above = new Set<string>();
    for (let dir = path.dirname(corpus.root); ; dir = path.dirname(dir)) {
      above.add(dir);
      if (dir === path.dirname(dir)) break;
    }
    const cited = [`/etc/${ABSENT}`, `/etc/${ABSENT}.json`, '/etc/hostname'];
    return run
      .filter((c) => {
        if (isWithin(corpus.outside, c.path) || cited.includes(c.path)) return true;
        if (isWithin(corpus.root, c.path)) return leavesThroughLink(corpus.root, c.path, c.nofollow ? 'lstatSync' : 'statSync');
        return !started.has(c.path) && !above.has(c.path);
      })
      .map((c) => `${c.syscall} ${c.path}`);
  }

  function traceCli(name: string, args: string[]): Call[] {
    const file = path.join(records, `strace-${name}.txt`);
    const result = spawnSync('strace', [...straceArgs(file), process.execPath, CLI, ...args], { cwd: corpus.base, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, ...unprivileged });
    assert.equal(result.error, undefined, String(result.error));
    assert.ok(fs.existsSync(file), `strace wrote nothing: ${result.stderr}`);
    return callsIn(file, corpus.base);
  }

  test('the CLI names nothing beyond the workspace in any system call', () => {
    requireStrace();
    const idle = traceCli('cli-idle', ['--version']);
    for (const args of [['check', corpus.root, '--format', 'json'], ['blockers', corpus.root, '--all']]) {
      const run = traceCli(`cli-${args[0]}`, args);
      assert.ok(run.filter((c) => isWithin(corpus.root, c.path)).length > 50, 'strace saw little in the workspace: is it tracing?');
      const found = beyond(run, idle);
      record({ input: `CLI under strace: govlens ${args[0]} on the corpus`, cases: 1, crashes: 0, readsOutside: found.length, writes: 0 });
      assert.deepEqual(found, [], `govlens ${args[0]} reached beyond the workspace`);
    }
  });

  test('the language server names nothing beyond the workspace in any system call', async () => {
    requireStrace();
    const session = async (root: string, name: string, work: (client: RawClient) => Promise<void>): Promise<Call[]> => {
      const file = path.join(records, `strace-${name}.txt`);
      const client = await startRawClient(root, { server: SERVER_COPY, cwd: corpus.base, wrapper: ['strace', ...straceArgs(file)], ...unprivileged });
      try {
        await work(client);
        assert.equal(client.exit, undefined, `the server exited: ${client.stderr()}`);
      } finally {
        await client.close();
      }
      return callsIn(file, corpus.base);
    };
    const empty = path.join(records, 'empty-workspace');
    fs.mkdirSync(empty, { recursive: true, mode: 0o777 });
    const idle = await session(empty, 'server-idle', async (client) => {
      await client.connection.sendRequest(BlockersRequest.method, {});
    });
    const run = await session(corpus.root, 'server', async (client) => {
      const c = client.connection;
      assert.equal(((await c.sendRequest(BlockersRequest.method, { include: 'all' })) as { complete: boolean }).complete, true);
      for (const note of [PATHS.throughRoot, PATHS.hostile]) {
        const text = fs.readFileSync(path.join(corpus.root, note), 'utf8');
        await c.sendNotification('textDocument/didOpen', { textDocument: { uri: client.uri(note), languageId: 'markdown', version: 1, text } });
        const pulled = (await c.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri(note) } })) as { items: { code: string }[] };
        assert.ok(pulled.items.some((d) => d.code === 'path-outside-workspace'), note);
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
          for (let character = 0; character <= (lines[line] ?? '').length; character += 7) {
            const at = { textDocument: { uri: client.uri(note) }, position: { line, character } };
            await Promise.all([c.sendRequest('textDocument/hover', at), c.sendRequest('textDocument/definition', at), c.sendRequest('textDocument/completion', at)]);
          }
        }
        await c.sendRequest('textDocument/documentLink', { textDocument: { uri: client.uri(note) } });
      }
      await c.sendRequest('workspace/diagnostic', { previousResultIds: [] });
      await c.sendRequest(CheckWorkspaceRequest.method, {});
    });
    assert.ok(run.filter((c) => isWithin(corpus.root, c.path)).length > 50, 'strace saw little in the workspace: is it tracing?');
    const found = beyond(run, idle);
    record({ input: 'language server under strace: indexing and requests on the corpus', cases: 1, crashes: 0, readsOutside: found.length, writes: 0 });
    assert.deepEqual(found, [], 'the server reached beyond the workspace');
  });
});

test('after every run: nothing in the corpus or next to it changed, and no code from the workspace ran', () => {
  assert.ok(!fs.existsSync(corpus.marker), 'a booby trap in the workspace ran');
  const ignore = (l: string) => l.startsWith(`${path.join(corpus.base, 'ws-link')} `);
  assert.deepEqual(snapshotTree(corpus.base).filter((l) => !ignore(l)), treeBefore);
});
