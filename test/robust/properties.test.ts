/**
 * Property tests of the analysis core on in-memory workspaces: whatever the files hold,
 * analysis and every editor feature return, every range lies inside its document, and the
 * same files give the same result (fresh, or after edits and their undoing).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Analyzer } from '../../server/src/core/analyzer';
import { readConfig } from '../../server/src/core/config';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { resolveEvidencePath, resolveKbPath } from '../../server/src/core/index/resolvePath';
import { parseJson } from '../../server/src/core/parse/json';
import { dirname, joinPath } from '../../server/src/core/paths';
import { scanEvidence } from '../../server/src/core/scan/evidence';
import { scanIds } from '../../server/src/core/scan/ids';
import { identitySegment } from '../../server/src/core/scan/segment';
import { scanTickets } from '../../server/src/core/scan/tickets';
import { patternsFor, withDefaults } from '../../server/src/core/settings';
import { anyTextArb, domainTextArb, exampleMarkdown, exampleJson, mutatedExampleArb, noteTextArb, packetTextArb, PACKET, tokenArb, workspaceChangesArb, withExample } from './arbitraries';
import { holds } from './budget';
import { analyse, observe, observedProblems, probePositions, serviceProblems } from './invariants';
import { append } from '../../server/src/core/append';

const patterns = patternsFor(withDefaults());

describe('scanners and the JSON parser on any text', () => {
  const text = fc.oneof(domainTextArb, anyTextArb, mutatedExampleArb([...exampleJson, ...exampleMarkdown]).map((m) => m.text));

  test('parseJson never throws; its error spans lie inside the text', () => {
    holds('parseJson never throws; its error spans lie inside the text',
      fc.property(text, (t) => {
        const parsed = parseJson(t);
        for (const e of parsed.errors) assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= t.length, JSON.stringify(e));
        if (parsed.root) assert.ok(parsed.root.offset >= 0 && parsed.root.offset + parsed.root.length <= t.length);
        assert.deepEqual(parseJson(t), parsed);
      }),
      1000,
    );
  });

  test('ID, ticket and evidence scanners never throw; their spans lie inside the text and do not overlap', () => {
    holds('ID, ticket and evidence scanners never throw; their spans lie inside the text and do not overlap',
      fc.property(text, (t) => {
        const segment = identitySegment(t);
        const spans = [
          ...scanIds(segment, patterns.id).map((o) => o.span),
          ...scanTickets(segment, patterns.ticket).map((o) => o.span),
          ...scanEvidence(segment, patterns.evidencePath, patterns.evidenceHints).flatMap((e) => [e.span, e.pathSpan]),
        ];
        for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= t.length, JSON.stringify(s));
        for (const scan of [scanIds(segment, patterns.id), scanTickets(segment, patterns.ticket)]) {
          for (let i = 1; i < scan.length; i++) assert.ok((scan[i - 1]?.span.end ?? 0) <= (scan[i]?.span.start ?? 0), 'overlapping matches');
        }
      }),
      1000,
    );
  });

  test('.govlens.json: any text is read as data, never throws, and its findings lie inside it', () => {
    holds('.govlens.json: any text is read as data, never throws, and its findings lie inside it',
      fc.property(fc.oneof(text, fc.jsonValue().map((v) => JSON.stringify(v))), (t) => {
        const config = readConfig(t);
        for (const f of config.findings) assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= t.length, JSON.stringify(f));
      }),
      500,
    );
  });
});

describe('path resolution contains every written path', () => {
  const files = ['a.json', 'kb/a.json', 'kb/b/c.md', 'kb/b/packet/x.json', 'other/a.json'];
  const lookup = {
    stat: (p: string) => (files.includes(p) ? ('file' as const) : files.some((f) => f.startsWith(`${p}/`)) || p === '' ? ('directory' as const) : ('missing' as const)),
    named: (name: string) => files.filter((f) => f.endsWith(`/${name}`) || f === name),
    endingWith: (suffix: string) => files.filter((f) => f.endsWith(suffix)),
  };
  const segmentArb = fc.oneof(fc.constantFrom('..', '.', '', 'kb', 'b', 'a.json', '…', '...', '%2e%2e', '..\\..', 'C:', '~', 'c.md', 'x.json'), anyTextArb);
  const writtenArb = fc.oneof(fc.tuple(fc.array(segmentArb, { maxLength: 8 }), fc.constantFrom('/', '\\')).map(([s, sep]) => s.join(sep)), tokenArb, anyTextArb);

  test('every resolution names a workspace path that joins cleanly, or is outside, missing or ambiguous', () => {
    holds('every resolution names a workspace path that joins cleanly, or is outside, missing or ambiguous',
      fc.property(fc.constantFrom(...files, 'kb/note.md', 'deep/er/still/note.md'), writtenArb, (from, written) => {
        for (const r of [resolveEvidencePath(from, written, lookup), resolveKbPath(written, lookup, files)]) {
          if (r.kind === 'file' || r.kind === 'directory') {
            assert.ok(lookup.stat(r.path) === r.kind, `${written} → ${r.path}`);
            assert.ok(!r.path.split('/').includes('..') && !r.path.startsWith('/'), `${written} → ${r.path}`);
          }
          if (r.kind === 'ambiguous') assert.ok(r.candidates.every((c) => files.includes(c)));
        }
      }),
      1000,
    );
  });

  test('joinPath never climbs above the root: a result is normalised, relative and free of ..', () => {
    holds('joinPath never climbs above the root: a result is normalised, relative and free of ..',
      fc.property(fc.constantFrom('', 'a', 'a/b', 'a/b/c'), fc.array(segmentArb, { maxLength: 8 }).map((s) => s.join('/')), (base, relative) => {
        const joined = joinPath(base, relative);
        if (joined === undefined) return;
        const parts = joined.split('/');
        assert.ok(joined === '' || parts.every((p) => p !== '' && p !== '.' && p !== '..'), joined);
        assert.ok(!joined.startsWith('/'));
        assert.equal(dirname(`${joined}/x`), joined);
      }),
      1000,
    );
  });
});

describe('whole workspaces of bad documents', () => {
  test('analysis never throws, every range lies inside its document, and the same files give the same result', () => {
    holds('analysis never throws, every range lies inside its document, and the same files give the same result',
      fc.property(workspaceChangesArb, (changes) => {
        const files = withExample(changes);
        const first = analyse(files);
        assert.deepEqual(observedProblems(first.analyzer, first.observed), []);
        const second = analyse(files);
        assert.deepEqual(second.observed, first.observed);
      }),
      250,
    );
  });

  test('edits and their undoing leave the same result as a fresh analysis (caches never go stale)', () => {
    holds('edits and their undoing leave the same result as a fresh analysis (caches never go stale)',
      fc.property(workspaceChangesArb, fc.array(fc.tuple(fc.nat(), fc.oneof(noteTextArb, packetTextArb.map((p) => p.text))), { minLength: 1, maxLength: 4 }), (changes, edits) => {
        const files = withExample(changes);
        const { workspace, analyzer, observed } = analyse(files);
        const paths = Object.keys(files).sort();
        for (const [pick, text] of edits) {
          const path = paths[pick % paths.length] ?? '';
          workspace.set(path, text);
          const edited = observe(analyzer);
          assert.deepEqual(observedProblems(analyzer, edited), []);
          assert.deepEqual(edited, analyse({ ...Object.fromEntries(paths.map((p) => [p, workspace.readFile(p)?.text ?? ''])) }).observed);
        }
        for (const p of paths) workspace.set(p, files[p] ?? '');
        assert.deepEqual(observe(analyzer), observed);
      }),
      60,
    );
  });

  test('every editor feature answers at any position (in range, at the edges, past the end, negative)', () => {
    holds('every editor feature answers at any position (in range, at the edges, past the end, negative)',
      fc.property(workspaceChangesArb, fc.array(fc.nat(), { maxLength: 6 }), fc.oneof(fc.constantFrom('FIX7-P0-NEW-1', 'not an id', ''), anyTextArb), (changes, picks, newName) => {
        const { analyzer } = analyse(withExample(changes));
        const problems: string[] = [];
        for (const path of analyzer.documents()) {
          const text = analyzer.factsOf(path)?.text ?? '';
          append(problems, serviceProblems(analyzer, path, probePositions(text, picks), newName));
        }
        assert.deepEqual(problems, []);
      }),
      60,
    );
  });

  test('a malformed lock grants nothing, and the lock gets the error', () => {
    const claim = 'Production: AUTHORIZED.\n';
    const lockPath = `${PACKET}/delegation-and-authority-lock.json`;
    const lockArb = fc.oneof(
      mutatedExampleArb([lockPath]).map((m) => m.text),
      fc.constantFrom('', '{', '[]', '"production"', 'null', '{"grants": [{"id": "G", "scope": "production", "actions": ["production"]}],}', '{"grants": [{"id": "G", "scope": "production", "actions": ["production"]}]} // ok'),
    );
    holds('a malformed lock grants nothing, and the lock gets the error',
      fc.property(lockArb, (lock) => {
        const files = { [lockPath]: lock, 'note.md': `# Note\n\n${claim}` };
        const { analyzer } = analyse(files);
        const lockDiagnostics = analyzer.diagnostics(lockPath);
        const parsed = parseJson(lock);
        if (parsed.errors.length > 0) {
          assert.ok(lockDiagnostics.some((d) => d.code === 'json-syntax'), JSON.stringify(lockDiagnostics));
          assert.ok(analyzer.diagnostics('note.md').some((d) => d.code === 'implied-production-grant'), 'a broken lock must grant nothing');
        }
      }),
      150,
    );
  });
});

test('a large workspace of generated documents: analysis completes and is sane', () => {
  const files: Record<string, string> = {};
  const samples = fc.sample(fc.tuple(packetTextArb, noteTextArb), { numRuns: 150, seed: 7 });
  samples.forEach(([packet, note], i) => {
    files[`kb/p${i % 10}-packet/${i}-${packet.name}`] = packet.text;
    files[`kb/notes/n${i}.md`] = note;
  });
  const analyzer = new Analyzer(new InMemoryWorkspace(files));
  const observed = observe(analyzer);
  assert.equal(observed.documents.length, Object.keys(files).length);
  assert.deepEqual(observedProblems(analyzer, observed), []);
});
