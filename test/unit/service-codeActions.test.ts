import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerFor, cleanKb, describeAll, json, NOTE, PACKET } from '../helpers/kb';
import { codeActions, type CodeAction } from '../../server/src/core/service/codeActions';
import type { WorkspaceEdit } from '../../server/src/core/service/types';
import type { DiagnosticCode } from '../../server/src/core/codes';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Analyzer } from '../../server/src/core/analyzer';
import type { Diagnostic } from '../../server/src/core/types';

const MAP = `${PACKET}/production-readiness-blocker-map.json`;
const CHECKLIST = `${PACKET}/precondition-checklist.json`;
const INVENTORY = `${PACKET}/mutation-inventory.json`;
const RESERVATIONS = `${PACKET}/ticket-reservations.json`;
const OTHER_PACKET = 'kb/fix7-p0-other-packet-2026-06-13';
const EXTRA = `${PACKET}/review-log.json`;

/** The clean KB with the note's body replaced (its header line and footer kept). */
function withNote(body: string): Record<string, string> {
  return { ...cleanKb(), [NOTE]: `# Owner note\n\n${body}\n\nBack to Knowledge Hub kb/owner-note.md\n` };
}

function only(analyzer: Analyzer, path: string, code: DiagnosticCode): Diagnostic {
  const found = analyzer.diagnostics(path).filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code} in ${path}, got ${found.length}`);
  return found[0] as Diagnostic;
}

/** The actions for one diagnostic of `code` in `path`, as the editor would ask at its range. */
function fixes(files: Record<string, string>, path: string, code: DiagnosticCode): { actions: CodeAction[]; diagnostic: Diagnostic; analyzer: Analyzer } {
  const { analyzer } = analyzerFor(files);
  const diagnostic = only(analyzer, path, code);
  return { actions: codeActions(analyzer, path, diagnostic.range, [diagnostic]), diagnostic, analyzer };
}

function apply(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const result = { ...files };
  for (const [path, edits] of Object.entries(edit)) {
    const text = result[path] ?? '';
    const lines = new LineIndex(text);
    const offsets = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
    let changed = text;
    for (const e of offsets.sort((a, b) => b.start - a.start)) changed = changed.slice(0, e.start) + e.newText + changed.slice(e.end);
    result[path] = changed;
  }
  return result;
}

function clean(files: Record<string, string>): void {
  const { analyzer } = analyzerFor(files);
  assert.deepEqual(describeAll(analyzer, files), []);
}

/** Applies the action titled `title` and asserts the workspace is then clean. */
function applyClean(files: Record<string, string>, actions: CodeAction[], title: string): Record<string, string> {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}" in ${actions.map((a) => a.title).join(' | ')}`);
  const fixed = apply(files, action.edit);
  clean(fixed);
  return fixed;
}

describe('unknown-id', () => {
  test('changes the ID to the closest defined one, as the preferred quick fix', () => {
    const files = withNote('Blocked by FIX7-P0-PROD-BIRTH-SURFACE-2.');
    const { actions, diagnostic } = fixes(files, NOTE, 'unknown-id');
    assert.equal(actions.length, 1);
    const [action] = actions as [CodeAction];
    assert.equal(action.title, 'Change to FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, [diagnostic]);
    const fixed = applyClean(files, actions, 'Change to FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.match(fixed[NOTE] ?? '', /Blocked by FIX7-P0-PROD-BIRTH-SURFACE-1\./);
  });

  test('in resolved_in_this_macro, changes to the closest blocker', () => {
    const files = cleanKb();
    files[MAP] = (files[MAP] ?? '').replace('"resolved_in_this_macro": []', '"resolved_in_this_macro": ["FIX7-P0-PROD-CI-SCOPE-2"]');
    const { actions } = fixes(files, MAP, 'unknown-id');
    applyClean(files, actions, 'Change to FIX7-P0-PROD-CI-SCOPE-1');
  });

  test('nothing without a suggestion, when the text changed, or when the diagnostic is outside the range asked about', () => {
    assert.deepEqual(fixes(withNote('Blocked by FIX7-P0-ZZZZZZZZZZZZZZ-99.'), NOTE, 'unknown-id').actions, []);

    const files = withNote('Blocked by FIX7-P0-PROD-BIRTH-SURFACE-2.');
    const { analyzer, workspace } = analyzerFor(files);
    const diagnostic = only(analyzer, NOTE, 'unknown-id');
    const elsewhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.deepEqual(codeActions(analyzer, NOTE, elsewhere, [diagnostic]), []);
    workspace.set(NOTE, (files[NOTE] ?? '').replace('Blocked by FIX7', 'Blocked by  FIX7'));
    assert.deepEqual(codeActions(analyzer, NOTE, diagnostic.range, [diagnostic]), []);
  });

  test('a source action fixes every unknown ID of the file at once, when there are several', () => {
    const files = withNote('Blocked by FIX7-P0-PROD-BIRTH-SURFACE-2 and FIX7-P0-PROD-CI-SCOPE-2.');
    const { analyzer } = analyzerFor(files);
    const diagnostics = analyzer.diagnostics(NOTE);
    const first = diagnostics[0] as Diagnostic;
    const actions = codeActions(analyzer, NOTE, first.range, [first]);
    const all = actions.find((a) => a.kind === 'source');
    assert.equal(all?.title, 'Fix all unknown IDs in this file (2)');
    assert.equal(all?.diagnostics.length, 2);
    applyClean(files, actions, 'Fix all unknown IDs in this file (2)');
    const single = withNote('Blocked by FIX7-P0-PROD-BIRTH-SURFACE-2.');
    assert.ok(!fixes(single, NOTE, 'unknown-id').actions.some((a) => a.kind === 'source'));
  });
});

describe('evidence-status-mismatch', () => {
  test('states the status the cited entry has', () => {
    const files = cleanKb();
    files[MAP] = (files[MAP] ?? '').replace('precondition-checklist.json PC-7 FAIL', 'precondition-checklist.json PC-7 PASS');
    const { actions } = fixes(files, MAP, 'evidence-status-mismatch');
    assert.equal(actions[0]?.isPreferred, true);
    applyClean(files, actions, 'Change to FAIL (as in precondition-checklist.json)');
  });

  test('a surface gets its class', () => {
    const files = withNote('Evidence: mutation-inventory.json surface 5 STAGING_ONLY.');
    applyClean(files, fixes(files, NOTE, 'evidence-status-mismatch').actions, 'Change to PRODUCTION_UNKNOWN_NEEDS_SCOPING (as in mutation-inventory.json)');
  });

  test('nothing once the cited entry changed to match', () => {
    const files = withNote('Evidence: precondition-checklist.json PC-7 PASS.');
    const { analyzer, workspace } = analyzerFor(files);
    const diagnostic = only(analyzer, NOTE, 'evidence-status-mismatch');
    workspace.set(CHECKLIST, (files[CHECKLIST] ?? '').replace('"FAIL"', '"PASS"'));
    assert.deepEqual(codeActions(analyzer, NOTE, diagnostic.range, [diagnostic]), []);
  });
});

describe('evidence-missing-anchor (issue 13, item 14)', () => {
  const titles = (actions: CodeAction[]) => actions.map((a) => a.title);

  test('offers the nearest entries of the cited file: edit distance, then shared prefix, then the nearer number', () => {
    const files = withNote('Evidence: precondition-checklist.json PC-9.');
    const { actions } = fixes(files, NOTE, 'evidence-missing-anchor');
    assert.deepEqual(titles(actions), ['Change to PC-7 (FAIL in precondition-checklist.json)', 'Change to PC-1 (PASS in precondition-checklist.json)']);
    applyClean(files, actions, 'Change to PC-7 (FAIL in precondition-checklist.json)');
    applyClean(files, actions, 'Change to PC-1 (PASS in precondition-checklist.json)');
  });

  test('a typo one edit away is the preferred fix; a stated status is kept', () => {
    const files = withNote('Evidence: precondition-checklist.json PX-7 FAIL.');
    const { actions } = fixes(files, NOTE, 'evidence-missing-anchor');
    assert.equal(actions[0]?.title, 'Change to PC-7 (FAIL in precondition-checklist.json)');
    assert.equal(actions[0]?.isPreferred, true);
    assert.ok(actions.slice(1).every((a) => !a.isPreferred));
    applyClean(files, actions, 'Change to PC-7 (FAIL in precondition-checklist.json)');
  });

  test('a surface: the nearest surface numbers, at most three', () => {
    const files = withNote('Evidence: mutation-inventory.json surface 9.');
    const { actions } = fixes(files, NOTE, 'evidence-missing-anchor');
    assert.deepEqual(titles(actions), [
      'Change to surface 10 (CONFIG_UNKNOWN_NEEDS_SCOPING in mutation-inventory.json)',
      'Change to surface 6 (FORBIDDEN in mutation-inventory.json)',
      'Change to surface 5 (PRODUCTION_UNKNOWN_NEEDS_SCOPING in mutation-inventory.json)',
    ]);
    applyClean(files, actions, 'Change to surface 6 (FORBIDDEN in mutation-inventory.json)');
  });

  test('at most three of many entries; in a packet document the edit stays inside the JSON string', () => {
    const files = cleanKb();
    files[CHECKLIST] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12', checks: Array.from({ length: 12 }, (_, i) => ({ id: `PC-${i + 1}`, item: `check ${i + 1}`, status: 'FAIL' })) });
    files[MAP] = (files[MAP] ?? '').replace('precondition-checklist.json PC-7 FAIL', 'precondition-checklist.json PC-70 FAIL');
    const { actions } = fixes(files, MAP, 'evidence-missing-anchor');
    assert.deepEqual(titles(actions), ['Change to PC-7 (FAIL in precondition-checklist.json)', 'Change to PC-10 (FAIL in precondition-checklist.json)', 'Change to PC-12 (FAIL in precondition-checklist.json)']);
    applyClean(files, actions, 'Change to PC-7 (FAIL in precondition-checklist.json)');
  });

  test('nothing for "forbidden surfaces", for a file without entries, or once the text or the cited file changed', () => {
    const inventory = cleanKb()[INVENTORY] ?? '';
    const forbidden = { ...withNote('Evidence: mutation-inventory.json forbidden surfaces.'), [INVENTORY]: inventory.replace('"FORBIDDEN"', '"STAGING_ONLY"') };
    assert.deepEqual(fixes(forbidden, NOTE, 'evidence-missing-anchor').actions, []);
    const empty = { ...withNote('Evidence: precondition-checklist.json PC-9.'), [CHECKLIST]: json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12', checks: [] }) };
    assert.deepEqual(fixes(empty, NOTE, 'evidence-missing-anchor').actions, []);
    const files = withNote('Evidence: precondition-checklist.json PC-9.');
    const { analyzer, workspace } = analyzerFor(files);
    const diagnostic = only(analyzer, NOTE, 'evidence-missing-anchor');
    workspace.set(CHECKLIST, (files[CHECKLIST] ?? '').replace('"PC-7"', '"PC-9"'));
    assert.deepEqual(codeActions(analyzer, NOTE, diagnostic.range, [diagnostic]), []);
    workspace.set(CHECKLIST, files[CHECKLIST] ?? '');
    workspace.set(NOTE, (files[NOTE] ?? '').replace('PC-9', 'PC-7'));
    assert.deepEqual(codeActions(analyzer, NOTE, diagnostic.range, [diagnostic]), []);
  });
});

describe('evidence-missing-file', () => {
  const cases: [string, string, string][] = [
    ['a bare name stays bare', 'Evidence: precondition-checklst.json PC-7 FAIL.', 'precondition-checklist.json'],
    ['an elided path keeps its folders', 'See …/packet-2026-06-12/production-readiness-blocker-mapp.json.', '…/packet-2026-06-12/production-readiness-blocker-map.json'],
    ['a wrong folder is corrected relative to the note', 'See fix7-p0-demo-packet-2026-06-13/mutation-inventory.json.', 'fix7-p0-demo-packet-2026-06-12/mutation-inventory.json'],
    ['a rooted path stays rooted', 'See /kb/fix7-p0-demo-packet-2026-06-12/mutation-inventry.json.', '/kb/fix7-p0-demo-packet-2026-06-12/mutation-inventory.json'],
    ['a Markdown link stays relative', 'See [checklist](fix7-p0-demo-packet-2026-06-12/precondition-checklst.json).', 'fix7-p0-demo-packet-2026-06-12/precondition-checklist.json'],
  ];
  for (const [name, body, expected] of cases) {
    test(name, () => {
      const files = withNote(body);
      const { actions } = fixes(files, NOTE, 'evidence-missing-file');
      assert.equal(actions.length, 1);
      const fixed = applyClean(files, actions, `Change to ${expected}`);
      assert.ok(fixed[NOTE]?.includes(expected));
    });
  }

  test('a relative path from another packet keeps its ../', () => {
    const files = cleanKb();
    const path = `${OTHER_PACKET}/review-log.json`;
    files[path] = json({ doc: 'review-log', date: '2026-06-13', evidence: '../fix7-p0-demo-packet-2026-06-12/mutation-inventry.json surface 5' });
    applyClean(files, fixes(files, path, 'evidence-missing-file').actions, 'Change to ../fix7-p0-demo-packet-2026-06-12/mutation-inventory.json');
  });

  test('the footer gets the note’s path from the root', () => {
    const files = cleanKb();
    files[NOTE] = (files[NOTE] ?? '').replace('Back to Knowledge Hub kb/owner-note.md', 'Back to Knowledge Hub kb/owner-notes.md');
    applyClean(files, fixes(files, NOTE, 'evidence-missing-file').actions, 'Change to kb/owner-note.md');
  });

  test('nothing once the file exists', () => {
    const files = withNote('Evidence: precondition-checklst.json PC-7 FAIL.');
    const { analyzer, workspace } = analyzerFor(files);
    const diagnostic = only(analyzer, NOTE, 'evidence-missing-file');
    workspace.set(`${PACKET}/precondition-checklst.json`, files[CHECKLIST] ?? '');
    assert.deepEqual(codeActions(analyzer, NOTE, diagnostic.range, [diagnostic]), []);
  });
});

describe('evidence-ambiguous-file', () => {
  function twoInventories(body: string): Record<string, string> {
    const files = withNote(body);
    files[`${OTHER_PACKET}/mutation-inventory.json`] = json({ doc: 'fix7-p0-mutation-inventory', date: '2026-06-13', surfaces: [{ n: 5, class: 'KB_ADDITIVE' }] });
    return files;
  }

  test('one action per candidate, each writing a path that leads to it alone', () => {
    const files = twoInventories('Evidence: mutation-inventory.json surface 5.');
    const { actions } = fixes(files, NOTE, 'evidence-ambiguous-file');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to fix7-p0-demo-packet-2026-06-12/mutation-inventory.json', 'Change to fix7-p0-other-packet-2026-06-13/mutation-inventory.json'],
    );
    assert.ok(actions.every((a) => a.isPreferred === undefined), 'no candidate is preferred over another');
    applyClean(files, actions, 'Change to fix7-p0-other-packet-2026-06-13/mutation-inventory.json');
  });

  test('an elided path stays elided, with enough folders to be unique', () => {
    const files = twoInventories('See …/mutation-inventory.json.');
    applyClean(files, fixes(files, NOTE, 'evidence-ambiguous-file').actions, 'Change to …/fix7-p0-demo-packet-2026-06-12/mutation-inventory.json');
  });

  test('nothing when the text is no longer the ambiguous name', () => {
    const files = twoInventories('Evidence: mutation-inventory.json surface 5.');
    const { analyzer, workspace } = analyzerFor(files);
    const diagnostic = only(analyzer, NOTE, 'evidence-ambiguous-file');
    workspace.set(NOTE, (files[NOTE] ?? '').replace('Evidence: mutation-inventory.json', 'Evidence: mutation-inventorx.json'));
    assert.deepEqual(codeActions(analyzer, NOTE, diagnostic.range, [diagnostic]), []);
  });
});

describe('ticket-range-invalid', () => {
  test('a reversed reservation range is swapped', () => {
    const files = cleanKb();
    files[RESERVATIONS] = (files[RESERVATIONS] ?? '').replace('TKT-OBJ-442..461', 'TKT-OBJ-461..442');
    const { actions } = fixes(files, RESERVATIONS, 'ticket-range-invalid');
    assert.equal(actions[0]?.isPreferred, true);
    applyClean(files, actions, 'Swap to TKT-OBJ-442..461');
  });

  test('three dots in a note become two', () => {
    const files = withNote('Reserves TKT-OBJ-442...461.');
    applyClean(files, fixes(files, NOTE, 'ticket-range-invalid').actions, 'Change to TKT-OBJ-442..461');
  });

  test('nothing without a suggestion, or when the range was rewritten meanwhile', () => {
    assert.deepEqual(fixes(withNote('Reserves TKT-OBJ-442..abc.'), NOTE, 'ticket-range-invalid').actions, []);
    const files = withNote('Reserves TKT-OBJ-461..442.');
    const { analyzer, workspace } = analyzerFor(files);
    const diagnostic = only(analyzer, NOTE, 'ticket-range-invalid');
    workspace.set(NOTE, (files[NOTE] ?? '').replace('TKT-OBJ-461..442', 'TKT-OBJ-470..480'));
    assert.deepEqual(codeActions(analyzer, NOTE, diagnostic.range, [diagnostic]), []);
  });
});

describe('implied-production-grant', () => {
  const seeds: [string, string][] = [
    ['Production: authorized.', 'Production: pending.'],
    ['Production: AUTHORIZED.', 'Production: PENDING.'],
    ['REAL_RUN — APPROVED', 'REAL_RUN — PENDING'],
    ['Cutover: GO', 'Cutover: PENDING'],
    ['REAL_RUN granted.', 'REAL_RUN not yet granted.'],
    ['Cutover authorized.', 'Cutover not yet authorized.'],
    ['Approved for production.', 'Not yet approved for production.'],
    ['Release approved for production.', 'Release not yet approved for production.'],
    ['Production is approved.', 'Production is not yet approved.'],
    ['Production has been authorized.', 'Production has not yet been authorized.'],
    ['The owner authorized the cutover.', 'The owner has not yet authorized the cutover.'],
    ['The owner signed off on the cutover.', 'The owner has not yet signed off on the cutover.'],
    ['We deployed to production.', 'We have not yet deployed to production.'],
    ['The team ran REAL_RUN.', 'The team has not yet run REAL_RUN.'],
    ['The owner approves the cutover.', 'The owner does not yet approve the cutover.'],
    ['The operator may now run REAL_RUN.', 'The operator may not yet run REAL_RUN.'],
    ['Production is no longer blocked.', 'Production is still blocked.'],
    ['REAL_RUN is live.', 'REAL_RUN is pending.'],
    ['**REAL_RUN:** APPROVED by the owner.', '**REAL_RUN:** PENDING by the owner.'],
    ['QT001/apply ran in production.', 'QT001/apply has not yet run in production.'],
    ['Activation happened in production.', 'Activation has not yet happened in production.'],
  ];
  for (const [claim, pending] of seeds) {
    test(`rewords "${claim}" as "${pending}"`, () => {
      const files = withNote(claim);
      const { actions } = fixes(files, NOTE, 'implied-production-grant');
      const reword = actions.find((a) => a.title.startsWith('Reword as pending'));
      assert.ok(reword, actions.map((a) => a.title).join(' | '));
      assert.equal(reword.isPreferred, undefined);
      const fixed = applyClean(files, actions, reword.title);
      assert.ok(fixed[NOTE]?.includes(`\n\n${pending}\n\n`), fixed[NOTE]);
    });
  }

  test('a claim naming two actions is one finding listing both, and one rewording clears it', () => {
    const files = withNote('Activation and repoint were approved by the owner.');
    const { analyzer } = analyzerFor(files);
    const claims = analyzer.diagnostics(NOTE).filter((d) => d.code === 'implied-production-grant');
    assert.equal(claims.length, 1);
    assert.match(claims[0]?.message ?? '', /for activation, repoint/);
    const rewording = codeActions(analyzer, NOTE, claims[0]!.range, claims).find((a) => a.title.startsWith('Reword'))?.edit;
    const fixed = apply(files, rewording ?? {});
    clean(fixed);
    assert.ok(fixed[NOTE]?.includes('Activation and repoint were not yet approved by the owner.'));
  });

  test('the title quotes the reworded claim', () => {
    const { actions } = fixes(withNote('REAL_RUN granted.'), NOTE, 'implied-production-grant');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Reword as pending: "REAL_RUN not yet granted"', 'Suppress with a reason'],
    );
  });

  /** Applies the suppression fix, checks it silences nothing yet, then writes a real reason. */
  function suppressThenReason(files: Record<string, string>): Record<string, string> {
    const action = fixes(files, NOTE, 'implied-production-grant').actions.find((a) => a.title === 'Suppress with a reason');
    assert.ok(action);
    const inserted = apply(files, action.edit);
    const { analyzer } = analyzerFor(inserted);
    const codes = analyzer.diagnostics(NOTE).map((d) => `${d.code}: ${d.message}`);
    assert.ok(codes.some((c) => c.startsWith('implied-production-grant: "REAL_RUN granted"')), codes.join('\n'));
    assert.ok(codes.some((c) => c.includes('is not a reason, so this suppression silences nothing')), codes.join('\n'));
    const reasoned = { ...inserted, [NOTE]: (inserted[NOTE] ?? '').replace('say why this is not a grant', 'quoting the retracted 06-14 note verbatim') };
    clean(reasoned);
    return inserted;
  }

  test('a note may suppress it: the inserted placeholder is no reason until the author writes one', () => {
    const inserted = suppressThenReason(withNote('- item\n  - REAL_RUN granted.'));
    assert.ok(inserted[NOTE]?.includes('- item\n  <!-- govlens-disable-next-line implied-production-grant: say why this is not a grant -->\n  - REAL_RUN granted.'), inserted[NOTE]);
  });

  test('the suppression carries a snippet whose tab stop selects the placeholder', () => {
    const action = fixes(withNote('REAL_RUN granted.'), NOTE, 'implied-production-grant').actions.find((a) => a.title === 'Suppress with a reason');
    const edit = Object.values(action?.edit ?? {})[0]?.[0];
    assert.equal(edit?.snippet, '<!-- govlens-disable-next-line implied-production-grant: ${1:say why this is not a grant} -->\n');
  });

  test('in a quote the suppression is quoted too; CRLF notes get CRLF', () => {
    const inserted = suppressThenReason(withNote('> REAL_RUN granted.'));
    assert.ok(inserted[NOTE]?.includes('> <!-- govlens-disable-next-line implied-production-grant: say why this is not a grant -->\n> REAL_RUN granted.'), inserted[NOTE]);
    const crlf = { ...cleanKb(), [NOTE]: '# Owner note\r\n\r\nREAL_RUN granted.\r\n' };
    const action = fixes(crlf, NOTE, 'implied-production-grant').actions.find((a) => a.title === 'Suppress with a reason');
    assert.ok(apply(crlf, action?.edit ?? {})[NOTE]?.includes('-->\r\nREAL_RUN granted.'));
  });

  test('a suppression already on the line above gains the code instead of being pushed off its line', () => {
    const files = withNote('<!-- govlens-disable-next-line ticket-unreserved: reserved in the July addendum -->\nREAL_RUN granted for TKT-OBJ-900.');
    const { actions } = fixes(files, NOTE, 'implied-production-grant');
    const fixed = applyClean(files, actions, 'Suppress with a reason (in the suppression above)');
    assert.ok(fixed[NOTE]?.includes('<!-- govlens-disable-next-line ticket-unreserved, implied-production-grant: reserved in the July addendum -->'), fixed[NOTE]);
  });

  test('in a packet document only the rewording is offered', () => {
    const files = cleanKb();
    files[EXTRA] = json({ doc: 'review-log', date: '2026-06-12', note: 'Cutover authorized by the owner.' });
    const { actions } = fixes(files, EXTRA, 'implied-production-grant');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Reword as pending: "Cutover not yet authorized"'],
    );
    const fixed = applyClean(files, actions, 'Reword as pending: "Cutover not yet authorized"');
    assert.ok(fixed[EXTRA]?.includes('"note": "Cutover not yet authorized by the owner."'));
  });

  test('no rewording where the wording is not understood; nothing for "production_work_performed": true', () => {
    const { actions } = fixes(withNote('The owner gave the go-ahead for production.'), NOTE, 'implied-production-grant');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Suppress with a reason'],
    );
    const files = cleanKb();
    files[MAP] = (files[MAP] ?? '').replace('"production_work_performed": false', '"production_work_performed": true');
    assert.deepEqual(fixes(files, MAP, 'implied-production-grant').actions, []);
  });

  test('nothing when the claim is no longer there', () => {
    const files = withNote('REAL_RUN granted.');
    const { analyzer, workspace } = analyzerFor(files);
    const diagnostic = only(analyzer, NOTE, 'implied-production-grant');
    workspace.set(NOTE, (files[NOTE] ?? '').replace('REAL_RUN granted.', 'REAL_RUN pending..'));
    assert.deepEqual(codeActions(analyzer, NOTE, diagnostic.range, [diagnostic]), []);
  });
});

test('no actions for codes without a fix, or for a path the workspace does not hold', () => {
  const files = cleanKb();
  files[INVENTORY] = (files[INVENTORY] ?? '').replace('"n": 6', '"n": 5');
  const { actions, diagnostic } = fixes(files, INVENTORY, 'duplicate-id');
  assert.deepEqual(actions, []);
  assert.deepEqual(codeActions(analyzerFor(files).analyzer, 'kb/missing.md', diagnostic.range, [diagnostic]), []);
});

describe('file names inserted into JSON strings are escaped (issue 13, item 6)', () => {
  // A quote, a backslash and a literal "\u002e\u002e" in folder names: inserted raw, the first
  // ends the string (invalid JSON), the others change the path once JSON decodes them.
  const QUOTED = 'kb/q"uote/unique-name.json';
  const ESCAPED = 'kb/x\\u002e\\u002e/unique-name.json';
  const BACKSLASH = 'kb/back\\slash/unique-name.json';
  const PLAIN = 'kb/plain/unique-name.json';

  test('a file whose path no citation can name is not offered; the others still are, and each fix reads back as its file', () => {
    const files = cleanKb();
    for (const p of [QUOTED, ESCAPED, BACKSLASH, PLAIN]) files[p] = '';
    files[MAP] = (files[MAP] ?? '').replace('"evidence": "precondition-checklist.json PC-7 FAIL"', '"evidence": "unique-name.json"');
    const { actions } = fixes(files, MAP, 'evidence-ambiguous-file');
    // A quote ends an evidence token and a backslash reads as a separator: those paths cannot be cited.
    assert.deepEqual(actions.map((a) => a.title), [`Change to ${PLAIN}`]);
    const fixed = apply(files, actions[0]?.edit ?? {});
    const map = JSON.parse(fixed[MAP] ?? '') as { blockers: { evidence?: string }[] };
    assert.ok(map.blockers.some((b) => b.evidence === PLAIN), fixed[MAP]);
    assert.deepEqual(analyzerFor(fixed).analyzer.diagnostics(MAP).map((d) => d.code), []);
  });

  test('text from another document is written as JSON writes a string: a status holding a quote and a backslash', () => {
    const files = cleanKb();
    const odd = 'FAIL "see \\notes"';
    files[CHECKLIST] = (files[CHECKLIST] ?? '').replace('"status": "FAIL"', `"status": ${JSON.stringify(odd)}`);
    files[MAP] = (files[MAP] ?? '').replace('"evidence": "precondition-checklist.json PC-7 FAIL"', '"evidence": "precondition-checklist.json PC-7 PASS"');
    const { actions } = fixes(files, MAP, 'evidence-status-mismatch');
    const fixed = apply(files, actions[0]?.edit ?? {});
    const map = JSON.parse(fixed[MAP] ?? '') as { blockers: { evidence?: string }[] };
    assert.ok(map.blockers.some((b) => b.evidence === `precondition-checklist.json PC-7 ${odd}`), fixed[MAP]);
  });

  test('a Markdown link keeps working when the file name holds a space or brackets', () => {
    // A destination cannot hold a space or an unbalanced bracket as it is: authors percent-encode them.
    const files = withNote('See [the list](lists/inventry%20%28draft%29.md).');
    files['kb/lists/inventory (draft) 2.md'] = '# Inventory\n';
    const { actions } = fixes(files, NOTE, 'evidence-missing-file');
    assert.equal(actions[0]?.title, 'Change to lists/inventory (draft) 2.md');
    const fixed = apply(files, actions[0]?.edit ?? {});
    assert.match(fixed[NOTE] ?? '', /\[the list\]\(lists\/inventory%20%28draft%29%202\.md\)/);
    clean(fixed);
  });
});
