import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { createLanguageService } from '../../server/src/core/service';
import { analyzerFor, cleanKb, json, NOTE, PACKET, slice } from '../helpers/kb';
import { documentSymbols, SymbolKind, workspaceSymbols, WORKSPACE_SYMBOL_LIMIT, type DocumentSymbol } from '../../server/src/core/service/symbols';

const MAP = `${PACKET}/production-readiness-blocker-map.json`;
const INVENTORY = `${PACKET}/mutation-inventory.json`;
const LOCK = `${PACKET}/delegation-and-authority-lock.json`;
const RESERVATIONS = `${PACKET}/ticket-reservations.json`;
const LATER = 'kb/fix7-p0-later-packet-2026-07-01/production-readiness-blocker-map.json';

function symbolsOf(files: Record<string, string>, path: string): DocumentSymbol[] {
  return documentSymbols(analyzerFor(files).analyzer, path);
}

function container(symbols: DocumentSymbol[], name: string): DocumentSymbol {
  const found = symbols.find((s) => s.name === name);
  assert.ok(found, `no ${name} in ${symbols.map((s) => s.name).join(', ')}`);
  return found;
}

/** name → children names, for the shape of an outline. */
function outline(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((s) => (s.children ? { [s.name]: outline(s.children) } : s.name));
}

describe('document symbols of packet documents', () => {
  test('a blocker map: its arrays as containers, each blocker named by its ID (selected without quotes) with status and item', () => {
    const files = cleanKb();
    const symbols = symbolsOf(files, MAP);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['blockers', 'resolved_in_this_macro'],
    );
    const blockers = container(symbols, 'blockers');
    assert.equal(blockers.kind, SymbolKind.Array);
    assert.equal(blockers.detail, '5 entries');
    assert.equal(slice(files[MAP] ?? '', blockers.selectionRange), 'blockers');
    assert.match(slice(files[MAP] ?? '', blockers.range), /^"blockers": \[[\s\S]*\]$/);
    const first = blockers.children?.[0];
    assert.ok(first);
    assert.equal(first.name, 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(first.kind, SymbolKind.Event);
    assert.equal(first.detail, 'unresolved · surface unscoped');
    assert.equal(slice(files[MAP] ?? '', first.selectionRange), 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    const whole = slice(files[MAP] ?? '', first.range);
    assert.ok(whole.startsWith('{') && whole.endsWith('}') && whole.includes('"blocks": "production"'), whole);
    assert.deepEqual(container(symbols, 'resolved_in_this_macro').children, []);
  });

  test('a blocker’s status is its current state in the workspace', () => {
    const files = cleanKb();
    files[LATER] = json({ doc: 'fix7-p0-production-readiness-blocker-map', date: '2026-07-01', blockers: [], resolved_in_this_macro: ['FIX7-P0-PROD-CI-SCOPE-1'], production_work_performed: false });
    const ci = container(symbolsOf(files, MAP), 'blockers').children?.find((c) => c.name === 'FIX7-P0-PROD-CI-SCOPE-1');
    assert.equal(ci?.detail, 'resolved · CI scope unknown');
    const resolved = container(symbolsOf(files, LATER), 'resolved_in_this_macro').children ?? [];
    assert.deepEqual(resolved.map((c) => [c.name, c.kind, slice(files[LATER] ?? '', c.selectionRange)]), [['FIX7-P0-PROD-CI-SCOPE-1', SymbolKind.Constant, 'FIX7-P0-PROD-CI-SCOPE-1']]);
  });

  test('surfaces are named "surface N", with class and name, selected on the number', () => {
    const files = cleanKb();
    const surfaces = container(symbolsOf(files, INVENTORY), 'surfaces').children ?? [];
    assert.deepEqual(
      surfaces.map((s) => [s.name, s.detail, s.kind, slice(files[INVENTORY] ?? '', s.selectionRange)]),
      [
        ['surface 5', 'PRODUCTION_UNKNOWN_NEEDS_SCOPING · birth pipeline', SymbolKind.Field, '5'],
        ['surface 6', 'FORBIDDEN · canonicalizer', SymbolKind.Field, '6'],
        ['surface 10', 'CONFIG_UNKNOWN_NEEDS_SCOPING · CI enforcement', SymbolKind.Field, '10'],
      ],
    );
  });

  test('a lock lists grants by ID and withheld actions with what they need; reservations by range', () => {
    const files = cleanKb();
    files[LOCK] = json({
      doc: 'fix7-p0-delegation-and-authority-lock',
      date: '2026-06-12',
      grants: [{ id: 'AUTHORIZE_NO_PRODUCTION', scope: 'no-production', actions: ['staging-rollback'] }],
      withheld: [{ action: 'production', needs: 'FIX7-P0-PROD-BIRTH-SURFACE-1' }, { action: 'cutover' }],
    });
    const lock = symbolsOf(files, LOCK);
    assert.deepEqual(outline(lock), [{ grants: ['AUTHORIZE_NO_PRODUCTION'] }, { withheld: ['production', 'cutover'] }]);
    assert.equal(container(lock, 'grants').children?.[0]?.detail, 'no-production');
    assert.equal(container(lock, 'withheld').children?.[0]?.detail, 'needs FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(container(lock, 'withheld').children?.[1]?.detail, undefined);
    const reservation = container(symbolsOf(files, RESERVATIONS), 'reservations').children?.[0];
    assert.equal(reservation?.name, 'TKT-OBJ-442..461');
    assert.equal(reservation?.detail, 'PROPOSED');
    assert.equal(reservation?.kind, SymbolKind.Number);
  });

  test('a document that does not parse still outlines what parsed; entries without a name are left out', () => {
    const files = cleanKb();
    files[MAP] = '{ "doc": "x", "blockers": [ { "id": "FIX7-P0-A-1", "item": "a" }, { "item": "no id" }, 7, ';
    assert.deepEqual(outline(symbolsOf(files, MAP)), [{ blockers: ['FIX7-P0-A-1'] }]);
  });

  test('scalar properties and non-object documents give no symbols', () => {
    const files = cleanKb();
    files[`${PACKET}/odd.json`] = '[1, 2]\n';
    assert.deepEqual(symbolsOf(files, `${PACKET}/odd.json`), []);
    assert.deepEqual(symbolsOf(files, 'kb/nowhere.json'), []);
  });
});

describe('document symbols of notes', () => {
  const note = ['# Top', '', 'intro', '', '## First', '', 'one', '', '### Deep', '', 'deep text', '', '## Second', '', '# Other', '', '```', '# not a heading', '```', ''].join('\n');

  test('headings nest by level, each spanning its section', () => {
    const files = { ...cleanKb(), [NOTE]: note };
    const symbols = symbolsOf(files, NOTE);
    assert.deepEqual(outline(symbols), [{ Top: [{ First: ['Deep'] }, 'Second'] }, 'Other']);
    const top = symbols[0];
    assert.ok(top);
    assert.equal(top.kind, SymbolKind.String);
    assert.equal(slice(note, top.selectionRange), '# Top');
    assert.equal(slice(note, top.range), note.slice(0, note.indexOf('## Second') + '## Second'.length));
    const first = top.children?.[0];
    assert.equal(slice(note, first?.range ?? top.range), '## First\n\none\n\n### Deep\n\ndeep text');
    const other = symbols[1];
    assert.equal(slice(note, other?.range ?? top.range), '# Other\n\n```\n# not a heading\n```');
  });

  test('a heading deeper than the one before it nests, whatever the gap; an empty heading still has a name', () => {
    const text = '### Three\n\n# One\n\n#### Four\n\n#\n';
    const symbols = symbolsOf({ ...cleanKb(), [NOTE]: text }, NOTE);
    assert.deepEqual(outline(symbols), ['Three', { One: ['Four'] }, '#']);
  });

  test('a note without headings has no symbols', () => {
    assert.deepEqual(symbolsOf({ ...cleanKb(), [NOTE]: 'just prose\n' }, NOTE), []);
  });
});

describe('workspace symbols', () => {
  test('defined IDs containing the query, case-insensitively, located on their definition with the packet as container', () => {
    const files = cleanKb();
    const { analyzer } = analyzerFor(files);
    const found = workspaceSymbols(analyzer, 'surface');
    assert.deepEqual(
      found.map((s) => s.name),
      ['FIX7-P0-PLAN-SURFACE-1', 'FIX7-P0-PLAN-SURFACE-2', 'FIX7-P0-PROD-BIRTH-SURFACE-1'],
    );
    const birth = found.find((s) => s.name === 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(birth?.kind, SymbolKind.Event);
    assert.equal(birth?.containerName, 'fix7-p0-demo-packet-2026-06-12');
    assert.equal(birth?.location.path, MAP);
    assert.equal(slice(files[MAP] ?? '', birth?.location.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    const plan = found.find((s) => s.name === 'FIX7-P0-PLAN-SURFACE-1');
    assert.equal(plan?.kind, SymbolKind.Constant);
    assert.equal(plan?.location.path, INVENTORY);
  });

  test('reservation ranges are symbols too', () => {
    const { analyzer } = analyzerFor(cleanKb());
    const found = workspaceSymbols(analyzer, 'tkt-obj');
    assert.deepEqual(
      found.map((s) => [s.name, s.kind, s.location.path]),
      [['TKT-OBJ-442..461', SymbolKind.Number, RESERVATIONS]],
    );
  });

  test('best matches first: exact, prefix, after a dash, anywhere, then letters in order', () => {
    const files = cleanKb();
    files[`${PACKET}/rollback-recovery-design.json`] = json({
      doc: 'fix7-p0-rollback-recovery-design',
      date: '2026-06-12',
      plans: ['FIX7-P0-XRUN-1', 'FIX7-P0-RUN-1', 'RUN-P1-A-LONGER', 'RUN-P1-A', 'FIX7-P0-R-U-N-9'].map((id) => ({ id, status: 'TBD' })),
    });
    const { analyzer } = analyzerFor(files);
    assert.deepEqual(
      workspaceSymbols(analyzer, 'run-p1-a').map((s) => s.name),
      ['RUN-P1-A', 'RUN-P1-A-LONGER'],
    );
    assert.deepEqual(
      workspaceSymbols(analyzer, 'run').map((s) => s.name),
      ['RUN-P1-A', 'RUN-P1-A-LONGER', 'FIX7-P0-RUN-1', 'FIX7-P0-XRUN-1', 'FIX7-P0-PLAN-REALRUN-1', 'FIX7-P0-DRYRUN-PROD-ROLLBACK-1', 'FIX7-P0-R-U-N-9'],
    );
  });

  test('a fuzzy query matches letters in order', () => {
    const { analyzer } = analyzerFor(cleanKb());
    assert.deepEqual(
      workspaceSymbols(analyzer, 'pbs1').map((s) => s.name),
      ['FIX7-P0-PROD-BIRTH-SURFACE-1'],
    );
    assert.deepEqual(workspaceSymbols(analyzer, 'nothing-like-this'), []);
  });

  test('an ID defined in two packets is two symbols, each with its packet', () => {
    const files = cleanKb();
    files[LATER] = json({ doc: 'fix7-p0-production-readiness-blocker-map', date: '2026-07-01', blockers: [{ id: 'FIX7-P0-PROD-CI-SCOPE-1', item: 'again' }], resolved_in_this_macro: [], production_work_performed: false });
    const found = workspaceSymbols(analyzerFor(files).analyzer, 'ci-scope');
    assert.deepEqual(
      found.map((s) => s.containerName),
      ['fix7-p0-demo-packet-2026-06-12', 'fix7-p0-later-packet-2026-07-01'],
    );
  });

  test('an empty query lists everything, capped at 500', () => {
    const files = cleanKb();
    assert.equal(workspaceSymbols(analyzerFor(files).analyzer, '').length, 8);
    const blockers = Array.from({ length: 600 }, (_, i) => ({ id: `FIX7-P0-MANY-${i}`, item: 'x' }));
    files[LATER] = json({ doc: 'fix7-p0-production-readiness-blocker-map', date: '2026-07-01', blockers, resolved_in_this_macro: [], production_work_performed: false });
    const { analyzer } = analyzerFor(files);
    assert.equal(workspaceSymbols(analyzer, 'many').length, WORKSPACE_SYMBOL_LIMIT);
    assert.equal(workspaceSymbols(analyzer, 'FIX7-P0-MANY-599')[0]?.name, 'FIX7-P0-MANY-599');
  });
});

describe('a document over the size limit (issue 13, item 4)', () => {
  // An open buffer of 6 MB: the editor holds its text, but nothing may parse it.
  const MAP = 'kb/fix7-p0-big-packet-2026-06-12/production-readiness-blocker-map.json';
  const big = JSON.stringify({ doc: 'x-production-readiness-blocker-map', date: '2026-06-12', blockers: Array.from({ length: 120_000 }, (_, i) => ({ id: `FIX7-P0-B-${i}`, item: 'x' })) }, null, 1);
  const NOTE_BIG = 'kb/big-note.md';
  const bigNote = `# Big\n\n${'FIX7-P0-B-1 [a](b.md) production authorized.\n'.repeat(150_000)}`;

  test('every feature answers empty for it, as for any document it does not analyse', () => {
    assert.ok(big.length > 5 * 1024 * 1024 && bigNote.length > 5 * 1024 * 1024);
    const analyzer = new Analyzer(new InMemoryWorkspace({ [MAP]: big, [NOTE_BIG]: bigNote }));
    const service = createLanguageService(analyzer, { linkTo: (p) => p });
    for (const path of [MAP, NOTE_BIG]) {
      assert.deepEqual(analyzer.diagnostics(path).map((d) => d.code), ['file-too-large']);
      const at = { line: 2, character: 3 };
      assert.deepEqual(service.documentSymbols(path), [], `${path}: outline`);
      assert.deepEqual(service.completions(path, at), [], `${path}: completion`);
      assert.deepEqual(service.documentLinks(path), [], `${path}: links`);
      assert.deepEqual(service.codeLenses(path), [], `${path}: code lenses`);
      assert.equal(service.hover(path, at), undefined, `${path}: hover`);
      assert.deepEqual(service.definition(path, at), [], `${path}: definition`);
      assert.deepEqual(service.references(path, at, true), [], `${path}: references`);
      assert.equal(service.prepareRename(path, at), undefined, `${path}: prepareRename`);
      assert.deepEqual(service.codeActions(path, { start: at, end: at }, []), [], `${path}: code actions`);
    }
  });
});
