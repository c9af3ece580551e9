/**
 * Precision, recall, F1 and throughput of the production-grant detector on the labelled
 * sentence sets: `npm run bench:grants` (node --import tsx scripts/bench-grants.ts). Each
 * sentence is also read without the prefilter: the claims must be the same (else exit 1).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGrantDetector, detectGrantClaims } from '../server/src/core/grants/detector';

interface Row {
  readonly text: string;
  readonly grant: boolean;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sets: [string, string][] = [
  ['dev', path.resolve(repoRoot, '../shared/corpus/grant-sentences.dev.jsonl')],
  ['held-out', path.resolve(repoRoot, 'test/fixtures/grant-sentences.heldout.jsonl')],
];
const unfiltered = createGrantDetector(undefined, { prefilter: false });
// Enough passes that timer resolution and JIT warm-up do not dominate the rate.
const MIN_SENTENCES = 200_000;

function load(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
}

let failed = false;
for (const [name, file] of sets) {
  if (!existsSync(file)) {
    console.error(`${name}: ${file} not found`);
    failed = true;
    continue;
  }
  const rows = load(file);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let different = 0;
  for (const r of rows) {
    const claims = detectGrantClaims(r.text);
    if (JSON.stringify(claims) !== JSON.stringify(unfiltered(r.text))) {
      different++;
      console.error(`${name}: the prefilter changes the claims of ${JSON.stringify(r.text)}`);
    }
    const predicted = claims.length > 0;
    if (predicted && r.grant) tp++;
    else if (predicted) fp++;
    else if (r.grant) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  for (const r of rows) detectGrantClaims(r.text); // warm-up
  const passes = Math.max(1, Math.ceil(MIN_SENTENCES / rows.length));
  const t0 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) for (const r of rows) detectGrantClaims(r.text);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rate = (passes * rows.length) / seconds;

  console.log(
    `${name.padEnd(9)} n=${String(rows.length).padStart(4)}  TP=${tp} FP=${fp} FN=${fn} TN=${tn}  ` +
      `P=${precision.toFixed(3)} R=${recall.toFixed(3)} F1=${f1.toFixed(3)}  ` +
      `${Math.round(rate).toLocaleString('en-US')} sentences/s (${passes} passes)  ` +
      `same claims without the prefilter: ${different === 0 ? 'yes' : `NO (${different})`}`,
  );
  if (different > 0) failed = true;
}
if (failed) process.exitCode = 1;
