/**
 * Issue 13 through the built server: the small inputs that made it exit (push mode) or answer
 * nothing (pull mode). Each runs in both modes; the server must keep serving, and every other
 * document must keep its diagnostics.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CheckWorkspaceRequest } from '../../common/protocol';
import { startRawClient, type RawClient } from '../robust/lspClient';
import { copyKb } from './harness';

interface Reported {
  code: string;
  message: string;
}

const BROKEN = 'knowledge/broken-note.md';

/** The example KB plus `files`, and a note whose one unknown ID says the rest is still analysed. */
function kbWith(files: Record<string, string>): string {
  const root = copyKb();
  for (const [relative, text] of Object.entries({ ...files, [BROKEN]: '# Broken\n\nFIX7-P0-NOT-DEFINED-1 blocks it.\n' })) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

async function until<T>(what: string, probe: () => T | undefined, client: RawClient, ms = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (client.exit) throw new Error(`the server exited (${JSON.stringify(client.exit)}) while waiting for ${what}: ${client.stderr().slice(-2000)}`);
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs `check` against the built server in both modes, and asserts it is still serving afterwards. */
function inBothModes(name: string, files: () => Record<string, string>, check: (client: RawClient, reported: (relative: string) => Promise<Reported[]>) => Promise<void>): void {
  for (const mode of ['push', 'pull'] as const) {
    test(`${name} (${mode})`, async () => {
      const client = await startRawClient(kbWith(files()), { mode });
      try {
        const reported = async (relative: string): Promise<Reported[]> => {
          if (mode === 'push') return until(`diagnostics of ${relative}`, () => client.published.get(client.uri(relative)) as Reported[] | undefined, client);
          const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items?: Reported[] }[] };
          const item = report.items.find((i) => i.uri === client.uri(relative));
          assert.ok(item?.items, `the workspace report has no entry for ${relative}: ${JSON.stringify(report.items.map((i) => i.uri))}`);
          return item.items;
        };
        assert.deepEqual((await reported(BROKEN)).map((d) => d.code), ['unknown-id']);
        await check(client, reported);
        const summary = (await client.connection.sendRequest(CheckWorkspaceRequest.method, {})) as { files: number; errors: number } | null;
        assert.ok(summary && summary.files >= 10 && summary.errors > 0, `Check Workspace answered ${JSON.stringify(summary)}`);
        const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(BROKEN) }, position: { line: 2, character: 3 } });
        assert.ok(hover, 'no hover after the pass');
        assert.equal(client.exit, undefined, `the server exited: ${client.stderr().slice(-2000)}`);
      } finally {
        await client.close();
      }
    });
  }
}

describe('a note citing a path 12,000 folders deep (item 1)', () => {
  inBothModes('the server keeps serving, and the note gets evidence-missing-file', () => ({ 'knowledge/deep-note.md': `# Deep\n\nEvidence: ${'a/'.repeat(12_000)}x.json\n` }), async (_client, reported) => {
    assert.deepEqual((await reported('knowledge/deep-note.md')).map((d) => d.code), ['evidence-missing-file']);
  });
});

describe('a note citing …/0.md 6,000 times, with 3,000 files of that name (item 2)', () => {
  const files = () => {
    const out: Record<string, string> = {};
    for (let i = 0; i < 3_000; i++) out[`data/d${i}/0.md`] = '';
    out['knowledge/amplifying-note.md'] = `# Amplifying\n\n${Array.from({ length: 6_000 }, () => '…/0.md').join('\n')}\n`;
    return out;
  };
  inBothModes('the server keeps serving; the note reports 1,000 findings and a summary, each naming at most 5 candidates', files, async (client, reported) => {
    const found = await reported('knowledge/amplifying-note.md');
    assert.equal(found.length, 1_001);
    assert.deepEqual([...new Set(found.map((d) => d.code))].sort(), ['evidence-ambiguous-file', 'too-many-findings']);
    assert.ok(JSON.stringify(found).length < 2_000_000, `${JSON.stringify(found).length} characters`);
    const first = found.find((d) => d.code === 'evidence-ambiguous-file') as (Reported & { range: unknown }) | undefined;
    assert.match(first?.message ?? '', /and 2,995 more/);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: client.uri('knowledge/amplifying-note.md') }, range: first?.range, context: { diagnostics: [first] } })) as unknown[];
    assert.ok(actions.length <= 5, `${actions.length} code actions`);
  });
});

describe('a .govlens.json of 130,000 wrong-typed idPrefixes (item 3)', () => {
  inBothModes('the folder opens; the file reports 100 schema errors and one that counts the rest', () => ({ '.govlens.json': JSON.stringify({ idPrefixes: Array.from({ length: 130_000 }, (_, i) => i) }) }), async (_client, reported) => {
    const found = await reported('.govlens.json');
    assert.equal(found.length, 101);
    assert.match(found[100]?.message ?? '', /129,900 more schema errors/);
  });

  test('a folder that cannot be opened is never reported clean by Check Workspace', async () => {
    const missing = path.join(copyKb(), 'no-such-folder');
    const client = await startRawClient(missing, { mode: 'pull' });
    try {
      const summary = (await client.connection.sendRequest(CheckWorkspaceRequest.method, {})) as { files: number; errors: number; unreadFolders?: { uri: string; reason: string }[] } | null;
      assert.equal(summary?.unreadFolders?.length, 1, `Check Workspace answered ${JSON.stringify(summary)}`);
      assert.equal(summary?.unreadFolders?.[0]?.uri, client.uri('').replace(/\/$/, ''));
      assert.match(summary?.unreadFolders?.[0]?.reason ?? '', /no such file or directory/i);
    } finally {
      await client.close();
    }
  });
});

describe('a note reached through a symbolic link and a hard link (item 7)', () => {
  test('rename edits the file under one URI only', async () => {
    const root = kbWith({ 'knowledge/linked-note.md': '# Linked\n\nFIX7-P0-PROD-OPT4-1 is still open.\n' });
    fs.symlinkSync('linked-note.md', path.join(root, 'knowledge/symlinked-note.md'));
    fs.linkSync(path.join(root, 'knowledge/linked-note.md'), path.join(root, 'knowledge/hard-linked-note.md'));
    const client = await startRawClient(root, { mode: 'pull' });
    try {
      await client.connection.sendRequest(CheckWorkspaceRequest.method, {});
      const uri = client.uri('knowledge/symlinked-note.md');
      const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 3 }, newName: 'FIX7-P0-PROD-OPT4-9' })) as { changes?: Record<string, unknown[]> } | null;
      const notes = Object.keys(edit?.changes ?? {}).filter((u) => u.includes('linked-note'));
      assert.deepEqual(notes, [uri], JSON.stringify(Object.keys(edit?.changes ?? {})));
      assert.ok(Object.keys(edit?.changes ?? {}).some((u) => u.endsWith('production-readiness-blocker-map.json')));
    } finally {
      await client.close();
    }
  });
});
