import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { copyKb, MAP, NOTE, repo, startClient, storageFolder } from './harness';

const EVERY_CODE = path.join(repo, 'test/fixtures/every-code');
/** Every document's diagnostics once the first index is complete, by path, with the cache log line the start wrote. */
async function startAndReport(root: string, storage?: string): Promise<{ diagnostics: Record<string, unknown>; cache: string | undefined }> {
  const client = await startClient(root, 'pull', storage === undefined ? undefined : { storagePath: storage });
  try {
    const cacheLine = storage === undefined ? undefined : client.waitForNotification<{ message: string }>('window/logMessage', (p) => /Cache /.test(p.message));
    await client.waitForNotification('governanceLens/blockersChanged');
    const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceDiagnosticReport;
    const diagnostics: Record<string, unknown> = {};
    for (const item of report.items) diagnostics[path.relative(root, new URL(item.uri).pathname)] = item.kind === 'full' ? item.items : 'unchanged';
    return { diagnostics: Object.fromEntries(Object.entries(diagnostics).sort(([a], [b]) => a.localeCompare(b))), cache: (await cacheLine)?.message };
  } finally {
    // Shutting down writes the cache (the idle save may not have come yet).
    await client.close();
  }
}

const cacheFile = (storage: string) => {
  const file = fs.readdirSync(storage).find((f) => f.endsWith('.cache'));
  assert.ok(file, `no cache file in ${storage}`);
  return path.join(storage, file);
};

const removeBlocker = (map: string, id: string) => map.replace(new RegExp(`"id": "${id}"`), '"id": "FIX7-P0-RENAMED-AWAY-1"');

describe('the persistent cache in the client storage folder', () => {
  test('a second start gives the diagnostics of the first and of an uncached start, from the cache', async () => {
    const root = copyKb(EVERY_CODE);
    const storage = storageFolder();
    const uncached = await startAndReport(root);
    const first = await startAndReport(root, storage);
    assert.match(first.cache ?? '', /not used \(no cache file yet\)/);
    const second = await startAndReport(root, storage);
    assert.match(second.cache ?? '', /Cache used \(/);
    assert.ok(Object.values(uncached.diagnostics).some((d) => Array.isArray(d) && d.length > 0), 'the fixture has findings');
    assert.deepEqual(first.diagnostics, uncached.diagnostics);
    assert.deepEqual(second.diagnostics, uncached.diagnostics);
  });

  for (const [damage, harm] of [
    ['garbage in the summary', (file: string) => fs.writeFileSync(file, '{"format": "govlens-cache", "schema": 2, "key": ')],
    ['a foreign file', (file: string) => fs.writeFileSync(file, JSON.stringify({ format: 'eslint-cache', files: {} }))],
    ['a truncated facts file', (file: string) => fs.truncateSync(`${file}.facts`, Math.floor(fs.statSync(`${file}.facts`).size / 2))],
    ['flipped bytes in the facts file', (file: string) => {
      const bytes = fs.readFileSync(`${file}.facts`);
      bytes.fill(0x20, 10, 40);
      fs.writeFileSync(`${file}.facts`, bytes);
    }],
  ] as const) {
    test(`${damage} is ignored, then rewritten`, async () => {
      const root = copyKb(EVERY_CODE);
      const storage = storageFolder();
      const uncached = await startAndReport(root);
      await startAndReport(root, storage);
      harm(cacheFile(storage));
      const damaged = await startAndReport(root, storage);
      assert.match(damaged.cache ?? '', /not used/);
      assert.deepEqual(damaged.diagnostics, uncached.diagnostics);
      const again = await startAndReport(root, storage);
      assert.match(again.cache ?? '', /Cache used \(/);
      assert.deepEqual(again.diagnostics, uncached.diagnostics);
    });
  }

  test('a file changed between two starts: its diagnostics and its dependants are fresh', async () => {
    const root = copyKb();
    const storage = storageFolder();
    const before = await startAndReport(root, storage);
    assert.deepEqual(before.diagnostics[NOTE], []);
    const mapFile = path.join(root, MAP);
    fs.writeFileSync(mapFile, removeBlocker(fs.readFileSync(mapFile, 'utf8'), 'FIX7-P0-PROD-OPT4-1'));
    const uncached = await startAndReport(root);
    const warm = await startAndReport(root, storage);
    assert.match(warm.cache ?? '', /Cache used \(.*1 changed/);
    assert.deepEqual(warm.diagnostics, uncached.diagnostics);
    assert.deepEqual((warm.diagnostics[NOTE] as { code: string }[]).map((d) => d.code), ['unknown-id']);
  });

  test('a file rewritten, same size, within its modification time\'s granularity of the read: the next start reads it again', async () => {
    const root = copyKb();
    const storage = storageFolder();
    const mapFile = path.join(root, MAP);
    // Not older than the read by the clock's granularity: ahead of it, so however slow the machine.
    const when = new Date(Date.now() + 3_600_000);
    fs.utimesSync(mapFile, when, when);
    const before = await startAndReport(root, storage);
    assert.deepEqual(before.diagnostics[NOTE], []);
    // Written again within the same tick: another blocker ID of the same length, the same size and time.
    const map = fs.readFileSync(mapFile, 'utf8');
    const renamed = map.replace('"id": "FIX7-P0-PROD-OPT4-1"', '"id": "FIX7-P0-PROD-OPT4-9"');
    assert.equal(renamed.length, map.length, 'the rewrite keeps the size');
    assert.notEqual(renamed, map, 'the rewrite changes the map');
    fs.writeFileSync(mapFile, renamed);
    fs.utimesSync(mapFile, when, when);
    const uncached = await startAndReport(root);
    const warm = await startAndReport(root, storage);
    assert.deepEqual((uncached.diagnostics[NOTE] as { code: string }[]).map((d) => d.code), ['unknown-id']);
    assert.deepEqual(warm.diagnostics, uncached.diagnostics);
  });
});
