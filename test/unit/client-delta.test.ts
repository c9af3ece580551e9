/** The VS Code client's pure parts of the authority delta: the revision picker's rows, the Blockers view's title, the document's name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuthorityDeltaResult, RevisionInfo } from '../../common/protocol';
import { deltaDocumentPath, revisionEntries, viewDescription } from '../../client/src/deltaModel';

const revisions: RevisionInfo[] = [
  { revision: 'main', kind: 'branch', label: 'main', detail: 'abc1234 production phase' },
  { revision: 'v1', kind: 'tag', label: 'v1', detail: 'def5678 first packet' },
  { revision: 'abc1234abc1234abc1234abc1234abc1234abc12', kind: 'commit', label: 'abc1234', detail: 'production phase' },
];
const rows = (typed: string) => revisionEntries(revisions, typed).map((e) => (e.kind === 'separator' ? `-- ${e.label}` : `${e.label} | ${e.description} | ${e.revision}`));

test('picker: HEAD first, then branches, tags and commits under their separators', () => {
  assert.deepEqual(rows(''), [
    'HEAD | the last commit | HEAD',
    '-- Branches',
    'main | abc1234 production phase | main',
    '-- Tags',
    'v1 | def5678 first packet | v1',
    '-- Recent commits',
    'abc1234 | production phase | abc1234',
  ]);
});

test('picker: a typed revision comes first, unless it is listed already; an empty list still offers HEAD', () => {
  assert.equal(rows('origin/main~2 ')[0], 'origin/main~2 | the revision typed | origin/main~2');
  assert.equal(rows('main')[0], 'HEAD | the last commit | HEAD');
  assert.deepEqual(rows('HEAD').filter((r) => r.startsWith('HEAD |')), ['HEAD | the revision typed | HEAD'], 'HEAD typed is not offered twice');
  assert.deepEqual(revisionEntries([], ''), [{ kind: 'revision', revision: 'HEAD', label: 'HEAD', description: 'the last commit' }]);
});

const ok = (summary: string): AuthorityDeltaResult => ({
  ok: true,
  summary,
  markdown: '',
  baseCommit: 'c',
  delta: { version: 1, base: 'HEAD', head: 'WORKTREE', grants: { added: [], removed: [], changed: [] }, blockers: { added: [], resolved: [], reopened: [], removed: [] }, findings: { introduced: [], fixed: [] }, seals: { stale: [] }, events: [] },
});
const outside: AuthorityDeltaResult = { ok: false, reason: 'no-repository', message: '/ws is not inside a git repository' };

test('view title: one folder reads "vs HEAD: <summary>"; outside git, nothing; several folders are named', () => {
  assert.equal(viewDescription([{ name: 'kb', result: ok('+1 production grant, 2 blockers resolved') }]), 'vs HEAD: +1 production grant, 2 blockers resolved');
  assert.equal(viewDescription([{ name: 'kb', result: outside }]), undefined);
  assert.equal(viewDescription([]), undefined);
  assert.equal(viewDescription([{ name: 'a', result: ok('no change') }, { name: 'b', result: outside }, { name: 'c', result: ok('1 finding introduced') }]), 'vs HEAD: a no change; c 1 finding introduced');
});

test('document name: the folder and both revisions, no character that would make a path or a query of it', () => {
  assert.equal(deltaDocumentPath('kb', 'HEAD~1'), '/kb/authority HEAD~1 → working tree.md');
  assert.equal(deltaDocumentPath('k/b', 'origin/main?x#y%'), '/k_b/authority origin_main_x_y_ → working tree.md');
});
