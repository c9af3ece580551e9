/**
 * The VS Code client's pure parts: how blockers are grouped and worded in the tree, the
 * QuickPick and the status bar, the Check Workspace summary, and the checks on the internal
 * commands' arguments.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { BlockerInfo } from '../../common/protocol';
import { checkSummary, findingCount, groupByPacket, pickRow, statusBarText, tooltipRows, treeDescription } from '../../client/src/blockerModel';
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
        { label: 'fix7-p0-a-packet-2026-06-12', ids: ['FIX7-P0-A-2', 'FIX7-P0-A-3', 'FIX7-P0-A-1'], unresolved: 2 },
        { label: 'fix7-p0-b-packet-2026-06-14', ids: ['FIX7-P0-B-2', 'FIX7-P0-B-1'], unresolved: 1 },
      ],
    );
  });

  test('a workspace whose root is the packet gets a readable group label', () => {
    assert.equal(groupByPacket([blocker('FIX7-P0-A-1', '', 'unresolved')])[0]?.label, '(workspace root)');
    assert.deepEqual(groupByPacket([]), []);
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
    assert.equal(treeDescription(blocker('FIX7-P0-X-1', packetA, 'resolved', { resolvedBy: `${packetB}/production-readiness-blocker-map.json` })), 'resolved in production-readiness-blocker-map.json');
    assert.equal(treeDescription(blocker('FIX7-P0-X-1', packetA, 'resolved')), 'resolved');
  });

  test('tooltip rows leave out empty fields', () => {
    assert.deepEqual(tooltipRows(full), [
      ['Status', 'unresolved'],
      ['Item', 'production object-birth pipeline surface is UNKNOWN/unscoped'],
      ['Blocks', 'production'],
      ['Actor needed', 'owner + operator'],
      ['Next action', 'operator scopes the surface'],
      ['Defined in', `${packetA}/production-readiness-blocker-map.json (2026-06-12)`],
    ]);
    assert.deepEqual(tooltipRows(blocker('FIX7-P0-X-1', packetA, 'resolved', { resolvedBy: 'b.json', item: ' ' })), [
      ['Status', 'resolved in b.json'],
      ['Defined in', `${packetA}/production-readiness-blocker-map.json`],
    ]);
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
