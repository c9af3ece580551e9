/**
 * Untrusted workspaces (VS Code's Restricted Mode). The extension declares full support: it
 * runs there unchanged, because nothing a workspace holds (files, `.govlens.json`, its
 * `.vscode/settings.json`) can make it run code or read outside the workspace. This file pins
 * the declaration and the facts it rests on; containment.test.ts proves them end to end (the
 * booby-trapped scripts in the corpus never run, its settings' lock path outside is never read).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { readConfig } from '../../server/src/core/config';
import { repo } from './lspClient';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[]; description?: string } };
  contributes: { configuration: { properties: Record<string, { type: string; scope?: string }> } };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as Manifest;

/**
 * Every setting a workspace can set, and why it is safe to honour from an untrusted one. A new
 * setting fails this test until it is added here, with its reason, or restricted in package.json.
 */
const safeInUntrustedWorkspaces: Record<string, string> = {
  'governanceLens.packetFolderGlob': 'a glob matched against folder names; selects files, reads nothing more',
  'governanceLens.noteGlob': 'a glob matched against workspace-relative paths; selects files, reads nothing more',
  'governanceLens.lockPath': 'a workspace-relative path, read through the contained disk workspace: outside is never read (containment tests)',
  'governanceLens.severity': 'levels per diagnostic code',
  'governanceLens.maxFileSizeMB': 'a number',
  'governanceLens.idPrefixes': 'literal strings, escaped before they enter a regular expression',
  'governanceLens.ticketPrefixes': 'literal strings, escaped before they enter a regular expression',
  'governanceLens.evidenceExtensions': 'literal strings, escaped before they enter a regular expression',
  'governanceLens.trace.server': 'window scope: the user decides, not the workspace',
  'governanceLens.server.maxOldSpaceMB': 'a number, clamped to 128-8192 MB (client/src/serverMemory.ts) and passed only as --max-old-space-size; the worst a workspace can do is starve its own server of memory (it exits and the client restarts it)',
};

describe('untrusted workspaces', () => {
  test('package.json declares full support (no restricted settings): the extension runs unchanged in Restricted Mode', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  });

  test('every contributed setting is data, and accounted for', () => {
    const contributed = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(contributed, Object.keys(safeInUntrustedWorkspaces).sort());
    for (const [name, property] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(['string', 'number', 'object', 'array', 'boolean'].includes(property.type), `${name}: ${property.type}`);
      assert.ok(!/path|command|executable|runtime|args|script|program/i.test(name) || name === 'governanceLens.lockPath', `${name} sounds like something that runs`);
    }
  });

  test('the server that runs is the extension\'s own bundle, never one a setting or the workspace names', () => {
    const source = fs.readFileSync(path.join(repo, 'client/src/languageClient.ts'), 'utf8');
    assert.match(source, /context\.asAbsolutePath\('dist\/server\.js'\)/);
    for (const file of fs.readdirSync(path.join(repo, 'client/src'))) {
      const text = fs.readFileSync(path.join(repo, 'client/src', file), 'utf8');
      assert.ok(!/child_process|\bexec(File)?(Sync)?\(|new Function\(|\beval\(/.test(text), `client/src/${file} could run code`);
    }
  });

  test('.govlens.json is data: keys that would name code or paths are refused with a finding, and nothing of them is kept', () => {
    const config = readConfig(JSON.stringify({ plugins: ['./evil.js'], require: './evil.js', lockPath: '../../outside/lock.json', idPrefixes: ['FIX7-P0'] }));
    assert.deepEqual(Object.keys(config.settings), ['idPrefixes']);
    const messages = config.findings.map((f) => f.message).join('\n');
    for (const key of ['plugins', 'require', 'lockPath']) assert.match(messages, new RegExp(key));
  });
});
