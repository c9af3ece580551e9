import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/core/analyzer';
import { analyzeWorkspace } from '../../server/src/core/report';
import { createLanguageService } from '../../server/src/core/service';
import { signatureOf } from '../../server/src/node/cache/signatures';
import { NodeFileSystemWorkspace } from '../../server/src/node/fsWorkspace';
import { isWithin, leavesThroughLink, spyOnFs } from '../robust/fsSpy';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-fs-'));
after(() => fs.rmSync(base, { recursive: true, force: true }));

function write(relative: string, text: string): void {
  const file = path.join(base, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

write('outside/secret.md', 'FIX7-P0-SECRET-1\n');
write('kb/note.md', '# Note\n\n[inside](docs/a.md) [linked out](docs/escape.md) [dangling](docs/gone.md)\n');
write('kb/docs/a.md', 'text\n');
write('kb/.hidden/ignored.md', 'FIX7-P0-HIDDEN-1\n');
write('kb/node_modules/pkg/readme.md', 'FIX7-P0-MODULES-1\n');
write('kb/bom-packet/precondition-checklist.json', '\uFEFF{"doc": "x-precondition-checklist", "date": "2026-06-12", "checks": [{"id": "PC-1", "status": "PASS"}]}\n');
fs.symlinkSync(path.join(base, 'outside/secret.md'), path.join(base, 'kb/docs/escape.md'));
fs.symlinkSync(path.join(base, 'kb/docs/missing.md'), path.join(base, 'kb/docs/gone.md'));
fs.symlinkSync(path.join(base, 'kb'), path.join(base, 'kb/docs/loop'));
fs.symlinkSync('/', path.join(base, 'kb/root'));
fs.symlinkSync('../outside', path.join(base, 'kb/out'));

const workspace = new NodeFileSystemWorkspace(path.join(base, 'kb'));

test('hidden folders, node_modules and linked folders are not walked', () => {
  assert.deepEqual(workspace.listFiles(), ['bom-packet/precondition-checklist.json', 'docs/a.md', 'note.md']);
});

test('a symbolic link is judged by where it really points, and never read when that is outside', () => {
  assert.equal(workspace.stat('docs/a.md'), 'file');
  assert.equal(workspace.stat('docs/escape.md'), 'outside');
  assert.equal(workspace.readFile('docs/escape.md'), undefined);
  assert.equal(workspace.stat('docs/gone.md'), 'missing');
  assert.equal(workspace.stat('../outside/secret.md'), 'outside');
  assert.equal(workspace.readFile('../outside/secret.md'), undefined);
  assert.equal(workspace.stat('docs'), 'directory');
});

test('analysis reports the escaping link and the dangling one, and a BOM does not shift anything', () => {
  const report = analyzeWorkspace(new Analyzer(workspace));
  const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}: ${d.code}`));
  assert.deepEqual(found, ['note.md: path-outside-workspace', 'note.md: evidence-missing-file']);
});

describe('files far over the size limit are not read (issue 13, item 4)', () => {
  const MB = 1024 * 1024;
  // Sparse: 64 MB long, nothing on disk; the limit is 5 MB of text.
  write('sparse/huge-packet/production-readiness-blocker-map.json', '');
  fs.truncateSync(path.join(base, 'sparse/huge-packet/production-readiness-blocker-map.json'), 64 * MB);
  write('sparse/small.md', '# Small\n');
  const sparse = new NodeFileSystemWorkspace(path.join(base, 'sparse'));

  test('the host measures the open file and leaves it unread, with its size', () => {
    const spy = spyOnFs();
    let snapshot;
    try {
      snapshot = sparse.readFile('huge-packet/production-readiness-blocker-map.json', { maxLength: 5 * MB });
    } finally {
      spy.restore();
    }
    assert.deepEqual({ text: snapshot?.text, unreadSize: snapshot?.unreadSize }, { text: '', unreadSize: 64 * MB });
    const reads = spy.calls.filter((c) => c.op === 'readFileSync' || c.op === 'readSync' || c.op === 'read');
    assert.deepEqual(reads, [], 'the file was read');
  });

  test('a file that fits is read whole as before', () => {
    assert.equal(sparse.readFile('small.md', { maxLength: 5 * MB })?.text, '# Small\n');
  });

  test('the analysis reports file-too-large with the size on disk, and reads it once however often it is asked', () => {
    let reads = 0;
    class Counting extends NodeFileSystemWorkspace {
      override readFile(p: string, options?: { maxLength?: number }) {
        if (p.startsWith('huge-packet/')) reads++;
        return super.readFile(p, options);
      }
    }
    const analyzer = new Analyzer(new Counting(path.join(base, 'sparse')));
    for (let i = 0; i < 3; i++) analyzeWorkspace(analyzer);
    const found = analyzeWorkspace(analyzer).results.flatMap((r) => r.diagnostics.map((d) => `${r.path}: ${d.code}: ${d.message}`));
    assert.deepEqual(found, ['huge-packet/production-readiness-blocker-map.json: file-too-large: production-readiness-blocker-map.json is 64.0 MB on disk, over the 5.0 MB size limit, so it is not analysed; split it, or raise maxFileSizeMB (editor setting governanceLens.maxFileSizeMB or .govlens.json).']);
    assert.equal(reads, 1);
  });
});

describe('a link that leaves the workspace is no existence oracle (issue 13, item 5)', () => {
  const cited = ['root/etc/hostname', 'root/etc/no-such-file-govlens', `root${base}/outside/secret.md`, 'out/secret.md', 'out/no-such.md', 'out', 'root'];

  test('every path through it is outside, whether or not its target exists, and nothing beyond it is named in a call', () => {
    const spy = spyOnFs();
    const kinds: Record<string, string> = {};
    try {
      const fresh = new NodeFileSystemWorkspace(path.join(base, 'kb'));
      for (const p of cited) {
        kinds[p] = fresh.stat(p);
        assert.equal(fresh.readFile(p), undefined, p);
      }
    } finally {
      spy.restore();
    }
    assert.deepEqual(kinds, Object.fromEntries(cited.map((p) => [p, 'outside'])));
    const kb = fs.realpathSync(path.join(base, 'kb'));
    const beyond = spy.calls.filter((c) => !c.target.startsWith('fd:') && (!isWithin(kb, c.target) || leavesThroughLink(kb, c.target, c.op)));
    assert.deepEqual(beyond, []);
  });

  test('links inside still lead where they point: a linked file, a relative link climbing back in, a loop', () => {
    fs.symlinkSync('../docs/a.md', path.join(base, 'kb/docs/back.md'));
    fs.symlinkSync(path.join(base, 'kb/docs'), path.join(base, 'kb/docs-abs'));
    try {
      const fresh = new NodeFileSystemWorkspace(path.join(base, 'kb'));
      assert.equal(fresh.stat('docs/back.md'), 'file');
      assert.equal(fresh.readFile('docs/back.md')?.text, 'text\n');
      assert.equal(fresh.stat('docs-abs/a.md'), 'file');
      assert.equal(fresh.stat('docs/loop/docs/a.md'), 'file');
      assert.equal(fresh.stat('docs/a.md/x'), 'missing');
      assert.equal(fresh.stat('docs/../..'), 'outside');
    } finally {
      fs.unlinkSync(path.join(base, 'kb/docs/back.md'));
      fs.unlinkSync(path.join(base, 'kb/docs-abs'));
    }
  });
});

describe('one file reached by several paths is renamed once (issue 13, item 7)', () => {
  write('linked/fix7-p0-a-packet-2026-06-12/production-readiness-blocker-map.json', JSON.stringify({ doc: 'x-production-readiness-blocker-map', date: '2026-06-12', blockers: [{ id: 'FIX7-P0-LINKED-1' }], resolved_in_this_macro: [], production_work_performed: false }, null, 2));
  write('linked/note.md', '# Note\n\nFIX7-P0-LINKED-1 is open.\n');
  fs.symlinkSync('note.md', path.join(base, 'linked/symlinked.md'));
  fs.linkSync(path.join(base, 'linked/note.md'), path.join(base, 'linked/hard-linked.md'));
  const MAP = 'fix7-p0-a-packet-2026-06-12/production-readiness-blocker-map.json';

  test('the host tells one file from another by device and inode', () => {
    const linked = new NodeFileSystemWorkspace(path.join(base, 'linked'));
    const id = linked.fileId('note.md');
    assert.ok(id);
    assert.equal(linked.fileId('symlinked.md'), id);
    assert.equal(linked.fileId('hard-linked.md'), id);
    assert.notEqual(linked.fileId(MAP), id);
    assert.equal(linked.fileId('missing.md'), undefined);
  });

  test('rename edits the note under one path only: the one renamed from when it is one of them, else the first', () => {
    const analyzer = new Analyzer(new NodeFileSystemWorkspace(path.join(base, 'linked')));
    const service = createLanguageService(analyzer, { linkTo: (p) => p });
    assert.deepEqual(analyzer.documents().filter((p) => p.endsWith('.md')), ['hard-linked.md', 'note.md', 'symlinked.md']);
    const inNote = { line: 2, character: 3 };
    assert.deepEqual(Object.keys(service.rename('symlinked.md', inNote, 'FIX7-P0-LINKED-2')).sort(), [MAP, 'symlinked.md']);
    const inMap = { line: 5, character: 15 };
    assert.equal(service.prepareRename(MAP, inMap)?.placeholder, 'FIX7-P0-LINKED-1');
    assert.deepEqual(Object.keys(service.rename(MAP, inMap, 'FIX7-P0-LINKED-2')).sort(), [MAP, 'hard-linked.md']);
  });
});

describe('a file read within its modification time\'s granularity of its last write', () => {
  test('is read with a version no signature equals, so a cache checks it again; a file at rest is signed as it is read', () => {
    const root = fs.mkdtempSync(path.join(base, 'racy-'));
    fs.writeFileSync(path.join(root, 'rest.md'), '# At rest\n');
    fs.writeFileSync(path.join(root, 'racy.md'), '# Just written\n');
    const past = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path.join(root, 'rest.md'), past, past);
    // Ahead of the read, however slow the machine: not older than it by any granularity.
    const ahead = new Date(Date.now() + 3_600_000);
    fs.utimesSync(path.join(root, 'racy.md'), ahead, ahead);
    const workspace = new NodeFileSystemWorkspace(root);
    assert.equal(workspace.readFile('rest.md')?.version, signatureOf(root, 'rest.md', 'metadata'), 'a file at rest: its version is its signature');
    const racy = workspace.readFile('racy.md');
    assert.equal(racy?.text, '# Just written\n');
    assert.notEqual(racy?.version, signatureOf(root, 'racy.md', 'metadata'), 'a racy read is not signed as the file');
  });
});
