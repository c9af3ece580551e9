/**
 * Governance IDs (spec §4): upper-case dash-separated tokens with a project prefix, by default
 * any `[A-Z][A-Z0-9]*-P[0-9]+-…` shape; `idPrefixes` replaces the shape with fixed prefixes.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { scanIds } from '../../server/src/core/scan/ids';
import { identitySegment, type Segment } from '../../server/src/core/scan/segment';
import { patternsFor, withDefaults, type Settings } from '../../server/src/core/settings';
import type { Span } from '../../server/src/core/types';

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

/** Each ID found, as the text its span covers (so a wrong span shows as a wrong token). */
function ids(text: string, settings: Partial<Settings> = {}): string[] {
  const found = scanIds(identitySegment(text), patternsFor(withDefaults(settings)).id);
  for (const o of found) assert.equal(slice(text, o.span), o.id, `span of ${o.id} covers exactly the ID`);
  return found.map((o) => slice(text, o.span));
}

describe('scanIds with the default shape', () => {
  test('finds the seed IDs with exact spans', () => {
    const text = 'blocked by FIX7-P0-PROD-BIRTH-SURFACE-1 and FIX7-P0-PLAN-SURFACE-1 today';
    const found = scanIds(identitySegment(text), patternsFor(withDefaults()).id);
    assert.deepEqual(
      found.map((o) => ({ id: o.id, at: o.span.start, text: slice(text, o.span) })),
      [
        { id: 'FIX7-P0-PROD-BIRTH-SURFACE-1', at: 11, text: 'FIX7-P0-PROD-BIRTH-SURFACE-1' },
        { id: 'FIX7-P0-PLAN-SURFACE-1', at: 44, text: 'FIX7-P0-PLAN-SURFACE-1' },
      ],
    );
  });

  test('an ID may end in an upper-case word, and digits may sit inside words', () => {
    assert.deepEqual(ids('FIX7-P0-PROD-OPT4-1 FIX7-P12-REALRUN AB-P3-X'), ['FIX7-P0-PROD-OPT4-1', 'FIX7-P12-REALRUN', 'AB-P3-X']);
  });

  test('the whole text being an ID', () => {
    assert.deepEqual(ids('FIX7-P0-PROD-BIRTH-SURFACE-1'), ['FIX7-P0-PROD-BIRTH-SURFACE-1']);
  });

  test('not inside a lower-case slug', () => {
    assert.deepEqual(ids('fix7-p0-production-readiness-blocker-map'), []);
    assert.deepEqual(ids('fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12'), []);
    assert.deepEqual(ids('FIX7-P0-PROD-birth-surface'), [], 'an upper-case head with a lower-case tail is a slug');
    assert.deepEqual(ids('slug-FIX7-P0-PROD-1'), [], 'an ID cannot continue a slug');
  });

  test('not in underscore names', () => {
    assert.deepEqual(ids('FIX7_P0_PROD_BIRTH_SURFACE_1'), []);
    assert.deepEqual(ids('X_FIX7-P0-A-1'), []);
    assert.deepEqual(ids('FIX7-P0-A-1_B'), []);
    assert.deepEqual(ids('AUTHORIZE_IMPLEMENTATION_EXECUTION_NO_PRODUCTION'), []);
  });

  test('not local IDs nor the prefix alone', () => {
    assert.deepEqual(ids('PC-7 RB-PROD QT001 CI-DEPLOY'), []);
    assert.deepEqual(ids('FIX7-P0'), []);
    assert.deepEqual(ids('FIX7-P0-'), []);
    assert.deepEqual(ids('FIX7-PX-1 FIX7-0-1'), [], 'the second word must be P and a number');
  });

  test('not glued to letters or digits on either side', () => {
    assert.deepEqual(ids('9FIX7-P0-A-1'), []);
    assert.deepEqual(ids('xFIX7-P0-A-1'), []);
    assert.deepEqual(ids('FIX7-P0-A-1x'), []);
    assert.deepEqual(ids('FIX7-P0-A-1-x'), [], 'a dash and a letter continue the token');
  });

  test('boundaries: brackets, semicolons, sentence ends, commas, quotes, line ends', () => {
    const text = '(FIX7-P0-A-1);FIX7-P0-B-2. FIX7-P0-C-3,FIX7-P0-D-4\n"FIX7-P0-E-5"\r\nFIX7-P0-F-6\rFIX7-P0-G-7';
    assert.deepEqual(ids(text), ['FIX7-P0-A-1', 'FIX7-P0-B-2', 'FIX7-P0-C-3', 'FIX7-P0-D-4', 'FIX7-P0-E-5', 'FIX7-P0-F-6', 'FIX7-P0-G-7']);
  });

  test('a dash used as punctuation after an ID is not part of it', () => {
    assert.deepEqual(ids('FIX7-P0-A-1 - done; FIX7-P0-B-2- next'), ['FIX7-P0-A-1', 'FIX7-P0-B-2']);
  });

  test('a path segment after an ID does not hide it', () => {
    assert.deepEqual(ids('FIX7-P0-PROD-OPT4-1/owner'), ['FIX7-P0-PROD-OPT4-1']);
  });

  test('scanning again starts from the beginning (the global pattern is reset)', () => {
    const pattern = patternsFor(withDefaults()).id;
    const first = scanIds(identitySegment('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx FIX7-P0-A-1'), pattern);
    assert.equal(first.length, 1);
    pattern.lastIndex = 25; // as a partial scan elsewhere could leave it
    const second = scanIds(identitySegment('FIX7-P0-B-2'), pattern);
    assert.deepEqual(second.map((o) => o.id), ['FIX7-P0-B-2']);
  });

  test('spans go through the segment back to document offsets', () => {
    const shifted: Segment = { text: 'see FIX7-P0-A-1', offsetOf: (i) => 100 + i };
    const [only] = scanIds(shifted, patternsFor(withDefaults()).id);
    assert.deepEqual(only, { id: 'FIX7-P0-A-1', span: { start: 104, end: 115 } });
  });

  test('wholeId accepts only a whole ID', () => {
    const { wholeId } = patternsFor(withDefaults());
    assert.equal(wholeId.test('FIX7-P0-PLAN-SURFACE-1'), true);
    assert.equal(wholeId.test('see FIX7-P0-PLAN-SURFACE-1'), false);
    assert.equal(wholeId.test('FIX7-P0-PLAN-SURFACE-1 '), false);
    assert.equal(wholeId.test('PC-7'), false);
  });
});

describe('scanIds with idPrefixes', () => {
  const acme = { idPrefixes: ['ACME-Q1'] };

  test('the configured prefix replaces the default shape', () => {
    assert.deepEqual(ids('ACME-Q1-RISK-3 and FIX7-P0-PROD-BIRTH-SURFACE-1', acme), ['ACME-Q1-RISK-3']);
  });

  test('the prefix alone, a longer prefix word, or lower case is no ID', () => {
    assert.deepEqual(ids('ACME-Q1 ACME-Q10-RISK-3 acme-q1-risk-3 XACME-Q1-RISK-3', acme), []);
  });

  test('several prefixes, and prefixes without the P-number shape', () => {
    assert.deepEqual(ids('OPS-7; ACME-Q1-R-1. OPS', { idPrefixes: ['ACME-Q1', 'OPS'] }), ['OPS-7', 'ACME-Q1-R-1']);
  });

  test('prefix characters are literal, not regular-expression syntax', () => {
    assert.deepEqual(ids('AXB-1 A.B-1', { idPrefixes: ['A.B'] }), ['A.B-1']);
  });

  test('each settings object gets its own patterns', () => {
    assert.deepEqual(ids('FIX7-P0-A-1'), ['FIX7-P0-A-1']);
    assert.deepEqual(ids('FIX7-P0-A-1', acme), []);
  });
});

test('an ID used as a file name is not a reference', async () => {
  const { scanIds } = await import('../../server/src/core/scan/ids');
  const { identitySegment } = await import('../../server/src/core/scan/segment');
  const { patternsFor, withDefaults } = await import('../../server/src/core/settings');
  const ids = (text: string) => scanIds(identitySegment(text), patternsFor(withDefaults()).id).map((o) => o.id);
  assert.deepEqual(ids('see FIX7-P0-X-1.json and notes/FIX7-P0-X-2.md'), []);
  assert.deepEqual(ids('Blocked by FIX7-P0-X-1. Then FIX7-P0-X-2.'), ['FIX7-P0-X-1', 'FIX7-P0-X-2']);
});
