/**
 * `node --import tsx scripts/bench/server-cache.ts DIR [RUNS] [--open N] [--pull] [--node-arg A]`:
 * the server's startup on a generated workspace (bench:gen), cold (no cache in the storage
 * folder) and warm (the cache the run before wrote), and whether both publish the same.
 *
 * Timed from `initialize`: every diagnostic published (push client), and, with `--open N`
 * (1–3), each open document's first diagnostics (its first publish, or with `--pull` the
 * answer to its `textDocument/diagnostic`), the documents opened right after `initialized` as
 * an editor restoring its tabs does. Each open document's first diagnostics are compared with
 * its last: an early answer that differs would be a wrong one.
 *
 * A push start is over once every document `govlens check` finds something in is published
 * (not only the planted defects: the pass goes on past the last of them, 93 documents at 10,000,
 * and a set read then would be cut short by chance). A pair is compared only if no file of the
 * workspace changed between the cold start's beginning and the warm start's end: anything
 * writing the workspace meanwhile (`npm run bench`'s cache series toggles an edit of a blocker
 * map in the same bench/workspaces folder) makes the two starts read different files, and they
 * then rightly differ.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { MANIFEST_PATH, type Manifest } from '../../tools/kbGenerator';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const CLI = path.resolve(__dirname, '../../dist/cli.js');
/**
 * A push start that has not published everything expected by then is ended and says what is
 * missing: a document lost, or the workspace changed under it (then the pair is not compared).
 */
const PUBLISH_BOUND_MS = Number(process.env.GOVLENS_BENCH_PUBLISH_BOUND_MS ?? 5 * 60_000);

interface Options {
  open: readonly string[];
  /** Push: the URIs of every document with diagnostics (govlens check): a start is over when each is published. */
  expected: readonly string[];
  pull: boolean;
  nodeArgs: readonly string[];
}

interface Start {
  /** initialize → every diagnostic published (push), or → the last open document's answer (pull). */
  ms: number;
  /** initialize → each open document's first diagnostics. */
  openMs: number[];
  /** Each open document's first diagnostics equal its last. */
  openStable: boolean;
  published: string;
  /** Push: expected documents never published within PUBLISH_BOUND_MS. */
  missing: string[];
}

/**
 * The documents to open: the last document with a planted defect in path order (a pass over
 * the workspace in order reaches it last), the last with an unknown ID, and a note that cites
 * blocker IDs another packet defines.
 */
export function documentsToOpen(manifest: Manifest, count: number): string[] {
  const defects = [...manifest.defects].sort((a, b) => b.path.localeCompare(a.path));
  const chosen = [defects[0]?.path, defects.find((d) => d.code === 'unknown-id')?.path, manifest.targets.note];
  return [...new Set(chosen.filter((p): p is string => p !== undefined))].slice(0, count);
}

async function start(root: string, manifest: Manifest, storage: string, options: Options): Promise<Start> {
  const child = spawn(process.execPath, [...options.nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const published = new Map<string, unknown>();
  const first = new Map<string, { at: number; diagnostics: string }>();
  let blockers = false;
  let wake = () => undefined as void;
  let started = 0;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p.diagnostics);
    if (!first.has(p.uri)) first.set(p.uri, { at: performance.now() - started, diagnostics: JSON.stringify(p.diagnostics) });
    wake();
  });
  connection.onNotification('governanceLens/blockersChanged', () => {
    blockers = true;
    wake();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.listen();
  started = performance.now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
    capabilities: { textDocument: { publishDiagnostics: {}, ...(options.pull ? { diagnostic: {} } : {}) }, workspace: { diagnostics: { refreshSupport: true } } },
    initializationOptions: { storagePath: storage },
  });
  await connection.sendNotification('initialized', {});
  for (const relative of options.open) {
    const text = fs.readFileSync(path.join(root, relative), 'utf8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(relative), languageId: relative.endsWith('.md') ? 'markdown' : 'json', version: 1, text } });
  }
  const pull = async (relative: string) => {
    const report = await connection.sendRequest<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: uri(relative) } });
    return { at: performance.now() - started, diagnostics: JSON.stringify(report.items) };
  };
  let openMs: number[];
  let openStable = true;
  let ms: number;
  let missing: string[] = [];
  if (options.pull) {
    const answers = await Promise.all(options.open.map(pull));
    openMs = answers.map((a) => a.at);
    ms = Math.max(...openMs);
    // Asked again once the server is idle: the answer then is the final one.
    await connection.sendRequest('governanceLens/checkWorkspace');
    for (const [i, relative] of options.open.entries()) openStable &&= (await pull(relative)).diagnostics === answers[i]?.diagnostics;
  } else {
    const opened = options.open.map(uri);
    const expected = [...new Set([...options.expected, ...manifest.defects.map((d) => uri(d.path))])];
    await new Promise<void>((resolve) => {
      const bound = setTimeout(() => {
        missing = expected.filter((u) => !published.has(u));
        resolve();
      }, PUBLISH_BOUND_MS);
      wake = () => {
        if (!blockers || !expected.every((u) => published.has(u)) || !opened.every((u) => first.has(u))) return;
        clearTimeout(bound);
        resolve();
      };
      wake();
    });
    ms = performance.now() - started;
    openMs = opened.map((u) => first.get(u)?.at ?? NaN);
    openStable = opened.every((u) => first.get(u)?.diagnostics === JSON.stringify(published.get(u)));
  }
  // Shutdown writes the cache; the exit is awaited so the next run finds it.
  await connection.sendRequest('shutdown');
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
  const sorted = [...published].sort(([a], [b]) => a.localeCompare(b));
  return { ms, openMs, openStable, published: JSON.stringify(sorted), missing };
}

/** Every file of the workspace with its size and modification time: what the two starts of a pair must both read. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const stat = fs.lstatSync(file);
        files.set(path.relative(root, file), `${stat.mtimeMs}:${stat.size}`);
      }
    }
  };
  walk(root);
  return files;
}

function moved(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p));
}

/** The URIs whose published diagnostics differ between two starts, each with what either start published. */
function differences(a: string, b: string): { uri: string; cold: unknown; warm: unknown }[] {
  const cold = new Map(JSON.parse(a) as [string, unknown][]);
  const warm = new Map(JSON.parse(b) as [string, unknown][]);
  return [...new Set([...cold.keys(), ...warm.keys()])]
    .filter((u) => JSON.stringify(cold.get(u)) !== JSON.stringify(warm.get(u)))
    .map((uri) => ({ uri, cold: cold.get(uri) ?? 'not published', warm: warm.get(uri) ?? 'not published' }));
}

/** The documents `govlens check` finds something in, as URIs. */
function withDiagnostics(root: string): string[] {
  const run = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`govlens check exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { diagnostics: { file: string }[] };
  return [...new Set(report.diagnostics.map((d) => pathToFileURL(path.join(root, d.file)).href))];
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const figure = (s: Start) =>
  `${s.ms.toFixed(0)} ms${s.openMs.length > 0 ? ` (open: ${s.openMs.map((m) => m.toFixed(0)).join(', ')} ms${s.openStable ? '' : ', FIRST ≠ LAST'})` : ''}${s.missing.length > 0 ? ` NEVER PUBLISHED: ${s.missing.length} documents, e.g. ${s.missing[0]}` : ''}`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { open: { type: 'string', default: '0' }, pull: { type: 'boolean', default: false }, 'node-arg': { type: 'string', multiple: true, default: [] } },
  });
  const root = path.resolve(positionals[0] ?? '');
  const runs = Number(positionals[1] ?? 3);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, MANIFEST_PATH), 'utf8')) as Manifest;
  const options: Options = {
    open: documentsToOpen(manifest, Number(values.open)),
    expected: values.pull ? [] : withDiagnostics(root),
    pull: values.pull,
    nodeArgs: values['node-arg'],
  };
  const cold: Start[] = [];
  const warm: Start[] = [];
  let identical = true;
  let uncompared = 0;
  for (let i = 0; i < runs; i++) {
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-bench-storage-'));
    const before = snapshot(root);
    const a = await start(root, manifest, storage, options);
    const b = await start(root, manifest, storage, options);
    const changed = moved(before, snapshot(root));
    cold.push(a);
    warm.push(b);
    let same: string = String(a.published === b.published);
    if (changed.length > 0) {
      uncompared++;
      same = `not compared, the workspace changed during the pair (${changed.length} file${changed.length === 1 ? '' : 's'}: ${changed.slice(0, 3).join(', ')})`;
    } else if (a.published !== b.published || a.missing.length > 0 || b.missing.length > 0) {
      identical = false;
      // Kept for a look at what differs: a warm start must publish what a cold one does.
      for (const [name, start] of [['cold', a], ['warm', b]] as const) fs.writeFileSync(path.join(os.tmpdir(), `govlens-bench-${name}-${i + 1}.json`), start.published);
      const differ = differences(a.published, b.published);
      fs.writeFileSync(path.join(os.tmpdir(), `govlens-bench-differences-${i + 1}.json`), JSON.stringify(differ, null, 1));
      same += ` (${differ.length} documents differ, e.g. ${differ[0]?.uri}; ${path.join(os.tmpdir(), `govlens-bench-differences-${i + 1}.json`)})`;
    }
    console.log(`run ${i + 1}: cold ${figure(a)}, warm ${figure(b)}, same diagnostics: ${same}`);
    fs.rmSync(storage, { recursive: true, force: true });
  }
  const summary = (starts: Start[]) => {
    const open = options.open.map((_, k) => median(starts.map((s) => s.openMs[k] ?? NaN)).toFixed(0));
    return `${median(starts.map((s) => s.ms)).toFixed(0)} ms${open.length > 0 ? ` (open: ${open.join(', ')} ms)` : ''}`;
  };
  const stable = [...cold, ...warm].every((s) => s.openStable);
  console.log(`median (${options.pull ? 'pull' : 'push'}, ${options.open.length} open): cold ${summary(cold)}, warm ${summary(warm)}; identical: ${identical}${uncompared > 0 ? ` (${uncompared} of ${runs} pairs not compared: the workspace changed)` : ''}; open documents' first = last: ${stable}`);
}

void main();
