/**
 * Trains the grant detector's learned readings and writes their models
 * (`server/src/core/grants/reading-model.json`, the cued reading, and
 * `implicit-reading-model.json`; how: `tools/readingTraining.ts`):
 * `npm run train:grants [-- --which cued|implicit] [--threshold T] [--cv] [--check]`.
 *
 * `--check` retrains and fails when a committed model differs (a model cannot drift from
 * its data). `--cv` estimates what a reading adds on text it has not seen: each blind round
 * in turn is left out of that reading's training and scored, beside the detector without it
 * (the other reading trained on everything, as shipped).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGrantDetector, type DetectorTuning } from '../server/src/core/grants/detector';
import type { ReadingModel } from '../server/src/core/grants/reading';
import { projectCorpora, scoreSentences, type CorpusSet } from '../tools/grantCorpus';
import { examplesOf, MODEL_FILES, SHIPPED_THRESHOLDS, train, trainedModelText, type Which } from '../tools/readingTraining';

const WHICH: readonly Which[] = ['cued', 'implicit'];

function tuningWith(which: Which, model: ReadingModel | null): DetectorTuning {
  return which === 'cued' ? { reading: model } : { implicitReading: model };
}

function crossValidate(sets: readonly CorpusSet[], which: Which, thresholds: readonly number[]): void {
  const without = createGrantDetector(undefined, tuningWith(which, null));
  for (const threshold of thresholds) {
    let tp = 0, fp = 0, fn = 0, rtp = 0, rfp = 0, rfn = 0;
    const per: string[] = [];
    for (const held of sets.filter((s) => s.name.startsWith('blind-') && s.sentences)) {
      const model = train(examplesOf(sets.filter((s) => s !== held), which), threshold);
      const withReading = scoreSentences(held.sentences!, createGrantDetector(undefined, tuningWith(which, model)));
      const alone = scoreSentences(held.sentences!, without);
      tp += withReading.tp; fp += withReading.fp; fn += withReading.fn;
      rtp += alone.tp; rfp += alone.fp; rfn += alone.fn;
      per.push(`${held.name.replace(/^blind-/, '')} ${withReading.precision.toFixed(3)}/${withReading.recall.toFixed(3)} (without ${alone.precision.toFixed(3)}/${alone.recall.toFixed(3)})`);
    }
    const f = (a: number, b: number) => (a + b === 0 ? 1 : a / (a + b)).toFixed(3);
    console.log(`${which} reading, threshold ${threshold}: with it P=${f(tp, fp)} R=${f(tp, fn)} (TP ${tp}, FP ${fp}); without it P=${f(rtp, rfp)} R=${f(rtp, rfn)} (TP ${rtp}, FP ${rfp})`);
    for (const p of per) console.log(`    ${p}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const only = value('--which');
  if (only !== undefined && !WHICH.includes(only as Which)) {
    console.error(`--which takes cued or implicit, got ${JSON.stringify(only)}`);
    process.exit(2);
  }
  const chosen = only === undefined ? WHICH : [only as Which];
  const given = value('--threshold');
  const threshold = given === undefined ? undefined : Number(given);
  if (threshold !== undefined && !(threshold > 0 && threshold < 1)) {
    console.error(`--threshold takes a number between 0 and 1, got ${JSON.stringify(given)}`);
    process.exit(2);
  }
  const sets = projectCorpora();
  if (args.includes('--cv')) {
    for (const which of chosen) crossValidate(sets, which, threshold !== undefined ? [threshold] : [0.8, 0.9, 0.95, 0.97]);
    return;
  }
  let stale = false;
  for (const which of chosen) {
    const file = MODEL_FILES[which];
    const text = trainedModelText(sets, which, threshold ?? SHIPPED_THRESHOLDS[which]);
    const name = path.relative(process.cwd(), file);
    if (args.includes('--check')) {
      if (readFileSync(file, 'utf8') !== text) {
        console.error(`${name} is not what the corpora train: run npm run train:grants`);
        stale = true;
      } else console.log(`${name} matches its corpora`);
      continue;
    }
    writeFileSync(file, text);
    console.log(`wrote ${name}: ${Object.keys(JSON.parse(text).weights).length} weights, threshold ${threshold ?? SHIPPED_THRESHOLDS[which]}`);
  }
  if (stale) process.exit(1);
}

main();
