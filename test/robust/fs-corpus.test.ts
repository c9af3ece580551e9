/**
 * The corpus of bad input on a real disk, analysed in this process through the disk workspace
 * with every `fs` call recorded: each kind of bad file has its expected outcome, nothing
 * outside the workspace is touched (the canaries least of all), and nothing is written.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Analyzer } from '../../server/src/core/analyzer';
import { analyzeWorkspace, type WorkspaceReport } from '../../server/src/core/report';
import { createLanguageService } from '../../server/src/core/service';
import type { Diagnostic } from '../../server/src/core/types';
import { NodeFileSystemWorkspace } from '../../server/src/node/fsWorkspace';
import { ABSENT, buildCorpus, CANARY_TEXT, PATHS, snapshotTree, type Corpus } from './corpus';
import { record } from './budget';
import { isWithin, leavesThroughLink, spyOnFs, type FsSpy } from './fsSpy';
import { observedProblems, probePositions, serviceProblems } from './invariants';
import { append } from '../../server/src/core/append';

let corpus: Corpus;
let spy: FsSpy;
let analyzer: Analyzer;
let report: WorkspaceReport;
let listed: readonly string[];
let treeBefore: string[];

const byPath = (p: string): Diagnostic[] => report.results.find((r) => r.path === p)?.diagnostics ?? [];
const codes = (p: string) => byPath(p).map((d) => d.code);
const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}`;

before(() => {
  corpus = buildCorpus();
  treeBefore = snapshotTree(corpus.base);
  // Tests run as root read chmod 000 files regardless: the spy refuses them as the kernel would for anyone else.
  const unreadable = corpus.unreadable.map((u) => path.join(corpus.root, u));
  spy = spyOnFs({ denied: (target) => unreadable.some((u) => isWithin(u, target)) });
  analyzer = new Analyzer(new NodeFileSystemWorkspace(corpus.root));
  listed = analyzer.documents();
  // Listed, then gone before it is read.
  spy.unrecorded(() => fs.unlinkSync(path.join(corpus.root, PATHS.vanishing)));
  report = analyzeWorkspace(analyzer);
});

after(() => {
  spy.restore();
  corpus.dispose();
});

describe('each kind of bad file has its expected outcome', () => {
  test('invalid UTF-8 is decoded with replacement characters, and what follows is found where it is', () => {
    const text = fs.readFileSync(path.join(corpus.root, PATHS.invalidUtf8), 'utf8');
    const index = text.indexOf('FIX7-P0-UTF8-1');
    const line = text.slice(0, index).split('\n').length - 1;
    const character = index - text.lastIndexOf('\n', index - 1) - 1;
    const [d] = byPath(PATHS.invalidUtf8);
    assert.equal(d?.code, 'unknown-id');
    assert.deepEqual(d?.range.start, { line, character });
  });

  test('a UTF-8 byte-order mark is dropped, so offsets start after it, in notes and JSON', () => {
    assert.deepEqual(byPath(PATHS.bomNote).map((d) => [d.code, at(d)]), [['unknown-id', '0:0']]);
    assert.deepEqual(codes(PATHS.bomJson), []);
  });

  test('CRLF and lone CR end lines as LSP counts them', () => {
    assert.deepEqual(byPath(PATHS.crlf).map((d) => [d.code, at(d)]), [['unknown-id', '2:0']]);
    assert.deepEqual(byPath(PATHS.loneCr).map((d) => [d.code, at(d)]), [['unknown-id', '2:0']]);
    const d = byPath(PATHS.crlfJson)[0];
    const lines = fs.readFileSync(path.join(corpus.root, PATHS.crlfJson), 'utf8').split('\r\n');
    assert.equal(d?.code, 'schema');
    assert.equal(d?.range.start.line, lines.findIndex((l) => l.includes('"status": 7')));
  });

  test('NUL bytes are text like any other', () => {
    assert.deepEqual(byPath(PATHS.nul).map((d) => [d.code, at(d)]), [['unknown-id', '2:13']]);
  });

  test('binary files named .json get json-syntax only (at most 100); named .md they are read as text', () => {
    const binary = codes(PATHS.binaryJson);
    assert.ok(binary.length > 0 && binary.length <= 100 && binary.every((c) => c === 'json-syntax'), binary.join());
    assert.ok(listed.includes(PATHS.binaryMd));
  });

  test('empty files: a packet document is reported empty, an empty note is fine', () => {
    assert.deepEqual(byPath(PATHS.emptyJson).map((d) => [d.code, d.message]), [['json-syntax', 'The document is empty; a packet document is a JSON object.']]);
    assert.deepEqual(codes(PATHS.emptyMd), []);
  });

  test('a top-level array or string is a schema error on the document', () => {
    assert.deepEqual(byPath(PATHS.arrayJson).map((d) => [d.code, at(d)]), [['schema', '0:0']]);
    assert.match(byPath(PATHS.arrayJson)[0]?.message ?? '', /must be an object, not an array/);
    assert.ok(byPath(PATHS.stringJson).some((d) => d.code === 'schema' && /must be an object, not the string/.test(d.message)));
  });

  test('a duplicate key is a json-syntax error on the repeated key', () => {
    assert.deepEqual(byPath(PATHS.duplicateKeys).map((d) => [d.code, at(d)]), [['json-syntax', '4:2']]);
    assert.match(byPath(PATHS.duplicateKeys)[0]?.message ?? '', /"surfaces" is already used/);
  });

  test('a 20 MB document is not parsed: one file-too-large information diagnostic', () => {
    assert.ok(fs.statSync(path.join(corpus.root, PATHS.huge)).size > 20 * 1024 * 1024);
    const found = byPath(PATHS.huge);
    assert.deepEqual(found.map((d) => [d.code, d.severity, at(d)]), [['file-too-large', 3, '0:0']]);
    assert.match(found[0]?.message ?? '', /over the 5\.0 MB size limit/);
  });

  test('a file that vanishes between listing and reading is skipped', () => {
    assert.ok(listed.includes(PATHS.vanishing));
    assert.deepEqual(codes(PATHS.vanishing), []);
  });

  test('an unreadable file is skipped; an unreadable folder hides its files', () => {
    assert.ok(listed.includes(PATHS.unreadable), 'listed: its folder is readable');
    assert.deepEqual(codes(PATHS.unreadable), []);
    assert.ok(!listed.some((p) => p.startsWith(`${PATHS.unreadableDir}/`)));
    assert.ok(spy.calls.some((c) => c.access === 'read' && c.target === path.join(corpus.root, PATHS.unreadable)), 'the read was attempted (and refused)');
  });

  test('symbolic link loops and links that leave the workspace are not listed', () => {
    for (const p of [PATHS.loopA, PATHS.loopB, PATHS.escapeFile, PATHS.escapeJson]) assert.ok(!listed.includes(p), p);
    assert.ok(!listed.some((p) => p.startsWith(`${PATHS.loopDir}/`) || p.startsWith(`${PATHS.escapeDir}/`)));
  });

  test('a FIFO named .md, and a link to it, are no documents: not listed, cited as missing, never waited on', () => {
    assert.ok(!listed.includes(PATHS.fifo) && !listed.includes(PATHS.fifoLink));
    assert.deepEqual(codes(PATHS.pipes), ['evidence-missing-file', 'evidence-missing-file']);
    const workspace = new NodeFileSystemWorkspace(corpus.root);
    assert.equal(workspace.readFile(PATHS.fifo), undefined);
    assert.equal(workspace.readFile(PATHS.fifoLink), undefined);
  });

  test('a name that starts with dots is inside the workspace', () => {
    assert.deepEqual(codes(PATHS.dotsName), ['unknown-id']);
  });

  test('every way of writing a path out of the workspace: outside (symlinks, .., backslashes, %2e%2e), or missing (absolute = workspace root)', () => {
    const text = fs.readFileSync(path.join(corpus.root, PATHS.hostile), 'utf8').split('\n');
    const found = byPath(PATHS.hostile).map((d) => {
      const line = text[d.range.start.line] ?? '';
      return `${d.code} ${line.slice(d.range.start.character, d.range.end.character).replace(corpus.base, '<base>')}`;
    });
    assert.deepEqual(found, [
      'path-outside-workspace ../../../outside/canary.md',
      'path-outside-workspace ../../../outside/canary.json',
      'evidence-missing-file ../../outside/canary.md',
      'evidence-missing-file <base>/outside/canary.md',
      'evidence-missing-file <base>/outside/canary.json',
      'evidence-missing-file 2e/outside/canary.md',
      'evidence-missing-file 2fcanary.md',
      'evidence-missing-file canary.md',
      'evidence-missing-file canary.json',
      'evidence-missing-file …/outside/canary.md',
      'evidence-missing-file .../outside/canary.json',
      'path-outside-workspace escape.md',
      'path-outside-workspace ../bad-packet/escape-precondition-checklist.json',
      'path-outside-workspace ../outside-link/canary.md',
      'path-outside-workspace ../outside-link/dir-packet/delegation-and-authority-lock.json',
      'evidence-missing-file loop-a.md',
      'evidence-missing-file evidence.json',
      'path-outside-workspace ../../../outside/canary.md',
      'evidence-missing-file <base>/outside/canary.md',
      'path-outside-workspace %2e%2e/%2e%2e/%2e%2e/outside/canary.md',
      'path-outside-workspace ..%2f..%2f..%2foutside%2fcanary.md',
      'path-outside-workspace ..\\\\..\\\\..\\\\outside\\\\canary.md',
      'path-outside-workspace ../outside-link/canary.md',
      'evidence-missing-file canary%00.md',
      'path-outside-workspace ../../../outside/canary.md',
    ]);
    assert.match(byPath(PATHS.hostile).find((d) => d.message.startsWith('evidence.json'))?.message ?? '', /is a folder, not a file/);
  });

  test('through a link to /, what exists outside and what does not are alike outside (no existence oracle)', () => {
    const text = fs.readFileSync(path.join(corpus.root, PATHS.throughRoot), 'utf8').split('\n');
    const found = byPath(PATHS.throughRoot).map((d) => `${d.code} ${(text[d.range.start.line] ?? '').slice(d.range.start.character, d.range.end.character).replace(corpus.outside, '<outside>')}`);
    assert.deepEqual(found, [
      'path-outside-workspace ../root-link/etc/hostname',
      `path-outside-workspace ../root-link/etc/${ABSENT}`,
      'path-outside-workspace ../root-link<outside>/canary.md',
      'path-outside-workspace ../root-link<outside>/canary.json',
      `path-outside-workspace ../root-link/etc/${ABSENT}.json`,
    ]);
    assert.ok(!listed.some((p) => p.startsWith(`${PATHS.rootLink}/`)));
  });

  test('a malformed lock grants nothing, and the lock gets the error', () => {
    assert.deepEqual(codes(PATHS.lock), ['json-syntax']);
    assert.deepEqual(codes(PATHS.claim), ['implied-production-grant']);
  });

  test('keys such as __proto__ and constructor are data: nothing is polluted', () => {
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  test('every diagnostic lies inside its document; the canaries appear in no result', () => {
    assert.deepEqual(observedProblems(analyzer, { documents: listed, results: report.results, blockers: [] }), []);
    const out = JSON.stringify(report.results) + JSON.stringify(analyzer.blockers().map((b) => b.id));
    assert.ok(!out.includes('CANARY'), 'canary text in the results');
    assert.ok(!out.includes(CANARY_TEXT));
  });
});

describe('containment', () => {
  test('every editor feature on every document stays inside the workspace', () => {
    const problems: string[] = [];
    for (const p of listed) {
      const text = analyzer.factsOf(p)?.text ?? '';
      append(problems, serviceProblems(analyzer, p, probePositions(text, [3, 17, 101, 977, 4099]), 'FIX7-P0-RENAMED-1'));
    }
    assert.deepEqual(problems, []);
    const service = createLanguageService(analyzer, { linkTo: (p) => p });
    const hostile = fs.readFileSync(path.join(corpus.root, PATHS.hostile), 'utf8').split('\n');
    hostile.forEach((line, n) => {
      for (let character = 0; character < line.length; character += 3) {
        for (const location of service.definition(PATHS.hostile, { line: n, character })) assert.ok(listed.includes(location.path) || analyzer.factsOf(location.path), location.path);
      }
    });
  });

  test('a lock path setting that leaves the workspace is never read, however written', () => {
    for (const lockPath of ['../outside/dir-packet/delegation-and-authority-lock.json', corpus.canaries[2] ?? '', '..\\outside\\canary.json', 'kb/../../outside/canary.json']) {
      const other = new Analyzer(new NodeFileSystemWorkspace(corpus.root), { lockPath });
      assert.ok(other.diagnostics(PATHS.claim).some((d) => d.code === 'implied-production-grant'), `${lockPath} granted something`);
    }
  });

  test('no file outside the workspace is opened, read, listed or even probed; the canaries never', () => {
    // A path inside the workspace that the kernel resolves through a link leading out of it is outside too.
    const outside = spy.unrecorded(() => spy.calls.filter((c) => !c.target.startsWith('fd:') && (!isWithin(corpus.root, c.target) || leavesThroughLink(corpus.root, c.target, c.op))));
    const writes = spy.calls.filter((c) => c.access === 'write');
    spy.unrecorded(() => record({ input: 'file-system corpus, in process (fs calls recorded)', cases: listed.length, crashes: 0, readsOutside: outside.filter((c) => c.access === 'read').length, writes: writes.length }));
    assert.deepEqual(outside, []);
    for (const canary of corpus.canaries) assert.ok(!spy.calls.some((c) => c.target === canary), canary);
    const inside = spy.calls.filter((c) => c.access === 'read' && isWithin(corpus.root, c.target));
    assert.ok(inside.length > 20, `the spy saw only ${inside.length} reads: is it still wired to the workspace's fs?`);
  });

  test('nothing is written, and the tree is as it was (code in the workspace never ran)', () => {
    assert.deepEqual(spy.calls.filter((c) => c.access === 'write'), []);
    assert.ok(!fs.existsSync(corpus.marker), 'a booby trap ran');
    // The test itself deleted one file, which changes its folder's mtime too.
    const vanished = path.join(corpus.root, PATHS.vanishing);
    const ours = (l: string) => l.startsWith(`${vanished} `) || l.startsWith(`${path.dirname(vanished)} `);
    const now = spy.unrecorded(() => snapshotTree(corpus.base));
    assert.deepEqual(now.filter((l) => !ours(l)), treeBefore.filter((l) => !ours(l)));
  });
});
