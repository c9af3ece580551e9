/**
 * Trains the grant detector's learned reading and writes `server/src/core/grants/reading-model.json`
 * (how: `tools/readingTraining.ts`): `npm run train:grants [-- --threshold T] [--cv] [--check]`.
 *
 * `--check` retrains and fails when the committed model differs (the model cannot drift from
 * its data). `--cv` estimates what the reading adds on text it has not seen: each blind round
 * in turn is left out of training and scored, beside the rules alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGrantDetector } from '../server/src/core/grants/detector';
import { projectCorpora, scoreSentences, type CorpusSet } from '../tools/grantCorpus';
import { examplesOf, MODEL_FILE, SHIPPED_THRESHOLD, train, trainedModelText } from '../tools/readingTraining';

function crossValidate(sets: readonly CorpusSet[], thresholds: readonly number[]): void {
  const rules = createGrantDetector(undefined, { reading: null });
  for (const threshold of thresholds) {
    let tp = 0, fp = 0, fn = 0, rtp = 0, rfp = 0, rfn = 0;
    const per: string[] = [];
    for (const held of sets.filter((s) => s.name.startsWith('blind-') && s.sentences)) {
      const model = train(examplesOf(sets.filter((s) => s !== held)), threshold);
      const withReading = scoreSentences(held.sentences!, createGrantDetector(undefined, { reading: model }));
      const alone = scoreSentences(held.sentences!, rules);
      tp += withReading.tp; fp += withReading.fp; fn += withReading.fn;
      rtp += alone.tp; rfp += alone.fp; rfn += alone.fn;
      per.push(`${held.name.replace(/^blind-/, '')} ${withReading.precision.toFixed(3)}/${withReading.recall.toFixed(3)} (rules ${alone.precision.toFixed(3)}/${alone.recall.toFixed(3)})`);
    }
    const f = (a: number, b: number) => (a + b === 0 ? 1 : a / (a + b)).toFixed(3);
    console.log(`threshold ${threshold}: with reading P=${f(tp, fp)} R=${f(tp, fn)}; rules alone P=${f(rtp, rfp)} R=${f(rtp, rfn)}`);
    for (const p of per) console.log(`    ${p}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--threshold');
  const threshold = at >= 0 ? Number(args[at + 1]) : SHIPPED_THRESHOLD;
  if (!(threshold > 0 && threshold < 1)) {
    console.error(`--threshold takes a number between 0 and 1, got ${JSON.stringify(args[at + 1])}`);
    process.exit(2);
  }
  const sets = projectCorpora();
  if (args.includes('--cv')) {
    crossValidate(sets, at >= 0 ? [threshold] : [0.8, 0.9, 0.95, 0.97]);
    return;
  }
  const text = trainedModelText(sets, threshold);
  if (args.includes('--check')) {
    const committed = readFileSync(MODEL_FILE, 'utf8');
    if (committed !== text) {
      console.error(`${path.relative(process.cwd(), MODEL_FILE)} is not what the corpora train: run npm run train:grants`);
      process.exit(1);
    }
    console.log('reading model matches its corpora');
    return;
  }
  writeFileSync(MODEL_FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), MODEL_FILE)}: ${Object.keys(JSON.parse(text).weights).length} weights, threshold ${threshold}`);
}

main();
