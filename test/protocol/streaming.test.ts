/**
 * Streaming startup (issue 15): the open documents are answered first, and what they are first
 * answered is what they are answered at the end. Ordering is proved by the order of the
 * server's messages, never by timing: the client holds its answer to workspace/configuration
 * until its opens and requests are sent, so they reach the server before its first index starts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ageFiles, copyKb, MAP, NOTE, positionOf, startClient, storageFolder, type Client } from './harness';

/** Not open in any test: a document with a finding that the background publishes. */
const OTHER = 'knowledge/other-note.md';
/** The note cites the map's blockers (defined in another file) and this one, defined nowhere. */
const NOWHERE = 'FIX7-P0-PROD-NOWHERE-9';

function streamingKb(): string {
  const root = copyKb();
  fs.appendFileSync(path.join(root, NOTE), `\nStill waiting on ${NOWHERE}.\n`);
  fs.writeFileSync(path.join(root, OTHER), '# Other\n\nBlocked by FIX7-P0-PROD-ELSEWHERE-3.\n');
  // At rest, as copyKb leaves the rest: a file read moments after its write is checked again at the next start.
  ageFiles(root);
  return root;
}

/** What the note's diagnostics must be: the one unknown ID, none for the IDs the map defines. */
function assertNoteFindings(diagnostics: readonly Diagnostic[] | undefined, unknown: readonly string[] = [NOWHERE]): void {
  assert.ok(diagnostics, 'the note has diagnostics');
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    unknown.map(() => 'unknown-id'),
  );
  for (const id of unknown) assert.ok(diagnostics.some((d) => JSON.stringify(d.message).includes(id)), `${id} is reported`);
}

/** A client whose configuration answer waits for `release`: what it sends before that is there when indexing starts. */
async function heldClient(root: string, mode: 'pull' | 'push', storage?: string): Promise<{ client: Client; release: () => void }> {
  let release = () => undefined as void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  const client = await startClient(root, mode, storage === undefined ? undefined : { storagePath: storage }, { holdConfiguration: hold });
  return { client, release };
}

/** Runs a first start (no cache yet) to its end and shuts it down, which writes the cache. */
async function writeCache(root: string, storage: string, open: readonly string[] = []): Promise<void> {
  const client = await startClient(root, 'pull', { storagePath: storage });
  try {
    for (const relative of open) await client.open(relative);
    await client.waitForNotification('governanceLens/blockersChanged');
    await client.connection.sendRequest('governanceLens/checkWorkspace');
  } finally {
    await client.close();
  }
}

const isCacheLoaded = (e: { method: string; params: unknown }) => e.method === 'window/logMessage' && /: Cache used \(/.test((e.params as { message: string }).message);
const publicationOf = (client: Client, relative: string) => (e: { method: string; params: unknown }) =>
  e.method === 'textDocument/publishDiagnostics' && (e.params as PublishDiagnosticsParams).uri === client.uri(relative);

/** The first diagnostics the server published for `relative`, if any. */
const firstPublication = (client: Client, relative: string) => client.events.find(publicationOf(client, relative))?.params as PublishDiagnosticsParams | undefined;

/** Index of the first event matching; fails naming `what` when there is none. */
function indexOf(client: Client, match: (e: { method: string; params: unknown }) => boolean, what: string): number {
  const index = client.events.findIndex(match);
  assert.ok(index >= 0, `no ${what} among ${client.events.map((e) => e.method).join(', ')}`);
  return index;
}

/** The push client's view once the start is over: every pass run, the other note published. */
async function settledPush(client: Client): Promise<void> {
  await client.waitForNotification('governanceLens/blockersChanged');
  await client.waitForPublished(OTHER, (d) => d.length > 0, 'the other note has its finding');
  await client.connection.sendRequest('governanceLens/checkWorkspace');
}

describe('streaming startup: the open documents first, and never wrong', () => {
  test('cold, push: the open note is published before every other document, with its final diagnostics', async () => {
    const { client, release } = await heldClient(streamingKb(), 'push');
    try {
      await client.open(NOTE);
      release();
      await settledPush(client);
      const first = firstPublication(client, NOTE);
      assertNoteFindings(first?.diagnostics);
      assert.ok(indexOf(client, publicationOf(client, NOTE), 'publication of the note') < indexOf(client, publicationOf(client, OTHER), 'publication of the other note'));
      assert.ok(indexOf(client, publicationOf(client, NOTE), 'publication of the note') < indexOf(client, (e) => e.method === 'governanceLens/blockersChanged', 'blockersChanged'));
      assert.deepEqual(client.published.get(client.uri(NOTE)), first?.diagnostics);
    } finally {
      await client.close();
    }
  });

  test('cold, pull: the open note is first answered with its final diagnostics', async () => {
    const { client, release } = await heldClient(streamingKb(), 'pull');
    try {
      await client.open(NOTE);
      const answer = client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: client.uri(NOTE) } });
      release();
      const first = (await answer).items;
      assertNoteFindings(first);
      await client.waitForNotification('governanceLens/blockersChanged');
      const last = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: client.uri(NOTE) } });
      assert.deepEqual(last.items, first);
    } finally {
      await client.close();
    }
  });

  test('warm, push: the open note is published from the cache before its load ends, with its final diagnostics', async () => {
    const root = streamingKb();
    const storage = storageFolder();
    await writeCache(root, storage);
    const { client, release } = await heldClient(root, 'push', storage);
    try {
      await client.open(NOTE);
      release();
      await settledPush(client);
      await client.waitForNotification('window/logMessage', (p: { message: string }) => /: Cache used \(/.test(p.message));
      const first = firstPublication(client, NOTE);
      assertNoteFindings(first?.diagnostics);
      assert.ok(indexOf(client, publicationOf(client, NOTE), 'publication of the note') < indexOf(client, isCacheLoaded, 'the cache loaded'));
      assert.ok(indexOf(client, publicationOf(client, NOTE), 'publication of the note') < indexOf(client, publicationOf(client, OTHER), 'publication of the other note'));
      assert.deepEqual(client.published.get(client.uri(NOTE)), first?.diagnostics);
    } finally {
      await client.close();
    }
  });

  test('warm, pull: the open note is answered from the cache before its load ends; hover and blockers asked meanwhile wait and are right', async () => {
    const root = streamingKb();
    const storage = storageFolder();
    await writeCache(root, storage);
    const { client, release } = await heldClient(root, 'pull', storage);
    try {
      const text = await client.open(NOTE);
      const ask = () => ({
        diagnostics: client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: client.uri(NOTE) } }),
        hover: client.request<unknown>('textDocument/hover', { textDocument: { uri: client.uri(NOTE) }, position: positionOf(text, '- FIX7-P0-PROD-BIRTH-SURFACE-1', 5) }),
        blockers: client.request<{ complete: boolean }>('governanceLens/blockers', { include: 'all' }),
      });
      const early = ask();
      release();
      const first = (await early.diagnostics).items;
      const [hover, blockers] = await Promise.all([early.hover, early.blockers]);
      assertNoteFindings(first);
      assert.ok(indexOf(client, (e) => e.method === 'answer:textDocument/diagnostic', 'the answer') < indexOf(client, isCacheLoaded, 'the cache loaded'));
      // Requests other than diagnostics wait for the whole index: their early answers are the final ones.
      assert.equal(blockers.complete, true);
      const late = ask();
      assert.deepEqual((await late.diagnostics).items, first);
      assert.deepEqual(await late.hover, hover);
      assert.deepEqual(await late.blockers, blockers);
      assert.match(JSON.stringify(hover), /FIX7-P0-PROD-BIRTH-SURFACE-1/);
    } finally {
      await client.close();
    }
  });

  test('warm, a blocker removed on disk between the starts: the cache does not answer early, and the note is first published right', async () => {
    const root = streamingKb();
    const storage = storageFolder();
    await writeCache(root, storage);
    const mapFile = path.join(root, MAP);
    fs.writeFileSync(mapFile, fs.readFileSync(mapFile, 'utf8').replace('"id": "FIX7-P0-PROD-OPT4-1"', '"id": "FIX7-P0-RENAMED-AWAY-1"'));
    const { client, release } = await heldClient(root, 'push', storage);
    try {
      await client.open(NOTE);
      release();
      await settledPush(client);
      const first = firstPublication(client, NOTE);
      assertNoteFindings(first?.diagnostics, ['FIX7-P0-PROD-OPT4-1', NOWHERE]);
      assert.ok(!client.events.some((e) => e.method === 'window/logMessage' && /nothing moved/.test((e.params as { message: string }).message)), 'the cache is not taken as current');
      assert.deepEqual(client.published.get(client.uri(NOTE)), first?.diagnostics);
    } finally {
      await client.close();
    }
  });

  test('warm, the open buffer differs from its file: the note is first published from the buffer', async () => {
    const root = streamingKb();
    const storage = storageFolder();
    await writeCache(root, storage);
    const { client, release } = await heldClient(root, 'push', storage);
    try {
      await client.open(NOTE, `${fs.readFileSync(path.join(root, NOTE), 'utf8')}\nAnd on FIX7-P0-PROD-TYPED-2.\n`);
      release();
      await settledPush(client);
      const first = firstPublication(client, NOTE);
      assertNoteFindings(first?.diagnostics, [NOWHERE, 'FIX7-P0-PROD-TYPED-2']);
      assert.deepEqual(client.published.get(client.uri(NOTE)), first?.diagnostics);
    } finally {
      await client.close();
    }
  });

  test('a file changed on disk with no watcher to say so, then opened as it now is: read again, not taken as the facts held', async () => {
    const root = streamingKb();
    const client = await startClient(root, 'push');
    try {
      await settledPush(client);
      const text = `${fs.readFileSync(path.join(root, NOTE), 'utf8')}\nAnd on FIX7-P0-PROD-SAVED-4.\n`;
      fs.writeFileSync(path.join(root, NOTE), text);
      const since = client.publications.length;
      await client.open(NOTE, text);
      assertNoteFindings(await client.waitForPublication(NOTE, since, 'after the open'), [NOWHERE, 'FIX7-P0-PROD-SAVED-4']);
    } finally {
      await client.close();
    }
  });

  test('a document open as saved is no change: neither to the cache it is loaded from nor to the one it is saved in', async () => {
    const root = streamingKb();
    const storage = storageFolder();
    // Closed with the note open: the note must be signed as its file, not as an unsaved buffer.
    await writeCache(root, storage, [NOTE]);
    const { client, release } = await heldClient(root, 'pull', storage);
    try {
      await client.open(NOTE);
      release();
      const loaded = await client.waitForNotification<{ message: string }>('window/logMessage', (p) => /: Cache used \(/.test(p.message));
      assert.match(loaded.message, /, 0 changed\)/);
    } finally {
      await client.close();
    }
  });
});
