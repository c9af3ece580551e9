import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, editDistance } from '../../server/src/core/text/closest';
import { NearestIndex } from '../../server/src/core/text/nearest';

/** The textbook table, unbounded: the oracle for the banded version. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = 'ABCDEFG-0123';

function word(next: () => number, length: number): string {
  let w = '';
  for (let i = 0; i < length; i++) w += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return w;
}

function mutate(next: () => number, w: string, edits: number): string {
  let out = w;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const op = Math.floor(next() * 3);
    const c = ALPHABET[Math.floor(next() * ALPHABET.length)] ?? 'A';
    if (op === 0) out = out.slice(0, at) + c + out.slice(at);
    else if (op === 1) out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + c + out.slice(at + 1);
  }
  return out;
}

test('the banded edit distance is exact within its bound and above it beyond', () => {
  const next = random(7);
  for (let n = 0; n < 4000; n++) {
    const a = word(next, Math.floor(next() * 30));
    const b = next() < 0.5 ? mutate(next, a, Math.floor(next() * 8)) : word(next, Math.floor(next() * 30));
    const exact = levenshtein(a, b);
    assert.equal(editDistance(a, b), exact, `${a} ${b}`);
    const max = Math.floor(next() * 9);
    const bounded = editDistance(a, b, max);
    if (exact <= max) assert.equal(bounded, exact, `${a} ${b} ≤ ${max}`);
    else assert.ok(bounded > max, `${a} ${b}: ${bounded} should exceed ${max}`);
  }
});

test('the bigram index gives the answers of closest() while words come and go', () => {
  const next = random(11);
  const base = Array.from({ length: 400 }, () => word(next, 4 + Math.floor(next() * 24)));
  const live = new Set(base);
  const index = new NearestIndex(live);
  const queries = Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? word(next, 3 + Math.floor(next() * 26)) : mutate(next, base[i] ?? '', 1 + Math.floor(next() * 5))));
  const check = () => {
    for (const q of queries.slice(0, 40)) assert.equal(index.nearest(q), closest(q, live), q);
  };
  check();
  for (let round = 0; round < 600; round++) {
    const before = new Map(queries.map((q) => [q, index.nearest(q)]));
    let moved: string[];
    if (next() < 0.5 && live.size > 0) {
      const victim = [...live][Math.floor(next() * live.size)] ?? '';
      live.delete(victim);
      moved = index.remove(victim);
    } else {
      const source = queries[Math.floor(next() * queries.length)] ?? '';
      const added = next() < 0.5 ? mutate(next, source, Math.floor(next() * 3)) : word(next, 5 + Math.floor(next() * 20));
      live.add(added);
      moved = index.add(added);
    }
    check();
    // Every question whose answer changed is reported, so hosts can re-check what asked it.
    for (const q of queries) if (before.get(q) !== index.nearest(q)) assert.ok(moved.includes(q), `${q} moved unreported`);
  }
});

test('a numbered ID family, where most words tie at the best distance, answers as closest()', () => {
  // The shape of a 100,000-document KB's IDs: the search skips words that can only tie after the best.
  const family = Array.from({ length: 3000 }, (_, i) => `FIX7-P0-PROD-CI-SCOPE-${i + 1}`);
  const index = new NearestIndex([...family, 'FIX7-P0-PROD-OPT4-12', 'REG2-P1-PROD-CI-SCOPE-7']);
  for (const query of ['FIX7-P0-PROD-CI-SCOPE-LEGACY-2076', 'FIX7-P0-PROD-CI-SCOPE-LEGACY-9', 'FIX7-P0-PROD-CI-SCOPE-30001', 'REG2-P1-PROD-CI-SCOPE-LEGACY-7', 'FIX7-P0-PROD-OPT4-LEGACY-12']) {
    assert.equal(index.nearest(query), closest(query, [...family, 'FIX7-P0-PROD-OPT4-12', 'REG2-P1-PROD-CI-SCOPE-7']), query);
  }
});
