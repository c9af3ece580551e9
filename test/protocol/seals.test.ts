import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { gitTreeId } from '../../server/src/core/seal/treeId';
import { NodeFileSystemWorkspace } from '../../server/src/node/fsWorkspace';
import { copyKb, EXAMPLE, NOTE, PACKET_DIR, startClient } from './harness';

function treeOf(root: string): string {
  const result = gitTreeId(new NodeFileSystemWorkspace(root), PACKET_DIR, 'git-sha1');
  assert.ok('id' in result, JSON.stringify(result));
  return result.id;
}

const seal = '72b24b8a';

describe('seals over the protocol', () => {
  test('pull: the note\'s seal is a seal-mismatch on its hex; a packet file changed on disk gives the new id', async () => {
    const root = copyKb(EXAMPLE, { seals: true });
    const client = await startClient(root, 'pull');
    try {
      await client.waitForNotification('governanceLens/blockersChanged');
      const pull = async () => ((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: client.uri(NOTE) } })) as DocumentDiagnosticReport & { items: Diagnostic[] }).items;
      const [first, ...rest] = await pull();
      assert.deepEqual(rest, []);
      assert.equal(first?.code, 'seal-mismatch');
      assert.equal(first?.severity, 2);
      const line = fs.readFileSync(path.join(root, NOTE), 'utf8').split('\n')[first?.range.start.line ?? -1] ?? '';
      assert.equal(line.slice(first?.range.start.character, first?.range.end.character), seal);
      assert.ok(String(first?.message).includes(treeOf(root)), String(first?.message));

      // The hover on the hex, and the quick fix that restates the current id.
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(NOTE) }, position: first?.range.start })) as { contents: { value: string } } | null;
      assert.match(hover?.contents.value ?? '', new RegExp(`^\\*\\*Seal\\*\\* \`${seal}\`… · packet \`fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12\` · \\*\\*does not match\\*\\*\\n\\nCurrent tree id: \`${treeOf(root)}\``));
      await client.open(NOTE);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: client.uri(NOTE) }, range: first?.range, context: { diagnostics: [first] } })) as { title: string; isPreferred?: boolean }[];
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [[`Re-seal as tree ${treeOf(root).slice(0, 8)}… (the owner's act: only if the owner seals these bytes)`, undefined]]);

      // A file of the packet changes on disk and the watcher says so: the id in the message follows.
      const rollback = path.join(root, PACKET_DIR, 'rollback-recovery-design.json');
      fs.appendFileSync(rollback, '\n');
      const refreshes = client.refreshes;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(`${PACKET_DIR}/rollback-recovery-design.json`), type: 2 }] });
      await client.waitForRefresh(refreshes);
      const [second] = await pull();
      assert.equal(second?.code, 'seal-mismatch');
      assert.ok(String(second?.message).includes(treeOf(root)), String(second?.message));
      assert.notEqual(second?.message, first?.message);
    } finally {
      await client.close();
    }
  });

  test('push: the seed note\'s seal is published as a seal-mismatch warning, nothing else', async () => {
    const client = await startClient(copyKb(EXAMPLE, { seals: true }), 'push');
    try {
      const published = await client.waitForPublished(NOTE, (d) => d.length === 1, `1 seal finding on ${NOTE}`);
      assert.deepEqual(published.map((d) => `${d.code}:${d.severity}`), ['seal-mismatch:2'], NOTE);
      await client.waitForNotification('governanceLens/blockersChanged');
      assert.equal([...client.published.values()].flat().length, 1, 'nothing else is published');
    } finally {
      await client.close();
    }
  });
});
