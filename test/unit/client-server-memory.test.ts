/**
 * Issue 15: the client caps the language server's old space so its memory stays flat across
 * edits (README, Performance). The cap must grow with the workspace so a large KB never runs
 * out of memory, and a user's value wins.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MaxOldSpaceSetting, oldSpaceArgs, oldSpaceCapMB } from '../../client/src/serverMemory';
import { clientOnlySettings } from '../../server/src/lsp/editorSettings';

describe('the server old-space cap', () => {
  test('automatic: a floor for small workspaces, then linear in the files', () => {
    assert.equal(oldSpaceCapMB(0, 0), 256);
    assert.equal(oldSpaceCapMB(1_000, 0), 256);
    const at10k = oldSpaceCapMB(10_000, 0) ?? NaN;
    const at100k = oldSpaceCapMB(100_000, 0) ?? NaN;
    assert.equal(at10k, 535);
    assert.equal(at100k, 4491);
    // Linear above the floor: ten times the files, ten times the part that scales.
    assert.equal(Math.round((at100k - 96) / (at10k - 96)), 10);
  });

  test('automatic stays at least 1.5 times the live heap the benchmark measured', () => {
    // The server's live heap after a full collection (scripts/bench/heap-probe.mjs), generated workspaces.
    const measured: [number, number][] = [
      [1_000, 51],
      [10_000, 309],
    ];
    for (const [documents, liveMB] of measured) assert.ok((oldSpaceCapMB(documents, 0) ?? 0) >= 1.5 * liveMB, `${documents} documents`);
  });

  test('a value that is not a number, or 0, is automatic; nonsense counts are none', () => {
    for (const setting of [undefined, null, '512', true, 0, NaN]) assert.equal(oldSpaceCapMB(20_000, setting), oldSpaceCapMB(20_000, 0), String(setting));
    assert.equal(oldSpaceCapMB(-5, 0), 256);
    assert.equal(oldSpaceCapMB(NaN, 0), 256);
    assert.equal(oldSpaceCapMB(Infinity, 0), 256);
  });

  test('an explicit value wins, within bounds; -1 means no cap', () => {
    assert.equal(oldSpaceCapMB(100_000, 1024), 1024);
    assert.equal(oldSpaceCapMB(100_000, 700.4), 700);
    assert.equal(oldSpaceCapMB(10, 4), 128, 'a value in GB by mistake is raised');
    assert.equal(oldSpaceCapMB(10, 1e9), 8192);
    assert.equal(oldSpaceCapMB(100_000, -1), undefined);
  });

  test('the cap reaches the server as one Node argument, none without a cap', () => {
    assert.deepEqual(oldSpaceArgs(300), ['--max-old-space-size=300']);
    assert.deepEqual(oldSpaceArgs(undefined), []);
  });

  test('the setting is a client-only contribution, documented with its default', () => {
    assert.ok((clientOnlySettings as readonly string[]).includes(MaxOldSpaceSetting));
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown; type: string }> } };
    };
    const property = manifest.contributes.configuration.properties[`governanceLens.${MaxOldSpaceSetting}`];
    assert.equal(property?.type, 'number');
    assert.equal(property?.default, 0);
  });
});
