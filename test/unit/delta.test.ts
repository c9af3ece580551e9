import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorityDelta } from '../../server/src/core/delta/delta';
import { snapshotOf } from '../../server/src/core/delta/snapshot';
import { analyzerFor, cleanKb, json, PACKET } from '../helpers/kb';

const LOCK = `${PACKET}/delegation-and-authority-lock.json`;
const MAP = `${PACKET}/production-readiness-blocker-map.json`;
const LATER = 'kb/fix7-p0-production-phase-packet-2026-07-01';

function lock(grants: object[]): string {
  return json({ doc: 'fix7-p0-delegation-and-authority-lock', date: '2026-06-12', grants, withheld: [{ action: 'cutover' }] });
}

const NO_PRODUCTION = { id: 'AUTHORIZE_NO_PRODUCTION', scope: 'no-production', actions: ['implementation-execution'] };
const REAL_RUN = { id: 'AUTHORIZE_REAL_RUN', scope: 'production', actions: ['REAL_RUN'] };

function delta(base: Record<string, string>, head: Record<string, string>) {
  return authorityDelta(snapshotOf(analyzerFor(base).analyzer), snapshotOf(analyzerFor(head).analyzer));
}

function withLock(grants: object[], extra: Record<string, string> = {}): Record<string, string> {
  return { ...cleanKb(), [LOCK]: lock(grants), ...extra };
}

test('the same workspace twice: no change and no event', () => {
  const d = delta(withLock([NO_PRODUCTION]), withLock([NO_PRODUCTION]));
  assert.deepEqual(d.grants, { added: [], removed: [], changed: [] });
  assert.deepEqual(d.blockers, { added: [], resolved: [], reopened: [], removed: [] });
  assert.deepEqual(d.findings, { introduced: [], fixed: [] });
  assert.deepEqual(d.events, []);
});

test('a production grant added is listed before a no-production one and raises production-grant-added', () => {
  const other = { id: 'AUTHORIZE_DOCS', scope: 'no-production', actions: ['kb-additive-docs'] };
  const d = delta(withLock([NO_PRODUCTION]), withLock([NO_PRODUCTION, other, REAL_RUN]));
  assert.deepEqual(d.grants.added, [
    { lock: LOCK, ...REAL_RUN },
    { lock: LOCK, ...other },
  ]);
  assert.deepEqual(d.events, ['production-grant-added']);
});

test('a grant removed, and one changed into production scope, which is production authority added', () => {
  const d = delta(withLock([NO_PRODUCTION, REAL_RUN]), withLock([{ ...NO_PRODUCTION, scope: 'production' }]));
  assert.deepEqual(d.grants.removed, [{ lock: LOCK, ...REAL_RUN }]);
  assert.deepEqual(d.grants.changed, [{ lock: LOCK, ...NO_PRODUCTION, scope: 'production', before: { scope: 'no-production', actions: ['implementation-execution'] } }]);
  assert.deepEqual(d.events, ['production-grant-added']);
});

test('a production grant revoked, or narrowed, adds no production authority', () => {
  const revoked = delta(withLock([REAL_RUN]), withLock([{ ...REAL_RUN, status: 'REVOKED' }]));
  assert.equal(revoked.grants.changed.length, 1);
  assert.deepEqual(revoked.events, []);
  const added = delta(withLock([]), withLock([{ ...REAL_RUN, status: 'PROPOSED' }]));
  assert.equal(added.grants.added.length, 1);
  assert.deepEqual(added.events, [], 'a proposed grant grants nothing yet');
  const narrowed = delta(withLock([{ ...REAL_RUN, actions: ['REAL_RUN', 'cutover'] }]), withLock([REAL_RUN]));
  assert.deepEqual(narrowed.events, []);
});

test('blockers resolved by a later packet, added by it, and removed', () => {
  const base = cleanKb();
  const head = cleanKb();
  head[`${LATER}/production-readiness-blocker-map.json`] = json({
    doc: 'fix7-p0-production-readiness-blocker-map',
    date: '2026-07-01',
    blockers: [{ id: 'FIX7-P0-PROD-NEW-1', item: 'new' }],
    resolved_in_this_macro: ['FIX7-P0-PROD-CI-SCOPE-1', 'FIX7-P0-OPERATOR-INPUT-1'],
    production_work_performed: false,
  });
  const map = JSON.parse(head[MAP] ?? '') as { blockers: { id: string }[] };
  map.blockers = map.blockers.filter((b) => b.id !== 'FIX7-P0-DRYRUN-PROD-ROLLBACK-1');
  head[MAP] = json(map);
  const d = delta(base, head);
  assert.deepEqual(d.blockers, { added: ['FIX7-P0-PROD-NEW-1'], resolved: ['FIX7-P0-PROD-CI-SCOPE-1', 'FIX7-P0-OPERATOR-INPUT-1'], reopened: [], removed: ['FIX7-P0-DRYRUN-PROD-ROLLBACK-1'] });
});

test('a blocker resolved at the base and unresolved at the head is reopened: blocker-reopened', () => {
  const resolver = { [`${LATER}/production-readiness-blocker-map.json`]: json({ doc: 'fix7-p0-production-readiness-blocker-map', date: '2026-07-01', blockers: [], resolved_in_this_macro: ['FIX7-P0-PROD-CI-SCOPE-1'], production_work_performed: false }) };
  const d = delta({ ...cleanKb(), ...resolver }, cleanKb());
  assert.deepEqual(d.blockers.reopened, ['FIX7-P0-PROD-CI-SCOPE-1']);
  assert.deepEqual(d.events, ['blocker-reopened']);
});

test('findings are matched on file, code and message: a finding that only moved is neither introduced nor fixed', () => {
  const note = 'kb/claims.md';
  const base = { ...cleanKb(), [note]: '# Claims\n\nREAL_RUN is approved by the owner.\n' };
  const moved = { ...cleanKb(), [note]: '# Claims\n\nSome new paragraph.\n\nREAL_RUN is approved by the owner.\n' };
  const d = delta(base, moved);
  assert.deepEqual(d.findings, { introduced: [], fixed: [] });

  const fixed = delta(base, { ...cleanKb(), [note]: '# Claims\n\nREAL_RUN is not approved.\n' });
  assert.deepEqual(fixed.findings.fixed.map((f) => [f.file, f.code]), [[note, 'implied-production-grant']]);
  assert.deepEqual(fixed.events, []);

  const introduced = delta({ ...cleanKb(), [note]: '# Claims\n' }, base);
  assert.deepEqual(introduced.findings.introduced.map((f) => [f.file, f.code, f.severity]), [[note, 'implied-production-grant', 'error']]);
  assert.equal(introduced.findings.introduced[0]?.range.start.line, 2);
  assert.deepEqual(introduced.events, ['findings-introduced']);
});

test('a finding stated twice where it was once is one introduced', () => {
  const note = 'kb/claims.md';
  const once = { ...cleanKb(), [note]: 'See FIX7-P0-NOT-DEFINED-1.\n' };
  const twice = { ...cleanKb(), [note]: 'See FIX7-P0-NOT-DEFINED-1.\n\nAgain FIX7-P0-NOT-DEFINED-1.\n' };
  assert.equal(delta(once, twice).findings.introduced.length, 1);
});

test('a seal that matched its packet at the base and no longer does at the head has gone stale', () => {
  const files = cleanKb();
  const id = analyzerFor(files).analyzer.treeIdOf(PACKET);
  assert.ok(id && 'id' in id);
  // Outside the packet, so the note is not part of the bytes it seals.
  const note = 'kb/seal-note.md';
  const base = { ...files, [note]: `Evidence: ${PACKET.slice(3)}/precondition-checklist.json PC-7 FAIL; packet tree ${id.id.slice(0, 12)}…\n` };
  const baseSnapshot = snapshotOf(analyzerFor(base).analyzer);
  assert.deepEqual(baseSnapshot.seals.map((s) => [s.file, s.verdict]), [[note, 'match']]);
  const edited = { ...base, [`${PACKET}/ticket-reservations.json`]: json({ doc: 'fix7-p0-ticket-reservations', date: '2026-06-13', reservations: [{ range: 'TKT-OBJ-442..461', status: 'PROPOSED' }] }) };
  const d = authorityDelta(baseSnapshot, snapshotOf(analyzerFor(edited).analyzer));
  assert.deepEqual(d.seals.stale.map((s) => [s.file, s.packet, s.verdict]), [[note, PACKET, 'mismatch']]);
  assert.deepEqual(d.findings.introduced.map((f) => f.code), ['seal-mismatch']);
});
