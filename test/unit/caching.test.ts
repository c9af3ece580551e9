import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { cleanKb, NOTE, PACKET } from '../helpers/kb';

/** Counts reads, so a test can see what an analysis parsed. */
class CountingWorkspace extends InMemoryWorkspace {
  reads = new Map<string, number>();
  override readFile(path: string) {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return super.readFile(path);
  }
}

test('each document is read and parsed once per version, however many questions are asked', () => {
  const workspace = new CountingWorkspace(cleanKb());
  const analyzer = new Analyzer(workspace);
  for (let i = 0; i < 3; i++) for (const path of analyzer.documents()) analyzer.diagnostics(path);
  analyzer.blockers();
  assert.ok([...workspace.reads.values()].every((n) => n === 1), JSON.stringify([...workspace.reads]));
});

test('an edit re-reads only the edited document, and its dependants see the change', () => {
  const workspace = new CountingWorkspace(cleanKb());
  const analyzer = new Analyzer(workspace);
  for (const path of analyzer.documents()) analyzer.diagnostics(path);
  workspace.reads.clear();
  const checklist = `${PACKET}/precondition-checklist.json`;
  workspace.set(checklist, (workspace.readFile(checklist)?.text ?? '').replace('"id": "PC-7"', '"id": "PC-8"'));
  workspace.reads.clear();
  const noteCodes = analyzer.diagnostics(NOTE).map((d) => d.code);
  assert.deepEqual(noteCodes, ['evidence-missing-anchor']);
  for (const path of analyzer.documents()) analyzer.diagnostics(path);
  assert.deepEqual([...workspace.reads.keys()], [checklist]);
});

test('a deleted definition makes its references unknown; restoring it clears them', () => {
  const files = cleanKb();
  const workspace = new InMemoryWorkspace(files);
  const analyzer = new Analyzer(workspace);
  assert.deepEqual(analyzer.diagnostics(NOTE), []);
  const map = `${PACKET}/production-readiness-blocker-map.json`;
  workspace.delete(map);
  assert.ok(analyzer.diagnostics(NOTE).some((d) => d.code === 'unknown-id'));
  workspace.set(map, files[map] ?? '');
  assert.deepEqual(analyzer.diagnostics(NOTE), []);
});
