import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { copyKb, MAP, NOTE, PACKET_DIR, startClient } from './harness';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const removeBlocker = (map: string, id: string) => map.replace(new RegExp(`"id": "${id}"`), '"id": "FIX7-P0-RENAMED-AWAY-1"');

describe('diagnostics for a pull client (VS Code)', () => {
  test('document pull follows edits in another buffer; the server asks for a refresh', async () => {
    const client = await startClient(copyKb(), 'pull');
    try {
      await client.open(NOTE);
      const map = await client.open(MAP);
      const pull = async () =>
        (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri(NOTE) } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
      assert.deepEqual((await pull()).items, []);

      const refreshes = client.refreshes;
      await client.change(MAP, removeBlocker(map, 'FIX7-P0-PROD-OPT4-1'));
      await client.waitForRefresh(refreshes);
      const broken = await pull();
      assert.deepEqual(codes(broken.items), ['unknown-id']);
      assert.match(String(broken.items[0]?.message), /FIX7-P0-PROD-OPT4-1/);
      assert.equal(broken.items[0]?.source, 'govlens');

      await client.change(MAP, map);
      assert.deepEqual((await pull()).items, []);
    } finally {
      await client.close();
    }
  });

  test('workspace pull reports every document, then waits for a change and reports what changed', async () => {
    const root = copyKb();
    const client = await startClient(root, 'pull');
    try {
      // Sent once the first index is complete: only then does "nothing changed" hold.
      await client.waitForNotification('governanceLens/blockersChanged');
      const first = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceDiagnosticReport;
      assert.ok(first.items.length >= 8, `${first.items.length} reports`);
      assert.ok(first.items.every((i) => i.kind === 'full' && i.items.length === 0));
      const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId ?? '' }));

      const waiting = client.connection.sendRequest('workspace/diagnostic', { previousResultIds: previous }) as Promise<WorkspaceDiagnosticReport>;
      let answered = false;
      void waiting.then(() => (answered = true));
      await new Promise((r) => setImmediate(r));
      assert.equal(answered, false, 'answered while nothing changed');

      // An edit on disk, reported by the file watcher, breaks the note's reference.
      const mapFile = path.join(root, MAP);
      fs.writeFileSync(mapFile, removeBlocker(fs.readFileSync(mapFile, 'utf8'), 'FIX7-P0-PROD-OPT4-1'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(MAP), type: 2 }] });
      const second = await waiting;
      const note = second.items.find((i) => i.uri === client.uri(NOTE));
      assert.equal(note?.kind, 'full');
      assert.deepEqual(codes(note?.kind === 'full' ? note.items : []), ['unknown-id']);
      assert.ok(second.items.filter((i) => i.kind === 'unchanged').length >= 6, 'untouched documents are reported unchanged');
    } finally {
      await client.close();
    }
  });

  test('files Governance Lens does not analyse get nothing, even when open', async () => {
    const client = await startClient(copyKb(), 'pull');
    try {
      await client.open('tools/package.json', '{ "name": "x", "description": "tracks FIX7-P0-NOWHERE-1", }');
      const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri('tools/package.json') } })) as { items: Diagnostic[] };
      assert.deepEqual(report.items, []);
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('tools/package.json') }, position: { line: 0, character: 40 } });
      assert.equal(hover, null);
    } finally {
      await client.close();
    }
  });

  test('settings from workspace/configuration: a severity override applies without a restart', async () => {
    const client = await startClient(copyKb(), 'pull');
    try {
      await client.open(NOTE, `${fs.readFileSync(path.join(client.root, NOTE), 'utf8')}\nSee FIX7-P0-NOWHERE-1.\n`);
      const pull = async () => ((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri(NOTE) } })) as { items: Diagnostic[] }).items;
      assert.deepEqual(codes(await pull()), ['unknown-id']);
      client.settings = { severity: { 'unknown-id': 'warning' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      // Refreshes from earlier edits may still arrive first: pull after each until the new level shows.
      for (let refreshes = client.refreshes, tries = 0; ; tries++) {
        await client.waitForRefresh(refreshes);
        refreshes = client.refreshes;
        const severities = (await pull()).map((d) => d.severity);
        if (severities[0] === 2) break;
        assert.ok(tries < 5, `still ${JSON.stringify(severities)} after ${tries + 1} refreshes`);
      }
    } finally {
      await client.close();
    }
  });
});

describe('diagnostics for a push-only client (Neovim 0.7)', () => {
  test('every document is published; an edit in the map republishes the note; fixing it clears the entry', async () => {
    const client = await startClient(copyKb(), 'push');
    try {
      // The counts follow the first publication of every document.
      await client.waitForNotification('governanceLens/blockersChanged');
      assert.equal(client.published.size, 0, 'a clean KB publishes nothing');
      const map = await client.open(MAP);

      await client.change(MAP, removeBlocker(map, 'FIX7-P0-PROD-OPT4-1'));
      const broken = await client.waitForPublished(NOTE, (d) => d.length > 0, 'the note has a diagnostic');
      assert.deepEqual(codes(broken), ['unknown-id']);

      await client.change(MAP, map);
      await client.waitForPublished(NOTE, (d) => d.length === 0, 'the note is cleared');
    } finally {
      await client.close();
    }
  });

  test('open, close and reopen: each publishes the document\'s diagnostics again, changed or not', async () => {
    // eglot 1.9 files a publication for a file it has not opened under the project-wide list
    // only, and on open shows the buffer nothing until the next publication for it.
    const root = copyKb();
    const notePath = path.join(root, NOTE);
    fs.writeFileSync(notePath, fs.readFileSync(notePath, 'utf8').replace('FIX7-P0-PROD-CI-SCOPE-1 (CI/deploy', 'FIX7-P0-PROD-CI-SCOPE-9 (CI/deploy'));
    const client = await startClient(root, 'push');
    try {
      await client.waitForPublished(NOTE, (d) => d.length > 0, 'the unopened note has its finding');
      await client.waitForNotification('governanceLens/blockersChanged');
      for (const step of ['open', 'close', 'reopen'] as const) {
        const since = client.publications.length;
        if (step === 'close') await client.closeDocument(NOTE);
        else await client.open(NOTE);
        assert.deepEqual(codes(await client.waitForPublication(NOTE, since, `after ${step}`)), ['unknown-id'], step);
      }
      // A clean document's empty list is current diagnostics too: a client may hold stale ones.
      const since = client.publications.length;
      await client.open(MAP);
      assert.deepEqual(await client.waitForPublication(MAP, since, 'after opening the clean map'), []);
    } finally {
      await client.close();
    }
  });

  test('a broken copy: diagnostics for unopened files, settings from initializationOptions', async () => {
    const root = copyKb();
    fs.writeFileSync(path.join(root, PACKET_DIR, 'precondition-checklist.json'), '{ "doc": "x", }');
    const client = await startClient(root, 'push', { governanceLens: { severity: { 'json-syntax': 'warning' } } });
    try {
      const published = await client.waitForPublished(`${PACKET_DIR}/precondition-checklist.json`, (d) => d.length > 0, 'the broken checklist has diagnostics');
      assert.deepEqual(codes(published), ['json-syntax']);
      assert.equal(published[0]?.severity, 2);
    } finally {
      await client.close();
    }
  });
});
