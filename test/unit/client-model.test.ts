/**
 * The VS Code client's pure parts: how blockers are grouped and worded in the tree, the
 * QuickPick and the status bar, the Check Workspace summary, and the checks on the internal
 * commands' arguments.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { BlockerInfo } from '../../common/protocol';
import { checkSummary, findingCount, groupByPacket, markdownDestination, packetDescription, packetRelative, packetShortName, pickerEntries, pickRow, statusBarText, tooltipRows, treeDescription } from '../../client/src/blockerModel';
import { parseBlockerTarget, parseLocationArgs, parseReferenceArgs } from '../../client/src/commandArgs';

const range = { start: { line: 7, character: 13 }, end: { line: 7, character: 41 } };
const packetA = 'kb/fix7-p0-a-packet-2026-06-12';
const packetB = 'kb/fix7-p0-b-packet-2026-06-14';

function blocker(id: string, packet: string, status: BlockerInfo['status'], extra: Partial<BlockerInfo> = {}): BlockerInfo {
  const path = `${packet}/production-readiness-blocker-map.json`;
  return { id, status, uri: `file:///ws/${path}`, range, path, packet, ...extra };
}

describe('grouping blockers by packet', () => {
  test('packets in path order; unresolved first, then resolved, each in the server order', () => {
    const groups = groupByPacket([
      blocker('FIX7-P0-B-1', packetB, 'resolved'),
      blocker('FIX7-P0-A-1', packetA, 'resolved'),
      blocker('FIX7-P0-A-2', packetA, 'unresolved'),
      blocker('FIX7-P0-B-2', packetB, 'unresolved'),
      blocker('FIX7-P0-A-3', packetA, 'unresolved'),
    ]);
    assert.deepEqual(
      groups.map((g) => ({ label: g.label, ids: g.blockers.map((b) => b.id), unresolved: g.unresolved })),
      [
        { label: 'fix7-p0-a', ids: ['FIX7-P0-A-2', 'FIX7-P0-A-3', 'FIX7-P0-A-1'], unresolved: 2 },
        { label: 'fix7-p0-b', ids: ['FIX7-P0-B-2', 'FIX7-P0-B-1'], unresolved: 1 },
      ],
    );
  });

  test('a packet row names the packet short and shows its date: the maps\' latest, else the folder name\'s', () => {
    const [a, b] = groupByPacket([
      blocker('FIX7-P0-A-1', packetA, 'unresolved', { date: '2026-06-20' }),
      blocker('FIX7-P0-A-2', packetA, 'resolved', { date: '2026-06-13' }),
      blocker('FIX7-P0-B-1', packetB, 'unresolved'),
    ]);
    assert.equal(a?.date, '2026-06-20');
    assert.equal(b?.date, '2026-06-14');
    assert.equal(packetDescription(a!), '1 unresolved of 2 · 2026-06-20');
    assert.equal(packetDescription({ packet: 'kb/undated-packet', label: 'undated', blockers: [], unresolved: 0 }), '0 unresolved of 0');
  });

  test('the short name drops the packet word and the date, and cuts a long name in the middle', () => {
    // The example KB's packet: the whole name did not fit a 540 px side bar beside its counts.
    assert.equal(packetShortName('knowledge/dev/reports/architecture/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12'), 'fix7-p0-no-production-…-and-review');
    assert.equal(packetShortName('kb/fix7-p0-a-packet-2026-06-12'), 'fix7-p0-a');
    assert.equal(packetShortName('kb/fix8_packet'), 'fix8');
    assert.equal(packetShortName('kb/packet-2026-06-12'), 'packet');
    assert.equal(packetShortName('kb/2026-06-12'), '2026-06-12');
    assert.equal(packetShortName('kb/my-packet-notes'), 'my-packet-notes');
    assert.equal(packetShortName(''), '(workspace root)');
    assert.equal(packetShortName(`kb/${'x'.repeat(80)}-packet`), `${'x'.repeat(22)}…${'x'.repeat(16)}`);
    for (let n = 30; n <= 60; n++) {
      const name = packetShortName(`kb/${'ab-'.repeat(n)}end-packet-2026-06-12`);
      assert.ok(name.length <= 40, name);
    }
  });

  test('a path inside a packet is written from the packet folder on', () => {
    assert.equal(packetRelative(`${packetA}/sub/precondition-checklist.json`, packetA), 'fix7-p0-a-packet-2026-06-12/sub/precondition-checklist.json');
    assert.equal(packetRelative('kb/owner-note.md', packetA), 'kb/owner-note.md');
    assert.equal(packetRelative('production-readiness-blocker-map.json', ''), 'production-readiness-blocker-map.json');
  });

  test('a workspace whose root is the packet gets a readable group label', () => {
    assert.equal(groupByPacket([blocker('FIX7-P0-A-1', '', 'unresolved')])[0]?.label, '(workspace root)');
    assert.deepEqual(groupByPacket([]), []);
  });
});

describe('the unresolved-blockers picker (issue 13, item 15)', () => {
  const rows = (entries: ReturnType<typeof pickerEntries>) => entries.map((e) => (e.kind === 'separator' ? `-- ${e.label}` : e.blocker.id));

  test('one group per packet under a separator with its short name and date, newest first, in the server order within', () => {
    const older = 'kb/fix7-p0-old-packet-2026-05-01';
    const undated = 'kb/scratch-packet';
    assert.deepEqual(
      rows(
        pickerEntries([
          blocker('FIX7-P0-A-1', packetA, 'unresolved', { date: '2026-06-12' }),
          blocker('FIX7-P0-A-2', packetA, 'unresolved', { date: '2026-06-12' }),
          blocker('FIX7-P0-B-1', packetB, 'unresolved', { date: '2026-06-14' }),
          blocker('FIX7-P0-S-1', undated, 'unresolved'),
          blocker('FIX7-P0-O-1', older, 'unresolved'),
          blocker('FIX7-P0-B-2', packetB, 'unresolved', { date: '2026-06-14' }),
        ]),
      ),
      ['-- fix7-p0-b · 2026-06-14', 'FIX7-P0-B-1', 'FIX7-P0-B-2', '-- fix7-p0-a · 2026-06-12', 'FIX7-P0-A-1', 'FIX7-P0-A-2', '-- fix7-p0-old · 2026-05-01', 'FIX7-P0-O-1', '-- scratch', 'FIX7-P0-S-1'],
    );
  });

  test('packets of one date stay in path order; no blockers, no rows', () => {
    const c = 'kb/fix7-p0-c-packet-2026-06-12';
    assert.deepEqual(rows(pickerEntries([blocker('FIX7-P0-C-1', c, 'unresolved'), blocker('FIX7-P0-A-1', packetA, 'unresolved')])), [
      '-- fix7-p0-a · 2026-06-12',
      'FIX7-P0-A-1',
      '-- fix7-p0-c · 2026-06-12',
      'FIX7-P0-C-1',
    ]);
    assert.deepEqual(pickerEntries([]), []);
  });
});

describe('blocker wording', () => {
  const full = blocker('FIX7-P0-PROD-BIRTH-SURFACE-1', packetA, 'unresolved', {
    item: ' production object-birth pipeline surface is UNKNOWN/unscoped ',
    blocks: 'production',
    actorNeeded: 'owner + operator',
    nextAction: 'operator scopes the surface',
    date: '2026-06-12',
  });

  test('QuickPick: label is the ID, description what it blocks and who acts, detail the item', () => {
    assert.deepEqual(pickRow(full), {
      label: 'FIX7-P0-PROD-BIRTH-SURFACE-1',
      description: 'blocks production · owner + operator',
      detail: 'production object-birth pipeline surface is UNKNOWN/unscoped',
    });
    assert.deepEqual(pickRow(blocker('FIX7-P0-X-1', packetA, 'unresolved', { blocks: '' })), { label: 'FIX7-P0-X-1', description: '', detail: '' });
  });

  test('tree description: status, and what an unresolved blocker blocks or where it was resolved', () => {
    assert.equal(treeDescription(full), 'unresolved · blocks production');
    assert.equal(treeDescription(blocker('FIX7-P0-X-1', packetA, 'unresolved')), 'unresolved');
    // Every packet's map has the same file name: the packet and the date say which one resolved it.
    const resolvedBy = `${packetB}/production-readiness-blocker-map.json`;
    assert.equal(
      treeDescription(blocker('FIX7-P0-X-1', packetA, 'resolved', { resolvedBy, resolvedHow: 'resolved_in_this_macro', resolvedByPacket: packetB, resolvedByDate: '2026-06-14' })),
      'resolved in fix7-p0-b (2026-06-14)',
    );
    assert.equal(treeDescription(blocker('FIX7-P0-X-1', packetA, 'resolved', { resolvedBy, resolvedHow: 'resolved_in_this_macro', resolvedByPacket: packetB })), 'resolved in fix7-p0-b');
    assert.equal(treeDescription(blocker('FIX7-P0-X-1', packetA, 'resolved', { resolvedBy: `${packetA}/production-readiness-blocker-map.json`, resolvedHow: 'status', resolvedByPacket: packetA })), 'resolved by its status');
    assert.equal(treeDescription(blocker('FIX7-P0-X-1', packetA, 'resolved')), 'resolved');
  });

  test('tooltip rows leave out empty fields; the map is named from its packet on and links to its full path', () => {
    const link = `file:///ws/${packetA}/production-readiness-blocker-map.json`;
    assert.deepEqual(tooltipRows(full), [
      { label: 'Status', text: 'unresolved' },
      { label: 'Item', text: 'production object-birth pipeline surface is UNKNOWN/unscoped' },
      { label: 'Blocks', text: 'production' },
      { label: 'Actor needed', text: 'owner + operator' },
      { label: 'Next action', text: 'operator scopes the surface' },
      { label: 'Defined in', text: 'fix7-p0-a-packet-2026-06-12/production-readiness-blocker-map.json (2026-06-12)', link },
    ]);
    assert.deepEqual(tooltipRows(blocker('FIX7-P0-X-1', packetA, 'resolved', { resolvedBy: 'b.json', resolvedByPacket: packetB, resolvedByDate: '2026-06-14', item: ' ' })), [
      { label: 'Status', text: 'resolved in fix7-p0-b (2026-06-14)' },
      { label: 'Defined in', text: 'fix7-p0-a-packet-2026-06-12/production-readiness-blocker-map.json', link },
    ]);
  });

  test('a tooltip link: nothing in the URI ends it early', () => {
    assert.equal(markdownDestination('file:///ws/a (1)/b<c>.json'), 'file:///ws/a%20%281%29/b%3Cc%3E.json');
    assert.equal(markdownDestination('file:///ws/x%20y/z.json#L3'), 'file:///ws/x%20y/z.json#L3');
  });

  test('status bar', () => {
    assert.deepEqual(statusBarText({ unresolved: 7, total: 9 }), {
      text: '$(shield) 7 unresolved',
      tooltip: 'Governance Lens: 7 of 9 blockers unresolved. Click to list them.',
      accessibleLabel: '7 unresolved governance blockers',
    });
    assert.equal(statusBarText({ unresolved: 1, total: 1 }).accessibleLabel, '1 unresolved governance blocker');
  });
});

describe('Check Workspace summary', () => {
  test('counts with plurals, zero counts left out', () => {
    const result = { files: 8, errors: 13, warnings: 2, information: 0, hints: 1, unresolvedBlockers: 7 };
    assert.equal(checkSummary(result), 'Checked 8 files: 13 errors, 2 warnings, 1 hint; 7 unresolved blockers.');
    assert.equal(findingCount(result), 16);
  });

  test('folders the server could not open are named: zero findings over them is no clean result', () => {
    const result = { files: 0, errors: 0, warnings: 0, information: 0, hints: 0, unresolvedBlockers: 0, unreadFolders: [{ uri: 'file:///gone', reason: 'ENOENT: no such file or directory' }] };
    assert.equal(checkSummary(result), 'Checked 0 files: no findings; no unresolved blockers. One folder was not checked: file:///gone (ENOENT: no such file or directory); see the Governance Lens output.');
  });

  test('a clean workspace', () => {
    const result = { files: 1, errors: 0, warnings: 0, information: 0, hints: 0, unresolvedBlockers: 0 };
    assert.equal(checkSummary(result), 'Checked 1 file: no findings; no unresolved blockers.');
    assert.equal(findingCount(result), 0);
  });
});

describe('internal command arguments', () => {
  const location = { uri: 'file:///ws/a.md', range };

  test('showReferences takes [uri, position, locations]', () => {
    assert.deepEqual(parseReferenceArgs(['file:///ws/map.json', { line: 3, character: 9 }, [location]]), {
      uri: 'file:///ws/map.json',
      position: { line: 3, character: 9 },
      locations: [location],
    });
    assert.deepEqual(parseReferenceArgs(['file:///ws/map.json', { line: 0, character: 0 }, []])?.locations, []);
  });

  test('showReferences rejects malformed arguments', () => {
    for (const args of [
      [],
      ['map.json', { line: 3, character: 9 }, []],
      ['file:///ws/map.json', { line: -1, character: 9 }, []],
      ['file:///ws/map.json', { line: 3, character: 9 }, 'nope'],
      ['file:///ws/map.json', { line: 3, character: 9 }, [{ uri: 'file:///ws/a.md', range: { start: { line: 1 } } }]],
    ]) {
      assert.equal(parseReferenceArgs(args), undefined, JSON.stringify(args));
    }
  });

  test('openLocation takes [location], as an evidence code lens sends it', () => {
    assert.deepEqual(parseLocationArgs([location]), location);
    for (const args of [[], ['file:///ws/a.md'], [{ uri: 'a.md', range }], [{ uri: 'file:///ws/a.md', range: { start: { line: 1 } } }]]) {
      assert.equal(parseLocationArgs(args), undefined, JSON.stringify(args));
    }
  });

  test('openBlocker needs an id, a uri and a range', () => {
    const b = blocker('FIX7-P0-X-1', packetA, 'unresolved', { item: 'x' });
    assert.deepEqual(parseBlockerTarget(b), { id: b.id, uri: b.uri, range });
    assert.equal(parseBlockerTarget({ id: 'FIX7-P0-X-1', uri: b.uri }), undefined);
    assert.equal(parseBlockerTarget(undefined), undefined);
  });
});
