import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { readConfig } from '../../server/src/core/config';
import { gitTreeId } from '../../server/src/core/seal/treeId';
import { withDefaults } from '../../server/src/core/settings';
import { NodeFileSystemWorkspace } from '../../server/src/node/fsWorkspace';
import { isWithin, leavesThroughLink, spyOnFs } from '../robust/fsSpy';
import { git } from '../helpers/git';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-seal-'));
after(() => fs.rmSync(base, { recursive: true, force: true }));

/** The files of the fixture packets: text, bytes, executables, links, and folders that git leaves out. */
function buildFixture(root: string): void {
  const write = (relative: string, content: string | Uint8Array, mode?: number) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    if (mode !== undefined) fs.chmodSync(file, mode);
  };
  const packet = 'kb/fix7-p0-demo-packet-2026-06-12';
  write(`${packet}/production-readiness-blocker-map.json`, '{"doc": "fix7-p0-production-readiness-blocker-map", "date": "2026-06-12"}\n');
  // A folder `a` and files that sort before it as names but after it as git's trees ("a/" > "a-b", "a.b"), and one after ("a0").
  write(`${packet}/a/inner.json`, '{}\n');
  write(`${packet}/a-b`, 'dash\n');
  write(`${packet}/a.b`, 'dot\n');
  write(`${packet}/a0`, 'zero\n');
  write(`${packet}/ab`, 'ab\n');
  write(`${packet}/deep/er/est/file.txt`, 'nested\n');
  write(`${packet}/run.sh`, '#!/bin/sh\necho sealed\n', 0o755);
  write(`${packet}/group-exec-only.sh`, 'not executable for git: only the owner bit counts\n', 0o654);
  write(`${packet}/crlf.json`, '{\r\n  "doc": "x",\r\n  "date": "2026-06-12"\r\n}\r\n');
  write(`${packet}/latin1.md`, Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0xfe, 0x00, 0x01]));
  write(`${packet}/bom.json`, '\uFEFF{"doc": "bom"}\n');
  write(`${packet}/empty-file.json`, '');
  write(`${packet}/ümlaut-notes.md`, 'ü\n');
  write(`${packet}/日本語.json`, '{"名前": "値"}\n');
  write(`${packet}/emoji 🙂 name.md`, 'non-BMP names sort by their UTF-8 bytes\n');
  write(`${packet}/\uff61-halfwidth.md`, 'U+FF61 sorts after U+1F642 in UTF-16, before it in UTF-8\n');
  write(`${packet}/large.json`, `${'x'.repeat(100_003)}\n`);
  write(`${packet}/.hidden/kept.md`, 'git commits hidden files\n');
  write(`${packet}/node_modules/pkg/index.js`, 'and node_modules, unless ignored\n');
  fs.mkdirSync(path.join(root, packet, 'empty/inner'), { recursive: true });
  fs.symlinkSync('a/inner.json', path.join(root, packet, 'link-inside.json'));
  fs.symlinkSync('../../../outside/secret.md', path.join(root, packet, 'link-outside.md'));
  fs.symlinkSync('/etc/hostname', path.join(root, packet, 'link-absolute'));
  fs.symlinkSync('no/such/file', path.join(root, packet, 'link-dangling'));
  fs.symlinkSync('a', path.join(root, packet, 'link-to-folder'));
  write('kb/outer-packet/inner-packet/x.json', '{}\n');
  write('kb/outer-packet/y.json', '{}\n');
  write('kb/note.md', 'a note outside the packets\n');
  write('outside/secret.md', 'never read\n');
}

function repository(name: string, objectFormat: 'sha1' | 'sha256'): string {
  const root = path.join(base, name);
  fs.mkdirSync(root);
  buildFixture(root);
  git(root, 'init', '-q', `--object-format=${objectFormat}`);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'fixture');
  return root;
}

const folders = ['kb/fix7-p0-demo-packet-2026-06-12', 'kb/fix7-p0-demo-packet-2026-06-12/a', 'kb/fix7-p0-demo-packet-2026-06-12/deep', 'kb/outer-packet', 'kb/outer-packet/inner-packet', 'kb', ''];

for (const [objectFormat, format] of [['sha1', 'git-sha1'], ['sha256', 'git-sha256']] as const) {
  describe(`tree ids equal git's (${objectFormat} repository)`, () => {
    const root = repository(objectFormat, objectFormat);
    const workspace = new NodeFileSystemWorkspace(root);

    test('the fixture exercises what it claims to: git stored links, an executable and the non-ASCII names', () => {
      const listing = git(root, 'ls-tree', '-r', 'HEAD', 'kb/fix7-p0-demo-packet-2026-06-12/');
      assert.match(listing, /^120000 blob \w+\tkb\/fix7-p0-demo-packet-2026-06-12\/link-outside\.md$/m);
      assert.match(listing, /^100755 blob \w+\tkb\/fix7-p0-demo-packet-2026-06-12\/run\.sh$/m);
      assert.match(listing, /^100644 blob \w+\tkb\/fix7-p0-demo-packet-2026-06-12\/group-exec-only\.sh$/m);
      assert.match(listing, /\.hidden\/kept\.md$/m);
      assert.doesNotMatch(listing, /\/empty\//);
    });

    for (const folder of folders) {
      test(`${folder === '' ? 'the root' : folder}: git rev-parse HEAD:${folder} from the bytes on disk`, () => {
        const expected = git(root, 'rev-parse', `HEAD:${folder}`);
        const result = gitTreeId(workspace, folder, format);
        assert.ok('id' in result, JSON.stringify(result));
        assert.equal(result.id, expected);
        assert.equal(result.id.length, objectFormat === 'sha1' ? 40 : 64);
      });
    }

    test('files counts every blob git stores below the folder (links included)', () => {
      const folder = 'kb/fix7-p0-demo-packet-2026-06-12';
      const result = gitTreeId(workspace, folder, format);
      const blobs = git(root, 'ls-tree', '-r', 'HEAD', `${folder}/`).split('\n').length;
      assert.ok('files' in result);
      assert.equal(result.files, blobs);
    });

    test('an edit, a mode change, a new empty folder: the id follows git exactly', () => {
      const clone = path.join(base, `${objectFormat}-edited`);
      fs.cpSync(root, clone, { recursive: true, verbatimSymlinks: true });
      const packet = path.join(clone, 'kb/fix7-p0-demo-packet-2026-06-12');
      const before = gitTreeId(new NodeFileSystemWorkspace(clone), 'kb/fix7-p0-demo-packet-2026-06-12', format);
      fs.appendFileSync(path.join(packet, 'crlf.json'), ' ');
      fs.chmodSync(path.join(packet, 'a-b'), 0o755);
      fs.mkdirSync(path.join(packet, 'new-empty'));
      git(clone, 'add', '-A');
      git(clone, 'commit', '-q', '-m', 'edit');
      const after = gitTreeId(new NodeFileSystemWorkspace(clone), 'kb/fix7-p0-demo-packet-2026-06-12', format);
      assert.ok('id' in before && 'id' in after);
      assert.notEqual(after.id, before.id);
      assert.equal(after.id, git(clone, 'rev-parse', 'HEAD:kb/fix7-p0-demo-packet-2026-06-12'));
    });
  });
}

describe('containment and hosts', () => {
  const root = path.join(base, 'sha1');

  test('links are hashed by their text and never followed: nothing outside is opened, read or probed', () => {
    const spy = spyOnFs();
    try {
      gitTreeId(new NodeFileSystemWorkspace(root), 'kb/fix7-p0-demo-packet-2026-06-12', 'git-sha1');
    } finally {
      spy.restore();
    }
    const escaping = spy.calls.filter((c) => !c.target.startsWith('fd:') && (!isWithin(root, c.target) || leavesThroughLink(root, c.target, c.op)));
    assert.deepEqual(escaping, []);
    const followed = spy.calls.filter((c) => c.target.endsWith('link-to-folder') || c.target.includes(`link-to-folder${path.sep}`));
    assert.ok(followed.every((c) => c.op === 'lstatSync' || c.op === 'readlinkSync'), JSON.stringify(followed));
  });

  test('a folder reached through a symbolic link has no tree id, nor one that is missing or a file', () => {
    const workspace = new NodeFileSystemWorkspace(root);
    for (const folder of ['kb/fix7-p0-demo-packet-2026-06-12/link-to-folder', 'kb/missing-packet', 'kb/note.md', '../outside', 'kb/../kb']) {
      assert.ok('problem' in gitTreeId(workspace, folder, 'git-sha1'), folder);
    }
  });

  test('the in-memory workspace gives the disk id for the same bytes, modes and links', () => {
    const packet = 'kb/fix7-p0-demo-packet-2026-06-12';
    const disk = new NodeFileSystemWorkspace(root);
    const memory = new InMemoryWorkspace();
    for (const entry of disk.listTree(packet) ?? []) {
      const at = `${packet}/${entry.path}`;
      if (entry.kind === 'symlink') memory.setLink(at, fs.readlinkSync(path.join(root, at)));
      else memory.setBytes(at, disk.readBytes(at) ?? new Uint8Array(), { executable: entry.kind === 'executable' });
    }
    const expected = git(root, 'rev-parse', `HEAD:${packet}`);
    assert.deepEqual(gitTreeId(memory, packet, 'git-sha1'), gitTreeId(disk, packet, 'git-sha1'));
    assert.equal((gitTreeId(memory, packet, 'git-sha1') as { id: string }).id, expected);
  });

  test('readBytes keeps the bytes the text reading drops (a BOM) and cannot decode', () => {
    const disk = new NodeFileSystemWorkspace(root);
    assert.deepEqual([...(disk.readBytes('kb/fix7-p0-demo-packet-2026-06-12/bom.json') ?? []).slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(disk.readFile('kb/fix7-p0-demo-packet-2026-06-12/bom.json')?.text.charCodeAt(0), 0x7b);
    assert.deepEqual([...(disk.readBytes('kb/fix7-p0-demo-packet-2026-06-12/latin1.md') ?? [])], [0x63, 0x61, 0x66, 0xe9, 0x0a, 0xff, 0xfe, 0x00, 0x01]);
    assert.equal(disk.readBytes('kb/fix7-p0-demo-packet-2026-06-12/link-inside.json'), undefined, 'readBytes never goes through a link');
    assert.equal(new TextDecoder().decode(disk.readLink('kb/fix7-p0-demo-packet-2026-06-12/link-outside.md')), '../../../outside/secret.md');
  });

  test('the empty tree, and a .git entry a host lists anyway, as git has them', () => {
    const memory = new InMemoryWorkspace({ 'p/.git/config': 'x', 'p/a.json': '{}\n' });
    assert.deepEqual(gitTreeId(memory, 'p', 'git-sha1'), gitTreeId(new InMemoryWorkspace({ 'p/a.json': '{}\n' }), 'p', 'git-sha1'));
    const onlyGit = new InMemoryWorkspace({ 'p/.git/config': 'x' });
    assert.deepEqual(gitTreeId(onlyGit, 'p', 'git-sha1'), { id: '4b825dc642cb6eb9a060e54bf8d69288fbee4904', files: 0 });
    assert.deepEqual(gitTreeId(onlyGit, 'p', 'git-sha256'), { id: '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321', files: 0 });
  });

  test('a folder holding more than the limit is refused before a byte is read', () => {
    const memory = new InMemoryWorkspace();
    let reads = 0;
    const workspace = Object.assign(Object.create(memory) as InMemoryWorkspace, {
      listTree: () => [{ path: 'huge.bin', kind: 'file' as const, size: 3 * 1024 ** 3 }],
      readBytes: () => {
        reads++;
        return new Uint8Array();
      },
    });
    const result = gitTreeId(workspace, 'p', 'git-sha1');
    assert.ok('problem' in result && /more than/.test(result.problem), JSON.stringify(result));
    assert.equal(reads, 0);
  });
});

describe('.govlens.json sealFormat', () => {
  test('git-sha256 and off are read; a value outside the three is a finding and leaves git-sha1', () => {
    assert.equal(withDefaults().sealFormat, 'git-sha1');
    assert.deepEqual(readConfig('{"sealFormat": "git-sha256"}'), { settings: { sealFormat: 'git-sha256' }, findings: [] });
    assert.deepEqual(readConfig('{"sealFormat": "off"}').settings, { sealFormat: 'off' });
    const bad = readConfig('{"sealFormat": "sha256"}');
    assert.deepEqual(bad.settings, {});
    assert.deepEqual(bad.findings.map((f) => f.code), ['schema']);
  });
});
