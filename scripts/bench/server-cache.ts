/**
 * `node --import tsx scripts/bench/server-cache.ts DIR [RUNS]`: the server's time from
 * `initialize` to every diagnostic on a generated workspace (bench:gen), cold (no cache in the
 * storage folder) and warm (the cache the run before wrote), and whether both publish the same.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { MANIFEST_PATH, type Manifest } from '../../tools/kbGenerator';

const SERVER = path.resolve(__dirname, '../../dist/server.js');

async function start(root: string, manifest: Manifest, storage: string): Promise<{ ms: number; published: string }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, unknown>();
  let blockers = false;
  let wake = () => undefined as void;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p.diagnostics);
    wake();
  });
  connection.onNotification('governanceLens/blockersChanged', () => {
    blockers = true;
    wake();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.listen();
  const expected = manifest.defects.map((d) => pathToFileURL(path.join(root, d.path)).href);
  const started = performance.now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
    capabilities: { textDocument: { publishDiagnostics: {} }, workspace: {} },
    initializationOptions: { storagePath: storage },
  });
  await connection.sendNotification('initialized', {});
  await new Promise<void>((resolve) => {
    wake = () => {
      if (blockers && expected.every((u) => published.has(u))) resolve();
    };
    wake();
  });
  const ms = performance.now() - started;
  // Shutdown writes the cache; the exit is awaited so the next run finds it.
  await connection.sendRequest('shutdown');
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
  const sorted = [...published].sort(([a], [b]) => a.localeCompare(b));
  return { ms, published: JSON.stringify(sorted) };
}

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? '');
  const runs = Number(process.argv[3] ?? 3);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, MANIFEST_PATH), 'utf8')) as Manifest;
  const cold: number[] = [];
  const warm: number[] = [];
  let identical = true;
  for (let i = 0; i < runs; i++) {
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-bench-storage-'));
    const first = await start(root, manifest, storage);
    const second = await start(root, manifest, storage);
    cold.push(first.ms);
    warm.push(second.ms);
    identical &&= first.published === second.published;
    console.log(`run ${i + 1}: cold ${first.ms.toFixed(0)} ms, warm ${second.ms.toFixed(0)} ms, same diagnostics: ${first.published === second.published}`);
    fs.rmSync(storage, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(`median: cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms; identical: ${identical}`);
}

void main();
