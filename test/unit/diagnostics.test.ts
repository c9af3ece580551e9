import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerFor, cleanKb, describeAll, expectClean, expectOnly, json, NOTE, PACKET } from '../helpers/kb';
import { createLanguageService } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { Severity } from '../../server/src/core/severity';

const MAP = `${PACKET}/production-readiness-blocker-map.json`;
const CHECKLIST = `${PACKET}/precondition-checklist.json`;
const INVENTORY = `${PACKET}/mutation-inventory.json`;
const RESERVATIONS = `${PACKET}/ticket-reservations.json`;

/** The clean KB with one file's text edited. */
function edit(path: string, change: (text: string) => string): Record<string, string> {
  const files = cleanKb();
  const text = files[path];
  assert.ok(text !== undefined, path);
  const changed = change(text);
  assert.notEqual(changed, text, `the edit of ${path} changed nothing`);
  files[path] = changed;
  return files;
}

test('the clean fixture KB has no findings', () => expectClean(cleanKb()));

describe('json-syntax', () => {
  test('a trailing comma is reported on the comma, once', () => {
    const files = edit(CHECKLIST, (t) => t.replace('"FAIL"\n    }', '"FAIL",\n    }'));
    expectOnly(files, CHECKLIST, 'json-syntax', ',', 'Trailing comma');
  });
  test('a comment is reported on the comment', () => {
    const files = edit(CHECKLIST, (t) => t.replace('"checks": [', '// reviewed\n  "checks": ['));
    expectOnly(files, CHECKLIST, 'json-syntax', '// reviewed', 'Comments are not allowed');
  });
  test('a truncated document is reported at its end', () => {
    const files = edit(CHECKLIST, (t) => t.slice(0, t.indexOf('"PC-7"')));
    const { analyzer } = analyzerFor(files);
    const codes = analyzer.diagnostics(CHECKLIST).map((d) => d.code);
    assert.ok(codes.length > 0 && codes.every((c) => c === 'json-syntax'), codes.join());
  });
  test('a document that does not parse causes no cascade in the documents that cite it', () => {
    // The map cites PC-7 in the checklist; a broken checklist must not add anchor errors there,
    // and the IDs the broken map still defines must not turn unknown in the note.
    const files = edit(CHECKLIST, (t) => t.replace('"status": "FAIL"', '"status": "FAIL",'));
    files[MAP] = (files[MAP] ?? '').replace('"resolved_in_this_macro": []', '"resolved_in_this_macro": [],,');
    const { analyzer } = analyzerFor(files);
    const all = describeAll(analyzer, files);
    assert.ok(all.length >= 2, all.join('\n'));
    assert.ok(all.every((line) => line.includes('json-syntax')), all.join('\n'));
  });
  test('the fixed document is clean', () => expectClean(cleanKb()));
});

describe('schema', () => {
  test('a value of the wrong type is reported on the value', () => {
    const files = edit(MAP, (t) => t.replace('"production_work_performed": false', '"production_work_performed": "no"'));
    expectOnly(files, MAP, 'schema', '"no"', '"production_work_performed" must be a boolean', 'the string "no"');
  });
  test('a missing required property is reported on the key that holds the object', () => {
    const files = edit(CHECKLIST, (t) => t.replace('"status": "FAIL"', '"state": "FAIL"'));
    const d = expectOnly(files, CHECKLIST, 'schema', '{', '"checks[1]" is missing the required property "status"');
    assert.equal(d.severity, Severity.Error);
  });
  test('a bad date is reported on the date', () => {
    const files = edit(INVENTORY, (t) => t.replace('"date": "2026-06-12"', '"date": "12/06/2026"'));
    expectOnly(files, INVENTORY, 'schema', '"12/06/2026"', 'YYYY-MM-DD');
  });
  test('open vocabularies accept a new upper-case class and extra fields', () => {
    const files = edit(INVENTORY, (t) => t.replace('"class": "FORBIDDEN"', '"class": "FORBIDDEN", "reviewer": "ops"').replace('"name": "birth pipeline"', '"name": "birth pipeline", "owner_note": "x"'));
    files[INVENTORY] = (files[INVENTORY] ?? '').replace('"n": 10, "name": "CI enforcement", "class": "CONFIG_UNKNOWN_NEEDS_SCOPING"', '"n": 10');
    expectClean(files);
  });
  test('a document of unknown kind is not schema-checked', () => {
    const files = cleanKb();
    files[`${PACKET}/review-log.json`] = json({ entries: 'free form', cites: 'precondition-checklist.json PC-7 FAIL' });
    expectClean(files);
  });
  test('the kind is recognised by the doc slug when the file name does not say it', () => {
    const files = cleanKb();
    files[`${PACKET}/extra.json`] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-06-12' });
    expectOnly(files, `${PACKET}/extra.json`, 'schema', '{', 'missing the required property "checks"');
  });
});

describe('unknown-id', () => {
  test('an undefined ID in a note, with the closest defined ID offered', () => {
    const files = edit(NOTE, (t) => t.replace('Blocked by FIX7-P0-PROD-BIRTH-SURFACE-1', 'Blocked by FIX7-P0-PROD-BIRTH-SURFACE-2'));
    const d = expectOnly(files, NOTE, 'unknown-id', 'FIX7-P0-PROD-BIRTH-SURFACE-2', 'did you mean FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.deepEqual(d.data, { replacement: 'FIX7-P0-PROD-BIRTH-SURFACE-1' });
  });
  test('an undefined ID inside a JSON string covers the ID only', () => {
    const files = edit(MAP, (t) => t.replace('(FIX7-P0-PLAN-SURFACE-1)', '(FIX7-P0-PLAN-SURFACE-7)'));
    expectOnly(files, MAP, 'unknown-id', 'FIX7-P0-PLAN-SURFACE-7');
  });
  test('resolved_in_this_macro must list blockers, not other definitions', () => {
    const files = edit(MAP, (t) => t.replace('"resolved_in_this_macro": []', '"resolved_in_this_macro": ["FIX7-P0-PLAN-SURFACE-1"]'));
    expectOnly(files, MAP, 'unknown-id', 'FIX7-P0-PLAN-SURFACE-1', 'not a blocker in any blocker map');
  });
  test('IDs in code spans, code blocks and HTML comments are not read', () => {
    const files = edit(NOTE, (t) => `${t}\n\`FIX7-P0-NOPE-1\`\n\n\`\`\`\nFIX7-P0-NOPE-2\n\`\`\`\n\n<!-- FIX7-P0-NOPE-3 -->\n`);
    expectClean(files);
  });
  test('a plan_ref defines its ID', () => {
    const files = edit(NOTE, (t) => `${t}\nSurface scoping: FIX7-P0-PLAN-SURFACE-2.\n`);
    expectClean(files);
  });
});

describe('duplicate-id', () => {
  test('the second definition in one document is reported', () => {
    const files = edit(CHECKLIST, (t) => t.replace('"id": "PC-7"', '"id": "PC-1"').replace('precondition-checklist.json PC-7 FAIL', 'x'));
    files[MAP] = (files[MAP] ?? '').replace('precondition-checklist.json PC-7 FAIL', 'precondition-checklist.json PC-1 PASS');
    files[NOTE] = (files[NOTE] ?? '').replace('PC-7 FAIL', 'PC-1 PASS');
    const d = expectOnly(files, CHECKLIST, 'duplicate-id', '"PC-1"', 'already defined on line 6');
    assert.equal(d.relatedInformation?.[0]?.range.start.line, 5);
  });
  test('a duplicated surface number is a duplicate too', () => {
    const files = edit(INVENTORY, (t) => t.replace('"n": 6', '"n": 5'));
    expectOnly(files, INVENTORY, 'duplicate-id', '5', 'surface 5 is already defined');
  });
  test('the same blocker ID in two packets is history, not a duplicate', () => {
    const files = cleanKb();
    files['kb/fix7-p0-later-packet-2026-07-01/production-readiness-blocker-map.json'] = json({
      doc: 'fix7-p0-production-readiness-blocker-map',
      date: '2026-07-01',
      blockers: [{ id: 'FIX7-P0-PROD-CI-SCOPE-1', item: 'still open' }],
      resolved_in_this_macro: [],
      production_work_performed: false,
    });
    expectClean(files);
  });
});

describe('evidence-missing-file', () => {
  test('a misspelt file in an evidence field, with the nearest file offered', () => {
    const files = edit(MAP, (t) => t.replace('"rollback-recovery-design.json RB-PROD TBD', '"rollback-recovery-desing.json RB-PROD TBD'));
    const d = expectOnly(files, MAP, 'evidence-missing-file', 'rollback-recovery-desing.json', 'does not exist', 'did you mean');
    assert.deepEqual(d.data, { replacement: `${PACKET}/rollback-recovery-design.json` });
  });
  test('a Markdown link to a missing file is reported on its destination', () => {
    const files = edit(NOTE, (t) => `${t}\nSee [the map](missing/map.json).\n`);
    expectOnly(files, NOTE, 'evidence-missing-file', 'missing/map.json');
  });
  test('a footer naming a missing path', () => {
    const files = edit(NOTE, (t) => t.replace('Back to Knowledge Hub kb/owner-note.md', 'Back to Knowledge Hub kb/owner-notes.md'));
    expectOnly(files, NOTE, 'evidence-missing-file', 'kb/owner-notes.md');
  });
  test('an evidence path naming a folder', () => {
    const files = edit(NOTE, (t) => `${t}\nSee archive.json PC-1.\n`);
    files['kb/archive.json/readme.md'] = 'archived\n';
    expectOnly(files, NOTE, 'evidence-missing-file', 'archive.json', 'is a folder');
  });
  test('a Markdown link to a folder is fine', () => {
    expectClean(edit(NOTE, (t) => `${t}\nSee [the packet](fix7-p0-demo-packet-2026-06-12/).\n`));
  });
  test('links to URLs and in-page anchors are not files', () => {
    const files = edit(NOTE, (t) => `${t}\n[web](https://example.com/a.md) [top](#owner-note) [mail](mailto:o@example.com)\n`);
    expectClean(files);
  });
  test('a link relative to the note and a percent-encoded link resolve', () => {
    const files = edit(NOTE, (t) => `${t}\n[map](fix7-p0-demo-packet-2026-06-12/production-readiness-blocker-map.json) [note](owner%2Dnote.md#top)\n`);
    expectClean(files);
  });
});

describe('evidence-ambiguous-file', () => {
  const twoPackets = () => {
    const files = cleanKb();
    files['kb/fix7-p0-other-packet-2026-07-01/precondition-checklist.json'] = files[CHECKLIST] ?? '';
    return files;
  };
  test('a bare name in a note that several packets hold, citing none of them, is a hint', () => {
    const files = twoPackets();
    files[NOTE] = '# Owner note\n\nEvidence: precondition-checklist.json PC-7 FAIL.\n';
    const d = expectOnly(files, NOTE, 'evidence-ambiguous-file', 'precondition-checklist.json', 'matches 2 files');
    assert.equal(d.severity, Severity.Hint);
  });
  test('a longer path says which one', () => {
    const files = twoPackets();
    files[NOTE] = (files[NOTE] ?? '').replace('Evidence: precondition-checklist.json', 'Evidence: fix7-p0-demo-packet-2026-06-12/precondition-checklist.json');
    expectClean(files);
  });
  test('inside a packet, the sibling wins over the other packet', () => {
    const files = twoPackets();
    files[NOTE] = (files[NOTE] ?? '').replace('Evidence: precondition-checklist.json PC-7 FAIL.', '');
    expectClean(files);
  });
});

describe('a bare name settled by the packets the note cites, then by its own folder (issue 13, item 12)', () => {
  const OTHER = 'kb/fix7-p0-other-packet-2026-07-01';
  /** Two packets with a checklist each: the demo one (PC-1 PASS, PC-7 FAIL) and another (PC-3 PASS) whose map defines FIX7-P0-OTHER-1. */
  const twoPackets = (note: string) => {
    const files = cleanKb();
    files[`${OTHER}/precondition-checklist.json`] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-07-01', checks: [{ id: 'PC-3', item: 'staging proof', status: 'PASS' }] });
    files[`${OTHER}/production-readiness-blocker-map.json`] = json({
      doc: 'fix7-p0-production-readiness-blocker-map',
      date: '2026-07-01',
      blockers: [{ id: 'FIX7-P0-OTHER-1', item: 'other', actor_needed: 'owner', blocks: 'production' }],
      resolved_in_this_macro: [],
      production_work_performed: false,
    });
    files[NOTE] = `# Owner note\n\n${note}\n`;
    return files;
  };

  test('a note citing one packet by a blocker ID: its file, so the stated status is checked', () => {
    // Before: an evidence-ambiguous-file hint, and PC-3's status went unchecked.
    const files = twoPackets('Blocked by FIX7-P0-OTHER-1. Evidence: precondition-checklist.json PC-3 FAIL.');
    expectOnly(files, NOTE, 'evidence-status-mismatch', 'FAIL', 'precondition-checklist.json gives PC-3 the status PASS, not FAIL');
    files[NOTE] = (files[NOTE] ?? '').replace('PC-3 FAIL', 'PC-3 PASS');
    expectClean(files);
  });

  test('a note citing one packet by a path to one of its files, or by a link to its folder', () => {
    expectClean(twoPackets('See …/fix7-p0-demo-packet-2026-06-12/production-readiness-blocker-map.json. Evidence: precondition-checklist.json PC-7 FAIL.'));
    const linked = twoPackets('See [the packet](fix7-p0-other-packet-2026-07-01/). Evidence: precondition-checklist.json PC-7 FAIL.');
    expectOnly(linked, NOTE, 'evidence-missing-anchor', 'PC-7', 'PC-7 is not an entry in precondition-checklist.json (it has PC-3)');
  });

  test('a note citing both packets is still ambiguous', () => {
    const files = twoPackets('Blocked by FIX7-P0-OTHER-1 and FIX7-P0-PROD-BIRTH-SURFACE-1. Evidence: precondition-checklist.json PC-3 PASS.');
    expectOnly(files, NOTE, 'evidence-ambiguous-file', 'precondition-checklist.json', 'matches 2 files');
  });

  test('a note citing no packet: the only one below its own folder', () => {
    const files = twoPackets('');
    delete files[NOTE];
    files['kb/fix7-p0-other-packet-2026-07-01/notes/review.md'] = '# Review\n\nEvidence: precondition-checklist.json PC-3 PASS.\n';
    files['kb/area/note.md'] = '# Area\n\nEvidence: precondition-checklist.json PC-3 PASS.\n';
    files['kb/area/fix7-p0-area-packet-2026-07-02/precondition-checklist.json'] = json({ doc: 'fix7-p0-precondition-checklist', date: '2026-07-02', checks: [{ id: 'PC-3', status: 'FAIL' }] });
    const { analyzer } = analyzerFor(files);
    assert.deepEqual(describeAll(analyzer, files), ['kb/area/note.md: evidence-status-mismatch "PASS"']);
  });

  test('hover, definition and anchor completion follow the same file', () => {
    const note = 'Blocked by FIX7-P0-OTHER-1. Evidence: precondition-checklist.json PC-3 PASS.';
    const files = twoPackets(note);
    const { analyzer } = analyzerFor(files);
    const service = createLanguageService(analyzer, { linkTo: (p) => `file:///ws/${p}` });
    const lines = new LineIndex(files[NOTE] ?? '');
    const at = (needle: string, offset = 0) => lines.positionAt((files[NOTE] ?? '').indexOf(needle) + offset);
    assert.match(service.hover(NOTE, at('PC-3', 1))?.contents ?? '', /^\*\*PC-3\*\* in \[`fix7-p0-other-packet-2026-07-01\/precondition-checklist\.json`\]/);
    assert.deepEqual(service.definition(NOTE, at('PC-3', 1)).map((l) => l.path), [`${OTHER}/precondition-checklist.json`]);
    const typing = twoPackets('Blocked by FIX7-P0-OTHER-1. Evidence: precondition-checklist.json P');
    const typed = analyzerFor(typing).analyzer;
    const end = new LineIndex(typing[NOTE] ?? '').positionAt((typing[NOTE] ?? '').indexOf('json P') + 6);
    assert.deepEqual(createLanguageService(typed, { linkTo: (p) => p }).completions(NOTE, end).map((c) => c.label), ['PC-3']);
  });

  test('when the cited ID moves to the other packet, the note follows, as a fresh analysis would', () => {
    const files = twoPackets('Blocked by FIX7-P0-OTHER-1. Evidence: precondition-checklist.json PC-3 PASS.');
    const { analyzer, workspace } = analyzerFor(files);
    assert.deepEqual(describeAll(analyzer, files), []);
    const otherMap = `${OTHER}/production-readiness-blocker-map.json`;
    const moved = { ...files };
    moved[otherMap] = (files[otherMap] ?? '').replace('FIX7-P0-OTHER-1', 'FIX7-P0-OTHER-2');
    moved[MAP] = (files[MAP] ?? '').replace('"id": "FIX7-P0-OPERATOR-INPUT-1"', '"id": "FIX7-P0-OTHER-1"');
    workspace.set(otherMap, moved[otherMap] ?? '');
    workspace.set(MAP, moved[MAP] ?? '');
    const fresh = analyzerFor(moved).analyzer;
    assert.deepEqual(describeAll(analyzer, moved), describeAll(fresh, moved));
    assert.deepEqual(describeAll(fresh, moved), ['kb/owner-note.md: evidence-missing-anchor "PC-3"']);
  });
});

describe('evidence-missing-anchor', () => {
  test('a surface that is not in the inventory', () => {
    const files = edit(MAP, (t) => t.replace('surface 10 CONFIG', 'surface 11 CONFIG'));
    expectOnly(files, MAP, 'evidence-missing-anchor', 'surface 11', 'surface 11 is not a surface in mutation-inventory.json', 'surfaces 5, 6, 10');
  });
  test('a local ID that is not in the checklist', () => {
    const files = edit(NOTE, (t) => t.replace('PC-7 FAIL', 'PC-9 FAIL'));
    expectOnly(files, NOTE, 'evidence-missing-anchor', 'PC-9', 'PC-9 is not an entry in precondition-checklist.json (it has PC-1, PC-7)');
  });
  test('forbidden surfaces when the inventory has none', () => {
    const files = edit(INVENTORY, (t) => t.replace('"class": "FORBIDDEN"', '"class": "STAGING_ONLY"'));
    expectOnly(files, MAP, 'evidence-missing-anchor', 'forbidden surfaces', 'no surface of class FORBIDDEN');
  });
});

describe('evidence-status-mismatch', () => {
  test('a stated status that differs from the entry', () => {
    const files = edit(NOTE, (t) => t.replace('PC-7 FAIL', 'PC-7 PASS'));
    const d = expectOnly(files, NOTE, 'evidence-status-mismatch', 'PASS', 'gives PC-7 the status FAIL, not PASS');
    assert.equal(d.severity, Severity.Warning);
    assert.deepEqual(d.data, { replacement: 'FAIL' });
  });
  test('a stated class that differs from the surface', () => {
    const files = edit(MAP, (t) => t.replace('surface 5 PRODUCTION_UNKNOWN_NEEDS_SCOPING', 'surface 5 STAGING_ONLY'));
    expectOnly(files, MAP, 'evidence-status-mismatch', 'STAGING_ONLY', 'the class PRODUCTION_UNKNOWN_NEEDS_SCOPING');
  });
});

describe('path-outside-workspace', () => {
  test('a link that climbs above the root', () => {
    const files = edit(NOTE, (t) => `${t}\n[secret](../../etc/passwd.md)\n`);
    expectOnly(files, NOTE, 'path-outside-workspace', '../../etc/passwd.md', 'outside the workspace');
  });
  test('percent-encoded traversal is decoded first', () => {
    const files = edit(NOTE, (t) => `${t}\n[secret](%2e%2e/%2e%2e/x.md)\n`);
    expectOnly(files, NOTE, 'path-outside-workspace', '%2e%2e/%2e%2e/x.md');
  });
  test('an evidence path in JSON that climbs above the root', () => {
    const files = edit(CHECKLIST, (t) => t.replace('"status": "FAIL"', '"status": "FAIL", "evidence": "../../../outside.json"'));
    expectOnly(files, CHECKLIST, 'path-outside-workspace', '../../../outside.json');
  });
});

describe('ticket-range-invalid', () => {
  test('a reversed range in a note, with the swapped range offered', () => {
    const files = edit(NOTE, (t) => t.replace('TKT-OBJ-442..461', 'TKT-OBJ-461..442'));
    const d = expectOnly(files, NOTE, 'ticket-range-invalid', 'TKT-OBJ-461..442', 'ends (442) before it starts (461)');
    assert.deepEqual(d.data, { replacement: 'TKT-OBJ-442..461' });
  });
  test('three dots, another prefix, a missing end', () => {
    for (const [written, fragment] of [
      ['TKT-OBJ-442...461', 'two dots, not 3'],
      ['TKT-OBJ-442..TKT-REL-461', 'ends with TKT-REL'],
      ['TKT-OBJ-442..', 'has no end ticket'],
    ] as const) {
      const files = edit(NOTE, (t) => t.replace('TKT-OBJ-442..461 (PROPOSED)', `${written} (PROPOSED)`));
      expectOnly(files, NOTE, 'ticket-range-invalid', written, fragment);
    }
  });
  test('a reservation whose range is malformed', () => {
    const files = edit(RESERVATIONS, (t) => t.replace('TKT-OBJ-442..461', 'TKT-OBJ-461..442'));
    files[NOTE] = (files[NOTE] ?? '').replace('Reserves TKT-OBJ-442..461 (PROPOSED). ', '');
    expectOnly(files, RESERVATIONS, 'ticket-range-invalid', 'TKT-OBJ-461..442');
  });
});

describe('ticket-range-overlap', () => {
  const withSecond = (range: string, date: string) => {
    const files = cleanKb();
    files['kb/fix7-p1-next-packet/ticket-reservations.json'] = json({ doc: 'fix7-p1-ticket-reservations', date, reservations: [{ range, status: 'PROPOSED' }] });
    return files;
  };
  test('the later-dated entry carries the finding', () => {
    const d = expectOnly(withSecond('TKT-OBJ-455..470', '2026-07-01'), 'kb/fix7-p1-next-packet/ticket-reservations.json', 'ticket-range-overlap', 'TKT-OBJ-455..470', 'overlaps TKT-OBJ-442..461', 'on TKT-OBJ-455..461');
    assert.equal(d.relatedInformation?.[0]?.path, RESERVATIONS);
  });
  test('both entries carry it when dated alike', () => {
    const files = withSecond('TKT-OBJ-455..470', '2026-06-12');
    const { analyzer } = analyzerFor(files);
    assert.deepEqual(describeAll(analyzer, files).sort(), [
      'kb/fix7-p0-demo-packet-2026-06-12/ticket-reservations.json: ticket-range-overlap "TKT-OBJ-442..461"',
      'kb/fix7-p1-next-packet/ticket-reservations.json: ticket-range-overlap "TKT-OBJ-455..470"',
    ]);
  });
  test('an identical range restated is not an overlap, and adjacent ranges do not overlap', () => {
    expectClean(withSecond('TKT-OBJ-442..461', '2026-07-01'));
    expectClean(withSecond('TKT-OBJ-462..470', '2026-07-01'));
  });
});

describe('ticket-unreserved', () => {
  test('a ticket outside every reservation', () => {
    const files = edit(NOTE, (t) => `${t}\nFollow-up in TKT-OBJ-470.\n`);
    const d = expectOnly(files, NOTE, 'ticket-unreserved', 'TKT-OBJ-470', 'TKT-OBJ-470 is not reserved', 'cover TKT-OBJ-442..461');
    assert.equal(d.severity, Severity.Warning);
  });
  test('a range that runs past the reservation names the uncovered part', () => {
    const files = edit(NOTE, (t) => `${t}\nFollow-up in TKT-OBJ-455..465.\n`);
    expectOnly(files, NOTE, 'ticket-unreserved', 'TKT-OBJ-455..465', 'TKT-OBJ-462..465 (in TKT-OBJ-455..465) are not reserved');
  });
  test('a range covered by two adjacent reservations together is reserved', () => {
    const files = edit(NOTE, (t) => `${t}\nFollow-up in TKT-OBJ-455..465.\n`);
    files['kb/fix7-p1-next-packet/ticket-reservations.json'] = json({ doc: 'x-ticket-reservations', date: '2026-07-01', reservations: [{ range: 'TKT-OBJ-462..480', status: 'PROPOSED' }] });
    expectClean(files);
  });
});

describe('settings', () => {
  test('a code turned off is not reported, and a severity can be changed', () => {
    const files = edit(NOTE, (t) => `${t}\nFollow-up in TKT-OBJ-470.\n`);
    expectClean(files, { severities: { 'ticket-unreserved': 'off' } });
    const { analyzer } = analyzerFor(files, { severities: { 'ticket-unreserved': 'error' } });
    assert.equal(analyzer.diagnostics(NOTE)[0]?.severity, Severity.Error);
  });
});
