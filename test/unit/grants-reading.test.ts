import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createGrantDetector } from '../../server/src/core/grants/detector';
import type { ReadingModel } from '../../server/src/core/grants/reading';
import { projectCorpora, scoreSentences } from '../../tools/grantCorpus';
import { MODEL_FILES, trainedModelText } from '../../tools/readingTraining';

test('the shipped reading models are exactly what the project corpora train (npm run train:grants)', () => {
  const sets = projectCorpora();
  for (const which of ['cued', 'implicit'] as const) {
    assert.equal(readFileSync(MODEL_FILES[which], 'utf8'), trainedModelText(sets, which), `retrain the ${which} reading with npm run train:grants and commit the model`);
  }
});

// A model that reads every sentence it is shown as a claim: what still claims nothing is what
// the rules veto, whatever the wording weighs.
const yesToAll: ReadingModel = { version: 1, threshold: 0.5, weights: { bias: 20 } };

test('the rules keep their vetoes over both readings: negation, condition, future, request, question, non-production, ability', () => {
  const detect = createGrantDetector(undefined, { reading: yesToAll, implicitReading: yesToAll });
  const vetoed = [
    'The repoint was not approved by the owner.',
    'Nobody has signed off the cutover in production.',
    'The repoint will be approved by the owner on Friday.',
    'Cutover: APPROVED once PC-8 passes.',
    'If the owner approves, the cutover proceeds on Saturday.',
    'Please approve the production cutover.',
    'Was the repoint approved?',
    'The cutover was approved for staging only.',
    'Actor needed: owner (the only one who can grant REAL_RUN).',
    'REAL_RUN remains BLOCKED pending the owner grant.',
    'The production grant for the repoint was revoked on 11-28.',
    // No cue word: the implicit reading's sentences, under the same vetoes.
    'No production traffic reaches the new primary yet.',
    'Production traffic would reach the new primary after the cutover.',
    'Staging traffic now flows through the new gateway.',
    'Does production traffic reach the new primary?',
    'Production traffic reaches the new primary only if the owner signs.',
  ];
  assert.deepEqual(
    vetoed.filter((s) => detect(s).length > 0),
    [],
  );
});

test('where the rules read nothing, the reading claims the standing action, with its own cue class and reason', () => {
  const rulesAlone = createGrantDetector(undefined, { reading: null, implicitReading: null });
  const text = 'Not a staging drill: the 02:00 secrets rotation hit the production KMS keyring.';
  assert.deepEqual(rulesAlone(text), []);
  const [claim, ...rest] = createGrantDetector(undefined, { reading: yesToAll, implicitReading: null })(text);
  assert.equal(rest.length, 0);
  assert.equal(claim?.cueClass, 'reading');
  assert.deepEqual(claim?.actions, ['secrets-change', 'production']);
  assert.match(claim?.reason ?? '', /learned reading/);
  // The range runs from the cue the model weighs to the action: inside the sentence, never the whole paragraph.
  assert.ok(claim && text.slice(claim.start, claim.end) === claim.phrase && claim.phrase.length < text.length);
});

test('where a standing action has no cue word at all, the implicit reading claims the sentence, without its list marker', () => {
  const text = '- All 212 dispensing cabinets now report to the new controller service in production.';
  const off = createGrantDetector(undefined, { implicitReading: null });
  assert.deepEqual(off(text), []);
  const [claim, ...rest] = createGrantDetector(undefined, { implicitReading: yesToAll })(text);
  assert.equal(rest.length, 0);
  assert.equal(claim?.cueClass, 'reading');
  assert.deepEqual(claim?.actions, ['production']);
  assert.equal(claim?.phrase, 'All 212 dispensing cabinets now report to the new controller service in production');
  assert.match(claim?.reason ?? '', /no rule form or cue word matched/);
  // A sentence with an open cue word is the cued reading's alone: the implicit one never reads it.
  const cued = 'Not a staging drill: the 02:00 secrets rotation hit the production KMS keyring.';
  assert.deepEqual(createGrantDetector(undefined, { reading: null, implicitReading: yesToAll })(cued), []);
});

test('the shipped implicit reading raises recall without a false claim on the dev sets', () => {
  const sets = projectCorpora();
  const rows = sets.flatMap((s) => s.sentences ?? []);
  const off = scoreSentences(rows, createGrantDetector(undefined, { implicitReading: null }));
  const on = scoreSentences(rows, createGrantDetector());
  assert.ok(on.tp > off.tp && on.fp <= off.fp + 1, `TP ${off.tp} → ${on.tp}, FP ${off.fp} → ${on.fp}`);
});

test('the shipped reading raises recall on the labelled sentences without a false claim on the dev sets', () => {
  const sets = projectCorpora();
  const rows = sets.flatMap((s) => s.sentences ?? []);
  const alone = scoreSentences(rows, createGrantDetector(undefined, { reading: null }));
  const withReading = scoreSentences(rows, createGrantDetector());
  assert.ok(withReading.recall > alone.recall + 0.03, `recall ${alone.recall.toFixed(3)} → ${withReading.recall.toFixed(3)}`);
  assert.ok(withReading.precision >= 0.98, `precision ${withReading.precision.toFixed(3)}`);
  const dev = sets.filter((s) => !s.name.startsWith('blind-')).flatMap((s) => s.sentences ?? []);
  assert.equal(scoreSentences(dev, createGrantDetector()).fp, 0);
});
