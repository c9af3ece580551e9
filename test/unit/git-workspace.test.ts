import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitTreeId } from '../../server/src/core/seal/treeId';
import { GitError, locateRepository, resolveCommit } from '../../server/src/node/git/gitCommand';
import { GitRevisionWorkspace } from '../../server/src/node/git/gitWorkspace';
import { git } from '../helpers/git';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-gitws-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function repository(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'one');
  return root;
}

function open(root: string, revision: string, folder = root): GitRevisionWorkspace {
  const { top, prefix } = locateRepository(folder);
  return new GitRevisionWorkspace(top, resolveCommit(top, revision), prefix, path.basename(folder));
}

test('a revision\'s files, texts and folders, restricted to DIR, the work tree left as it is', () => {
  const root = repository('basic', { 'kb/a-packet/doc.json': '\uFEFF{"a":1}\n', 'kb/note.md': '# old\n', 'kb/.hidden/x.md': 'x', 'kb/node_modules/y.md': 'y', 'other/z.md': 'z' });
  fs.writeFileSync(path.join(root, 'kb/note.md'), '# new, uncommitted\n');
  const workspace = open(root, 'HEAD', path.join(root, 'kb'));
  try {
    assert.deepEqual(workspace.listFiles(), ['a-packet/doc.json', 'note.md']);
    assert.equal(workspace.readFile('note.md')?.text, '# old\n');
    assert.equal(workspace.readFile('a-packet/doc.json')?.text, '{"a":1}\n', 'the BOM dropped, as the disk workspace does');
    assert.equal(workspace.readFile('../other/z.md'), undefined);
    assert.equal(workspace.stat('a-packet'), 'directory');
    assert.equal(workspace.stat('a-packet/doc.json'), 'file');
    assert.equal(workspace.stat('nope.md'), 'missing');
    assert.equal(workspace.stat('../other/z.md'), 'outside');
    assert.equal(workspace.readFile('a-packet/doc.json', { maxLength: 1 })?.unreadSize, 11, 'over the limit by its listed size: not fetched');
    assert.equal(fs.readFileSync(path.join(root, 'kb/note.md'), 'utf8'), '# new, uncommitted\n');
  } finally {
    workspace.dispose();
  }
});

test('a link is listed for the tree id, never followed; the tree id is git\'s', () => {
  const root = repository('links', { 'p-packet/a.json': '{}\n', 'p-packet/run.sh': '#!/bin/sh\n' });
  fs.symlinkSync('/etc/passwd', path.join(root, 'p-packet/leak.json'));
  fs.chmodSync(path.join(root, 'p-packet/run.sh'), 0o755);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'link');
  const workspace = open(root, 'HEAD');
  try {
    assert.deepEqual(workspace.listFiles(), ['p-packet/a.json', 'p-packet/run.sh']);
    assert.equal(workspace.stat('p-packet/leak.json'), 'missing');
    assert.equal(workspace.readFile('p-packet/leak.json'), undefined);
    assert.equal(new TextDecoder().decode(workspace.readLink('p-packet/leak.json')), '/etc/passwd');
    const id = gitTreeId(workspace, 'p-packet', 'git-sha1');
    assert.deepEqual(id, { id: git(root, 'rev-parse', 'HEAD:p-packet'), files: 3 });
  } finally {
    workspace.dispose();
  }
});

test('every folder\'s tree id is git\'s: the root, a packet and a folder inside it', () => {
  const root = repository('nested', { 'p-packet/a.json': '{}\n', 'p-packet/sub/b.json': '[]\n', 'p-packet/sub/deeper/c.md': '# c\n', 'note.md': '# n\n' });
  const workspace = open(root, 'HEAD');
  try {
    assert.deepEqual(gitTreeId(workspace, '', 'git-sha1'), { id: git(root, 'rev-parse', 'HEAD^{tree}'), files: 4 });
    assert.deepEqual(gitTreeId(workspace, 'p-packet', 'git-sha1'), { id: git(root, 'rev-parse', 'HEAD:p-packet'), files: 3 });
    assert.deepEqual(gitTreeId(workspace, 'p-packet/sub', 'git-sha1'), { id: git(root, 'rev-parse', 'HEAD:p-packet/sub'), files: 2 });
    assert.equal(workspace.listTree('nope'), undefined);
  } finally {
    workspace.dispose();
  }
});

test('an older revision is read as it was', () => {
  const root = repository('history', { 'n.md': 'one\n' });
  fs.writeFileSync(path.join(root, 'n.md'), 'two\n');
  git(root, 'commit', '-q', '-am', 'two');
  const workspace = open(root, 'HEAD~1');
  try {
    assert.equal(workspace.readFile('n.md')?.text, 'one\n');
  } finally {
    workspace.dispose();
  }
});

test('an unknown revision and a folder outside any repository are GitErrors that say what to do', () => {
  const root = repository('errors', { 'n.md': 'x\n' });
  assert.throws(() => resolveCommit(root, 'no-such'), (e: unknown) => e instanceof GitError && /unknown revision 'no-such'/.test(e.message));
  assert.throws(() => resolveCommit(root, '--output=x'), GitError);
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-plain-'));
  try {
    assert.throws(() => locateRepository(plain), (e: unknown) => e instanceof GitError && /not inside a git repository/.test(e.message));
  } finally {
    fs.rmSync(plain, { recursive: true, force: true });
  }
});
