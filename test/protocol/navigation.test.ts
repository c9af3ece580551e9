import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LSPErrorCodes, type Hover, type Location, type DocumentLink, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { BlockersResult } from '../../common/protocol';
import { ARCH, copyKb, MAP, NOTE, PACKET_DIR, positionOf, startClient, type Client } from './harness';

describe('navigation over stdio on the example KB', () => {
  let client: Client;
  let note: string;
  let map: string;

  before(async () => {
    client = await startClient(copyKb(), 'pull');
    note = await client.open(NOTE);
    map = await client.open(MAP);
  });
  after(() => client.close());

  test('hover on a blocker ID in the note: the blocker card', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri(NOTE) },
      position: positionOf(note, '- FIX7-P0-PROD-BIRTH-SURFACE-1', 5),
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*FIX7-P0-PROD-BIRTH-SURFACE-1\*\* · blocker · \*\*unresolved\*\*/);
    assert.match(value, /\| Blocks \| production \|/);
    // The example's words as written: no backslash before their parentheses, underscores or plus.
    assert.ok(value.includes('\n\nproduction object-birth pipeline surface (birth_registry / Directus row creation) is UNKNOWN/unscoped\n\n'), value);
    assert.ok(value.includes('| Actor needed | owner + operator (scope the exact production surface; not invented) |'), value);
    assert.match(value, /Evidence: \[`mutation-inventory\.json surface 5/);
    assert.match(value, /production-readiness-blocker-map\.json`\]\(file:\/\/.*#L\d+,\d+\) \(2026-06-12\)/);
  });

  test('definition of a blocker ID in the note: its id value in the blocker map, then its evidence (evidence.test.ts)', async () => {
    const locations = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: client.uri(NOTE) },
      position: positionOf(note, '- FIX7-P0-PROD-BIRTH-SURFACE-1', 5),
    })) as Location[];
    assert.equal(locations.length, 2);
    assert.equal(locations[0]?.uri, client.uri(MAP));
    assert.equal(locations[1]?.uri, client.uri(`${PACKET_DIR}/mutation-inventory.json`));
    assert.deepEqual(locations[0]?.range.start, positionOf(map, '"FIX7-P0-PROD-BIRTH-SURFACE-1"'));
  });

  test('definition of an evidence reference: the cited surface', async () => {
    const locations = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: client.uri(MAP) },
      position: positionOf(map, 'mutation-inventory.json surface 5', 3),
    })) as Location[];
    const inventory = client.text(`${PACKET_DIR}/mutation-inventory.json`);
    assert.equal(locations[0]?.uri, client.uri(`${PACKET_DIR}/mutation-inventory.json`));
    const line = inventory.split('\n')[locations[0]?.range.start.line ?? -1] ?? '';
    assert.match(line, /"n": 5\b/);
  });

  test('references of a blocker ID span the map and the note', async () => {
    const locations = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: client.uri(MAP) },
      position: positionOf(map, 'FIX7-P0-PROD-OPT4-1', 2),
      context: { includeDeclaration: true },
    })) as Location[];
    const uris = new Set(locations.map((l) => l.uri));
    assert.ok(uris.has(client.uri(MAP)) && uris.has(client.uri(NOTE)), JSON.stringify(locations));
  });

  test('document links: the note cites the blueprint note, and the map its evidence at the entry', async () => {
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: client.uri(MAP) } })) as DocumentLink[];
    const surface = links.find((l) => l.target?.includes('mutation-inventory.json'));
    assert.ok(surface?.target?.match(/#L\d+,\d+$/), JSON.stringify(links));
    const noteLinks = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: client.uri(NOTE) } })) as DocumentLink[];
    assert.ok(noteLinks.some((l) => l.target === client.uri(`${ARCH}/fix7-p0-operative-birth-blueprint-2026-06-12.md`)), JSON.stringify(noteLinks));
  });

  test('rename: refused on a non-ID, applied in every file on an ID', async () => {
    await assert.rejects(
      client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: client.uri(NOTE) }, position: positionOf(note, 'Status line', 2) }),
      /Only governance IDs/,
    );
    const position = positionOf(map, 'FIX7-P0-PROD-OPT4-1', 2);
    const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: client.uri(MAP) }, position })) as { placeholder: string };
    assert.equal(prepared.placeholder, 'FIX7-P0-PROD-OPT4-1');
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri(MAP) }, position, newName: 'FIX7-P0-PROD-OPT4-2' })) as WorkspaceEdit;
    assert.ok(edit.changes?.[client.uri(MAP)]?.length && edit.changes[client.uri(NOTE)]?.length, JSON.stringify(edit));
    await assert.rejects(
      client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri(MAP) }, position, newName: 'lower-case' }),
      /not a governance ID/,
    );
  });

  test('rename: a new name that would corrupt the files is refused with RequestFailed and the reason (issue 13, item 6)', async () => {
    const position = positionOf(map, 'FIX7-P0-PROD-OPT4-1', 2);
    for (const newName of ['FIX7-P0-A"B-1', 'FIX7-P0-A\\B-1', 'FIX7-P0-A\nB-1', 42]) {
      await assert.rejects(
        client.connection.sendRequest('textDocument/rename', { textDocument: { uri: client.uri(MAP) }, position, newName }),
        (error: { code?: number; message?: string }) => error.code === LSPErrorCodes.RequestFailed && /not a governance ID|must be text/.test(error.message ?? ''),
        JSON.stringify(newName),
      );
    }
  });

  test('the server watches the files itself and registers for settings changes', () => {
    const watched = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watched?.registerOptions, { watchers: [{ globPattern: '**/*.{json,md}' }, { globPattern: '**/.govlens.json' }] });
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
  });

  test('the unresolved-blockers request lists the seven blockers', async () => {
    const result = (await client.connection.sendRequest('governanceLens/blockers', { include: 'unresolved' })) as { blockers: { id: string; blocks?: string }[]; complete: boolean };
    assert.equal(result.blockers.length, 7);
    assert.equal(result.blockers[0]?.id, 'FIX7-P0-PROD-BIRTH-SURFACE-1');
    assert.equal(result.blockers[0]?.blocks, 'production');
  });
});

describe('a blocker resolved in a later packet (issue 13, item 10)', () => {
  const LATER = `${ARCH}/fix7-p1-follow-up-packet-2026-07-01`;

  test('the blockers request names the resolving packet and date; the hover card names the map from its packet on', async () => {
    const root = copyKb();
    fs.mkdirSync(path.join(root, LATER));
    fs.writeFileSync(
      path.join(root, LATER, 'production-readiness-blocker-map.json'),
      `${JSON.stringify({ doc: 'fix7-p1-production-readiness-blocker-map', date: '2026-07-01', blockers: [], resolved_in_this_macro: ['FIX7-P0-PROD-CI-SCOPE-1'], production_work_performed: false }, null, 2)}\n`,
    );
    const client = await startClient(root, 'pull');
    try {
      const result = (await client.connection.sendRequest('governanceLens/blockers', { include: 'all' })) as BlockersResult;
      const ci = result.blockers.find((b) => b.id === 'FIX7-P0-PROD-CI-SCOPE-1');
      assert.equal(ci?.status, 'resolved');
      assert.equal(ci?.resolvedBy, `${LATER}/production-readiness-blocker-map.json`);
      assert.equal(ci?.resolvedHow, 'resolved_in_this_macro');
      assert.equal(ci?.resolvedByPacket, LATER);
      assert.equal(ci?.resolvedByDate, '2026-07-01');
      const map = await client.open(MAP);
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: client.uri(MAP) },
        position: positionOf(map, '"FIX7-P0-PROD-CI-SCOPE-1"', 1),
      })) as Hover;
      const value = (hover.contents as { value: string }).value;
      assert.ok(value.includes(`resolved by [\`fix7-p1-follow-up-packet-2026-07-01/production-readiness-blocker-map.json\`](${client.uri(`${LATER}/production-readiness-blocker-map.json`)})`), value);
    } finally {
      await client.close();
    }
  });
});

describe('malformed requests', () => {
  test('positional parameters that push the cancellation token out of place still get an answer', async () => {
    const client = await startClient(copyKb(), 'pull');
    try {
      // Two parameters go out as a positional array; the typed overloads would read null as a token.
      const send = client.connection.sendRequest as (method: string, ...params: unknown[]) => Promise<unknown>;
      const result = (await Reflect.apply(send, client.connection, ['governanceLens/blockers', { include: 'all' }, null])) as { blockers: unknown[] };
      assert.equal(result.blockers.length, 7);
    } finally {
      await client.close();
    }
  });
});
