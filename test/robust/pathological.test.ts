/**
 * The pathological inputs of issue 7. In `npm test` each runs once at its size and must
 * complete with a sane result (no exception, every range inside its document); no timing is
 * asserted there. Under `npm run fuzz` each also runs at an eighth of its size, and the time
 * at the full size must stay within a coarse multiple of eight times that (linear growth; a
 * quadratic scan would be about 64 times).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { longRun, record } from './budget';
import { analyse, observedProblems } from './invariants';
import { knownIssueAt, pathological, testedSize } from './pathological';

/** Linear is 8× for 8× the input; allow for noise, GC and caches, not for a quadratic (64×). */
const MAX_GROWTH = 24;

function run(files: Record<string, string>): { ms: number; problems: string[]; diagnostics: number } {
  const started = performance.now();
  const { analyzer, observed } = analyse(files);
  const ms = performance.now() - started;
  return { ms, problems: observedProblems(analyzer, observed), diagnostics: observed.results.reduce((n, r) => n + r.diagnostics.length, 0) };
}

/** The fastest of a few runs: one slow run is noise, every run slow is the code. */
function fastest(files: Record<string, string>, rounds: number): number {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) best = Math.min(best, run(files).ms);
  return best;
}

describe('pathological inputs complete with a sane result', () => {
  for (const p of pathological) {
    const size = testedSize(p, longRun);
    const issue = knownIssueAt(p, size);
    if (issue) {
      // A bug in a module this suite does not own (see TESTING.md): runs at the size that shows it, reported as TODO until fixed.
      const at = longRun ? issue.size : issue.quick;
      test(`${p.name} [known issue, at ${at}]`, { todo: `${issue.where}: ${issue.what}` }, () => check(p.name, p.build, at));
      continue;
    }
    test(`${p.name}${size === p.size ? '' : ` (at ${size} in npm test; ${p.size} in npm run fuzz)`}`, () => check(p.name, p.build, size));
  }
});

function check(name: string, build: (n: number) => Record<string, string>, size: number): void {
  let crashed = 1;
  try {
    const result = run(build(size));
    assert.deepEqual(result.problems, []);
    if (longRun) {
      const small = fastest(build(Math.max(1, Math.round(size / 8))), 3);
      const large = Math.min(result.ms, fastest(build(size), 1));
      const growth = large / Math.max(small, 1);
      process.stdout.write(`# growth ${name}: ${small.toFixed(0)} ms at n/8, ${large.toFixed(0)} ms at n = ${size} (×${growth.toFixed(1)})\n`);
      // Under 100 ms at full size nothing is catastrophic, and the ratio of two tiny times is noise.
      if (large >= 100) assert.ok(growth <= MAX_GROWTH, `${name}: ${small.toFixed(0)} ms at n/8, ${large.toFixed(0)} ms at n: ×${growth.toFixed(1)} for ×8 input is not linear`);
    }
    crashed = 0;
  } finally {
    record({ input: `pathological: ${name} at ${size}`, cases: 1, crashes: crashed });
  }
}
