/**
 * Governance Lens through the real `vscode` API, in the extension host, on a copy of examples/kb
 * opened as the workspace: the providers the language client registers, the diagnostics it
 * reports while a document is edited, and the commands the extension contributes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { BLOCKER_EVIDENCE, BLOCKER_ID, BREAKS, EVIDENCE, INVENTORY, MAP, NOTE, positionOf } from '../../e2e/workspaces';

const EXTENSION_ID = 'governance-lens.governance-lens';
const WAIT_MS = 30_000;

/** Polls a provider until its answer satisfies `ok` (the server may still be indexing). */
async function until<T>(what: string, probe: () => Thenable<T>, ok: (value: T) => boolean): Promise<T> {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const govlens = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govlens');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** Resolves when the govlens diagnostics of `uri` satisfy `ok`, checking on every onDidChangeDiagnostics. */
function diagnostics(uri: vscode.Uri, what: string, ok: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = govlens(uri);
      if (!ok(current)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(current);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics: ${JSON.stringify(govlens(uri).map((d) => [codeOf(d), d.message]))}`));
    }, WAIT_MS);
    check();
  });
}

function target(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; line: number } {
  return 'targetUri' in location
    ? { uri: location.targetUri, line: (location.targetSelectionRange ?? location.targetRange).start.line }
    : { uri: location.uri, line: location.range.start.line };
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');

suite('Governance Lens in the extension host', () => {
  let root: string;
  let uriOf: (relative: string) => vscode.Uri;
  let note: vscode.TextDocument;
  const at = (document: vscode.TextDocument, needle: string, offset = 0) => {
    const p = positionOf(document.getText(), needle);
    return new vscode.Position(p.line, p.character + offset);
  };
  const lineIn = (relative: string, pattern: RegExp) => fs.readFileSync(path.join(root, relative), 'utf8').split('\n').findIndex((l) => pattern.test(l));

  suiteSetup(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need a copy of examples/kb opened as the workspace');
    root = folder.uri.fsPath;
    uriOf = (relative) => vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    console.log(`    ${EXTENSION_ID} from ${extension.extensionPath} | VS Code ${vscode.version} | ${vscode.env.remoteName ?? 'local'} extension host`);
    note = await vscode.workspace.openTextDocument(uriOf(NOTE));
    await vscode.window.showTextDocument(note);
  });

  suiteTeardown(async () => {
    // The edits below end where they began; saving leaves no dirty editor behind.
    if (note?.isDirty) await note.save();
  });

  test('the commands it contributes are registered', async () => {
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.includes('governanceLens.showUnresolvedBlockers'), JSON.stringify(contributed));
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((c) => !registered.has(c)),
      [],
      'contributed commands that are not registered',
    );
  });

  test(`hover on ${BLOCKER_ID} in the note: the blocker card`, async () => {
    const position = at(note, `- ${BLOCKER_ID} (scope`, 5);
    const hovers = await until(
      'a blocker card',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note.uri, position),
      (h) => hoverText(h).includes('unresolved'),
    );
    const text = hoverText(hovers);
    assert.match(text, new RegExp(`\\*\\*${BLOCKER_ID}\\*\\* · blocker · \\*\\*unresolved\\*\\*`));
    assert.match(text, /\| Blocks \| production \|/);
    assert.match(text, /Actor needed/);
  });

  test(`definition of ${BLOCKER_ID} in the note: its line in the blocker map and the cited surface`, async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      note.uri,
      at(note, `- ${BLOCKER_ID} (scope`, 5),
    );
    // VS Code orders what the providers answer by file (the server sends the definition first: test/protocol/evidence.test.ts).
    assert.deepEqual(
      locations.map(target).map((t) => [t.uri.toString(), t.line]).sort(),
      [
        [uriOf(MAP).toString(), lineIn(MAP, new RegExp(`"id": "${BLOCKER_ID}"`))],
        [uriOf(INVENTORY).toString(), lineIn(INVENTORY, /"n": 5\b/)],
      ].sort(),
    );
  });

  test('implementation (Ctrl+F12) of each blocker the note names: its evidence alone', async () => {
    for (const { id, evidence } of BLOCKER_EVIDENCE.filter((b) => b.inNote)) {
      const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeImplementationProvider', note.uri, at(note, `- ${id} (`, 4));
      assert.deepEqual(
        locations.map(target).map((t) => [t.uri.toString(), t.line]),
        evidence.map((e) => [uriOf(e.file).toString(), lineIn(e.file, e.line)]),
        id,
      );
    }
  });

  test('the evidence code lens on a blocker opens the cited entry', async () => {
    const map = await vscode.workspace.openTextDocument(uriOf(MAP));
    const lenses = await until(
      'the evidence lenses',
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', map.uri),
      (l) => l.some((x) => x.command?.title === 'evidence: surface 5'),
    );
    const lens = lenses.find((l) => l.command?.title === 'evidence: surface 5' && l.range.start.line === lineIn(MAP, new RegExp(`"id": "${BLOCKER_ID}"`)));
    assert.ok(lens?.command, JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.equal(lens.command.command, 'governanceLens.openLocation');
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uriOf(INVENTORY).toString());
    assert.equal(editor?.selection.start.line, lineIn(INVENTORY, /"n": 5\b/));
    await vscode.window.showTextDocument(note);
  });

  test(`definition of the evidence "${EVIDENCE}": "n": 5 in the inventory`, async () => {
    const map = await vscode.workspace.openTextDocument(uriOf(MAP));
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', map.uri, at(map, EVIDENCE, 3));
    assert.ok(locations.length >= 1, 'no definition');
    const { uri, line } = target(locations[0]!);
    assert.equal(uri.toString(), uriOf(INVENTORY).toString());
    assert.equal(line, lineIn(INVENTORY, /"n": 5\b/));
  });

  test('references of a blocker ID span the blocker map and the note', async () => {
    const map = await vscode.workspace.openTextDocument(uriOf(MAP));
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', map.uri, at(map, '"FIX7-P0-PROD-OPT4-1"', 3));
    const files = new Set(locations.map((l) => l.uri.toString()));
    assert.ok(files.has(uriOf(MAP).toString()), JSON.stringify([...files]));
    assert.ok(files.has(uriOf(NOTE).toString()), JSON.stringify([...files]));
  });

  test('a WorkspaceEdit that breaks the note reports unknown-id and evidence-missing-file; fixing it clears them', async () => {
    const breaks = BREAKS.filter((b) => b.file === NOTE);
    assert.deepEqual(await diagnostics(note.uri, 'a clean note', (d) => d.length === 0), []);

    const edit = (pairs: { from: string; to: string }[]) => {
      const e = new vscode.WorkspaceEdit();
      for (const { from, to } of pairs) {
        const start = at(note, from);
        e.replace(note.uri, new vscode.Range(start, start.translate(0, from.length)), to);
      }
      return vscode.workspace.applyEdit(e);
    };

    assert.ok(await edit(breaks), 'the breaking edit was not applied');
    const broken = await diagnostics(note.uri, 'unknown-id and evidence-missing-file', (d) => d.map(codeOf).sort().join() === 'evidence-missing-file,unknown-id');
    for (const d of broken) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error, codeOf(d));
      const b = breaks.find((x) => x.code === codeOf(d))!;
      assert.equal(note.getText(d.range), b.token, `${codeOf(d)} covers the token`);
    }

    assert.ok(await edit(breaks.map((b) => ({ from: b.to, to: b.from }))), 'the fixing edit was not applied');
    await diagnostics(note.uri, 'no diagnostics after the fix', (d) => d.length === 0);
  });
});
