/**
 * How the grant detector's learned readings (`server/src/core/grants/reading.ts`, the cued and
 * the implicit one, `readingInput.ts`) are trained, for `npm run train:grants` and the test
 * that holds the shipped models to their corpora.
 *
 * Plain logistic regression by stochastic gradient descent in corpus order, with fixed epochs
 * and rounding, so the same corpora give the same file byte for byte. The examples are every
 * labelled sentence, every prose line of the labelled notes, and every prose line of the
 * documents known to be clean (the seeds and the example KB).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readingFeatures } from '../server/src/core/grants/readingFeatures';
import type { ReadingModel } from '../server/src/core/grants/reading';
import type { Readings } from '../server/src/core/grants/readingInput';
import type { CorpusSet } from './grantCorpus';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export type Which = keyof Readings;
export const MODEL_FILES: Readonly<Record<Which, string>> = {
  cued: path.join(ROOT, 'server/src/core/grants/reading-model.json'),
  implicit: path.join(ROOT, 'server/src/core/grants/implicit-reading-model.json'),
};
const SEEDS = path.join(ROOT, 'test/fixtures/seeds');
const EXAMPLE_KB = path.join(ROOT, 'examples/kb');
/**
 * Chosen by `npm run train:grants -- --cv` (leave-one-blind-round-out): the cued reading's on
 * 2026-12-01, the implicit one's on 2026-12-02 (at 0.8 it added 17 true claims and 1 false one
 * over rounds 1-14; at 0.95, 10 and 1).
 */
export const SHIPPED_THRESHOLDS: Readonly<Record<Which, number>> = { cued: 0.8, implicit: 0.8 };
const EPOCHS = 40;
const RATE = 0.2;
const L2 = 1e-3;
// Weights smaller than this change no probability that matters and only grow the file.
const KEEP = 0.05;

interface Example {
  readonly features: readonly string[];
  readonly grant: boolean;
}

/** A note's lines as examples, labelled by its truth; fenced blocks hold no claim, so they are left out (the detector blanks code spans itself). */
function noteLines(set: CorpusSet): { text: string; grant: boolean }[] {
  const out: { text: string; grant: boolean }[] = [];
  for (const note of set.notes ?? []) {
    const claimLines = new Set(note.truth.map((t) => t.line));
    let fenced = false;
    note.text.split('\n').forEach((line, i) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return;
      }
      if (!fenced) out.push({ text: line, grant: claimLines.has(i + 1) });
    });
  }
  return out;
}

/**
 * Documents known to hold no claim, every prose line a negative: the seeds and the example KB's
 * notes, whose heavily negated owner style the evaluators' sets hold little of.
 */
function cleanDocuments(): CorpusSet {
  const files = [
    ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => path.join(SEEDS, f)),
    ...listMarkdown(EXAMPLE_KB),
  ].sort();
  return { name: 'clean', notes: files.map((f) => ({ name: path.relative(ROOT, f), text: readFileSync(f, 'utf8'), truth: [] })) };
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listMarkdown(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : [],
  );
}

export function examplesOf(sets: readonly CorpusSet[], which: Which = 'cued'): Example[] {
  const out: Example[] = [];
  for (const set of [...sets, cleanDocuments()]) {
    for (const r of [...(set.sentences ?? []), ...noteLines(set)]) {
      const features = readingFeatures(r.text, which);
      if (features) out.push({ features, grant: r.grant });
    }
  }
  return out;
}

export function train(examples: readonly Example[], threshold: number): ReadingModel {
  const w = new Map<string, number>();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const x of examples) {
      let z = 0;
      for (const f of x.features) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - (x.grant ? 1 : 0);
      for (const f of x.features) {
        const v = w.get(f) ?? 0;
        w.set(f, v - RATE * (g + L2 * v));
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const r = Math.round(v * 1000) / 1000;
    if (Math.abs(r) >= KEEP) weights[f] = r;
  }
  return { version: 1, threshold, weights };
}

/** One weight a line, so a retrained model's diff reads as the weights that moved. */
export function serialize(model: ReadingModel): string {
  const lines = Object.entries(model.weights).map(([f, v]) => `    ${JSON.stringify(f)}: ${v}`);
  return `{\n  "version": ${model.version},\n  "threshold": ${model.threshold},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** The model file the project's corpora train for one reading, at its shipped threshold. */
export function trainedModelText(sets: readonly CorpusSet[], which: Which, threshold = SHIPPED_THRESHOLDS[which]): string {
  return serialize(train(examplesOf(sets, which), threshold));
}
