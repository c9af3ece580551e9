/**
 * Evidence references (spec §4): `FILE [surface N | forbidden surfaces | LOCALID] [STATUS] [(ID)]`,
 * several separated by `;`, prose after them left alone.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { scanEvidence, type EvidenceRef } from '../../server/src/core/scan/evidence';
import { identitySegment, type Segment } from '../../server/src/core/scan/segment';
import { patternsFor, withDefaults, type Settings } from '../../server/src/core/settings';
import type { Span } from '../../server/src/core/types';

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

/** A reference with every span shown as the text it covers. */
interface Shown {
  path: string;
  whole: string;
  anchor?: string;
  status?: string;
  cited?: string;
}

function show(text: string, ref: EvidenceRef): Shown {
  assert.equal(slice(text, ref.pathSpan), ref.path, 'the path span covers the path as written');
  const shown: Shown = { path: ref.path, whole: slice(text, ref.span) };
  if (ref.anchor) {
    assert.equal(slice(text, ref.anchor.span), ref.anchor.text);
    shown.anchor = `${ref.anchor.kind}: ${slice(text, ref.anchor.span)}`;
  }
  if (ref.status) {
    assert.equal(slice(text, ref.status.span), ref.status.value);
    shown.status = slice(text, ref.status.span);
  }
  if (ref.citedId) {
    assert.equal(slice(text, ref.citedId.span), ref.citedId.id);
    shown.cited = slice(text, ref.citedId.span);
  }
  return shown;
}

function refs(text: string, settings: Partial<Settings> = {}, skip?: (index: number) => boolean): Shown[] {
  const patterns = patternsFor(withDefaults(settings));
  return scanEvidence(identitySegment(text), patterns.evidencePath, patterns.evidenceHints, skip).map((r) => show(text, r));
}

const paths = (text: string, settings: Partial<Settings> = {}) => refs(text, settings).map((r) => r.path);

describe('scanEvidence: the spec examples', () => {
  test('surface anchor, status and cited ID (seed 003)', () => {
    const text = 'mutation-inventory.json surface 5 PRODUCTION_UNKNOWN_NEEDS_SCOPING (FIX7-P0-PLAN-SURFACE-1)';
    assert.deepEqual(refs(text), [
      {
        path: 'mutation-inventory.json',
        whole: text,
        anchor: 'surface: surface 5',
        status: 'PRODUCTION_UNKNOWN_NEEDS_SCOPING',
        cited: 'FIX7-P0-PLAN-SURFACE-1',
      },
    ]);
    const [ref] = scanEvidence(identitySegment(text), patternsFor(withDefaults()).evidencePath, ['.json']);
    assert.deepEqual(ref?.anchor && { kind: ref.anchor.kind, n: ref.anchor.kind === 'surface' ? ref.anchor.n : -1 }, { kind: 'surface', n: 5 });
  });

  test('local anchor with a status', () => {
    assert.deepEqual(refs('rollback-recovery-design.json RB-PROD TBD'), [
      { path: 'rollback-recovery-design.json', whole: 'rollback-recovery-design.json RB-PROD TBD', anchor: 'local: RB-PROD', status: 'TBD' },
    ]);
    assert.deepEqual(refs('precondition-checklist.json PC-7 FAIL'), [
      { path: 'precondition-checklist.json', whole: 'precondition-checklist.json PC-7 FAIL', anchor: 'local: PC-7', status: 'FAIL' },
    ]);
  });

  test('the local anchor carries its ID', () => {
    const text = 'precondition-checklist.json PC-7 FAIL';
    const [ref] = scanEvidence(identitySegment(text), patternsFor(withDefaults()).evidencePath, ['.json']);
    assert.ok(ref?.anchor?.kind === 'local');
    assert.equal(ref.anchor.id, 'PC-7');
  });

  test('forbidden surfaces', () => {
    assert.deepEqual(refs('mutation-inventory.json forbidden surfaces'), [
      { path: 'mutation-inventory.json', whole: 'mutation-inventory.json forbidden surfaces', anchor: 'forbidden: forbidden surfaces' },
    ]);
  });

  test('a ";" list: prose after the file is not an anchor', () => {
    assert.deepEqual(refs('delegation-and-authority-lock.json; post-fold owner note option 2'), [
      { path: 'delegation-and-authority-lock.json', whole: 'delegation-and-authority-lock.json' },
    ]);
    assert.deepEqual(refs('this map; mutation-inventory.json forbidden surfaces'), [
      { path: 'mutation-inventory.json', whole: 'mutation-inventory.json forbidden surfaces', anchor: 'forbidden: forbidden surfaces' },
    ]);
  });

  test('several full references in one ";" list', () => {
    assert.deepEqual(refs('precondition-checklist.json PC-7 FAIL; mutation-inventory.json surface 3 STAGING_ONLY; rollback-recovery-design.json'), [
      { path: 'precondition-checklist.json', whole: 'precondition-checklist.json PC-7 FAIL', anchor: 'local: PC-7', status: 'FAIL' },
      { path: 'mutation-inventory.json', whole: 'mutation-inventory.json surface 3 STAGING_ONLY', anchor: 'surface: surface 3', status: 'STAGING_ONLY' },
      { path: 'rollback-recovery-design.json', whole: 'rollback-recovery-design.json' },
    ]);
  });

  test('an elided path at a sentence end (seed 000) keeps the elision and drops the dot', () => {
    assert.deepEqual(refs('See …/packet-2026-06-12/production-readiness-blocker-map.json.'), [
      { path: '…/packet-2026-06-12/production-readiness-blocker-map.json', whole: '…/packet-2026-06-12/production-readiness-blocker-map.json' },
    ]);
    assert.deepEqual(paths('See .../packet-2026-06-12/production-readiness-blocker-map.json.'), ['.../packet-2026-06-12/production-readiness-blocker-map.json']);
  });
});

describe('scanEvidence: parts of a reference', () => {
  test('a cited ID alone, with or without blanks inside the parentheses', () => {
    assert.deepEqual(refs('x.json (FIX7-P0-A-1)'), [{ path: 'x.json', whole: 'x.json (FIX7-P0-A-1)', cited: 'FIX7-P0-A-1' }]);
    assert.deepEqual(refs('x.md  (  FIX7-P0-A-1  ) then'), [{ path: 'x.md', whole: 'x.md  (  FIX7-P0-A-1  )', cited: 'FIX7-P0-A-1' }]);
    assert.deepEqual(refs('x.json surface 5 FORBIDDEN(FIX7-P0-A-1)'), [
      { path: 'x.json', whole: 'x.json surface 5 FORBIDDEN(FIX7-P0-A-1)', anchor: 'surface: surface 5', status: 'FORBIDDEN', cited: 'FIX7-P0-A-1' },
    ]);
  });

  test('all four parts', () => {
    assert.deepEqual(refs('x.json PC-7 FAIL (FIX7-P0-A-1).'), [
      { path: 'x.json', whole: 'x.json PC-7 FAIL (FIX7-P0-A-1)', anchor: 'local: PC-7', status: 'FAIL', cited: 'FIX7-P0-A-1' },
    ]);
  });

  test('parentheses holding prose are not a cited ID', () => {
    assert.deepEqual(refs('x.json (FIX7-P0-A-1 and more)'), [{ path: 'x.json', whole: 'x.json' }]);
    assert.deepEqual(refs('x.json (see PC-7 there)'), [{ path: 'x.json', whole: 'x.json' }]);
  });

  test('tabs separate parts like spaces; a line break ends the reference', () => {
    assert.deepEqual(refs('x.json\tPC-7\tFAIL'), [{ path: 'x.json', whole: 'x.json\tPC-7\tFAIL', anchor: 'local: PC-7', status: 'FAIL' }]);
    assert.deepEqual(refs('x.json\nPC-7 FAIL'), [{ path: 'x.json', whole: 'x.json' }]);
  });

  test('"Surface N" with a capital, multi-digit numbers; not "surface 5a"', () => {
    assert.deepEqual(refs('x.json Surface 12.'), [{ path: 'x.json', whole: 'x.json Surface 12', anchor: 'surface: Surface 12' }]);
    assert.deepEqual(refs('x.json surface 5a'), [{ path: 'x.json', whole: 'x.json' }]);
  });

  test('a lower-case word is not a status', () => {
    assert.deepEqual(refs('x.json PC-7 fail'), [{ path: 'x.json', whole: 'x.json PC-7', anchor: 'local: PC-7' }]);
  });

  test('a status with a slash (N/A)', () => {
    assert.deepEqual(refs('precondition-checklist.json PC-3 N/A'), [
      { path: 'precondition-checklist.json', whole: 'precondition-checklist.json PC-3 N/A', anchor: 'local: PC-3', status: 'N/A' },
    ]);
  });

  test('prose words after the file are left alone', () => {
    assert.deepEqual(refs('mutation-inventory.json lists every surface'), [{ path: 'mutation-inventory.json', whole: 'mutation-inventory.json' }]);
  });
});

describe('scanEvidence: what a path is', () => {
  test('folders, "../" and a leading "/"', () => {
    assert.deepEqual(paths('a/b/c.json, ../x/y.md and /root.json'), ['a/b/c.json', '../x/y.md', '/root.json']);
    assert.deepEqual(paths('../../up.json'), ['../../up.json']);
  });

  test('spans of a path with folders', () => {
    assert.deepEqual(refs('(see ../p/mutation-inventory.json surface 2)'), [
      { path: '../p/mutation-inventory.json', whole: '../p/mutation-inventory.json surface 2', anchor: 'surface: surface 2' },
    ]);
  });

  test('names that only look alike are no path', () => {
    assert.deepEqual(paths('a.json.bak notes.mdx package.jsonc x.json5 y.mdown z.JSON w.yaml'), []);
  });

  test('a bare extension names no file', () => {
    assert.deepEqual(paths('all the .json files and .md notes'), []);
  });

  test('a dotted name with a known extension is a path; trailing punctuation is not part of it', () => {
    assert.deepEqual(paths('(a.json), "b.md"; c.json: d.md! .eslintrc.json'), ['a.json', 'b.md', 'c.json', 'd.md', '.eslintrc.json']);
    assert.deepEqual(paths('README.md#section'), ['README.md']);
  });

  test('URLs are not evidence paths, whatever follows the host', () => {
    assert.deepEqual(paths('https://example.com/a.md'), []);
    assert.deepEqual(paths('see https://example.com/docs/a.json. and http://h/x.md'), []);
    assert.deepEqual(paths('https://example.com/view?file=b.md'), []);
    assert.deepEqual(paths('https://example.com/a%20b.md'), []);
    assert.deepEqual(paths('https://example.com/page#x.md'), []);
    assert.deepEqual(paths('file:///tmp/a.json'), []);
  });

  test('a path next to a URL is still found', () => {
    assert.deepEqual(paths('https://example.com/a.md then b.md'), ['b.md']);
    assert.deepEqual(paths('a.json https://example.com/c.json'), ['a.json']);
  });

  test('non-ASCII names', () => {
    assert.deepEqual(refs('voir ünïcødé-файл.json PC-1 OK'), [{ path: 'ünïcødé-файл.json', whole: 'ünïcødé-файл.json PC-1 OK', anchor: 'local: PC-1', status: 'OK' }]);
    assert.deepEqual(paths('日本語/メモ.md'), ['日本語/メモ.md']);
  });

  test('configured extensions', () => {
    const settings = { evidenceExtensions: ['yaml', 'json'] };
    assert.deepEqual(paths('x.yaml y.json z.md', settings), ['x.yaml', 'y.json']);
    assert.deepEqual(patternsFor(withDefaults(settings)).evidenceHints, ['.yaml', '.json']);
  });
});

describe('scanEvidence: scanning', () => {
  test('the skip callback drops references starting at skipped offsets', () => {
    const text = 'a.json b.json c.json';
    assert.deepEqual(refs(text, {}, (i) => i === 7).map((r) => r.path), ['a.json', 'c.json']);
    assert.deepEqual(refs(text, {}, () => true), []);
  });

  test('text without a hint is not scanned', () => {
    const { evidencePath } = patternsFor(withDefaults());
    assert.deepEqual(scanEvidence(identitySegment('a.json b.md'), evidencePath, ['.zzz']), []);
  });

  test('scanning again starts from the beginning', () => {
    const { evidencePath, evidenceHints } = patternsFor(withDefaults());
    scanEvidence(identitySegment('a long text that mentions some-file.json'), evidencePath, evidenceHints);
    evidencePath.lastIndex = 30;
    const again = scanEvidence(identitySegment('x.json'), evidencePath, evidenceHints);
    assert.deepEqual(again.map((r) => r.path), ['x.json']);
  });

  test('spans go through the segment back to document offsets', () => {
    const shifted: Segment = { text: 'x.json PC-7 FAIL (FIX7-P0-A-1)', offsetOf: (i) => 50 + i };
    const { evidencePath, evidenceHints } = patternsFor(withDefaults());
    const [ref] = scanEvidence(shifted, evidencePath, evidenceHints);
    assert.deepEqual(
      ref && { path: ref.pathSpan, anchor: ref.anchor?.span, status: ref.status?.span, cited: ref.citedId?.span, all: ref.span },
      { path: { start: 50, end: 56 }, anchor: { start: 57, end: 61 }, status: { start: 62, end: 66 }, cited: { start: 68, end: 79 }, all: { start: 50, end: 80 } },
    );
  });
});

test('starting the path scan at the run holding the next extension finds exactly what a full scan finds', async () => {
  const { nextPath } = await import('../../server/src/core/scan/evidence');
  const { patternsFor, withDefaults } = await import('../../server/src/core/settings');
  const patterns = patternsFor(withDefaults({}));
  const fragments = ['a', 'é', '𝔘', '😀', ' ', '\n', '/', '…/', '...', '../', '.', '.json', '.md', '.mdx', '.json.bak', 'x.json', 'dir/', 'https://h/a?f=b.md', '-', '_', '@', '~', '+', '(', ')', 'surface 5', '\ud835', '\udd18', 'PC-7'];
  let seed = 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const length = Math.floor(random() * 40);
    for (let i = 0; i < length; i++) text += fragments[Math.floor(random() * fragments.length)];
    const full = [...text.matchAll(patterns.evidencePath)].map((m) => `${m.index}:${m[1]}`);
    const pattern = new RegExp(patterns.evidencePath.source, patterns.evidencePath.flags);
    pattern.lastIndex = 0;
    const windowed: string[] = [];
    for (let m = nextPath(pattern, text, patterns.evidenceHints); m; m = nextPath(pattern, text, patterns.evidenceHints)) windowed.push(`${m.index}:${m[1]}`);
    assert.deepEqual(windowed, full, JSON.stringify(text));
  }
});
