/**
 * `npm run fuzz`: the long robustness run. The same tests as `npm test`'s robustness layer
 * (test/robust, test/protocol/resilience*), with many times the cases, a fresh seed, the
 * pathological inputs at full size with their growth ratio asserted, and more random
 * protocol traffic; then the table of TESTING.md, from what the tests recorded.
 *
 *   npm run fuzz                       # scale 20, a random seed (printed)
 *   npm run fuzz -- --scale 100 --seed 42
 *
 * A failure prints fast-check's seed and path: rerun with that --seed to reproduce it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const scale = option('scale', '20');
const seed = option('seed', String(Date.now() % 2 ** 31));
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-fuzz-'));
const report = path.join(reportDir, 'rows.jsonl');
const files = [
  ...fs.readdirSync(path.join(repo, 'test/robust')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/robust/${f}`),
  ...fs.readdirSync(path.join(repo, 'test/protocol')).filter((f) => /^resilience.*\.test\.ts$/.test(f)).map((f) => `test/protocol/${f}`),
];

process.stdout.write(`govlens fuzz: scale ${scale}, seed ${seed}\n${files.map((f) => `  ${f}`).join('\n')}\n\n`);
const started = Date.now();
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  cwd: repo,
  stdio: 'inherit',
  env: { ...process.env, GOVLENS_FUZZ: '1', GOVLENS_FUZZ_SCALE: scale, GOVLENS_FUZZ_SEED: seed, GOVLENS_FUZZ_REPORT: report },
});

interface Row {
  input: string;
  cases: number;
  crashes: number;
  readsOutside?: number;
  writes?: number;
}
const rows: Row[] = fs.existsSync(report)
  ? fs
      .readFileSync(report, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row)
  : [];
const merged = new Map<string, Row>();
for (const row of rows) {
  const known = merged.get(row.input);
  if (!known) merged.set(row.input, { ...row });
  else {
    known.cases += row.cases;
    known.crashes += row.crashes;
    if (row.readsOutside !== undefined) known.readsOutside = (known.readsOutside ?? 0) + row.readsOutside;
    if (row.writes !== undefined) known.writes = (known.writes ?? 0) + row.writes;
  }
}
const cell = (n: number | undefined) => (n === undefined ? '–' : String(n));
const lines = ['| input | cases | crashes | reads outside | writes |', '|---|---:|---:|---:|---:|'];
for (const row of merged.values()) lines.push(`| ${row.input} | ${row.cases} | ${row.crashes} | ${cell(row.readsOutside)} | ${cell(row.writes)} |`);
const total = [...merged.values()].reduce((n, r) => n + r.cases, 0);
process.stdout.write(`\n${lines.join('\n')}\n\n${total} cases in ${Math.round((Date.now() - started) / 1000)} s; seed ${seed}, scale ${scale}.\n`);
fs.rmSync(reportDir, { recursive: true, force: true });
process.exitCode = run.status ?? 1;
