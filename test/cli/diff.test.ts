import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deltaRepository, HEAD_DELTA, LATER_LOCK, RESOLVED } from '../helpers/deltaRepo';
import { git } from '../helpers/git';

// The built CLI, run from inside the repository it compares, as a CI job runs it.
const bin = path.resolve(__dirname, '../../bin/govlens');
const golden = path.join(__dirname, 'golden/diff.md');

function govlens(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('govlens diff', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-diff-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const root = deltaRepository(path.join(scratch, 'repo'));

  test('JSON: exactly the production grant, the two resolutions and the new packet\'s blockers', () => {
    const run = govlens(root, 'diff', 'HEAD~1', 'HEAD', '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(output, HEAD_DELTA);
  });

  test('--fail-on production-grant-added exits 1; an event that does not hold leaves it 0', () => {
    assert.equal(govlens(root, 'diff', 'HEAD~1', 'HEAD', '--fail-on', 'production-grant-added').status, 1);
    assert.equal(govlens(root, 'diff', 'HEAD~1', 'HEAD', '--fail-on=findings-introduced,blocker-reopened').status, 0);
    assert.equal(govlens(root, 'diff', 'HEAD~1', 'HEAD', '--fail-on', 'blocker-reopened,production-grant-added').status, 1);
  });

  test('no change: every list empty, exit 0 whatever --fail-on names', () => {
    const run = govlens(root, 'diff', 'HEAD', 'HEAD', '--fail-on', 'production-grant-added,findings-introduced,blocker-reopened');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'Authority delta HEAD -> HEAD\nNo change in grants, blockers, findings or seals.\nEvents: none\n');
  });

  test('the markdown comment matches its golden copy', () => {
    const run = govlens(root, 'diff', 'HEAD~1', 'HEAD', '--format', 'markdown');
    assert.equal(run.status, 0, run.stderr);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, run.stdout);
    assert.equal(run.stdout, fs.readFileSync(golden, 'utf8'));
  });

  test('HEAD defaults to the working tree, uncommitted changes included; nothing in the work tree or index is touched', () => {
    const note = path.join(root, 'kb/owner-note.md');
    const dirty = `${fs.readFileSync(note, 'utf8')}\nSee FIX7-P0-NOT-DEFINED-1.\n`;
    fs.writeFileSync(note, dirty);
    const status = git(root, 'status', '--porcelain');
    const index = fs.readFileSync(path.join(root, '.git/index'));
    try {
      const run = govlens(root, 'diff', 'HEAD', '--format', 'json', '--fail-on', 'findings-introduced');
      assert.equal(run.status, 1, run.stderr);
      const output = JSON.parse(run.stdout) as { head: string; findings: { introduced: { file: string; code: string }[] } };
      assert.equal(output.head, 'WORKTREE');
      assert.deepEqual(output.findings.introduced.map((f) => [f.file, f.code]), [['kb/owner-note.md', 'unknown-id']]);
      // An old revision is read through git, not checked out.
      assert.equal(govlens(root, 'diff', 'HEAD~1', 'HEAD').status, 0);
      assert.deepEqual(fs.readFileSync(path.join(root, '.git/index')), index);
      assert.equal(fs.readFileSync(note, 'utf8'), dirty);
      assert.equal(git(root, 'status', '--porcelain'), status);
      assert.equal(git(root, 'stash', 'list'), '');
    } finally {
      git(root, 'checkout', '--', 'kb/owner-note.md');
    }
    assert.equal(git(root, 'status', '--porcelain'), '');
  });

  test('DIR restricts the comparison to a folder of the repository; a second word that is a folder is DIR', () => {
    const json = (run: { stdout: string }) => JSON.parse(run.stdout) as { grants: { added: { lock: string }[] }; blockers: { added: string[] } };
    const inKb = govlens(root, 'diff', 'HEAD~1', 'HEAD', 'kb', '--format', 'json');
    assert.equal(inKb.status, 0, inKb.stderr);
    assert.deepEqual(json(inKb).grants.added.map((g) => g.lock), [LATER_LOCK.slice('kb/'.length)]);
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(elsewhere);
    try {
      const run = govlens(root, 'diff', 'HEAD~1', 'HEAD', 'elsewhere', '--format', 'json');
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(json(run).blockers.added, []);
    } finally {
      fs.rmdirSync(elsewhere);
    }
    const worktree = govlens(root, 'diff', 'HEAD~1', 'kb', '--format', 'json');
    assert.equal((JSON.parse(worktree.stdout) as { head: string }).head, 'WORKTREE');
    assert.equal(json(worktree).grants.added.length, 1);
  });

  test('a folder inside the repository run from elsewhere', () => {
    const run = govlens(scratch, 'diff', 'HEAD~1', 'HEAD', 'repo/kb', '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { blockers: { resolved: string[] } }).blockers.resolved, RESOLVED);
  });
});

describe('govlens diff cannot run: exit 2 with one line on stderr', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-diff-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const root = deltaRepository(path.join(scratch, 'repo'));
  const plain = path.join(scratch, 'plain');
  fs.mkdirSync(plain);
  const cases: [string, string, string[], RegExp][] = [
    ['an unknown revision', root, ['diff', 'no-such-branch'], /unknown revision 'no-such-branch': name a commit, branch or tag/],
    ['an unknown HEAD', root, ['diff', 'HEAD', 'v9.9'], /unknown revision 'v9.9'/],
    ['not a git repository', plain, ['diff', 'HEAD'], /not inside a git repository/],
    ['no BASE', root, ['diff'], /govlens diff needs a BASE revision/],
    ['an unknown event', root, ['diff', 'HEAD', '--fail-on', 'grant-added'], /unknown --fail-on event 'grant-added': use production-grant-added, findings-introduced, blocker-reopened/],
    ['--fail-on without a list', root, ['diff', 'HEAD', '--fail-on'], /--fail-on needs a list of events/],
    ['--fail-on with check', root, ['check', '--fail-on', 'findings-introduced'], /--fail-on goes with govlens diff/],
    ['SARIF for diff', root, ['diff', 'HEAD', '--format', 'sarif'], /govlens diff does not support --format sarif/],
    ['markdown for check', root, ['check', '--format', 'markdown'], /govlens check does not support --format markdown/],
    ['too many words', root, ['diff', 'HEAD', 'HEAD', '.', 'extra'], /govlens diff takes BASE \[HEAD\] \[DIR\]: unexpected 'extra'/],
    ['a missing DIR', root, ['diff', 'HEAD', 'HEAD', 'no/such'], /cannot analyse 'no\/such': no such folder/],
  ];
  for (const [name, cwd, args, message] of cases) {
    test(name, () => {
      const run = govlens(cwd, ...args);
      assert.equal(run.status, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    });
  }
});
