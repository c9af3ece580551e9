import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rememberingDetector } from '../../server/src/core/facts/claimMemo';
import { createGrantDetector, type GrantDetector } from '../../server/src/core/grants/detector';

function counting(): { detector: GrantDetector; calls: () => number } {
  const inner = createGrantDetector();
  let n = 0;
  const detector = Object.assign((text: string) => (n++, inner(text)), { mentions: inner.mentions, hedgesList: inner.hedgesList });
  return { detector, calls: () => n };
}

test('a repeated text is answered from memory with the claims the detector gave', () => {
  const { detector, calls } = counting();
  const remembering = rememberingDetector(detector);
  const text = 'The owner approved the cutover on 11-30.';
  const first = remembering(text);
  assert.equal(first.length, 1);
  assert.deepEqual(remembering(text), first);
  assert.deepEqual(remembering('Nothing to see here.'), []);
  assert.deepEqual(remembering('Nothing to see here.'), []);
  assert.equal(calls(), 2);
});

test('the memory is bounded: past its entries it starts again, and answers stay right', () => {
  const { detector, calls } = counting();
  const remembering = rememberingDetector(detector, 2, 1_000);
  const texts = ['The cutover was approved.', 'REAL_RUN is pending.', 'The repoint ran on prod.'];
  for (const t of texts) remembering(t);
  assert.equal(calls(), 3);
  // The third text emptied the memory and is its one entry; the first must be asked again.
  remembering(texts[2]!);
  assert.equal(calls(), 3);
  assert.equal(remembering(texts[0]!).length, 1);
  assert.equal(calls(), 4);
});
