import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerFor, cleanKb, describeAll, expectClean, expectOnly, json, NOTE, PACKET } from '../helpers/kb';
import { Severity } from '../../server/src/core/severity';

const LOCK = `${PACKET}/delegation-and-authority-lock.json`;
const MAP = `${PACKET}/production-readiness-blocker-map.json`;

/** The seeds' lock: a no-production grant; production, REAL_RUN and the rest withheld. */
function lock(extraGrants: object[] = []): string {
  return json({
    doc: 'fix7-p0-delegation-and-authority-lock',
    date: '2026-06-12',
    grants: [{ id: 'AUTHORIZE_IMPLEMENTATION_EXECUTION_NO_PRODUCTION', scope: 'no-production', actions: ['implementation-execution', 'staging-rollback'] }, ...extraGrants],
    withheld: [{ action: 'production', needs: 'FIX7-P0-PROD-BIRTH-SURFACE-1' }, { action: 'REAL_RUN', needs: 'FIX7-P0-PLAN-REALRUN-1' }, { action: 'cutover' }],
  });
}

function kb(noteBody: string, lockText: string | undefined = lock()): Record<string, string> {
  const files = cleanKb();
  if (lockText !== undefined) files[LOCK] = lockText;
  files[NOTE] = `# Owner note\n\nSee fix7-p0-demo-packet-2026-06-12/production-readiness-blocker-map.json.\n\n${noteBody}\n`;
  return files;
}

describe('implied-production-grant against the governing lock', () => {
  test('a status line is flagged on exactly the claim, naming the lock and what it withholds', () => {
    const d = expectOnly(kb('Production: AUTHORIZED.'), NOTE, 'implied-production-grant', 'Production: AUTHORIZED', 'delegation-and-authority-lock.json grants none', 'withheld until FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(d.severity, Severity.Error);
    assert.equal(d.relatedInformation?.[0]?.path, LOCK);
    assert.match(d.relatedInformation?.[0]?.message ?? '', /withheld: production/);
  });

  test('a lock granting REAL_RUN in production clears "REAL_RUN granted" but not "cutover authorized"', () => {
    const granting = lock([{ id: 'AUTHORIZE_REAL_RUN', scope: 'production', actions: ['REAL_RUN'] }]);
    expectClean(kb('REAL_RUN granted per owner note of 2026-06-14.', granting));
    expectOnly(kb('REAL_RUN granted per owner note. Cutover authorized.', granting), NOTE, 'implied-production-grant', 'Cutover authorized', 'for cutover');
  });

  test('a grant of "production" covers every production action; a no-production scope covers none', () => {
    expectClean(kb('Cutover authorized; REAL_RUN granted.', lock([{ id: 'PROD', scope: 'production', actions: ['production'] }])));
    expectOnly(kb('REAL_RUN granted.', lock([{ id: 'NOPROD', scope: 'no-production', actions: ['REAL_RUN'] }])), NOTE, 'implied-production-grant', 'REAL_RUN granted');
  });

  test('negated, conditional, blocked and staging statements are not claims', () => {
    expectClean(kb(['No REAL_RUN was performed.', '', 'Production: BLOCKED.', '', 'Cutover only after FIX7-P0-PROD-BIRTH-SURFACE-1 is resolved.', '', 'Staging rollback proven.'].join('\n')));
  });

  test('a list under a hedging lead lists needs, not facts; a relative clause in it still asserts', () => {
    const needs = ['What a production phase would need', '', '  1. Separate owner grants for repoint and cutover, each recorded in the lock.', '  2. A proven production restore.'].join('\n');
    expectClean(kb(needs));
    // A heading of a dozen words is still a lead.
    expectClean(kb(needs.replace('What a production phase would need', 'What would have to be true before I could support a go-live')));
    // The same item under a lead that hedges nothing is a claim.
    expectOnly(kb(needs.replace('What a production phase would need', 'Done so far')), NOTE, 'implied-production-grant', 'repoint and cutover, each recorded');
    // "which the owner confirmed" is a fact even in a list of plans.
    const plans = ['Next steps (plans, not decisions)', '', '  • The repoint, which the owner confirmed in writing, is planned for 12-01.'].join('\n');
    expectOnly(kb(plans), NOTE, 'implied-production-grant', 'repoint, which the owner confirmed');
  });

  test('a record lead placed in time ("Status after the thread") hedges nothing; a plan placed in time still does', () => {
    const item = '  • Repoint: GRANTED by owner in chat at 09:40, executed 09:52.';
    expectOnly(kb(['Status after the thread', '', item].join('\n')), NOTE, 'implied-production-grant', 'Repoint: GRANTED');
    expectClean(kb(['Status before the thread', '', '  • Repoint: HOLD.'].join('\n')));
    expectClean(kb(['What we would do before the cutover', '', item].join('\n')));
  });

  test('a lead asking to correct the writer\'s reading hedges nothing; one asking to confirm the items does', () => {
    const item = '  • The repoint was approved by owner in chat and executed at 10:42.';
    expectOnly(kb(['What this means (my reading, please correct)', '', item].join('\n')), NOTE, 'implied-production-grant', 'repoint was approved');
    expectClean(kb(['Please confirm', '', item].join('\n')));
  });

  test('a timeline line opening with a time is a sentence of its own, even soft-wrapped into one paragraph', () => {
    const timeline = ['Timeline', '', '  21:40  pre-checks; PC-7 FAIL as expected (REAL_RUN not granted)', '  02:07  repointed login CNAME -> prod-lb'].join('\n');
    expectOnly(kb(timeline), NOTE, 'implied-production-grant', 'repointed');
    // A wrapped sentence whose next line opens with a time still runs on after a preposition.
    expectClean(kb('The repoint is not approved and will not run at\n02:07 tonight.'));
  });

  test('text in code spans and code blocks is not prose', () => {
    expectClean(kb('Write `Production: AUTHORIZED` only when granted.\n\n```\nProduction: AUTHORIZED\n```'));
  });

  test('a workspace with no lock grants nothing', () => {
    const files = kb('REAL_RUN granted.', undefined);
    delete files[LOCK];
    expectOnly(files, NOTE, 'implied-production-grant', 'REAL_RUN granted', 'no authority lock governs this note');
  });

  test('a lock that does not parse grants nothing, and the lock gets the syntax error', () => {
    const broken = lock([{ id: 'AUTHORIZE_REAL_RUN', scope: 'production', actions: ['REAL_RUN'] }]).replace(/}\n$/, ',}\n');
    const { analyzer } = analyzerFor(kb('REAL_RUN granted.', broken));
    const files = kb('REAL_RUN granted.', broken);
    assert.deepEqual(describeAll(analyzer, files).sort(), [`${LOCK}: json-syntax ","`, `${NOTE}: implied-production-grant "REAL_RUN granted"`]);
    assert.match(analyzer.diagnostics(NOTE)[0]?.message ?? '', /does not parse, so it grants nothing/);
  });

  test('a note is governed by the locks of the packets it cites', () => {
    const files = kb('REAL_RUN granted.');
    const other = 'kb/fix7-p1-granted-packet-2026-07-01';
    files[`${other}/delegation-and-authority-lock.json`] = json({ doc: 'x-delegation-and-authority-lock', date: '2026-07-01', grants: [{ id: 'G', scope: 'production', actions: ['REAL_RUN'] }], withheld: [] });
    files[`${other}/precondition-checklist.json`] = json({ doc: 'x-precondition-checklist', date: '2026-07-01', checks: [] });
    // Cites the demo packet only: its lock withholds REAL_RUN.
    expectOnly(files, NOTE, 'implied-production-grant', 'REAL_RUN granted');
    // Cites the granting packet too: any governing lock's grant counts.
    files[NOTE] = (files[NOTE] ?? '').replace('REAL_RUN granted.', `REAL_RUN granted (see ${other}/precondition-checklist.json).`);
    expectClean(files);
    // Cites nothing: every lock governs, and one grants it.
    files[NOTE] = '# Note\n\nREAL_RUN granted.\n';
    expectClean(files);
  });

  test('JSON string values of packet documents are read, and governed by their own packet’s lock', () => {
    const files = kb('Nothing to add.');
    files[MAP] = (files[MAP] ?? '').replace('"item": "REAL_RUN needs its own grant"', '"item": "REAL_RUN approved by the owner"');
    expectOnly(files, MAP, 'implied-production-grant', 'REAL_RUN approved', 'grants none');
  });

  test('"production_work_performed": true is a claim, on the value', () => {
    const files = kb('Nothing to add.');
    files[MAP] = (files[MAP] ?? '').replace('"production_work_performed": false', '"production_work_performed": true');
    expectOnly(files, MAP, 'implied-production-grant', 'true', '"production_work_performed": true records production work as done');
    files[LOCK] = lock([{ id: 'PROD', scope: 'production', actions: ['production'] }]);
    expectClean(files);
  });
});

describe('suppression comments', () => {
  test('with a reason, the next line’s finding is silenced', () => {
    expectClean(kb('<!-- govlens-disable-next-line implied-production-grant: quoting the retracted 06-14 note verbatim -->\nCutover authorized; operator to proceed at 02:00 UTC.'));
  });
  test('without a reason nothing is silenced, and the comment gets a hint', () => {
    const files = kb('<!-- govlens-disable-next-line implied-production-grant -->\nCutover authorized.');
    const { analyzer } = analyzerFor(files);
    const found = analyzer.diagnostics(NOTE);
    assert.deepEqual(found.map((d) => [d.severity, d.code]), [[Severity.Hint, 'implied-production-grant'], [Severity.Error, 'implied-production-grant']]);
    assert.ok(found[0]?.message.startsWith('This suppression has no reason, so it silences nothing'), found[0]?.message);
    assert.ok(found[1]?.message.startsWith('"Cutover authorized" asserts a production grant for cutover'), found[1]?.message);
  });
  test('a placeholder, a stand-in or a reason under three words silences nothing; three words do', () => {
    for (const reason of ['say why this is not a grant', '<say why this is not a grant>', 'TODO', '<reason>', '...', 'owner approved']) {
      const { analyzer } = analyzerFor(kb(`<!-- govlens-disable-next-line implied-production-grant: ${reason} -->\nCutover authorized.`));
      const found = analyzer.diagnostics(NOTE);
      assert.deepEqual(found.map((d) => d.code), ['implied-production-grant', 'implied-production-grant'], reason);
      assert.match(found.find((d) => d.severity === Severity.Hint)?.message ?? '', /is not a reason, so this suppression silences nothing/, reason);
    }
    expectClean(kb('<!-- govlens-disable-next-line implied-production-grant: quoted from the retracted note -->\nCutover authorized.'));
  });
  test('a suppression that silences nothing is a hint', () => {
    const d = expectOnly(kb('<!-- govlens-disable-next-line implied-production-grant: old -->\nProduction: BLOCKED.'), NOTE, 'implied-production-grant', '<!-- govlens-disable-next-line implied-production-grant: old -->', 'silences nothing');
    assert.equal(d.severity, Severity.Hint);
  });
});

describe('field roles in packet documents (spec §5)', () => {
  const CHECKLIST = `${PACKET}/precondition-checklist.json`;
  const PC8 = 'QT001/apply, permit, activation, repoint, cutover each separately authorized';

  function withCheck(status: string): Record<string, string> {
    const files = kb('Nothing to add.');
    files[CHECKLIST] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-7', item: 'REAL_RUN grant', status: 'FAIL' }, { id: 'PC-8', item: PC8, status }] });
    return files;
  }

  test('a FAIL, N/A or TBD checklist item claims nothing; with PASS it is one finding naming every action', () => {
    for (const status of ['FAIL', 'N/A', 'TBD', 'PENDING']) expectClean(withCheck(status));
    const d = expectOnly(withCheck('PASS'), CHECKLIST, 'implied-production-grant', PC8, 'for QT001/apply, permit, activation, repoint, cutover', 'grants none');
    assert.deepEqual(d.data?.actions, ['QT001/apply', 'permit', 'activation', 'repoint', 'cutover']);
    // The lock withholds cutover: the one finding points at that entry.
    assert.ok(d.relatedInformation?.some((r) => r.message === 'withheld: cutover'));
  });

  test('a failed negated item says what it rules out happened', () => {
    const files = kb('Nothing to add.');
    files[CHECKLIST] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-7', item: 'REAL_RUN grant', status: 'FAIL' }, { id: 'PC-5', item: 'no CI/deploy in this macro', status: 'FAIL' }] });
    expectOnly(files, CHECKLIST, 'implied-production-grant', 'CI/deploy', 'for CI/deploy');
    files[CHECKLIST] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-7', item: 'REAL_RUN grant', status: 'FAIL' }, { id: 'PC-5', item: 'no CI/deploy in this macro', status: 'PASS' }] });
    expectClean(files);
  });

  test('a failed item worded as a state left alone ("secrets unchanged since 06-01") says the change happened', () => {
    const files = kb('Nothing to add.');
    const check = (status: string) => json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-7', item: 'REAL_RUN grant', status: 'FAIL' }, { id: 'PC-9', item: 'production secrets unchanged since 06-01', status }] });
    files[CHECKLIST] = check('FAIL');
    expectOnly(files, CHECKLIST, 'implied-production-grant', 'production secrets', 'for secrets-change');
    files[CHECKLIST] = check('PASS');
    expectClean(files);
  });

  test('a failed negated item naming 200,000 actions is one finding (its mentions are not spread into a call)', () => {
    const files = kb('Nothing to add.');
    files[CHECKLIST] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-7', item: 'REAL_RUN grant', status: 'FAIL' }, { id: 'PC-5', item: `no ${'cutover, '.repeat(200_000)}`, status: 'FAIL' }] });
    const { analyzer } = analyzerFor(files);
    assert.deepEqual(analyzer.diagnostics(CHECKLIST).map((d) => [d.code, d.data?.actions]), [['implied-production-grant', ['cutover']]]);
  });

  test("a blocker's next action is the step to take: a grant verb in the present there grants nothing, a past one still claims", () => {
    const files = kb('Nothing to add.');
    const map = JSON.parse(files[MAP]!) as { blockers: object[] };
    const blocker = (nextAction: string) =>
      json({ ...map, blockers: [...map.blockers, { id: 'FIX7-P0-PROD-KEYROT-1', item: 'production key rotation needs its own grant', evidence: 'none yet', actor_needed: 'owner', next_action: nextAction, blocks: 'secrets-change' }] });
    files[MAP] = blocker('owner grants a separate key-rotation authorization before any production secrets change');
    expectClean(files);
    files[MAP] = blocker('none: the owner already approved the production secrets change on 06-11');
    expectOnly(files, MAP, 'implied-production-grant', 'approved the production secrets change', 'for secrets-change');
  });

  test('lock grant and withheld entries, statuses and classes are the record, never claims; a grant evidence string is prose', () => {
    const files = kb('Nothing to add.');
    files[LOCK] = json({
      doc: 'fix7-p0-delegation-and-authority-lock',
      date: '2026-06-12',
      grants: [{ id: 'AUTHORIZE_CUTOVER_PRODUCTION_DRAFT', scope: 'production', actions: ['cutover'], status: 'PROPOSED', granted_by: 'owner' }],
      withheld: [{ action: 'REAL_RUN', needs: 'FIX7-P0-PLAN-REALRUN-1', note: 'owner approved REAL_RUN? no: withheld until the plan is resolved' }],
    });
    expectClean(files);
    // A proposed production grant grants nothing, so a note claiming the cutover is reported.
    files[NOTE] = (files[NOTE] ?? '') + '\nCutover approved by the owner.\n';
    expectOnly(files, NOTE, 'implied-production-grant', 'Cutover approved', 'grants none');
  });

  test('a clean two-packet KB in the seeds’ style draws no implied-production-grant', () => {
    const second = 'kb/fix7-p1-operative-birth-lane-packet-2026-06-20';
    const files = kb(
      [
        'Status line',
        '',
        '  • No-production implementation execution: DONE / APPLIED.',
        '  • Production: BLOCKED (unchanged; nothing production was touched).',
        '  • Default for production: HOLD.',
        '',
        'What was deliberately NOT done',
        '',
        '  • No production mutation, no PG/Directus/system_issues/registry-row, no CI/deploy, no REAL_RUN, no QT001/apply, no permit/activation/repoint/cutover, no secrets change.',
        '  • Staging rollback proven; the no-production grant was applied.',
        '',
        `See ${second}/precondition-checklist.json PC-8 FAIL.`,
      ].join('\n'),
    );
    files[`${second}/precondition-checklist.json`] = json({
      doc: 'fix7-p1-precondition-checklist',
      date: '2026-06-20',
      checks: [
        { id: 'PC-7', item: 'REAL_RUN separately authorized by owner', status: 'FAIL', evidence: 'no REAL_RUN grant in lock' },
        { id: 'PC-8', item: PC8, status: 'FAIL', evidence: 'lock withholds each of them' },
        { id: 'PC-9', item: 'no production mutation performed', status: 'PASS' },
      ],
    });
    files[`${second}/production-readiness-blocker-map.json`] = json({
      doc: 'fix7-p1-production-readiness-blocker-map',
      date: '2026-06-20',
      blockers: [
        { id: 'FIX7-P1-PLAN-SEPARATE-AUTH-1', item: 'QT001/apply, permit, activation, repoint, cutover each require separate authorization', next_action: 'owner decides whether to authorize a production phase', blocks: 'production' },
      ],
      resolved_in_this_macro: [],
      production_work_performed: false,
    });
    files[`${second}/delegation-and-authority-lock.json`] = json({
      doc: 'fix7-p1-delegation-and-authority-lock',
      date: '2026-06-20',
      grants: [{ id: 'AUTHORIZE_IMPLEMENTATION_EXECUTION_NO_PRODUCTION', scope: 'no-production', actions: ['implementation-execution', 'staging-rollback'] }],
      withheld: [{ action: 'production' }, { action: 'REAL_RUN' }, { action: 'QT001/apply' }, { action: 'permit' }, { action: 'activation' }, { action: 'repoint' }, { action: 'cutover' }, { action: 'CI/deploy' }],
    });
    files[`${second}/mutation-inventory.json`] = json({
      doc: 'fix7-p1-mutation-inventory',
      date: '2026-06-20',
      surfaces: [{ n: 1, name: 'KB notes', class: 'KB_ADDITIVE' }, { n: 2, name: 'production birth pipeline', class: 'PRODUCTION_UNKNOWN_NEEDS_SCOPING' }],
    });
    files[`${second}/rollback-recovery-design.json`] = json({
      doc: 'fix7-p1-rollback-recovery-design',
      date: '2026-06-20',
      plans: [{ id: 'RB-STAGING', status: 'PROVEN', scope: 'staging rollback of the lane' }, { id: 'RB-PROD', status: 'TBD', scope: 'production PG snapshot + restore, before any production apply' }],
    });
    const { analyzer } = analyzerFor(files);
    const found = describeAll(analyzer, files).filter((d) => d.includes('implied-production-grant'));
    assert.deepEqual(found, []);
  });
});
