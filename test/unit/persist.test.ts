import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import type { DocumentFacts } from '../../server/src/core/facts/types';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { documentFromJson, documentToJson } from '../../server/src/core/persist/documentEntry';
import { factsFromJson, factsToJson } from '../../server/src/core/persist/factsJson';
import { lazyFacts, lightFromJson, splitFacts } from '../../server/src/core/persist/lazyFacts';
import { generateWorkspace } from '../../tools/kbGenerator';
import { analyzerFor, cleanKb } from '../helpers/kb';

/** Through JSON text, as a cache file carries it. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function everyDocument(analyzer: Analyzer): DocumentFacts[] {
  return analyzer.documents().flatMap((p) => analyzer.factsOf(p) ?? []);
}

/** Facts as the checks read them: the line index compared by what it answers. */
function comparable(facts: DocumentFacts): unknown {
  const { lines, ...rest } = facts;
  return { ...rest, lines: { count: lines.lineCount, last: lines.positionAt(facts.text.length) } };
}

describe('persisted facts and diagnostics', () => {
  test('facts of every kind come back equal, and so do the diagnostics an analysis computes from them', () => {
    const generated = generateWorkspace({ docs: 120, seed: 5 });
    for (const files of [cleanKb(), Object.fromEntries(generated.files)]) {
      const { analyzer } = analyzerFor(files);
      const facts = everyDocument(analyzer);
      assert.ok(new Set(facts.map((f) => f.kind)).size >= 6, 'several kinds');
      for (const f of facts) {
        const back = factsFromJson(throughJson(factsToJson(f)), f.path);
        assert.ok(back, f.path);
        // A field set to undefined is absent in JSON: no reader tells the two apart ('in' reads only `broken`, always set).
        assert.deepEqual(comparable(back), throughJson(comparable(f)), f.path);
      }
      // A second analyzer that takes the facts instead of reading: the same diagnostics.
      const seeded = new Analyzer(new InMemoryWorkspace(files));
      for (const f of facts) seeded.seedFacts(factsFromJson(throughJson(factsToJson(f)), f.path) as DocumentFacts);
      for (const path of analyzer.documents()) assert.deepEqual(seeded.diagnostics(path), analyzer.diagnostics(path), path);
    }
  });

  test('facts split in two and read back lazily: equal facts, the same diagnostics; a part that does not read back is reported', () => {
    const generated = generateWorkspace({ docs: 120, seed: 5 });
    for (const files of [cleanKb(), Object.fromEntries(generated.files)]) {
      const { analyzer } = analyzerFor(files);
      const facts = everyDocument(analyzer);
      const seeded = new Analyzer(new InMemoryWorkspace(files));
      const problems: string[] = [];
      let heavyReads = 0;
      for (const f of facts) {
        const { light, heavy } = splitFacts(f);
        const lightBack = lightFromJson(throughJson(light), f.path);
        assert.ok(lightBack, f.path);
        const heavyText = JSON.stringify(heavy);
        const lazy = lazyFacts(lightBack, {
          heavy: () => (heavyReads++, JSON.parse(heavyText)),
          text: () => files[f.path],
          bad: (why) => problems.push(why),
        });
        assert.deepEqual(comparable(lazy), throughJson(comparable(f)), f.path);
        seeded.seedFacts(lazyFacts(lightBack, { heavy: () => JSON.parse(heavyText), text: () => files[f.path], bad: (why) => problems.push(why) }));
      }
      assert.equal(heavyReads, facts.length, 'each heavy part read once, when first asked');
      for (const path of analyzer.documents()) assert.deepEqual(seeded.diagnostics(path), analyzer.diagnostics(path), path);
      assert.deepEqual(problems, []);
    }
    const { analyzer } = analyzerFor(cleanKb());
    const note = everyDocument(analyzer).find((f) => f.kind === 'note') as DocumentFacts;
    const { light, heavy } = splitFacts(note);
    const problems: string[] = [];
    const wrong = lazyFacts(light, { heavy: () => ({ ...heavy, evidence: 'none' }), text: () => `${note.text}!`, bad: (why) => problems.push(why) });
    assert.deepEqual(wrong.evidence, [], 'an empty stand-in');
    assert.equal(wrong.text, '');
    assert.equal(problems.length, 2, problems.join('; '));
    assert.equal(lightFromJson({ ...light, path: 'elsewhere.md' }, note.path), undefined);
    assert.equal(lightFromJson({ ...light, idRefs: 'x' }, note.path), undefined);
  });

  test('a document entry keeps its diagnostics with the keys they read', () => {
    const { analyzer } = analyzerFor(cleanKb());
    for (const path of analyzer.documents()) {
      analyzer.diagnostics(path);
      const facts = analyzer.factsOf(path) as DocumentFacts;
      const kept = analyzer.keptDiagnostics(path);
      assert.ok(kept, path);
      const back = documentFromJson(throughJson(documentToJson({ facts, diagnostics: kept })), path);
      assert.deepEqual(back?.diagnostics, { list: kept.list, keys: kept.keys }, path);
    }
  });

  test('anything of another shape is refused, never half-trusted', () => {
    const { analyzer } = analyzerFor(cleanKb());
    const facts = everyDocument(analyzer).find((f) => f.kind === 'production-readiness-blocker-map') as DocumentFacts;
    const good = throughJson(documentToJson({ facts, diagnostics: { list: [], keys: [`doc:${facts.path}`] } })) as Record<string, Record<string, unknown>>;
    assert.ok(documentFromJson(good, facts.path));
    const broken: [string, (v: Record<string, Record<string, unknown>>) => void][] = [
      ['another path', (v) => ((v.facts as Record<string, unknown>).path = 'elsewhere.json')],
      ['an unknown kind', (v) => ((v.facts as Record<string, unknown>).kind = 'spreadsheet')],
      ['a missing field', (v) => delete (v.facts as Record<string, unknown>).idRefs],
      ['a span of strings', (v) => ((v.facts as { blockers: { span: unknown }[] }).blockers.forEach((b) => (b.span = { start: '0', end: '1' })))],
      ['a text that is no string', (v) => ((v.facts as Record<string, unknown>).text = 42)],
      ['an unknown finding code', (v) => ((v.facts as Record<string, unknown>).local = [{ code: 'no-such-code', span: { start: 0, end: 1 }, message: 'x' }])],
      ['diagnostics without keys', (v) => delete v.keys],
      ['an unknown key', (v) => ((v as Record<string, unknown>).keys = ['file:x'])],
      ['a diagnostic of another severity', (v) => ((v as Record<string, unknown>).diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 7, code: 'schema', source: 'govlens', message: 'x' }])],
    ];
    for (const [name, mutate] of broken) {
      const value = structuredClone(good);
      mutate(value);
      assert.equal(documentFromJson(value, facts.path), undefined, name);
    }
    for (const value of [null, 42, 'facts', [], {}]) assert.equal(documentFromJson(value, facts.path), undefined, JSON.stringify(value));
  });
});
