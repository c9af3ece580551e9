/**
 * The production-grant detector before and after the issue-6 work, on what `govlens check`
 * feeds it: every prose block of every note and every string value of every packet document
 * of a generated workspace (in memory), of examples/, and the labelled sentences.
 *
 *   node --import tsx scripts/bench/grants-speed.ts [--docs 1000] [--seed 1] [--before REV] [--rounds 3]
 *
 * "Before" is the detector as committed at REV (default: the commit this work started from),
 * "after" the working tree's, both bundled by esbuild as the CLI is (tsx would add a
 * `__name` call to every closure and distort the comparison). Every input's claims must be
 * identical between before, after, and after without the prefilter; any difference is
 * printed and fails the run (exit 1). Times are CPU time, medians of alternating rounds.
 * Ten seconds or so on one core.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Node } from 'jsonc-parser';
import { parseJson, stringSegment } from '../../server/src/core/parse/json';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { generateWorkspace } from '../../tools/kbGenerator';

/** The last commit before the issue-6 detector work. */
const ISSUE_6_BASE = '35e0d06';
const GRANTS = 'server/src/core/grants';
const MIN_INPUTS_PER_ROUND = 5_000;
const repoRoot = path.resolve(__dirname, '../..');

type Claims = unknown[];
type Detector = (text: string) => Claims;
interface DetectorModule {
  createGrantDetector(options?: unknown, tuning?: { prefilter?: boolean }): Detector;
}

/** The detector inputs of one workspace, as the analyzer cuts them (noteFacts, packetFacts). */
function detectorInputs(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    if (file.split('/').some((part) => part.startsWith('.'))) continue; // not walked
    if (file.endsWith('.md')) {
      const md = parseMarkdown(text);
      for (const block of md.blocks) out.push(md.prose.slice(block.start, block.end));
    } else if (file.endsWith('.json') && file.split('/').slice(0, -1).some((part) => part.includes('packet'))) {
      const visit = (node: Node): void => {
        if (node.type === 'string') out.push(stringSegment(text, node).text);
        else if (node.type === 'property') {
          const value = node.children?.[1];
          if (value) visit(value); // keys are never read
        } else for (const child of node.children ?? []) visit(child);
      };
      const { root } = parseJson(text);
      if (root) visit(root);
    }
  }
  return out;
}

function readTree(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) readTree(full, base, out);
    else out.set(path.relative(base, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
  }
  return out;
}

function sentences(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Bundles `dir/detector.ts` (plus the prefilter when there is one) into a CommonJS module and loads it. */
async function load(dir: string, tmp: string, name: string): Promise<DetectorModule> {
  const hasPrefilter = fs.existsSync(path.join(dir, 'prefilter.ts'));
  const result = await build({
    stdin: { contents: `export * from './detector';${hasPrefilter ? "export * from './prefilter';" : ''}`, resolveDir: dir, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const file = path.join(tmp, `${name}.cjs`);
  fs.writeFileSync(file, result.outputFiles[0]?.text ?? '');
  return createRequire(__filename)(file) as DetectorModule;
}

/** The core as committed at `rev` (the grants folder imports a few of its modules), written into `tmp`; the path of its grants folder. */
function checkout(rev: string, tmp: string): string {
  const root = path.join(tmp, 'before');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  for (const file of git('ls-tree', '-r', '--name-only', rev, 'server/src/core').split('\n').filter(Boolean)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), git('show', `${rev}:${file}`));
  }
  return path.join(root, GRANTS);
}

/**
 * CPU microseconds (user + system) for `passes` passes over the inputs: CPU time rather than
 * wall time, so that being preempted on a shared machine does not count.
 */
function time(detect: Detector, inputs: readonly string[], passes: number): number {
  const t0 = process.cpuUsage();
  for (let p = 0; p < passes; p++) for (const s of inputs) detect(s);
  const { user, system } = process.cpuUsage(t0);
  return user + system;
}

/** Median time per input of each detector over `rounds` rounds after a first one, and that first round's time. */
function timeAll(detectors: readonly [string, Detector][], inputs: readonly string[], rounds: number): { perInput: number[]; first: number[] } {
  // Small sets are repeated so that a round lasts long enough to time; rounds alternate the
  // detectors, so that a busy neighbour slows them alike.
  const passes = Math.max(1, Math.ceil(MIN_INPUTS_PER_ROUND / Math.max(1, inputs.length)));
  const samples = detectors.map((): number[] => []);
  const first: number[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    detectors.forEach(([, detect], d) => {
      const us = time(detect, inputs, passes);
      if (r === 0) first.push(us / passes);
      else samples[d]?.push(us);
    });
  }
  return { perInput: samples.map((s) => median(s) / passes / Math.max(1, inputs.length)), first };
}

/** Claims of the first detector, and the inputs on which another one differs (the first ten printed). */
function compareAll(detectors: readonly [string, Detector][], inputs: readonly string[]): { claims: number; differences: number } {
  const [reference, ...others] = detectors;
  let claims = 0;
  let differences = 0;
  for (const s of inputs) {
    const expected = reference?.[1](s) ?? [];
    claims += expected.length;
    const json = JSON.stringify(expected);
    for (const [label, detect] of others) {
      if (JSON.stringify(detect(s)) === json) continue;
      if (++differences <= 10) console.error(`DIFFERENT (${label}) on ${JSON.stringify(s)}`);
    }
  }
  return { claims, differences };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      before: { type: 'string', default: ISSUE_6_BASE },
      rounds: { type: 'string', default: '3' },
    },
  });
  const rounds = Math.max(1, Number(values.rounds));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-grants-speed-'));
  try {
    const before = await load(checkout(values.before, tmp), tmp, 'before');
    const after = await load(path.join(repoRoot, GRANTS), tmp, 'after');
    const sets: [string, string[]][] = [
      [`generated ${values.docs} docs (seed ${values.seed})`, detectorInputs(generateWorkspace({ docs: Number(values.docs), seed: Number(values.seed) }).files)],
      ['examples/', detectorInputs(readTree(path.join(repoRoot, 'examples')))],
      ['labelled sentences', [...sentences(path.join(repoRoot, 'test/fixtures/corpus/grant-sentences.dev.jsonl')), ...sentences(path.join(repoRoot, 'test/fixtures/corpus/grant-sentences.heldout.jsonl'))]],
    ];
    const detectors: [string, Detector][] = [
      ['before', before.createGrantDetector()],
      ['after', after.createGrantDetector()],
      ['after, no prefilter', after.createGrantDetector(undefined, { prefilter: false })],
    ];
    let differences = 0;
    sets.forEach(([name, inputs], k) => {
      const chars = inputs.reduce((n, s) => n + s.length, 0);
      console.log(`${name}: ${inputs.length} inputs, ${(chars / Math.max(1, inputs.length)).toFixed(0)} chars on average`);
      // Timed before the comparison, so that the first set's first round is the detectors' first use.
      const { perInput, first } = timeAll(detectors, inputs, rounds);
      detectors.forEach(([label], d) => {
        const us = perInput[d] ?? NaN;
        const cold = k === 0 ? `; first pass, JIT cold: ${((first[d] ?? NaN) / 1e3).toFixed(1)} ms` : '';
        console.log(`  ${label.padEnd(20)} ${us.toFixed(2).padStart(7)} µs per input, ${((us * inputs.length) / 1e3).toFixed(1).padStart(7)} ms per pass${cold}`);
      });
      console.log(`  ratio before/after: ${((perInput[0] ?? NaN) / (perInput[1] ?? NaN)).toFixed(1)}×`);
      const compared = compareAll(detectors, inputs);
      differences += compared.differences;
      console.log(`  ${compared.claims} claims; the same from every detector on every input: ${compared.differences === 0 ? 'yes' : 'NO'}`);
    });
    if (differences > 0) {
      console.error(`${differences} inputs with different claims`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 2;
});
