/**
 * `node --import tsx scripts/bench/server-memory.ts DOCS [EDITS] [--every N] [--cap auto|none|MB,...]`
 * (after `npm run build`): the built server's RSS across many edits on a generated workspace,
 * started as the VS Code client starts it (old space capped by client/src/serverMemory.ts) and
 * without a cap, one session each, in turn. The edits are npm run bench's typed bursts; the live
 * heap after the last one comes from heap-probe.mjs (a full collection, after the last RSS
 * reading). Prints a Markdown table and saves the figures to bench/results/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { oldSpaceArgs, oldSpaceCapMB } from '../../client/src/serverMemory';
import { defaultWorkspaceDir, ensureWorkspace } from '../../tools/kbGenerator';
import { percentile } from './run';
import { runServerBench, type ServerResult } from './server';

const repoRoot = path.resolve(__dirname, '../..');
const SERVER = path.join(repoRoot, 'dist/server.js');
const PROBE = path.join(repoRoot, 'scripts/bench/heap-probe.mjs');

interface Session {
  cap: string;
  capMB: number | undefined;
  result: Omit<ServerResult, 'stderrLines'>;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { every: { type: 'string', default: '1000' }, cap: { type: 'string', default: 'none,auto' }, seed: { type: 'string', default: '1' } },
  });
  const docs = Number(positionals[0] ?? 10_000);
  const edits = Number(positionals[1] ?? 10_000);
  const every = Number(values.every);
  const seed = Number(values.seed);
  const dir = defaultWorkspaceDir(repoRoot, docs, seed);
  const manifest = ensureWorkspace(dir, docs, seed);
  // The client counts the JSON and Markdown files; the generated workspace's are its documents.
  const caps = (values.cap ?? '').split(',').map((c) => c.trim());
  const sessions: Session[] = [];
  for (const cap of caps) {
    const capMB = cap === 'none' ? undefined : cap === 'auto' ? oldSpaceCapMB(docs, 0) : oldSpaceCapMB(docs, Number(cap));
    console.error(`== ${docs} documents, ${edits} edits, old space ${capMB === undefined ? 'uncapped' : `capped at ${capMB} MB`} (${cap})`);
    const { stderrLines: _unused, ...result } = await runServerBench({
      nodeArgs: [...oldSpaceArgs(capMB), '--expose-gc', '--import', PROBE],
      entry: [SERVER, '--stdio'],
      root: dir,
      manifest,
      latencyEdits: Math.min(200, edits),
      totalEdits: edits,
      burst: 49,
      requests: 20,
      log: (line) => console.error(line),
      heapProbe: true,
      sampleEvery: every,
    });
    sessions.push({ cap, capMB, result });
  }

  const mb = (x: number) => Math.round(x).toLocaleString('en-US');
  const points = sessions[0]?.result.memorySeries?.map(([n]) => n) ?? [];
  const lines = [
    `${docs.toLocaleString('en-US')} documents (seed ${seed}), ${edits.toLocaleString('en-US')} edits (200 measured one at a time, the rest typed in bursts of 49), RSS in MB, ${new Date().toISOString().slice(0, 10)}:`,
    '',
    `| | ${sessions.map((s) => (s.capMB === undefined ? 'no cap (V8 default)' : `cap ${mb(s.capMB)} MB (${s.cap})`)).join(' | ')} |`,
    `|---|${sessions.map(() => '---:|').join('')}`,
    `| initialize → all diagnostics, ms | ${sessions.map((s) => mb(s.result.initializeToReadyMs)).join(' | ')} |`,
    `| RSS after indexing | ${sessions.map((s) => mb(s.result.memoryAfterIndexing.rssMB)).join(' | ')} |`,
    ...points.map((n, i) => `| RSS after ${n.toLocaleString('en-US')} edits | ${sessions.map((s) => mb(s.result.memorySeries?.[i]?.[1] ?? NaN)).join(' | ')} |`),
    `| RSS after all edits | ${sessions.map((s) => mb(s.result.memoryAfterAllEdits.rssMB)).join(' | ')} |`,
    `| **growth** (after all edits ÷ after indexing) | ${sessions.map((s) => `${(s.result.memoryAfterAllEdits.rssMB / s.result.memoryAfterIndexing.rssMB).toFixed(2)}×`).join(' | ')} |`,
    `| peak RSS (VmHWM) | ${sessions.map((s) => mb(s.result.memoryAfterAllEdits.hwmMB)).join(' | ')} |`,
    `| live heap after all edits (full GC) | ${sessions.map((s) => mb(s.result.heapAfterAllEdits?.liveMB ?? NaN)).join(' | ')} |`,
    `| V8 heap limit | ${sessions.map((s) => mb(s.result.heapAfterAllEdits?.limitMB ?? NaN)).join(' | ')} |`,
    `| edit → last dependant, p95, ms | ${sessions.map((s) => percentile(s.result.edits.map((e) => e.allMs), 0.95).toFixed(0)).join(' | ')} |`,
  ];
  console.log(lines.join('\n'));
  const out = path.join(repoRoot, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-memory-${docs}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ docs, edits, sessions }, null, 2)}\n`);
  console.error(`saved ${path.relative(repoRoot, out)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
