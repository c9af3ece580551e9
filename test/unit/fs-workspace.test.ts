import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/core/analyzer';
import { analyzeWorkspace } from '../../server/src/core/report';
import { NodeFileSystemWorkspace } from '../../server/src/node/fsWorkspace';

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
