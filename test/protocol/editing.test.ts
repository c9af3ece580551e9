import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { copyKb, MAP, NOTE, PACKET_DIR, positionOf, startClient, type Client } from './harness';

describe('authoring features over stdio', () => {
  let client: Client;
  let note: string;
  let map: string;

  before(async () => {
    client = await startClient(copyKb(), 'pull');
    note = await client.open(NOTE);
    map = await client.open(MAP);
  });
  after(() => client.close());

  const pull = async (relative: string) =>
    ((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri(relative) } })) as { items: Diagnostic[] }).items;

  test('completion of a governance ID in a note', async () => {
    const text = `${note}\nBlocked by FIX7-P0-PROD-C`;
    await client.change(NOTE, text);
    const lines = text.split('\n');
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: client.uri(NOTE) },
      position: { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length },
    })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === 'FIX7-P0-PROD-CI-SCOPE-1'), JSON.stringify(items.map((i) => i.label)));
    await client.change(NOTE, note);
  });

  test('completion of anchors after a cited file name', async () => {
    const text = `${note}\nEvidence: mutation-inventory.json `;
    await client.change(NOTE, text);
    const lines = text.split('\n');
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: client.uri(NOTE) },
      position: { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length },
    })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === 'surface 5'), JSON.stringify(items.map((i) => i.label)));
    await client.change(NOTE, note);
  });

  test('quick fix: an unknown ID becomes the closest defined one', async () => {
    const text = note.replace('- FIX7-P0-PROD-OPT4-1', '- FIX7-P0-PROD-OPT4-2');
    await client.change(NOTE, text);
    const [diagnostic] = await pull(NOTE);
    assert.equal(diagnostic?.code, 'unknown-id');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri(NOTE) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix');
    assert.equal(fix?.title, 'Change to FIX7-P0-PROD-OPT4-1');
    assert.deepEqual(fix?.diagnostics, [diagnostic]);
    assert.deepEqual(fix?.edit?.changes?.[client.uri(NOTE)], [{ range: diagnostic.range, newText: 'FIX7-P0-PROD-OPT4-1' }]);
    await client.change(NOTE, note);
  });

  test('document symbols of the blocker map and the note; workspace symbols', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: client.uri(MAP) } })) as DocumentSymbol[];
    const blockers = symbols.find((s) => s.name === 'blockers');
    assert.equal(blockers?.children?.length, 7);
    const headings = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: client.uri(NOTE) } })) as DocumentSymbol[];
    assert.ok(headings.length > 0);
    const found = (await client.connection.sendRequest('workspace/symbol', { query: 'OPT4' })) as SymbolInformation[];
    assert.ok(found.some((s) => s.name === 'FIX7-P0-PROD-OPT4-1' && s.location.uri === client.uri(MAP)), JSON.stringify(found));
  });

  test('code lenses on blocker definitions open the references', async () => {
    const all = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(MAP) } })) as CodeLens[];
    // The evidence lenses beside them are evidence.test.ts's.
    const lenses = all.filter((l) => l.command?.command === 'governanceLens.showReferences');
    assert.equal(lenses.length, 7);
    const first = lenses[0];
    assert.match(first?.command?.title ?? '', /^\d+ references? · unresolved$/);
    assert.equal(first?.command?.command, 'governanceLens.showReferences');
    const [uri, position, locations] = first?.command?.arguments ?? [];
    assert.equal(uri, client.uri(MAP));
    assert.deepEqual(position, positionOf(map, 'FIX7-P0-PROD-BIRTH-SURFACE-1'));
    assert.ok(Array.isArray(locations) && locations.some((l: { uri: string }) => l.uri === client.uri(NOTE)));
  });

  test('a cited checklist that stops parsing: json-syntax there, no cascade in its citers', async () => {
    const checklist = `${PACKET_DIR}/precondition-checklist.json`;
    const original = await client.open(checklist);
    await client.change(checklist, original.replace(/\}\s*$/, ''));
    assert.deepEqual((await pull(checklist)).map((d) => d.code), ['json-syntax']);
    assert.deepEqual(await pull(MAP), []);
    await client.change(checklist, original);
    assert.deepEqual(await pull(checklist), []);
  });
});
