import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerFor, cleanKb, json, NOTE, PACKET, slice } from '../helpers/kb';
import { completions, CompletionItemKind, type CompletionItem } from '../../server/src/core/service/completion';
import { LineIndex } from '../../server/src/core/text/lineIndex';

const LATER = 'kb/fix7-p0-later-packet-2026-07-01/production-readiness-blocker-map.json';
const EXTRA = `${PACKET}/review-log.json`;
const CURSOR = '‸';

interface Result {
  items: CompletionItem[];
  text: string;
}

/** Completions at the ‸ in `textWithCursor`, written as `path` into the clean KB (plus `extra` files). */
function complete(path: string, textWithCursor: string, extra: Record<string, string> = {}): Result {
  const at = textWithCursor.indexOf(CURSOR);
  assert.ok(at >= 0, 'no cursor marker');
  const text = textWithCursor.slice(0, at) + textWithCursor.slice(at + CURSOR.length);
  const { analyzer } = analyzerFor({ ...cleanKb(), ...extra, [path]: text });
  return { items: completions(analyzer, path, new LineIndex(text).positionAt(at)), text };
}

const labels = (r: Result) => r.items.map((i) => i.label);
const item = (r: Result, label: string) => {
  const found = r.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${labels(r).join(', ')}`);
  return found;
};
/** What each item's edit replaces, which must be the same for all. */
function replaced(r: Result): string {
  const covered = new Set(r.items.map((i) => slice(r.text, i.textEdit.range)));
  assert.equal(covered.size, 1, [...covered].join(' | '));
  return [...covered][0] ?? '';
}

const BLOCKERS = ['FIX7-P0-DRYRUN-PROD-ROLLBACK-1', 'FIX7-P0-OPERATOR-INPUT-1', 'FIX7-P0-PLAN-REALRUN-1', 'FIX7-P0-PROD-BIRTH-SURFACE-1', 'FIX7-P0-PROD-CI-SCOPE-1'];
const PLANS = ['FIX7-P0-PLAN-SURFACE-1', 'FIX7-P0-PLAN-SURFACE-2'];

describe('completion of governance IDs', () => {
  test('a prefix in note prose offers every defined ID, unresolved blockers first, replacing the partial word', () => {
    const r = complete(NOTE, '# Note\n\nBlocked by FIX7-P0-PR‸ for now.\n');
    assert.deepEqual(labels(r), [...BLOCKERS, ...PLANS]);
    assert.equal(replaced(r), 'FIX7-P0-PR');
    const birth = item(r, 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(birth.kind, CompletionItemKind.Constant);
    assert.equal(birth.detail, 'unresolved blocker · surface unscoped');
    assert.equal(birth.textEdit.newText, 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(birth.filterText, 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(birth.documentation?.kind, 'markdown');
    assert.match(birth.documentation?.value ?? '', /Blocks: production[\s\S]*Actor needed: operator[\s\S]*production-readiness-blocker-map\.json`, line 6/);
  });

  test('a plan_ref shows the surface it plans; a resolved blocker sorts last and says who resolved it', () => {
    const later = json({ doc: 'fix7-p0-production-readiness-blocker-map', date: '2026-07-01', blockers: [], resolved_in_this_macro: ['FIX7-P0-PROD-CI-SCOPE-1'], production_work_performed: false });
    const r = complete(NOTE, 'See FIX7-‸\n', { [LATER]: later });
    assert.equal(labels(r).at(-1), 'FIX7-P0-PROD-CI-SCOPE-1');
    const resolved = item(r, 'FIX7-P0-PROD-CI-SCOPE-1');
    assert.equal(resolved.detail, 'resolved blocker · CI scope unknown');
    assert.match(resolved.documentation?.value ?? '', /resolved_in_this_macro in `kb\/fix7-p0-later-packet/);
    assert.equal(item(r, 'FIX7-P0-PLAN-SURFACE-1').detail, 'plan_ref of surface 5 · PRODUCTION_UNKNOWN_NEEDS_SCOPING · birth pipeline');
    const sorted = [...r.items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.deepEqual(sorted, labels(r));
  });

  test('the whole word under the cursor is replaced when completing in its middle', () => {
    const r = complete(NOTE, 'Blocked by FIX7-P0-PR‸OD-BIRTH-SURFACE-9.\n');
    assert.equal(replaced(r), 'FIX7-P0-PROD-BIRTH-SURFACE-9');
  });

  test('any word that starts a defined ID, in any case, counts as an ID being typed', () => {
    assert.equal(replaced(complete(NOTE, 'Blocked by fix‸\n')), 'fix');
    assert.deepEqual(labels(complete(NOTE, 'Blocked by FIX7‸\n')), [...BLOCKERS, ...PLANS]);
  });

  test('in a packet, a JSON string value offers IDs; a key does not', () => {
    const r = complete(EXTRA, '{\n  "doc": "review-log",\n  "note": "waiting on FIX7-P0-‸"\n}\n');
    assert.deepEqual(labels(r), [...BLOCKERS, ...PLANS]);
    assert.equal(replaced(r), 'FIX7-P0-');
    assert.deepEqual(labels(complete(EXTRA, '{\n  "FIX7-P0-‸": 1\n}\n')), []);
  });

  test('an unterminated JSON string being typed still completes', () => {
    assert.equal(replaced(complete(EXTRA, '{\n  "note": "FIX7-P0-PL‸')), 'FIX7-P0-PL');
  });

  test('nothing in Markdown code blocks, code spans or HTML comments', () => {
    assert.deepEqual(labels(complete(NOTE, '# Note\n\n```\nFIX7-P0-‸\n```\n')), []);
    assert.deepEqual(labels(complete(NOTE, '# Note\n\n    FIX7-P0-‸\n')), []);
    assert.deepEqual(labels(complete(NOTE, 'Use `FIX7-P0-‸` here.\n')), []);
    assert.deepEqual(labels(complete(NOTE, '<!-- FIX7-P0-‸ -->\n')), []);
  });

  test('nothing in ordinary prose, after a space, or for a word no ID starts with', () => {
    assert.deepEqual(labels(complete(NOTE, 'Hello wor‸ld\n')), []);
    assert.deepEqual(labels(complete(NOTE, 'Blocked by ‸\n')), []);
    assert.deepEqual(labels(complete(NOTE, 'TKT-OBJ-4‸\n')), []);
    assert.deepEqual(labels(complete(EXTRA, '{ "note": "the team‸" }\n')), []);
  });
});

describe('completion of evidence files', () => {
  test('a file name being typed in a note offers the workspace documents by name, the shortest path that resolves inserted', () => {
    const r = complete(NOTE, 'Evidence: mutation-inv‸\n');
    assert.equal(replaced(r), 'mutation-inv');
    const inventory = item(r, 'mutation-inventory.json');
    assert.equal(inventory.kind, CompletionItemKind.File);
    assert.equal(inventory.detail, `${PACKET}/mutation-inventory.json`);
    assert.equal(inventory.textEdit.newText, 'mutation-inventory.json');
    assert.equal(inventory.filterText, 'mutation-inventory.json');
    assert.match(inventory.documentation?.value ?? '', /mutation-inventory[\s\S]*dated 2026-06-12/);
    assert.ok(!labels(r).includes('owner-note.md'), 'a note does not cite itself');
  });

  test('in a packet, its own folder’s documents sort first', () => {
    const other = 'kb/fix7-p0-other-packet-2026-06-13/mutation-inventory.json';
    const r = complete(EXTRA, '{ "evidence": "mut‸" }\n', { [other]: json({ doc: 'fix7-p0-mutation-inventory', date: '2026-06-13', surfaces: [] }) });
    const first = r.items.slice().sort((a, b) => a.sortText.localeCompare(b.sortText))[0];
    assert.equal(first?.detail, `${PACKET}/mutation-inventory.json`);
    assert.equal(first?.textEdit.newText, 'mutation-inventory.json');
    // The other inventory shares the name, so it is written as a path that leads to it.
    assert.equal(item({ ...r, items: r.items.filter((i) => i.detail === other) }, 'mutation-inventory.json').textEdit.newText, other);
  });

  test('a path being typed is completed as a path', () => {
    const r = complete(NOTE, 'See fix7-p0-demo-packet-2026-06-12/mut‸\n');
    assert.equal(replaced(r), 'fix7-p0-demo-packet-2026-06-12/mut');
    assert.equal(item(r, 'mutation-inventory.json').textEdit.newText, 'fix7-p0-demo-packet-2026-06-12/mutation-inventory.json');
    assert.equal(item(r, 'mutation-inventory.json').filterText, 'fix7-p0-demo-packet-2026-06-12/mutation-inventory.json');
  });

  test('a Markdown link destination gets a path relative to the note', () => {
    const r = complete(NOTE, 'See [the map](fix‸).\n');
    assert.equal(replaced(r), 'fix');
    assert.equal(item(r, 'production-readiness-blocker-map.json').textEdit.newText, `fix7-p0-demo-packet-2026-06-12/production-readiness-blocker-map.json`);
  });

  test('the footer is completed with the note’s own path from the root', () => {
    const r = complete(NOTE, '# Note\n\nBack to Knowledge Hub kb/own‸\n');
    assert.equal(item(r, 'owner-note.md').textEdit.newText, NOTE);
  });

  test('an "evidence" value completes files from a lower-case start', () => {
    const r = complete(EXTRA, '{ "evidence": "prec‸" }\n');
    assert.equal(item(r, 'precondition-checklist.json').textEdit.newText, 'precondition-checklist.json');
  });

  test('a lower-case word that starts no file name is no path', () => {
    assert.deepEqual(labels(complete(NOTE, 'The no-prod‸\n')), []);
  });

  test('nothing for a path inside a code span', () => {
    assert.deepEqual(labels(complete(NOTE, 'Run `mutation-inv‸` here.\n')), []);
  });
});

describe('completion of anchors after a cited file', () => {
  test('after "mutation-inventory.json " come its surfaces and the forbidden surfaces', () => {
    const r = complete(NOTE, 'Evidence: mutation-inventory.json ‸\n');
    assert.deepEqual(labels(r), ['surface 5', 'surface 6', 'surface 10', 'forbidden surfaces']);
    assert.equal(replaced(r), '');
    assert.equal(item(r, 'surface 5').detail, 'PRODUCTION_UNKNOWN_NEEDS_SCOPING · birth pipeline');
    assert.equal(item(r, 'surface 5').kind, CompletionItemKind.EnumMember);
    assert.equal(item(r, 'forbidden surfaces').detail, '1 FORBIDDEN: surface 6');
    assert.match(item(r, 'forbidden surfaces').documentation?.value ?? '', /surface 6: canonicalizer/);
  });

  test('a partial anchor is replaced whole, "surface 1" included', () => {
    assert.equal(replaced(complete(NOTE, 'Evidence: mutation-inventory.json surface 1‸\n')), 'surface 1');
    assert.equal(replaced(complete(NOTE, 'Evidence: mutation-inventory.json forbidden s‸\n')), 'forbidden s');
  });

  test('a checklist offers its entries with status and item', () => {
    const r = complete(NOTE, 'Evidence: precondition-checklist.json P‸\n');
    assert.deepEqual(labels(r), ['PC-1', 'PC-7']);
    assert.equal(replaced(r), 'P');
    assert.equal(item(r, 'PC-7').detail, 'FAIL · REAL_RUN grant');
  });

  test('in a JSON evidence string, after an earlier reference, without forbidden surfaces when there are none', () => {
    const r = complete(EXTRA, '{ "evidence": "mutation-inventory.json surface 5; rollback-recovery-design.json RB‸" }\n');
    assert.deepEqual(labels(r), ['RB-STAGING', 'RB-PROD']);
    assert.equal(item(r, 'RB-PROD').detail, 'TBD');
    const plain = complete(NOTE, 'Evidence: rollback-recovery-design.json ‸\n');
    assert.ok(!labels(plain).includes('forbidden surfaces'));
  });

  test('a blocker map offers its blocker IDs as anchors', () => {
    const r = complete(NOTE, 'See production-readiness-blocker-map.json FIX7-P0-PROD-C‸\n');
    assert.ok(labels(r).includes('FIX7-P0-PROD-CI-SCOPE-1'));
    assert.equal(item(r, 'FIX7-P0-PROD-CI-SCOPE-1').kind, CompletionItemKind.EnumMember);
  });

  test('nothing after a file that does not exist, a note, a status, or in code', () => {
    assert.deepEqual(labels(complete(NOTE, 'Evidence: nowhere.json ‸\n')), []);
    assert.deepEqual(labels(complete(`kb/other.md`, 'See owner-note.md ‸\n')), []);
    assert.deepEqual(labels(complete(NOTE, 'Evidence: precondition-checklist.json PC-7 T‸\n')), []);
    assert.deepEqual(labels(complete(NOTE, '```\nmutation-inventory.json ‸\n```\n')), []);
  });
});

test('nothing for a path the workspace does not hold', () => {
  const { analyzer } = analyzerFor(cleanKb());
  assert.deepEqual(completions(analyzer, 'kb/missing.md', { line: 0, character: 0 }), []);
});
