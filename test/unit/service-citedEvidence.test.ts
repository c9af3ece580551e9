/**
 * Issue 17: from a blocker ID (a check, a plan) to the evidence it cites. Definition offers the
 * definition and then the evidence (on the definition itself, the evidence alone);
 * implementation the evidence alone; a code lens per piece of evidence on each citing entry.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/core/service';
import type { Location } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Position } from '../../server/src/core/types';
import { analyzerFor, cleanKb, json, NOTE, PACKET } from '../helpers/kb';
import { positionOf } from '../helpers/position';

const MAP = `${PACKET}/production-readiness-blocker-map.json`;
const INVENTORY = `${PACKET}/mutation-inventory.json`;
const CHECKLIST = `${PACKET}/precondition-checklist.json`;
const ROLLBACK = `${PACKET}/rollback-recovery-design.json`;
const LOCK = `${PACKET}/delegation-and-authority-lock.json`;
const BIRTH = 'FIX7-P0-PROD-BIRTH-SURFACE-1';

function setup(files: Record<string, string>) {
  const { analyzer } = analyzerFor(files);
  const service = createLanguageService(analyzer, { linkTo: (path) => `file:///ws/${path}` });
  const at = (path: string, needle: string, offset = 0, nth = 0): Position => positionOf(files[path] ?? '', needle, offset, nth);
  /** "path: the text of the line" for each location, as a reader of the peek sees them. */
  const show = (locations: Location[]) => locations.map((l) => `${l.path}: ${((files[l.path] ?? '').split('\n')[l.range.start.line] ?? '').trim()}`);
  return { service, at, show };
}

/** The clean KB with the blockers of `blockers` added to its map. */
function withBlockers(...blockers: object[]): Record<string, string> {
  const files = cleanKb();
  const map = JSON.parse(files[MAP] ?? '{}') as { blockers: object[] };
  map.blockers.push(...blockers);
  files[MAP] = json(map);
  return files;
}

const lockFile = json({ doc: 'fix7-p0-delegation-and-authority-lock', date: '2026-06-12', grants: [], withheld: [{ action: 'REAL_RUN' }] });

describe('definition of a blocker ID: its definition, then its evidence', () => {
  test('from a note: the id line in the map first, then the cited surface; the cursor right after the ID too', () => {
    const { service, at, show } = setup(cleanKb());
    for (const offset of [0, 5, BIRTH.length]) {
      assert.deepEqual(show(service.definition(NOTE, at(NOTE, BIRTH, offset))), [`${MAP}: "id": "${BIRTH}",`, `${INVENTORY}: "n": 5,`]);
    }
  });

  test('from any JSON string: a checklist item naming the blocker', () => {
    const files = cleanKb();
    files[CHECKLIST] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-7', item: `scoped, see ${BIRTH}`, status: 'FAIL' }] });
    const { service, at, show } = setup(files);
    assert.deepEqual(show(service.definition(CHECKLIST, at(CHECKLIST, BIRTH, 2))), [`${MAP}: "id": "${BIRTH}",`, `${INVENTORY}: "n": 5,`]);
  });

  test('on the blocker\'s own id value: the evidence alone, so the gesture always moves', () => {
    const { service, at, show } = setup(cleanKb());
    for (const offset of [1, BIRTH.length + 1]) assert.deepEqual(show(service.definition(MAP, at(MAP, `"${BIRTH}"`, offset))), [`${INVENTORY}: "n": 5,`]);
  });

  test('every anchor kind: a check, a plan, forbidden surfaces, a file cited whole', () => {
    const files = withBlockers({ id: 'FIX7-P0-PROD-OPT4-1', item: 'OPT-4', evidence: 'delegation-and-authority-lock.json; post-fold owner note option 2' });
    files[LOCK] = lockFile;
    const { service, at, show } = setup(files);
    const evidenceOf = (id: string) => show(service.definition(MAP, at(MAP, `"${id}"`, 1)));
    assert.deepEqual(evidenceOf('FIX7-P0-PLAN-REALRUN-1'), [`${CHECKLIST}: "id": "PC-7",`]);
    assert.deepEqual(evidenceOf('FIX7-P0-DRYRUN-PROD-ROLLBACK-1'), [`${ROLLBACK}: "id": "RB-PROD",`], '"this map" names no file');
    assert.deepEqual(evidenceOf('FIX7-P0-OPERATOR-INPUT-1'), [`${INVENTORY}: "n": 6,`]);
    assert.deepEqual(service.definition(MAP, at(MAP, '"FIX7-P0-PROD-OPT4-1"', 1)), [{ path: LOCK, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });

  test('several pieces of evidence, in the order written, each place once', () => {
    const files = withBlockers({
      id: 'FIX7-P0-MANY-1',
      item: 'x',
      evidence: 'mutation-inventory.json surface 5; precondition-checklist.json PC-7 FAIL; mutation-inventory.json surface 5 again',
      next_action: 'compare rollback-recovery-design.json RB-STAGING',
    });
    files[NOTE] += '\nAlso FIX7-P0-MANY-1.\n';
    const { service, at, show } = setup(files);
    // As the hover card, a reference anywhere in the entry counts, not only in `evidence`.
    const evidence = [`${INVENTORY}: "n": 5,`, `${CHECKLIST}: "id": "PC-7",`, `${ROLLBACK}: "id": "RB-STAGING",`];
    assert.deepEqual(show(service.definition(NOTE, at(NOTE, 'FIX7-P0-MANY-1'))), [`${MAP}: "id": "FIX7-P0-MANY-1",`, ...evidence]);
    assert.deepEqual(show(service.implementation(NOTE, at(NOTE, 'FIX7-P0-MANY-1'))), evidence);
  });

  test('a blocker whose evidence names no file: its definition only, as before', () => {
    const files = withBlockers({ id: 'FIX7-P0-THIS-MAP-1', item: 'x', evidence: 'this map' });
    files[NOTE] += '\nAlso FIX7-P0-THIS-MAP-1.\n';
    const { service, at, show } = setup(files);
    assert.deepEqual(show(service.definition(NOTE, at(NOTE, 'FIX7-P0-THIS-MAP-1'))), [`${MAP}: "id": "FIX7-P0-THIS-MAP-1",`]);
    // On its own id there is nothing to go to but itself (VS Code then offers the references).
    assert.deepEqual(show(service.definition(MAP, at(MAP, '"FIX7-P0-THIS-MAP-1"', 1))), [`${MAP}: "id": "FIX7-P0-THIS-MAP-1",`]);
    assert.deepEqual(service.implementation(NOTE, at(NOTE, 'FIX7-P0-THIS-MAP-1')), []);
  });

  test('evidence that leads nowhere is not offered: a missing file, a missing anchor, an ambiguous name', () => {
    const files = withBlockers({ id: 'FIX7-P0-BROKEN-EVIDENCE-1', item: 'x', evidence: 'nowhere.json surface 1; mutation-inventory.json surface 99; twin.json; precondition-checklist.json PC-7' });
    files['kb/a/twin.json'] = json({ doc: 'a' });
    files['kb/b/twin.json'] = json({ doc: 'b' });
    files[NOTE] += '\nAlso FIX7-P0-BROKEN-EVIDENCE-1.\n';
    const { service, at, show } = setup(files);
    assert.deepEqual(show(service.implementation(NOTE, at(NOTE, 'FIX7-P0-BROKEN-EVIDENCE-1'))), [`${CHECKLIST}: "id": "PC-7",`]);
  });

  test('a blocker defined in two maps: both definitions, latest first, then the latest definition\'s evidence', () => {
    const files = cleanKb();
    const later = 'kb/fix7-p1-next-packet-2026-07-01/production-readiness-blocker-map.json';
    files[later] = json({ doc: 'x', date: '2026-07-01', blockers: [{ id: BIRTH, item: 'still open', evidence: '…/fix7-p0-demo-packet-2026-06-12/precondition-checklist.json PC-7' }] });
    const { service, at, show } = setup(files);
    assert.deepEqual(show(service.definition(NOTE, at(NOTE, BIRTH))), [`${later}: "id": "${BIRTH}",`, `${MAP}: "id": "${BIRTH}",`, `${CHECKLIST}: "id": "PC-7",`]);
    // The older definition's own id offers what that definition cites.
    assert.deepEqual(show(service.definition(MAP, at(MAP, `"${BIRTH}"`, 1))), [`${INVENTORY}: "n": 5,`]);
  });

  test('other targets are unchanged: an ID that cites nothing, a surface, a ticket', () => {
    const { service, at, show } = setup(cleanKb());
    assert.deepEqual(show(service.definition(MAP, at(MAP, 'FIX7-P0-PLAN-SURFACE-1'))), [`${INVENTORY}: "plan_ref": "FIX7-P0-PLAN-SURFACE-1"`]);
    assert.deepEqual(show(service.definition(MAP, at(MAP, 'mutation-inventory.json surface 5', 3))), [`${INVENTORY}: "n": 5,`]);
    assert.deepEqual(service.implementation(MAP, at(MAP, 'mutation-inventory.json surface 5', 3)), []);
    assert.deepEqual(service.implementation(NOTE, at(NOTE, 'TKT-OBJ-442')), []);
    assert.deepEqual(service.implementation(NOTE, at(NOTE, 'Owner note')), []);
  });
});

describe('checks and plans that cite evidence', () => {
  test('a check: on its own id the evidence alone; an evidence reference to it, the check and then its evidence', () => {
    const files = cleanKb();
    files[NOTE] += '\nGate: precondition-checklist.json PC-1 PASS.\n';
    const { service, at, show } = setup(files);
    assert.deepEqual(show(service.definition(CHECKLIST, at(CHECKLIST, '"PC-1"', 1))), [`${ROLLBACK}: "id": "RB-STAGING",`]);
    assert.deepEqual(show(service.definition(NOTE, at(NOTE, 'precondition-checklist.json PC-1', 29))), [`${CHECKLIST}: "id": "PC-1",`, `${ROLLBACK}: "id": "RB-STAGING",`]);
    assert.deepEqual(show(service.implementation(NOTE, at(NOTE, 'precondition-checklist.json PC-1', 29))), [`${ROLLBACK}: "id": "RB-STAGING",`]);
    assert.deepEqual(show(service.implementation(CHECKLIST, at(CHECKLIST, '"PC-1"', 2))), [`${ROLLBACK}: "id": "RB-STAGING",`]);
  });

  test('a check that cites nothing keeps its plain definition; its own id goes nowhere', () => {
    const { service, at, show } = setup(cleanKb());
    assert.deepEqual(show(service.definition(NOTE, at(NOTE, 'precondition-checklist.json PC-7'))), [`${CHECKLIST}: "id": "PC-7",`]);
    assert.deepEqual(service.definition(CHECKLIST, at(CHECKLIST, '"PC-7"', 1)), []);
  });

  test('a plan citing a check', () => {
    const files = cleanKb();
    files[ROLLBACK] = json({ doc: 'fix7-p0-rollback-recovery-design', date: '2026-06-12', plans: [{ id: 'RB-STAGING', status: 'PROVEN', evidence: 'precondition-checklist.json PC-1 PASS' }, { id: 'RB-PROD', status: 'TBD' }] });
    const { service, at, show } = setup(files);
    assert.deepEqual(show(service.definition(ROLLBACK, at(ROLLBACK, '"RB-STAGING"', 3))), [`${CHECKLIST}: "id": "PC-1",`]);
    // From the checklist's evidence reference: the plan, then what the plan cites.
    assert.deepEqual(show(service.definition(CHECKLIST, at(CHECKLIST, 'rollback-recovery-design.json RB-STAGING', 2))), [`${ROLLBACK}: "id": "RB-STAGING",`, `${CHECKLIST}: "id": "PC-1",`]);
  });

  test('a surface\'s evidence is no citation: its plain definition stays', () => {
    const files = cleanKb();
    files[INVENTORY] = json({ doc: 'fix7-p0-mutation-inventory', date: '2026-06-12', surfaces: [{ n: 5, name: 'x', class: 'STAGING_ONLY', evidence: 'rollback-recovery-design.json RB-STAGING' }, { n: 6, name: 'y', class: 'FORBIDDEN' }] });
    const { service, at, show } = setup(files);
    assert.deepEqual(show(service.definition(MAP, at(MAP, 'mutation-inventory.json surface 5', 3))), [`${INVENTORY}: "n": 5,`]);
    assert.deepEqual(service.evidenceLenses(INVENTORY), []);
  });
});

describe('evidence code lenses', () => {
  test('one lens per piece of evidence on each citing entry, the first titled "evidence: …"', () => {
    const files = withBlockers({ id: 'FIX7-P0-MANY-1', item: 'x', evidence: 'mutation-inventory.json surface 5; precondition-checklist.json PC-7 FAIL; delegation-and-authority-lock.json' });
    files[LOCK] = lockFile;
    const { service, show } = setup(files);
    const lenses = service.evidenceLenses(MAP);
    assert.deepEqual(
      lenses.map((l) => [l.id, l.title, ...show([l.target])]),
      [
        [BIRTH, 'evidence: surface 5', `${INVENTORY}: "n": 5,`],
        ['FIX7-P0-PROD-CI-SCOPE-1', 'evidence: surface 10', `${INVENTORY}: "n": 10,`],
        ['FIX7-P0-PLAN-REALRUN-1', 'evidence: PC-7', `${CHECKLIST}: "id": "PC-7",`],
        ['FIX7-P0-DRYRUN-PROD-ROLLBACK-1', 'evidence: RB-PROD', `${ROLLBACK}: "id": "RB-PROD",`],
        ['FIX7-P0-OPERATOR-INPUT-1', 'evidence: forbidden surfaces', `${INVENTORY}: "n": 6,`],
        ['FIX7-P0-MANY-1', 'evidence: surface 5', `${INVENTORY}: "n": 5,`],
        ['FIX7-P0-MANY-1', 'PC-7', `${CHECKLIST}: "id": "PC-7",`],
        ['FIX7-P0-MANY-1', 'delegation-and-authority-lock.json', `${LOCK}: {`],
      ],
    );
    const text = files[MAP] ?? '';
    const lines = new LineIndex(text);
    const birth = lenses[0]!;
    assert.equal(text.slice(lines.offsetAt(birth.range.start), lines.offsetAt(birth.range.end)), BIRTH, 'on the ID, without its quotes');
  });

  test('checks and plans get them too; notes and surfaces do not', () => {
    const { service } = setup(cleanKb());
    assert.deepEqual(service.evidenceLenses(CHECKLIST).map((l) => [l.id, l.title]), [['PC-1', 'evidence: RB-STAGING']]);
    assert.deepEqual(service.evidenceLenses(ROLLBACK), []);
    assert.deepEqual(service.evidenceLenses(INVENTORY), []);
    assert.deepEqual(service.evidenceLenses(NOTE), []);
    assert.deepEqual(service.evidenceLenses('kb/missing.json'), []);
  });

  test('a map that does not parse has no evidence lenses', () => {
    const files = cleanKb();
    files[MAP] = (files[MAP] ?? '').replace(/\}\s*$/, '},');
    const { service } = setup(files);
    assert.deepEqual(service.evidenceLenses(MAP), []);
  });

  test('10,000 blockers each citing evidence: one lens each, in one pass over the references', () => {
    const files = cleanKb();
    const blockers = Array.from({ length: 10_000 }, (_, i) => ({ id: `FIX7-P0-B-${i}`, item: 'x', evidence: `mutation-inventory.json surface ${5 + (i % 2) * 5}` }));
    files[MAP] = json({ doc: 'fix7-p0-production-readiness-blocker-map', date: '2026-06-12', blockers });
    const { service } = setup(files);
    const lenses = service.evidenceLenses(MAP);
    assert.equal(lenses.length, 10_000);
    assert.equal(lenses[9_999]?.title, 'evidence: surface 10');
  });
});
