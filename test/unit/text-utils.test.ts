/** LineIndex (offsets ↔ LSP positions) and the "did you mean" helpers. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { closest, editDistance } from '../../server/src/core/text/closest';

describe('LineIndex', () => {
  test('\\n line breaks', () => {
    const lines = new LineIndex('ab\ncd\n');
    assert.equal(lines.lineCount, 3);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 }, 'the break itself is the end of its line');
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(lines.positionAt(6), { line: 2, character: 0 });
  });

  test('\\r\\n is one line break', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.equal(lines.lineCount, 2);
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(5), { line: 1, character: 1 });
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 });
  });

  test('a lone \\r is a line break, and \\n\\r is two', () => {
    const lines = new LineIndex('a\rb\n\rc');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(4), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(5), { line: 3, character: 0 });
  });

  test('characters are UTF-16 code units: a surrogate pair counts 2', () => {
    const text = 'x😀y\n😀z';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(text.indexOf('y')), { line: 0, character: 3 });
    assert.deepEqual(lines.positionAt(text.indexOf('z')), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 1, character: 2 }), text.indexOf('z'));
  });

  test('offsets before the start or past the end clamp', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.deepEqual(new LineIndex('').positionAt(3), { line: 0, character: 0 });
  });

  test('offsetAt is the inverse of positionAt', () => {
    const text = 'first\r\nsecond\nthird\rlast';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a \r\n: no position of its own
      assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
    }
  });

  test('offsetAt: a character past the line length is the end of the line, before its break (LSP)', () => {
    const lines = new LineIndex('ab\r\ncd\nef\rgh');
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 1, character: 99 }), 6);
    assert.equal(lines.offsetAt({ line: 2, character: 99 }), 9);
    assert.equal(lines.offsetAt({ line: 3, character: 99 }), 12);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 12, 'a line past the end is the end');
    assert.equal(lines.offsetAt({ line: 1, character: -3 }), 4);
  });

  test('range converts both ends', () => {
    const lines = new LineIndex('one\ntwo three');
    assert.deepEqual(lines.range(8, 13), { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } });
  });

  test('many lines: positions found by search stay exact', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 1000);
    assert.deepEqual(lines.positionAt(text.indexOf('line 617') + 5), { line: 617, character: 5 });
  });
});

describe('editDistance', () => {
  test('classic distances', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('same', 'same'), 0);
    assert.equal(editDistance('FIX7-P0-PLAN-SURFACE-1', 'FIX7-P0-PLAN-SURFACE-2'), 1);
    assert.equal(editDistance('ab', 'ba'), 2, 'a swap is two edits');
  });

  test('bounded: anything beyond max comes back as max + 1; within it, exact', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('a', 'abcdefgh', 3), 4, 'the length difference alone exceeds max');
    assert.equal(editDistance('kitten', 'sitting', 3), 3);
    assert.equal(editDistance('kitten', 'sitting', 2), 3);
  });
});

describe('closest', () => {
  test('the nearest typo wins', () => {
    const defined = ['FIX7-P0-PROD-BIRTH-SURFACE-1', 'FIX7-P0-PLAN-SURFACE-1', 'FIX7-P0-PLAN-REALRUN-1'];
    assert.equal(closest('FIX7-P0-PLAN-SURFACE-2', defined), 'FIX7-P0-PLAN-SURFACE-1');
    assert.equal(closest('FIX7-P0-PROD-BIRTH-SURFAC-1', defined), 'FIX7-P0-PROD-BIRTH-SURFACE-1');
  });

  test('a nearer candidate later in the list still wins', () => {
    assert.equal(closest('mutation-inventory.json', ['mutation-inventry.jsn', 'mutation-inventory.jsn']), 'mutation-inventory.jsn');
  });

  test('ties are broken alphabetically, whatever the order', () => {
    assert.equal(closest('PC-5', ['PC-7', 'PC-6']), 'PC-6');
    assert.equal(closest('PC-5', ['PC-6', 'PC-7']), 'PC-6');
  });

  test('nothing when too far, or no candidates', () => {
    assert.equal(closest('FIX7-P0-PLAN-SURFACE-1', ['TOTALLY-DIFFERENT-ID']), undefined);
    assert.equal(closest('abc', ['xyz']), undefined, 'short words allow at most 2 edits');
    assert.equal(closest('abc', []), undefined);
  });

  test('the allowance grows with the word: a quarter of its length, at least 2', () => {
    assert.equal(closest('abcd', ['abxy']), 'abxy');
    assert.equal(closest('abcd', ['axyz']), undefined);
    const word = 'ABCDEFGHIJKLMNOP'; // 16 characters: 4 edits allowed
    assert.equal(closest(word, ['ABCDEFGHIJKLWXYZ']), 'ABCDEFGHIJKLWXYZ');
    assert.equal(closest(word, ['ABCDEFGHIJKVWXYZ']), undefined);
  });

  test('accepts any iterable', () => {
    assert.equal(closest('TKT', new Set(['TKX', 'ZZZZZZ']).values()), 'TKX');
  });
});
