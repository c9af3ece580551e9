import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Settings } from '../../server/src/core/settings';
import type { KbFolder } from '../../server/src/lsp/kbFolder';
import { Persistence } from '../../server/src/lsp/persistence';
import type { CacheOptions, FolderCache, Runtime } from '../../server/src/lsp/runtime';

/** A folder as persistence sees it: settings that a change replaces (KbFolder.updateSettings), no open buffers. */
function fakeFolder(settings: Partial<Settings>): { hostSettings: Partial<Settings> } & KbFolder {
  const folder = {
    uri: 'file:///kb',
    fsPath: '/kb',
    hostSettings: settings,
    workspace: { editedPaths: () => [], isOpen: () => false, savedVersion: () => undefined },
    analyzer: { reset: () => undefined, isWarm: true },
  };
  return folder as unknown as { hostSettings: Partial<Settings> } & KbFolder;
}

/** A runtime whose caches say which settings each load read its cache under. */
function recordingRuntime(loads: Partial<Settings>[]): Runtime {
  const openCache = (options: CacheOptions): FolderCache => ({
    preview: () => undefined,
    changed: () => undefined,
    load: () => {
      loads.push(options.settings);
      return true;
    },
    save: () => undefined,
  });
  return { openCache, timer: { setTimeout: () => ({ dispose: () => undefined }), setImmediate: () => ({ dispose: () => undefined }) } } as unknown as Runtime;
}

test('settings changed between the cache\'s preview and its load: load reads the cache under the new settings', () => {
  const loads: Partial<Settings>[] = [];
  const persistence = new Persistence(recordingRuntime(loads), '/storage', '0.0.0', () => undefined, () => undefined);
  const before = { idPrefixes: ['FIX7-P0'] };
  const after = { idPrefixes: ['OPS3-P0'] };
  const folder = fakeFolder(before);
  persistence.preview([folder]);
  // What the server does on a change of settings (server.ts applySettings), then the load that was queued.
  persistence.changed(folder);
  folder.hostSettings = after;
  persistence.load([folder]);
  assert.deepEqual(loads, [after], 'the cache preview opened under the old settings is not the one loaded');
});

test('nothing changed since the preview: load goes on with the cache preview opened', () => {
  const loads: Partial<Settings>[] = [];
  const persistence = new Persistence(recordingRuntime(loads), '/storage', '0.0.0', () => undefined, () => undefined);
  const settings = { idPrefixes: ['FIX7-P0'] };
  const folder = fakeFolder(settings);
  persistence.preview([folder]);
  persistence.load([folder]);
  assert.equal(loads.length, 1, 'one load');
  assert.equal(loads[0], settings, 'under the settings preview opened it with');
});
