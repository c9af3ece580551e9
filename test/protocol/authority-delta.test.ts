import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import type { AuthorityDeltaResult, RevisionsResult } from '../../common/protocol';
import { deltaRepository, HEAD_DELTA } from '../helpers/deltaRepo';
import { git } from '../helpers/git';
import { NOTE } from '../helpers/kb';
import { copyKb, startClient, type Client } from './harness';

// The markdown the CLI prints for the same two commits (test/cli/diff.test.ts keeps it current).
const golden = fs.readFileSync(path.join(__dirname, '../cli/golden/diff.md'), 'utf8');

const delta = (client: Client, params: { uri?: string; base: string; head?: string }) =>
  client.connection.sendRequest('governanceLens/authorityDelta', { uri: client.uri(''), ...params }) as Promise<AuthorityDeltaResult>;
const revisions = (client: Client, uri = client.uri('')) => client.connection.sendRequest('governanceLens/revisions', { uri }) as Promise<RevisionsResult>;

function ok(result: AuthorityDeltaResult): Extract<AuthorityDeltaResult, { ok: true }> {
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

describe('the authority delta over the protocol (a two-commit repository)', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-protocol-delta-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const root = deltaRepository(path.join(scratch, 'repo'));

  test('HEAD~1 → HEAD: the JSON govlens diff --format json prints, its Markdown, a one-line summary', async () => {
    const client = await startClient(root, 'pull');
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      const result = ok(await delta(client, { base: 'HEAD~1', head: 'HEAD' }));
      assert.deepEqual(result.delta, HEAD_DELTA);
      assert.equal(result.markdown, golden);
      assert.equal(result.summary, '+1 production grant, 2 blockers resolved, 2 blockers added');
      assert.equal(result.baseCommit, git(root, 'rev-parse', 'HEAD~1'));
      assert.equal(result.headCommit, git(root, 'rev-parse', 'HEAD'));
      // A file of the folder names the same folder.
      assert.deepEqual(ok(await delta(client, { uri: client.uri(NOTE), base: 'HEAD~1', head: 'HEAD' })).delta, result.delta);
    } finally {
      await client.close();
    }
  });

  test('no head: the working tree as the server sees it, an unsaved buffer included; the disk and git untouched', async () => {
    const status = git(root, 'status', '--porcelain');
    const client = await startClient(root, 'pull');
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      const clean = ok(await delta(client, { base: 'HEAD' }));
      assert.equal(clean.delta.head, 'WORKTREE');
      assert.equal(clean.summary, 'no change');
      assert.equal(clean.headCommit, undefined);

      // Typed, not saved: only the server's buffer has it.
      await client.open(NOTE, `${client.text(NOTE)}\nSee FIX7-P0-NOT-DEFINED-1.\n`);
      const dirty = ok(await delta(client, { base: 'HEAD' }));
      assert.deepEqual(dirty.delta.findings.introduced.map((f) => [f.file, f.code]), [[NOTE, 'unknown-id']]);
      assert.deepEqual(dirty.delta.events, ['findings-introduced']);
      assert.equal(dirty.summary, '1 finding introduced');
      assert.match(dirty.markdown, /^### Governance Lens: authority delta `HEAD` → `WORKTREE`\n/);
      assert.match(dirty.markdown, /#### Findings introduced \(1\)/);

      const wide = ok(await delta(client, { base: 'HEAD~1' }));
      assert.equal(wide.summary, '+1 production grant, 2 blockers resolved, 2 blockers added, 1 finding introduced');
      assert.equal(git(root, 'status', '--porcelain'), status);
    } finally {
      await client.close();
    }
  });

  test('a bad revision is a clear failure, and the server answers the next request', async () => {
    const client = await startClient(root, 'pull');
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      const unknown = await delta(client, { base: 'no-such-branch' });
      assert.deepEqual(unknown, {
        ok: false,
        reason: 'bad-revision',
        message: "unknown revision 'no-such-branch': name a commit, branch or tag of this repository (git rev-parse --verify 'no-such-branch^{commit}' fails)",
      });
      const option = await delta(client, { base: 'HEAD', head: '--output=/tmp/x' });
      assert.equal(option.ok, false);
      assert.equal(!option.ok && option.reason, 'bad-revision');
      assert.equal((await delta(client, { base: '  ' })).ok, false);
      const outside = await delta(client, { uri: 'file:///definitely/not/open', base: 'HEAD' });
      assert.equal(!outside.ok && outside.reason, 'no-folder');
      assert.equal(ok(await delta(client, { base: 'HEAD' })).summary, 'no change');
    } finally {
      await client.close();
    }
  });

  test('revisions: the branch and the commits with their subjects, newest first; at most 30 commits', async () => {
    const client = await startClient(root, 'pull');
    try {
      const listed = await revisions(client);
      assert.ok(listed.ok, JSON.stringify(listed));
      const branch = git(root, 'rev-parse', '--abbrev-ref', 'HEAD');
      assert.deepEqual(
        listed.revisions.map((r) => [r.kind, r.label, r.kind === 'commit' ? r.detail : r.detail.split(' ').slice(1).join(' ')]),
        [
          ['branch', branch, 'production phase: REAL_RUN granted, two blockers resolved'],
          ['commit', git(root, 'rev-parse', '--short', 'HEAD'), 'production phase: REAL_RUN granted, two blockers resolved'],
          ['commit', git(root, 'rev-parse', '--short', 'HEAD~1'), 'first packet: open blockers'],
        ],
      );
      assert.equal(listed.revisions[1]?.revision, git(root, 'rev-parse', 'HEAD'));
      assert.equal(listed.truncated, false);
    } finally {
      await client.close();
    }
    const long = deltaRepository(path.join(scratch, 'long'));
    for (let i = 0; i < 35; i++) git(long, 'commit', '-q', '--allow-empty', '-m', `empty ${i}`);
    git(long, 'tag', 'v1');
    const longClient = await startClient(long, 'pull');
    try {
      const listed = await revisions(longClient);
      assert.ok(listed.ok, JSON.stringify(listed));
      const commits = listed.revisions.filter((r) => r.kind === 'commit');
      assert.equal(commits.length, 30);
      assert.equal(commits[0]?.detail, 'empty 34');
      assert.deepEqual(listed.revisions.filter((r) => r.kind === 'tag').map((r) => r.label), ['v1']);
    } finally {
      await longClient.close();
    }
  });

  test('a repository with no commit yet: no revision to compare with, an empty list, no failure', async () => {
    const empty = path.join(scratch, 'empty');
    fs.cpSync(root, empty, { recursive: true, filter: (source) => path.basename(source) !== '.git' });
    git(empty, 'init', '-q');
    const client = await startClient(empty, 'pull');
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      const result = await delta(client, { base: 'HEAD' });
      assert.equal(!result.ok && result.reason, 'bad-revision');
      assert.deepEqual(await revisions(client), { ok: true, revisions: [], truncated: false });
    } finally {
      await client.close();
    }
  });

  test('outside a git repository: both requests say so (reason no-repository), nothing else', async () => {
    const client = await startClient(copyKb(), 'pull');
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      const result = await delta(client, { base: 'HEAD' });
      assert.equal(!result.ok && result.reason, 'no-repository');
      assert.match(!result.ok ? result.message : '', /is not inside a git repository/);
      const listed = await revisions(client);
      assert.equal(!listed.ok && listed.reason, 'no-repository');
      assert.equal(client.stderr(), '');
    } finally {
      await client.close();
    }
  });
});
