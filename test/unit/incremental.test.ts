import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/core/analyzer';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { Prng } from '../../tools/prng';
import { generateWorkspace } from '../../tools/kbGenerator';
import { readTree } from '../helpers/tree';

/**
 * The analyzer keeps diagnostics across edits and recomputes only those whose inputs moved.
 * These tests hold it to one standard: after any sequence of edits, every document's
 * diagnostics and the blocker list equal what a fresh analyzer computes from the same files.
 */

function startingFiles(seed: number): Record<string, string> {
  const generated = generateWorkspace({ docs: 60, seed });
  const files: Record<string, string> = {};
  for (const [p, text] of generated.files) if (!p.startsWith('.bench/')) files[`gen/${p}`] = text;
  Object.assign(files, readTree(path.join(__dirname, '../../examples/kb'), 'example/'));
  Object.assign(files, readTree(path.join(__dirname, '../fixtures/every-code'), 'every/'));
  return files;
}

type Edit = (text: string, random: Prng, ids: readonly string[]) => string;

const ID = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g;

function pick<T>(random: Prng, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[random.int(0, (list.length) - 1)];
}

function replaceMatch(text: string, pattern: RegExp, random: Prng, replace: (match: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  const m = pick(random, matches);
  if (!m || m.index === undefined) return text;
  return text.slice(0, m.index) + replace(m[0]) + text.slice(m.index + m[0].length);
}

/** Edits authors make: typos in IDs, other IDs, numbers, statuses, lines gone or doubled, broken JSON, claims. */
const EDITS: Record<string, Edit> = {
  idTypo: (text, random) =>
    replaceMatch(text, ID, random, (id) => {
      const at = random.int(0, (id.length) - 1);
      const c = id[at] === '-' ? '-' : id[at] === 'Q' ? 'O' : 'Q';
      return id.slice(0, at) + c + id.slice(at + 1);
    }),
  otherId: (text, random, ids) => replaceMatch(text, ID, random, (id) => pick(random, ids) ?? id),
  number: (text, random) => replaceMatch(text, /\b\d{1,4}\b/g, random, (n) => String(Math.max(0, Number(n) + random.int(0, (7) - 1) - 3))),
  status: (text, random) =>
    replaceMatch(text, /\b(?:RESOLVED|OPEN|PASS|FAIL|TBD|FORBIDDEN|RESERVED|PRODUCTION_UNKNOWN_NEEDS_SCOPING)\b/g, random, () => pick(random, ['RESOLVED', 'OPEN', 'PASS', 'FAIL', 'TBD', 'FORBIDDEN']) ?? 'OPEN'),
  dropLine: (text, random) => {
    const lines = text.split('\n');
    lines.splice(random.int(0, (lines.length) - 1), 1);
    return lines.join('\n');
  },
  doubleLine: (text, random) => {
    const lines = text.split('\n');
    const at = random.int(0, (lines.length) - 1);
    lines.splice(at, 0, lines[at] ?? '');
    return lines.join('\n');
  },
  breakJson: (text, random) => {
    const at = text.lastIndexOf('}', random.int(0, (text.length) - 1) + 1);
    return at < 0 ? text : text.slice(0, at) + text.slice(at + 1);
  },
  claim: (text) => text.replace(/\n/, '\nProduction deploy: authorized by the owner today.\n'),
  grantProduction: (text) => text.replace(/"actions"\s*:\s*\[/, '"actions": ["production", '),
  date: (text, random) => replaceMatch(text, /\b2026-\d\d-\d\d\b/g, random, () => `2026-0${1 + random.int(0, (9) - 1)}-1${random.int(0, (10) - 1)}`),
};

interface Step {
  kind: string;
  path: string;
}

function compare(incremental: Analyzer, workspace: InMemoryWorkspace, steps: readonly Step[]): void {
  const fresh = new Analyzer(new InMemoryWorkspace(Object.fromEntries(workspace.listFiles().map((p) => [p, workspace.readFile(p)?.text ?? '']))));
  const where = () => `after ${steps.length} edits; last: ${steps.slice(-3).map((s) => `${s.kind} ${s.path}`).join(', ')}`;
  assert.deepEqual(incremental.documents(), fresh.documents(), where());
  for (const p of fresh.documents()) assert.deepEqual(incremental.diagnostics(p), fresh.diagnostics(p), `${p} ${where()}`);
  const blockers = (a: Analyzer) => a.blockers().map((b) => `${b.id} ${b.status} ${b.facts.path} ${b.resolvedBy?.facts.path ?? ''}`);
  assert.deepEqual(blockers(incremental), blockers(fresh), where());
}

function run(seed: number, steps: number): void {
  const files = startingFiles(seed);
  const original = new Map(Object.entries(files));
  const workspace = new InMemoryWorkspace(files);
  const analyzer = new Analyzer(workspace);
  const random = new Prng(seed);
  const ids = [...new Set(Object.values(files).flatMap((t) => t.match(ID) ?? []))];
  const history: Step[] = [];
  for (const p of analyzer.documents()) analyzer.diagnostics(p);
  for (let n = 0; n < steps; n++) {
    const documents = analyzer.documents();
    const target = pick(random, documents) ?? '';
    const roll = random.next();
    let kind: string;
    if (roll < 0.08) {
      kind = 'restore';
      workspace.set(target, original.get(target) ?? '');
    } else if (roll < 0.12) {
      kind = 'create';
      const copy = `${target.replace(/[^/]+$/, '')}copy-${n}-${target.split('/').pop() ?? ''}`;
      workspace.set(copy, workspace.readFile(target)?.text ?? '');
    } else if (roll < 0.15) {
      kind = 'delete';
      workspace.delete(target);
    } else {
      const names = Object.keys(EDITS);
      kind = pick(random, names) ?? 'idTypo';
      const text = workspace.readFile(target)?.text ?? '';
      workspace.set(target, EDITS[kind]?.(text, random, ids) ?? text);
    }
    history.push({ kind, path: target });
    // Hosts ask in different orders: sometimes one document, sometimes all, sometimes nothing yet.
    const ask = random.next();
    if (ask < 0.3) analyzer.diagnostics(target);
    else if (ask < 0.6) for (const p of analyzer.documents()) analyzer.diagnostics(p);
    if (n % 4 === 3 || n === steps - 1) compare(analyzer, workspace, history);
  }
}

test('after random edits, incremental diagnostics equal a fresh analysis (seed 1)', () => run(1, 60));
test('after random edits, incremental diagnostics equal a fresh analysis (seed 2)', () => run(2, 60));

test('an edit to one blocker ID recomputes the map and the documents citing it, not the workspace', () => {
  const files = startingFiles(3);
  const workspace = new InMemoryWorkspace(files);
  const analyzer = new Analyzer(workspace);
  const first = new Map(analyzer.documents().map((p) => [p, analyzer.diagnostics(p)]));
  // An ID defined in one map only, so renaming it there leaves its citers citing nothing.
  const all = Object.values(files).join('\n');
  const definedOnce = (id: string) => all.split(`"id": "${id}"`).length === 2;
  let map = '';
  let id = '';
  for (const p of analyzer.documents().filter((d) => d.endsWith('production-readiness-blocker-map.json'))) {
    const found = [...(workspace.readFile(p)?.text ?? '').matchAll(/"id": "([^"]+)"/g)].map((m) => m[1] ?? '').find(definedOnce);
    if (found && Object.values(files).some((t) => t !== files[p] && t.includes(found))) {
      map = p;
      id = found;
      break;
    }
  }
  const text = workspace.readFile(map)?.text ?? '';
  const citing = analyzer.documents().filter((p) => p !== map && (workspace.readFile(p)?.text ?? '').includes(id));
  assert.ok(citing.length > 0, `someone cites ${id}`);
  workspace.set(map, text.replace(`"${id}"`, `"${id}X"`));
  const recomputed = analyzer.documents().filter((p) => analyzer.diagnostics(p) !== first.get(p));
  // Only the map, its citers and documents whose "did you mean" could move are recomputed.
  assert.ok(recomputed.includes(map));
  for (const p of citing) if (p.endsWith('.md')) assert.ok(recomputed.includes(p), `${p} cites ${id}`);
  assert.ok(recomputed.length <= citing.length + 1 + 5, `recomputed ${recomputed.length}: ${recomputed.join(', ')}`);
  assert.ok(analyzer.documents().length > 3 * recomputed.length);
});

test('a document whose read fails costs only itself, and joins the index once it reads again', () => {
  const files = startingFiles(4);
  class FlakyWorkspace extends InMemoryWorkspace {
    failing = new Set<string>();
    override readFile(p: string) {
      if (this.failing.has(p)) throw new Error(`injected failure reading ${p}`);
      return super.readFile(p);
    }
  }
  const workspace = new FlakyWorkspace(files);
  const map = Object.keys(files).find((p) => p.startsWith('gen/') && p.endsWith('production-readiness-blocker-map.json')) ?? '';
  workspace.failing.add(map);
  const failures: string[] = [];
  const analyzer = new Analyzer(workspace, {}, { onError: (p, error) => failures.push(`${p}: ${String(error)}`) });
  assert.ok(analyzer.documents().includes(map));
  assert.deepEqual(analyzer.diagnostics(map), []);
  assert.ok(failures.length > 0 && failures.every((f) => f.startsWith(map) && f.includes('injected failure')), failures.join('\n'));
  const others = analyzer.documents().filter((p) => p !== map);
  assert.ok(others.some((p) => analyzer.diagnostics(p).some((d) => d.code === 'unknown-id')), 'citers of the unreadable map see its IDs as unknown');
  workspace.failing.clear();
  workspace.set(map, files[map] ?? '');
  const fresh = new Analyzer(new InMemoryWorkspace(files));
  for (const p of fresh.documents()) assert.deepEqual(analyzer.diagnostics(p), fresh.diagnostics(p), p);
});
