import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerFor, cleanKb, json, NOTE, PACKET, slice } from '../helpers/kb';
import { codeLenses } from '../../server/src/core/service/codeLens';

const MAP = `${PACKET}/production-readiness-blocker-map.json`;
const LATER_PACKET = 'kb/fix7-p0-later-packet-2026-07-01';
const LATER = `${LATER_PACKET}/production-readiness-blocker-map.json`;

function laterMap(blockers: object[], resolved: string[] = []): string {
  return json({ doc: 'fix7-p0-production-readiness-blocker-map', date: '2026-07-01', blockers, resolved_in_this_macro: resolved, production_work_performed: false });
}

function titles(files: Record<string, string>, path: string): Record<string, string> {
  return Object.fromEntries(codeLenses(analyzerFor(files).analyzer, path).map((l) => [l.id, l.title]));
}

test('one lens per blocker, on its ID, counting the references outside its definition', () => {
  const files = cleanKb();
  const lenses = codeLenses(analyzerFor(files).analyzer, MAP);
  assert.deepEqual(
    lenses.map((l) => [l.id, l.title]),
    [
      ['FIX7-P0-PROD-BIRTH-SURFACE-1', '1 reference · unresolved'],
      ['FIX7-P0-PROD-CI-SCOPE-1', '0 references · unresolved'],
      ['FIX7-P0-PLAN-REALRUN-1', '0 references · unresolved'],
      ['FIX7-P0-DRYRUN-PROD-ROLLBACK-1', '0 references · unresolved'],
      ['FIX7-P0-OPERATOR-INPUT-1', '0 references · unresolved'],
    ],
  );
  const birth = lenses[0];
  assert.ok(birth);
  assert.equal(slice(files[MAP] ?? '', birth.range), 'FIX7-P0-PROD-BIRTH-SURFACE-1');
  assert.deepEqual(
    birth.references.map((r) => [r.path, slice(files[r.path] ?? '', r.range)]),
    [[NOTE, 'FIX7-P0-PROD-BIRTH-SURFACE-1']],
  );
});

test('references in JSON strings and notes are all counted, plural', () => {
  const files = cleanKb();
  files[NOTE] = (files[NOTE] ?? '') + '\nFIX7-P0-PROD-CI-SCOPE-1 and FIX7-P0-PROD-CI-SCOPE-1 again.\n';
  files[`${PACKET}/precondition-checklist.json`] = json({
    doc: 'fix7-p0-precondition-checklist',
    date: '2026-06-12',
    checks: [{ id: 'PC-1', item: 'CI scoped (FIX7-P0-PROD-CI-SCOPE-1)', status: 'FAIL' }],
  });
  assert.equal(titles(files, MAP)['FIX7-P0-PROD-CI-SCOPE-1'], '3 references · unresolved');
});

test('a later map that lists the blocker as resolved names that map, and counts as a reference', () => {
  const files = cleanKb();
  files[LATER] = laterMap([], ['FIX7-P0-PROD-BIRTH-SURFACE-1']);
  const lens = codeLenses(analyzerFor(files).analyzer, MAP).find((l) => l.id === 'FIX7-P0-PROD-BIRTH-SURFACE-1');
  assert.equal(lens?.title, `2 references · resolved by fix7-p0-later-packet-2026-07-01/production-readiness-blocker-map.json`);
  assert.deepEqual(lens?.references.map((r) => r.path), [LATER, NOTE]);
  assert.deepEqual(codeLenses(analyzerFor(files).analyzer, LATER), [], 'a map that only resolves defines no blocker');
});

test('a blocker resolved by its own status says so; a redefinition elsewhere is a reference to the other', () => {
  const files = cleanKb();
  files[LATER] = laterMap([{ id: 'FIX7-P0-PROD-CI-SCOPE-1', item: 'scoped', status: 'RESOLVED' }]);
  assert.equal(titles(files, LATER)['FIX7-P0-PROD-CI-SCOPE-1'], '1 reference · resolved by this map');
  // The older definition reports the ID's current state, resolved by the later map.
  assert.equal(titles(files, MAP)['FIX7-P0-PROD-CI-SCOPE-1'], `1 reference · resolved by fix7-p0-later-packet-2026-07-01/production-readiness-blocker-map.json`);
});

test('no lenses outside blocker maps', () => {
  const { analyzer } = analyzerFor(cleanKb());
  assert.deepEqual(codeLenses(analyzer, `${PACKET}/mutation-inventory.json`), []);
  assert.deepEqual(codeLenses(analyzer, NOTE), []);
  assert.deepEqual(codeLenses(analyzer, 'kb/missing.json'), []);
});
