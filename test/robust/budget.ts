/**
 * How hard the robustness tests push. `npm test` runs a fixed seed and a few thousand cases
 * in all, so a failure reproduces; `npm run fuzz` (scripts/fuzz.ts) sets GOVLENS_FUZZ_SCALE
 * and a fresh seed and prints it, and turns on the coarse growth-ratio checks.
 */
import * as fs from 'node:fs';
import fc from 'fast-check';

/** Multiplies every property's case count; 1 in `npm test`. */
export const scale = Math.max(1, Number(process.env['GOVLENS_FUZZ_SCALE'] ?? '1') || 1);

/** The seed of every property run; fixed in `npm test` so a failure reproduces exactly. */
export const seed = process.env['GOVLENS_FUZZ_SEED'] !== undefined ? Number(process.env['GOVLENS_FUZZ_SEED']) : 20260612;

/** True under `npm run fuzz`: the long run, where timing ratios are measured and asserted. */
export const longRun = process.env['GOVLENS_FUZZ'] === '1';

/** fast-check parameters for a property that runs `runs` cases in `npm test`. */
export function params<T>(runs: number): fc.Parameters<T> {
  return { numRuns: runs * scale, seed, endOnFailure: false, verbose: 0 };
}

/** One row of the table `npm run fuzz` prints (TESTING.md): what was tried and what came of it. */
export interface Row {
  input: string;
  cases: number;
  /** Cases that threw, broke an invariant or timed out. */
  crashes: number;
  readsOutside?: number;
  writes?: number;
}

/** Adds a row to the run's report when `npm run fuzz` asked for one (GOVLENS_FUZZ_REPORT names a JSON-lines file). */
export function record(row: Row): void {
  const file = process.env['GOVLENS_FUZZ_REPORT'];
  if (file) fs.appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** fc.assert that also records how many cases ran and whether one failed. */
export function holds<T>(input: string, property: fc.IProperty<T>, runs: number): void {
  const details = fc.check(property, params<T>(runs));
  record({ input, cases: details.numRuns, crashes: details.failed ? 1 : 0 });
  if (!details.failed) return;
  const error = details.errorInstance;
  const cause = error instanceof Error ? (error.stack ?? error.message) : String(error);
  throw new Error(`${fc.defaultReportMessage(details) ?? `${input}: property failed`}\n\nThe failure: ${cause}`);
}
