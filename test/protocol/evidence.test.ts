/**
 * Issue 17 over stdio: from a blocker ID to the evidence it cites, through definition,
 * implementation and code lenses, on the example KB, as a pull client (VS Code) and a push
 * client (Neovim, eglot) get it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Location } from 'vscode-languageserver-protocol';
import { BLOCKER_EVIDENCE, INVENTORY } from '../e2e/workspaces';
import { copyKb, MAP, NOTE, positionOf, startClient, type Client } from './harness';

for (const mode of ['pull', 'push'] as const) {
  describe(`evidence navigation over stdio (${mode})`, () => {
    let client: Client;
    let note: string;
    let map: string;

    before(async () => {
      client = await startClient(copyKb(), mode);
      note = await client.open(NOTE);
      map = await client.open(MAP);
    });
    after(() => client.close());

    /** "relative path: the cited line's text", as a reader of the peek sees each location. */
    const show = (locations: Location[]) =>
      locations.map((l) => {
        const relative = decodeURIComponent(l.uri.slice(client.uri('').length + 1));
        return `${relative}: ${(client.text(relative).split('\n')[l.range.start.line] ?? '').trim()}`;
      });
    const request = (method: string, text: string, uri: string, needle: string, offset: number) =>
      client.connection.sendRequest(method, { textDocument: { uri }, position: positionOf(text, needle, offset) }) as Promise<Location[]>;
    const assertCited = (shown: string[], evidence: (typeof BLOCKER_EVIDENCE)[number]['evidence'], what: string) => {
      assert.equal(shown.length, evidence.length, `${what}: ${JSON.stringify(shown)}`);
      evidence.forEach((e, i) => {
        assert.ok(shown[i]?.startsWith(`${e.file}: `), `${what}: ${shown[i]} is not in ${e.file}`);
        assert.match(shown[i]?.slice(e.file.length + 2) ?? '', e.line, what);
      });
    };

    test('the server advertises Go to Implementations', () => {
      assert.equal(client.capabilities.implementationProvider, true);
    });

    test('definition of each blocker the note names: its id line in the map first, then the cited entries', async () => {
      for (const { id, evidence } of BLOCKER_EVIDENCE.filter((b) => b.inNote)) {
        const shown = show(await request('textDocument/definition', note, client.uri(NOTE), `- ${id} (`, 4));
        assert.equal(shown[0], `${MAP}: "id": "${id}",`, id);
        assertCited(shown.slice(1), evidence, id);
      }
    });

    test('definition on each blocker\'s own id value: its evidence alone', async () => {
      for (const { id, evidence } of BLOCKER_EVIDENCE) assertCited(show(await request('textDocument/definition', map, client.uri(MAP), `"${id}"`, 3)), evidence, id);
    });

    test('implementation of each of the seven blockers, from the map and from the note: the evidence alone', async () => {
      for (const { id, inNote, evidence } of BLOCKER_EVIDENCE) {
        assertCited(show(await request('textDocument/implementation', map, client.uri(MAP), `"${id}"`, 3)), evidence, `${id} in the map`);
        if (inNote) assertCited(show(await request('textDocument/implementation', note, client.uri(NOTE), `- ${id} (`, 4)), evidence, `${id} in the note`);
      }
      assert.deepEqual(await request('textDocument/implementation', note, client.uri(NOTE), 'Status line', 2), []);
    });

    test('code lenses on the map: "evidence: surface 5" opens "n": 5 through governanceLens.openLocation', async () => {
      const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(MAP) } })) as CodeLens[];
      const titles = lenses.map((l) => l.command?.title);
      for (const title of ['evidence: surface 5', 'evidence: surface 10', 'evidence: RB-PROD', 'evidence: PC-7', 'evidence: PC-8', 'evidence: delegation-and-authority-lock.json', 'evidence: forbidden surfaces']) {
        assert.ok(titles.includes(title), `${title} in ${JSON.stringify(titles)}`);
      }
      const birth = positionOf(map, '"FIX7-P0-PROD-BIRTH-SURFACE-1"', 1);
      const onBirth = lenses.filter((l) => l.range.start.line === birth.line);
      assert.deepEqual(onBirth.map((l) => l.command?.title), ['3 references · unresolved', 'evidence: surface 5'], 'the references lens first');
      const open = onBirth[1]?.command;
      assert.equal(open?.command, 'governanceLens.openLocation');
      const [location] = (open?.arguments ?? []) as Location[];
      assert.equal(location?.uri, client.uri(INVENTORY));
      assert.match(show(location ? [location] : [])[0] ?? '', /"n": 5,/);
    });
  });
}
