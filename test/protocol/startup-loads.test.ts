/**
 * How many times a start indexes its folder: once. A configuration announced with the settings
 * already in force changes nothing, so it must not reset the folder and read it all again (a
 * CI log showed "Cache not used" and "Indexed 9 documents" twice for one VS Code window).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { copyKb, startClient, storageFolder, type Client } from './harness';

const logs = (client: Client, pattern: RegExp) =>
  client.events.filter((e) => e.method === 'window/logMessage' && pattern.test((e.params as { message: string }).message)).map((e) => (e.params as { message: string }).message);
const LOADED = /^Indexed \d+ documents in \d+ folders?\.$/;
const CACHE = /: Cache /;

describe('startup indexes each folder once', () => {
  test('VS Code\'s client announces its configuration at registration: one load, one cache line', async () => {
    const client = await startClient(copyKb(), 'pull', { storagePath: storageFolder() }, { announceConfiguration: true });
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      // The server asks for the settings again on the announcement; once that answer is in, a
      // reload it causes is under way, and Check Workspace waits for it.
      await client.waitForConfigurationRequests(2);
      await client.request('governanceLens/checkWorkspace', null);
      assert.deepEqual(logs(client, LOADED), ['Indexed 9 documents in 1 folder.'], 'the folder is indexed once');
      assert.equal(logs(client, CACHE).length, 1, `the cache is opened once: ${JSON.stringify(logs(client, CACHE))}`);
    } finally {
      await client.close();
    }
  });

  test('a push client sending the settings it started with: one load', async () => {
    const settings = { governanceLens: { idPrefixes: ['FIX7-P0'] } };
    const client = await startClient(copyKb(), 'push', settings);
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
      await client.request('governanceLens/checkWorkspace', null);
      assert.equal(logs(client, LOADED).length, 1, `the folder is indexed once: ${JSON.stringify(logs(client, LOADED))}`);
    } finally {
      await client.close();
    }
  });

  test('a push client sending other settings: the folder is indexed again under them', async () => {
    const client = await startClient(copyKb(), 'push', { governanceLens: {} });
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { governanceLens: { severity: { 'unknown-id': 'warning' } } } });
      await client.request('governanceLens/checkWorkspace', null);
      assert.equal(logs(client, LOADED).length, 2, `a change of settings indexes again: ${JSON.stringify(logs(client, LOADED))}`);
    } finally {
      await client.close();
    }
  });
});
