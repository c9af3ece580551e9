/**
 * The language server's authority delta (server/src/lsp/authorityDelta.ts) on in-memory hosts:
 * what each kind of git failure answers, and which commits it reads again. The protocol test
 * (test/protocol/authority-delta.test.ts) runs the same requests against real git.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { AuthorityDeltas } from '../../server/src/lsp/authorityDelta';
import { Folders } from '../../server/src/lsp/folders';
import type { GitHost, GitRepository, Runtime } from '../../server/src/lsp/runtime';
import { laterPacket } from '../helpers/deltaRepo';
import { cleanKb } from '../helpers/kb';

const ROOT = '/ws/kb';
const URI = 'file:///ws/kb';

function runtime(files: Record<string, string>): Runtime {
  return {
    openFolder: () => new InMemoryWorkspace(files, 'kb'),
    uriToFsPath: (uri) => (typeof uri === 'string' && uri.startsWith('file://') ? uri.slice('file://'.length) : undefined),
    fsPathToUri: (fsPath) => `file://${fsPath}`,
    realPath: (fsPath) => fsPath,
    timer: { setTimeout: () => ({ dispose: () => undefined }), setImmediate: (callback) => callback() },
  };
}

/** A repository of named commits held in memory; counts what it opens and disposes. */
class FakeRepository implements GitRepository {
  opened: string[] = [];
  disposed = 0;
  failOpen = false;
  constructor(private readonly commits: Record<string, Record<string, string>>) {}
  resolve(revision: string): string {
    if (revision in this.commits) return `commit-${revision}`;
    throw new Error(`unknown revision '${revision}'`);
  }
  open(commit: string) {
    if (this.failOpen) throw new Error('git ls-tree failed: object missing');
    this.opened.push(commit);
    const workspace = new InMemoryWorkspace(this.commits[commit.slice('commit-'.length)], 'kb');
    return Object.assign(workspace, { dispose: () => void this.disposed++ });
  }
  revisions() {
    return { branches: [], tags: [], commits: [], truncated: false };
  }
}

function setup(git: GitHost | undefined, files: Record<string, string> = { ...cleanKb(), ...laterPacket() }) {
  const folders = new Folders(runtime(files));
  const folder = folders.add(URI, {});
  assert.ok(folder);
  const logged: string[] = [];
  return { folder, logged, deltas: new AuthorityDeltas(folders, git, (m) => logged.push(m)) };
}

test('no git on the host, git that cannot run, a folder outside git: each a reason, nothing thrown', () => {
  const none = setup(undefined).deltas.delta({ uri: URI, base: 'HEAD' });
  assert.equal(!none.ok && none.reason, 'git-unavailable');
  const broken = setup({ repository: () => { throw new Error('git is not installed or not on PATH; install git to compare revisions'); } }).deltas;
  assert.deepEqual(broken.delta({ uri: URI, base: 'HEAD' }), { ok: false, reason: 'git-unavailable', message: 'git is not installed or not on PATH; install git to compare revisions' });
  const outside = setup({ repository: () => undefined }).deltas;
  const answer = outside.delta({ uri: `${URI}/kb/owner-note.md`, base: 'HEAD' });
  assert.equal(!answer.ok && answer.reason, 'no-repository');
  assert.match(!answer.ok ? answer.message : '', new RegExp(`^${ROOT} is not inside a git repository`));
  assert.equal(outside.revisions({ uri: URI }).ok, false);
});

test('the working tree against the first commit: the grant, the blockers, the summary', () => {
  const repository = new FakeRepository({ first: cleanKb() });
  const { deltas } = setup({ repository: () => repository });
  const result = deltas.delta({ uri: URI, base: 'first' });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.delta.head, 'WORKTREE');
  assert.deepEqual(result.delta.events, ['production-grant-added']);
  assert.equal(result.summary, '+1 production grant, 2 blockers resolved, 2 blockers added');
  assert.equal(repository.disposed, 1, 'the revision\'s git process is ended');
});

test('a commit is read once per settings; a fifth commit pushes out the least recently used', () => {
  const commits = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((c) => [c, cleanKb()]));
  const repository = new FakeRepository(commits);
  const { deltas, folder } = setup({ repository: () => repository });
  for (let i = 0; i < 3; i++) assert.ok(deltas.delta({ uri: URI, base: 'a' }).ok);
  assert.deepEqual(repository.opened, ['commit-a']);
  folder.updateSettings({ ticketPrefixes: ['TKT', 'OPS'] });
  assert.ok(deltas.delta({ uri: URI, base: 'a' }).ok);
  assert.deepEqual(repository.opened, ['commit-a', 'commit-a'], 'other settings, another analysis');
  for (const c of ['b', 'c', 'd']) assert.ok(deltas.delta({ uri: URI, base: c }).ok);
  assert.ok(deltas.delta({ uri: URI, base: 'a' }).ok, 'still kept: used last but three');
  assert.ok(deltas.delta({ uri: URI, base: 'e' }).ok);
  assert.ok(deltas.delta({ uri: URI, base: 'b' }).ok);
  assert.deepEqual(repository.opened.slice(2), ['commit-b', 'commit-c', 'commit-d', 'commit-e', 'commit-b']);
});

test('git failing half-way is a "failed" answer naming the folder and revision, and logged', () => {
  const repository = new FakeRepository({ first: cleanKb() });
  repository.failOpen = true;
  const { deltas, logged } = setup({ repository: () => repository });
  const result = deltas.delta({ uri: URI, base: 'first' });
  assert.deepEqual(result, { ok: false, reason: 'failed', message: `comparing ${ROOT} with first failed: git ls-tree failed: object missing` });
  assert.deepEqual(logged, [result.ok ? '' : result.message]);
  assert.deepEqual(deltas.delta({ uri: URI, base: 'nope' }), { ok: false, reason: 'bad-revision', message: "unknown revision 'nope'" });
});
