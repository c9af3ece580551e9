/**
 * Where an evidence path or a note footer leads (spec §4): the citing document's folder
 * first, then the workspace root; `…/` suffixes; bare names; paths leaving the workspace.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEvidencePath, resolveKbPath, type FileLookup } from '../../server/src/core/index/resolvePath';
import type { PathKind } from '../../server/src/core/workspace';

/** A workspace made of these files; folders are implied; `kinds` overrides stat (links leaving the workspace). */
function lookup(files: readonly string[], kinds: Record<string, PathKind> = {}): FileLookup {
  return {
    stat(path) {
      if (kinds[path]) return kinds[path];
      if (files.includes(path)) return 'file';
      return path === '' || files.some((f) => f.startsWith(`${path}/`)) ? 'directory' : 'missing';
    },
    named: (name) => files.filter((f) => f === name || f.endsWith(`/${name}`)),
    endingWith: (suffix) => files.filter((f) => f.endsWith(suffix)),
  };
}

const PACKET = 'knowledge/dev/reports/architecture/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12';
const NOTE = 'knowledge/dev/reports/architecture/fix7-p0-post-no-production-execution-owner-operator-note-2026-06-12.md';
const FILES = [
  NOTE,
  `${PACKET}/production-readiness-blocker-map.json`,
  `${PACKET}/mutation-inventory.json`,
  `${PACKET}/precondition-checklist.json`,
  'mutation-inventory.json',
  'root-only.json',
  'a/x.json',
  'b/x.json',
  'c/unique.json',
];
const files = lookup(FILES);

describe('resolveEvidencePath', () => {
  test("the citing document's own folder first", () => {
    assert.deepEqual(resolveEvidencePath(`${PACKET}/production-readiness-blocker-map.json`, 'mutation-inventory.json', files), {
      kind: 'file',
      path: `${PACKET}/mutation-inventory.json`,
    });
  });

  test('then the workspace root', () => {
    assert.deepEqual(resolveEvidencePath(`${PACKET}/production-readiness-blocker-map.json`, 'root-only.json', files), { kind: 'file', path: 'root-only.json' });
    assert.deepEqual(resolveEvidencePath('elsewhere/doc.json', 'mutation-inventory.json', files), { kind: 'file', path: 'mutation-inventory.json' });
  });

  test('a relative path with folders, from the own folder or the root', () => {
    assert.deepEqual(resolveEvidencePath('doc.json', `${PACKET}/precondition-checklist.json`, files), { kind: 'file', path: `${PACKET}/precondition-checklist.json` });
    assert.deepEqual(resolveEvidencePath('a/doc.json', './x.json', files), { kind: 'file', path: 'a/x.json' });
    assert.deepEqual(resolveEvidencePath('a/doc.json', '../b/x.json', files), { kind: 'file', path: 'b/x.json' });
    assert.deepEqual(resolveEvidencePath('z/doc.json', 'c/unique.json', files), { kind: 'file', path: 'c/unique.json' });
  });

  test('a leading "/" means the workspace root only', () => {
    assert.deepEqual(resolveEvidencePath('a/doc.json', '/root-only.json', files), { kind: 'file', path: 'root-only.json' });
    assert.deepEqual(resolveEvidencePath('a/doc.json', '/a/x.json', files), { kind: 'file', path: 'a/x.json' });
    assert.deepEqual(resolveEvidencePath('a/doc.json', '/x.json', files), { kind: 'missing' }, 'a/x.json is in the own folder, but "/" says root');
  });

  test('"…/" and ".../" match the rest as a plain suffix, even cutting a folder name (seed 000)', () => {
    const expected = { kind: 'file', path: `${PACKET}/production-readiness-blocker-map.json` };
    assert.deepEqual(resolveEvidencePath(NOTE, '…/packet-2026-06-12/production-readiness-blocker-map.json', files), expected);
    assert.deepEqual(resolveEvidencePath(NOTE, '.../packet-2026-06-12/production-readiness-blocker-map.json', files), expected);
    assert.deepEqual(resolveEvidencePath(NOTE, '…/review-packet-2026-06-12/production-readiness-blocker-map.json', files), expected);
  });

  test('an elided suffix matching several files is ambiguous, none is missing', () => {
    assert.deepEqual(resolveEvidencePath(NOTE, '…/x.json', files), { kind: 'ambiguous', candidates: ['a/x.json', 'b/x.json'] });
    assert.deepEqual(resolveEvidencePath(NOTE, '…/packet-2026-06-13/production-readiness-blocker-map.json', files), { kind: 'missing' });
  });

  test('a bare name in neither place: the only file of that name, else ambiguous, else missing', () => {
    assert.deepEqual(resolveEvidencePath('z/doc.json', 'unique.json', files), { kind: 'file', path: 'c/unique.json' });
    assert.deepEqual(resolveEvidencePath('z/doc.json', 'x.json', files), { kind: 'ambiguous', candidates: ['a/x.json', 'b/x.json'] });
    assert.deepEqual(resolveEvidencePath('z/doc.json', 'nowhere.json', files), { kind: 'missing' });
  });

  test('a path with folders found in neither place is missing (no search by name)', () => {
    assert.deepEqual(resolveEvidencePath('z/doc.json', 'sub/unique.json', files), { kind: 'missing' });
  });

  test('climbing above the root is outside', () => {
    assert.deepEqual(resolveEvidencePath('a/doc.json', '../../x.json', files), { kind: 'outside' });
    assert.deepEqual(resolveEvidencePath('doc.md', '../root-only.json', files), { kind: 'outside' });
  });

  test('climbing that stays inside is judged where it lands, never from the root', () => {
    assert.deepEqual(resolveEvidencePath('a/b/doc.json', '../../root-only.json', files), { kind: 'file', path: 'root-only.json' });
    assert.deepEqual(resolveEvidencePath('a/b/doc.json', '../gone.json', files), { kind: 'missing' }, 'a/gone.json is missing, not outside');
  });

  test('a folder is a directory', () => {
    assert.deepEqual(resolveEvidencePath(NOTE, 'fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12', files), {
      kind: 'directory',
      path: PACKET,
    });
    assert.deepEqual(resolveEvidencePath('doc.md', 'a', files), { kind: 'directory', path: 'a' });
  });

  test('backslashes are folder separators', () => {
    assert.deepEqual(resolveEvidencePath('doc.md', 'a\\x.json', files), { kind: 'file', path: 'a/x.json' });
    assert.deepEqual(resolveEvidencePath('a/doc.md', '..\\b\\x.json', files), { kind: 'file', path: 'b/x.json' });
  });

  test('a link whose real target leaves the workspace is outside', () => {
    const linked = lookup(['a/doc.json'], { 'a/link.json': 'outside' });
    assert.deepEqual(resolveEvidencePath('a/doc.json', 'link.json', linked), { kind: 'outside' });
  });
});

describe('resolveKbPath (the note footer)', () => {
  test('from the workspace root', () => {
    assert.deepEqual(resolveKbPath(NOTE, files, FILES), { kind: 'file', path: NOTE });
    assert.deepEqual(resolveKbPath(`/${NOTE}`, files, FILES), { kind: 'file', path: NOTE });
    assert.deepEqual(resolveKbPath(NOTE.replace(/\//g, '\\'), files, FILES), { kind: 'file', path: NOTE });
  });

  test('the KB analysed from a subfolder: the footer path is longer than the workspace path', () => {
    const sub = ['reports/architecture/note.md', 'reports/other.md'];
    assert.deepEqual(resolveKbPath('knowledge/dev/reports/architecture/note.md', lookup(sub), sub), { kind: 'file', path: 'reports/architecture/note.md' });
  });

  test('the KB analysed from a parent folder: the workspace path is longer', () => {
    const parent = ['site/knowledge/dev/note.md', 'site/knowledge/dev/other.md'];
    assert.deepEqual(resolveKbPath('knowledge/dev/note.md', lookup(parent), parent), { kind: 'file', path: 'site/knowledge/dev/note.md' });
  });

  test('suffixes match whole folder names only', () => {
    const all = ['xknowledge/dev/note.md'];
    assert.deepEqual(resolveKbPath('knowledge/dev/note.md', lookup(all), all), { kind: 'missing' });
  });

  test('several candidates are ambiguous, none missing', () => {
    const all = ['one/kb/note.md', 'two/kb/note.md'];
    assert.deepEqual(resolveKbPath('kb/note.md', lookup(all), all), { kind: 'ambiguous', candidates: all });
    assert.deepEqual(resolveKbPath('kb/none.md', lookup(all), all), { kind: 'missing' });
  });

  test('climbing above the root is outside', () => {
    assert.deepEqual(resolveKbPath('../note.md', files, FILES), { kind: 'outside' });
  });
});
