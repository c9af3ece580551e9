/**
 * `npm run bench`: measures `govlens check` and the language server on generated KB
 * workspaces (tools/kbGenerator.ts), next to a floor (list + read + JSON.parse) and a
 * peer (ajv over the same schemas), and prints a Markdown table; the raw figures go to
 * bench/results/ (git-ignored). See the README's Performance section for the full command.
 *
 *   npm run bench -- [--sizes 1000,10000] [--seed 1] [--quick] [--runs 3] [--edits 1000]
 *                    [--latency-edits 200] [--requests 500] [--burst 49] [--count-edits 5] [--server-cap none|auto|MB] [--profile]
 *   npm run bench -- --combine bench/results/A-1000.json,bench/results/B-10000.json   (one table from separate runs)
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { measureCache, type CacheSeries } from './cache';
import { formatSummary, summarise } from './profile-summary';
import { oldSpaceArgs, oldSpaceCapMB } from '../../client/src/serverMemory';
import { memoryOf, runServerBench, type Memory, type ServerResult } from './server';
import { defaultWorkspaceDir, ensureWorkspace, type Manifest } from '../../tools/kbGenerator';

const repoRoot = path.resolve(__dirname, '../..');
const CLI = path.join(repoRoot, 'dist/cli.js');
const SERVER = path.join(repoRoot, 'dist/server.js');
const FLOOR = path.join(repoRoot, 'scripts/bench/floor.mjs');
const PEER = path.join(repoRoot, 'scripts/bench/peer-ajv.mjs');
const INSTRUMENTED = path.join(repoRoot, 'scripts/bench/instrumented-server.ts');
const TIME = '/usr/bin/time';

interface Options {
  sizes: number[];
  seed: number;
  runs: number;
  edits: number;
  latencyEdits: number;
  requests: number;
  burst: number;
  countEdits: number;
  profile: boolean;
  quick: boolean;
  /** The server's old-space cap: none (V8's default, as a push client like Neovim starts it), auto (as the VS Code client does) or MB. */
  serverCap: string;
  /** Saved per-size results (bench/results/*-<docs>.json) to tabulate instead of measuring. */
  combine: string[];
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      seed: { type: 'string', default: '1' },
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      edits: { type: 'string' },
      'latency-edits': { type: 'string' },
      requests: { type: 'string' },
      burst: { type: 'string', default: '49' },
      'count-edits': { type: 'string' },
      profile: { type: 'boolean', default: false },
      'server-cap': { type: 'string', default: 'none' },
      combine: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench -- [--sizes 1000,10000] [--seed 1] [--quick] [--runs N] [--edits N] [--latency-edits N] [--requests N] [--burst N] [--count-edits N] [--server-cap none|auto|MB] [--profile] [--combine FILE,FILE]');
    process.exit(0);
  }
  const quick = values.quick === true;
  const int = (value: string | undefined, fallback: number, name: string, min = 0) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min} (got ${value})`);
    return n;
  };
  const latencyEdits = int(values['latency-edits'], quick ? 20 : 200, 'latency-edits', 1);
  const burst = int(values.burst, 49, 'burst', 1);
  if (burst % 2 === 0) throw new Error('--burst must be odd (each burst then changes what the map reports)');
  return {
    sizes: (values.sizes ?? '').split(',').map((s) => int(s.trim(), 0, 'sizes', 12)),
    seed: int(values.seed, 1, 'seed'),
    runs: int(values.runs, quick ? 1 : 3, 'runs', 1),
    edits: Math.max(latencyEdits, int(values.edits, quick ? latencyEdits : 1000, 'edits', 1)),
    latencyEdits,
    requests: int(values.requests, quick ? 100 : 500, 'requests', 1),
    burst,
    countEdits: int(values['count-edits'], quick ? 3 : 5, 'count-edits'),
    profile: values.profile === true,
    quick,
    serverCap: values['server-cap'] ?? 'none',
    combine: values.combine ? values.combine.split(',').map((f) => path.resolve(f.trim())) : [],
  };
}

// --- measuring fresh processes -------------------------------------------------------------

interface ProcessRun {
  wallMs: number;
  peakRssMB: number;
  exitCode: number | null;
  stdout: string;
}

/** Runs `node ARGS` to completion: wall time from spawn to exit, peak RSS (GNU time's %M, else /proc VmHWM polled). */
function measure(args: string[]): Promise<ProcessRun> {
  const useTime = fs.existsSync(TIME);
  const rssFile = path.join(os.tmpdir(), `govlens-bench-rss-${process.pid}-${Date.now()}`);
  const [command, argv] = useTime ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    let hwm = 0;
    const poll = useTime ? undefined : setInterval(() => child.pid !== undefined && (hwm = Math.max(hwm, memoryOf(child.pid).hwmMB || 0)), 5);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      let peakRssMB = hwm;
      if (useTime) {
        const text = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8') : '';
        fs.rmSync(rssFile, { force: true });
        // GNU time prints "Command exited with non-zero status N" before the figure.
        peakRssMB = Number(text.trim().split('\n').pop()) / 1024;
      }
      if (code !== 0 && code !== 1) return reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
      resolve({ wallMs, peakRssMB, exitCode: code, stdout: Buffer.concat(chunks).toString() });
    });
  });
}

interface Series {
  wallMs: number[];
  peakRssMB: number[];
}

async function series(args: string[], runs: number, check?: (run: ProcessRun) => void): Promise<Series> {
  const out: Series = { wallMs: [], peakRssMB: [] };
  for (let i = 0; i < runs; i++) {
    const run = await measure(args);
    if (i === 0) check?.(run);
    out.wallMs.push(run.wallMs);
    out.peakRssMB.push(run.peakRssMB);
  }
  return out;
}

// --- statistics --------------------------------------------------------------------------

/** Nearest-rank percentile (p in 0..1) of a list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}
const median = (values: readonly number[]) => percentile(values, 0.5);

// --- one size ------------------------------------------------------------------------------

interface SizeResult {
  docs: number;
  settings: Pick<Options, 'runs' | 'latencyEdits' | 'edits' | 'burst' | 'requests' | 'countEdits'> & { serverCapMB?: number };
  seed: number;
  workspace: string;
  manifest: Pick<Manifest, 'packets' | 'notes'> & { defects: number; dependants: number };
  cli: Series & { findings: number; files: number; findingsMatchDefects: boolean };
  /** `check --jobs 1`: the facts read on one thread, as before --jobs (absent from results saved before it). */
  cliOneThread?: Series;
  /** `check --cache`: cold, warm with nothing changed, warm after one edit (absent from results saved before it). */
  cache?: CacheSeries;
  floor: Series;
  peer: Series;
  server: Omit<ServerResult, 'stderrLines'>;
  /** initialize → all diagnostics, one per server session (the first is the session of the edits). */
  initializeMs: number[];
  /** From the instrumented server: per publishing pass after an edit. */
  reanalysis?: { diagnosticsPerEdit: number[]; parsesPerEdit: number[]; indexing: { diagnostics: number; parses: number } };
  profiles?: string[];
}

async function measureSize(docs: number, o: Options, profileDir: string | undefined): Promise<SizeResult> {
  const dir = defaultWorkspaceDir(repoRoot, docs, o.seed);
  const log = (line: string) => console.error(line);
  log(`\n== ${docs} documents (seed ${o.seed}): ${path.relative(repoRoot, dir)}`);
  const manifest = ensureWorkspace(dir, docs, o.seed);
  // One unmeasured pass warms the page cache: "cold" below means a fresh process, not a cold disk.
  await measure([FLOOR, dir]);

  log(`  check (${o.runs}×)`);
  let findings = 0;
  let files = 0;
  let uncached = '';
  const cli = await series([CLI, 'check', dir, '--format', 'json'], o.runs, (run) => {
    const report = JSON.parse(run.stdout) as { files: number; diagnostics: unknown[] };
    findings = report.diagnostics.length;
    files = report.files;
    uncached = run.stdout;
  });
  log(`  check --jobs 1 (${o.runs}×)`);
  const cliOneThread = await series([CLI, 'check', dir, '--format', 'json', '--jobs', '1'], o.runs, (run) => {
    if (run.stdout !== uncached) throw new Error(`check --jobs 1 printed something else than check at ${docs} documents`);
  });
  log(`  check --cache: cold, warm, warm after one edit (${o.runs}× each)`);
  const cache = await measureCache(CLI, dir, manifest, o.runs, uncached, measure);
  log(`  floor and peer (${o.runs}× each)`);
  const floor = await series([FLOOR, dir], o.runs);
  const peer = await series([PEER, dir], o.runs);

  const serverCapMB = o.serverCap === 'none' ? undefined : oldSpaceCapMB(docs, o.serverCap === 'auto' ? 0 : Number(o.serverCap));
  const serverArgs = oldSpaceArgs(serverCapMB);
  log(`  server: ${o.latencyEdits} measured edits, ${o.edits} edits in all, ${o.requests} hovers and definitions`);
  const { stderrLines: _unused, ...server } = await runServerBench({
    nodeArgs: serverArgs,
    entry: [SERVER, '--stdio'],
    root: dir,
    manifest,
    latencyEdits: o.latencyEdits,
    totalEdits: o.edits,
    burst: o.burst,
    requests: o.requests,
    log,
  });

  // Startup is one figure per server session: o.runs - 1 more sessions that only start up.
  const initializeMs = [server.initializeToReadyMs];
  for (let i = 1; i < o.runs; i++) {
    log(`  server startup, session ${i + 1}/${o.runs}`);
    const again = await runServerBench({ nodeArgs: serverArgs, entry: [SERVER, '--stdio'], root: dir, manifest, latencyEdits: 0, totalEdits: 0, burst: o.burst, requests: 0, log });
    initializeMs.push(again.initializeToReadyMs);
  }

  let reanalysis: SizeResult['reanalysis'];
  if (o.countEdits > 0) {
    log(`  instrumented server (counts only): ${o.countEdits} edits`);
    const counted = await runServerBench({
      nodeArgs: ['--import', 'tsx'],
      entry: [INSTRUMENTED, '--stdio'],
      root: dir,
      manifest,
      latencyEdits: o.countEdits,
      totalEdits: o.countEdits,
      burst: o.burst,
      requests: 1,
      log,
      stderrPrefix: 'BENCH-CYCLE ',
    });
    const cycles = counted.stderrLines.map((l) => JSON.parse(l.slice('BENCH-CYCLE '.length)) as { diagnostics: number; parses: number });
    // The first pass follows indexing; the last countEdits follow the edits (the open's pass sits between).
    const perEdit = cycles.slice(-o.countEdits);
    reanalysis = {
      indexing: cycles[0] ?? { diagnostics: NaN, parses: NaN },
      diagnosticsPerEdit: perEdit.map((c) => c.diagnostics),
      parsesPerEdit: perEdit.map((c) => c.parses),
    };
  }

  let profiles: string[] | undefined;
  if (profileDir) {
    log('  profiles (--cpu-prof): check, then the server');
    const cliDir = path.join(profileDir, `${docs}-check`);
    const serverDir = path.join(profileDir, `${docs}-server`);
    await measure(['--cpu-prof', '--cpu-prof-dir', cliDir, CLI, 'check', dir, '--format', 'json']);
    await runServerBench({
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir', serverDir],
      entry: [SERVER, '--stdio'],
      root: dir,
      manifest,
      latencyEdits: Math.min(o.latencyEdits, 20),
      totalEdits: Math.min(o.latencyEdits, 20),
      burst: o.burst,
      requests: Math.min(o.requests, 200),
      log,
    });
    profiles = [cliDir, serverDir].flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).map((f) => path.join(d, f)) : []));
  }

  return {
    docs,
    settings: { runs: o.runs, latencyEdits: o.latencyEdits, edits: o.edits, burst: o.burst, requests: o.requests, countEdits: o.countEdits, ...(serverCapMB !== undefined ? { serverCapMB } : {}) },
    seed: o.seed,
    workspace: path.relative(repoRoot, dir),
    manifest: { packets: manifest.packets, notes: manifest.notes, defects: manifest.defects.length, dependants: manifest.targets.dependants.length },
    cli: { ...cli, findings, files, findingsMatchDefects: findings === manifest.defects.length && files === docs },
    cliOneThread,
    cache,
    floor,
    peer,
    server,
    initializeMs,
    ...(reanalysis ? { reanalysis } : {}),
    ...(profiles ? { profiles } : {}),
  };
}

// --- the table ---------------------------------------------------------------------------

interface Row {
  figure: string;
  unit: string;
  values: number[];
  /** Issue 6's target, judged at 10,000 documents (the size it was set for) when measured. */
  target?: { text: string; met: (value: number) => boolean };
  /** Issue 15's memory bound at the largest size, besides its "at most linear" for every figure. */
  bound?: { text: string; met: (value: number) => boolean };
  digits?: number;
}

const under2GB = { text: '< 2 GB', met: (x: number) => x < 2048 };

function rows(results: SizeResult[]): Row[] {
  const v = (f: (r: SizeResult) => number) => results.map(f);
  const edits = (r: SizeResult) => r.server.edits;
  const mem = (f: (r: SizeResult) => Memory) => (r: SizeResult) => f(r).rssMB;
  return [
    { figure: '`check` cold: wall time', unit: 'ms', values: v((r) => median(r.cli.wallMs)) },
    { figure: '`check` cold: peak RSS', unit: 'MB', values: v((r) => median(r.cli.peakRssMB)), bound: under2GB },
    { figure: `\`check --jobs 1\` cold: wall time (\`check\` uses ${os.availableParallelism()} threads here)`, unit: 'ms', values: v((r) => (r.cliOneThread ? median(r.cliOneThread.wallMs) : NaN)) },
    { figure: '`check --jobs 1` cold: peak RSS', unit: 'MB', values: v((r) => (r.cliOneThread ? median(r.cliOneThread.peakRssMB) : NaN)), bound: under2GB },
    { figure: 'floor (list + read + JSON.parse): wall time', unit: 'ms', values: v((r) => median(r.floor.wallMs)) },
    { figure: 'floor: peak RSS', unit: 'MB', values: v((r) => median(r.floor.peakRssMB)) },
    { figure: '**`check` ÷ floor**', unit: '×', digits: 1, values: v((r) => median(r.cli.wallMs) / median(r.floor.wallMs)), target: { text: '≤ 2×', met: (x) => x <= 2 } },
    { figure: '`check --cache` cold (no cache file): wall time', unit: 'ms', values: v((r) => (r.cache ? median(r.cache.coldMs) : NaN)) },
    { figure: '`check --cache` warm, nothing changed: wall time', unit: 'ms', values: v((r) => (r.cache ? median(r.cache.warmMs) : NaN)) },
    { figure: '`check --cache` warm, one edit: wall time', unit: 'ms', values: v((r) => (r.cache ? median(r.cache.editMs) : NaN)) },
    { figure: '`check --cache` cold ÷ floor', unit: '×', digits: 1, values: v((r) => (r.cache ? median(r.cache.coldMs) / median(r.floor.wallMs) : NaN)) },
    { figure: '`check --cache` warm, nothing changed ÷ floor', unit: '×', digits: 1, values: v((r) => (r.cache ? median(r.cache.warmMs) / median(r.floor.wallMs) : NaN)) },
    { figure: '**`check --cache` warm, one edit ÷ floor**', unit: '×', digits: 1, values: v((r) => (r.cache ? median(r.cache.editMs) / median(r.floor.wallMs) : NaN)), target: { text: '≤ 1×', met: (x) => x <= 1 } },
    { figure: 'peer (ajv, same schemas): wall time', unit: 'ms', values: v((r) => median(r.peer.wallMs)) },
    { figure: 'peer: peak RSS', unit: 'MB', values: v((r) => median(r.peer.peakRssMB)) },
    { figure: '**`check` ÷ peer**', unit: '×', digits: 1, values: v((r) => median(r.cli.wallMs) / median(r.peer.wallMs)), target: { text: '< 1× (faster than the peer)', met: (x) => x < 1 } },
    { figure: '**server: initialize → all diagnostics published**', unit: 'ms', values: v((r) => median(r.initializeMs)), target: { text: '≤ 3000 ms', met: (x) => x <= 3000 } },
    { figure: 'server: documents published at startup (those with findings)', unit: 'docs', values: v((r) => r.server.initialPublishes) },
    { figure: 'edit → the map’s own diagnostics, p50', unit: 'ms', values: v((r) => percentile(edits(r).map((e) => e.mapMs), 0.5)) },
    { figure: '**edit → the map’s own diagnostics, p95**', unit: 'ms', values: v((r) => percentile(edits(r).map((e) => e.mapMs), 0.95)), target: { text: '≤ 50 ms', met: (x) => x <= 50 } },
    { figure: 'edit → every dependant republished, p50', unit: 'ms', values: v((r) => percentile(edits(r).map((e) => e.allMs), 0.5)) },
    { figure: '**edit → every dependant republished, p95**', unit: 'ms', values: v((r) => percentile(edits(r).map((e) => e.allMs), 0.95)), target: { text: '≤ 50 ms', met: (x) => x <= 50 } },
    { figure: 'dependants of the edited blocker (documents citing it)', unit: 'docs', values: v((r) => r.server.dependants) },
    { figure: 'publishDiagnostics per edit (median; only changed documents are sent)', unit: 'docs', values: v((r) => median(edits(r).map((e) => e.publishes))) },
    { figure: 'documents whose diagnostics are recomputed per edit (instrumented)', unit: 'docs', values: v((r) => (r.reanalysis ? median(r.reanalysis.diagnosticsPerEdit) : NaN)) },
    { figure: 'documents re-parsed per edit (instrumented)', unit: 'docs', values: v((r) => (r.reanalysis ? median(r.reanalysis.parsesPerEdit) : NaN)) },
    { figure: 'hover on a blocker ID, p50', unit: 'ms', digits: 2, values: v((r) => percentile(r.server.hoverMs, 0.5)) },
    { figure: '**hover on a blocker ID, p95**', unit: 'ms', digits: 2, values: v((r) => percentile(r.server.hoverMs, 0.95)), target: { text: '≤ 10 ms', met: (x) => x <= 10 } },
    { figure: 'definition of a blocker ID, p50', unit: 'ms', digits: 2, values: v((r) => percentile(r.server.definitionMs, 0.5)) },
    { figure: '**definition of a blocker ID, p95**', unit: 'ms', digits: 2, values: v((r) => percentile(r.server.definitionMs, 0.95)), target: { text: '≤ 10 ms', met: (x) => x <= 10 } },
    { figure: '**server RSS after indexing**', unit: 'MB', values: v(mem((r) => r.server.memoryAfterIndexing)), target: { text: '≤ 500 MB', met: (x) => x <= 500 } },
    { figure: 'server RSS after the measured edits', unit: 'MB', values: v(mem((r) => r.server.memoryAfterLatencyEdits)) },
    { figure: '**server RSS after all edits**', unit: 'MB', values: v(mem((r) => r.server.memoryAfterAllEdits)), target: { text: '≤ 500 MB', met: (x) => x <= 500 } },
    {
      figure: '**server RSS growth across the edits** (after all edits ÷ after indexing)',
      unit: '×',
      digits: 2,
      values: v((r) => r.server.memoryAfterAllEdits.rssMB / r.server.memoryAfterIndexing.rssMB),
      target: { text: 'flat (≤ 1.10×)', met: (x) => x <= 1.1 },
    },
    { figure: 'server peak RSS (VmHWM)', unit: 'MB', values: v((r) => r.server.memoryAfterAllEdits.hwmMB), bound: under2GB },
  ];
}

function format(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return 'n/a';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function table(results: SizeResult[]): string {
  const sizes = results.map((r) => r.docs);
  const largest = sizes.reduce((max, n) => Math.max(max, n), -Infinity);
  // One growth column per step between sizes (10,000/1,000, then 100,000/10,000), set beside the step in size.
  const steps = sizes.slice(1).map((s, i) => ({ from: i, to: i + 1, label: `${s.toLocaleString('en-US')}/${sizes[i]?.toLocaleString('en-US')}` }));
  const targetSize = sizes.includes(10_000) ? 10_000 : largest;
  // Issue 15's column, when the largest size is beyond the one issue 6's targets were set for.
  const last = largest > targetSize ? steps[steps.length - 1] : undefined;
  const header = [
    '| figure | unit |',
    ...sizes.map((s) => ` ${s.toLocaleString('en-US')} docs |`),
    ...steps.map((step) => ` growth ${step.label} |`),
    ` target (at ${targetSize.toLocaleString('en-US')} docs) |`,
    ...(last ? [` at ${largest.toLocaleString('en-US')}: linear from ${sizes[last.from]?.toLocaleString('en-US')}, memory |`] : []),
  ].join('');
  const rule = `|---|---|${sizes.map(() => '---:|').join('')}${steps.map(() => '---:|').join('')}---|${last ? '---|' : ''}`;
  const verdict = (met: boolean | undefined) => (met === undefined ? 'n/a' : met ? '**met**' : '**missed**');
  const at = (row: Row, size: number) => row.values[sizes.indexOf(size)] ?? NaN;
  const body = rows(results).map((row) => {
    const atTarget = at(row, targetSize);
    const target = row.target ? `${row.target.text}: ${verdict(Number.isFinite(atTarget) ? row.target.met(atTarget) : undefined)}` : '';
    const growth = steps.map((step) => ` ${format((row.values[step.to] ?? NaN) / (row.values[step.from] ?? NaN), 1)}× |`).join('');
    let scale = '';
    if (last) {
      // Only amounts scale; a ratio (×) or a count that should stay put has no "linear" to meet.
      const lastGrowth = (row.values[last.to] ?? NaN) / (row.values[last.from] ?? NaN);
      const ratio = (sizes[last.to] ?? NaN) / (sizes[last.from] ?? NaN);
      const linear = row.unit === 'ms' || row.unit === 'MB' ? `linear: ${verdict(Number.isFinite(lastGrowth) ? lastGrowth <= ratio : undefined)}` : '';
      const bound = row.bound ? `${row.bound.text}: ${verdict(Number.isFinite(at(row, largest)) ? row.bound.met(at(row, largest)) : undefined)}` : '';
      scale = ` ${[linear, bound].filter(Boolean).join('; ')} |`;
    }
    return `| ${row.figure} | ${row.unit} |${row.values.map((x) => ` ${format(x, row.digits)} |`).join('')}${growth} ${target} |${scale}`;
  });
  return [header, rule, ...body].join('\n');
}

function machine(): { cpu: string; cores: number; node: string; os: string; memoryGB: number } {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() is the answer.
  }
  return { cpu, cores: os.availableParallelism(), node: process.version, os: `${os.type()} ${os.release()}`, memoryGB: Math.round(os.totalmem() / 2 ** 30) };
}

type Machine = ReturnType<typeof machine>;

/** The Markdown report: the machine, what was run, the table. */
function report(m: Machine, results: SizeResult[]): string {
  const how = (r: SizeResult) =>
    `${r.docs.toLocaleString('en-US')} docs: ${r.settings.runs} fresh process(es) per process figure and per server startup (median); ` +
    `${r.settings.latencyEdits} measured edits, ${r.settings.edits} edits in all (bursts of ${r.settings.burst}), ${r.settings.requests} hovers and ${r.settings.requests} definitions, ` +
    `${r.settings.countEdits} instrumented edits, server old space ${r.settings.serverCapMB === undefined ? 'uncapped' : `capped at ${r.settings.serverCapMB} MB`}`;
  return [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.os}.`,
    `Workspaces (seed ${results[0]?.seed}): ${results.map((r) => `${r.docs.toLocaleString('en-US')} docs = ${r.manifest.packets} packets × 6 + ${r.manifest.notes} notes, ${r.manifest.defects} planted defects`).join('; ')}.`,
    `Runs: ${results.map(how).join('; ')}.`,
    '',
    table(results),
    '',
    ...results.filter((r) => r.cache && !r.cache.identical).map((r) => `Note: at ${r.docs} docs a cached check printed something else than the uncached one.`),
    ...results.filter((r) => !r.cli.findingsMatchDefects).map((r) => `Note: at ${r.docs} docs check reported ${r.cli.findings} findings in ${r.cli.files} files; ${r.manifest.defects} defects were planted.`),
  ].join('\n');
}

interface SizeFile {
  machine: Machine;
  result: SizeResult;
}

async function main(): Promise<void> {
  const o = options();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });

  let m = machine();
  const results: SizeResult[] = [];
  if (o.combine.length > 0) {
    // Sizes measured in separate runs (a 10,000-document run takes over an hour): one table.
    for (const file of o.combine) {
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as SizeFile;
      m = saved.machine;
      results.push(saved.result);
    }
    results.sort((a, b) => a.docs - b.docs);
  } else {
    for (const file of [CLI, SERVER]) if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run npm run build first`);
    const profileDir = o.profile ? path.join(resultsDir, 'profiles', stamp) : undefined;
    console.error(`Governance Lens benchmark: ${m.cpu}, ${m.cores} cores, Node ${m.node}; sizes ${o.sizes.join(', ')}; ${o.runs} run(s) per process figure`);
    for (const docs of o.sizes) {
      const result = await measureSize(docs, o, profileDir);
      results.push(result);
      // Each size is saved as soon as it is measured; --combine makes one table from several.
      const file = path.join(resultsDir, `${stamp}-${docs}.json`);
      fs.writeFileSync(file, `${JSON.stringify({ machine: m, result } satisfies SizeFile, null, 2)}\n`);
      console.error(`  saved ${path.relative(repoRoot, file)}`);
      if (profileDir && result.profiles) {
        const summaries = result.profiles.map((f) => formatSummary(summarise(f, 25)));
        fs.writeFileSync(path.join(profileDir, `summary-${docs}.md`), `${summaries.join('\n\n')}\n`);
        console.error(`  profiles: ${path.relative(repoRoot, profileDir)} (summary-${docs}.md)`);
      }
    }
  }

  const markdown = report(m, results);
  console.log(markdown);
  const base = path.join(resultsDir, `${stamp}-${results.map((r) => r.docs).join('-')}`);
  fs.writeFileSync(`${base}.md`, `${markdown}\n`);
  console.error(`\nTable: ${path.relative(repoRoot, base)}.md`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
