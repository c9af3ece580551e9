import { commands, Location, Position, Range, TextEditorRevealType, Uri, window, workspace } from 'vscode';
import { parseBlockerTarget, parseLocationArgs, parseReferenceArgs, type PlainRange } from './commandArgs';

const toRange = (r: PlainRange) => new Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** Opens a document with the range selected and scrolled to the middle of the editor. */
export async function openAt(uri: string, range: PlainRange): Promise<void> {
  const document = await workspace.openTextDocument(Uri.parse(uri));
  const selection = toRange(range);
  const editor = await window.showTextDocument(document, { selection, preview: true });
  editor.revealRange(selection, TextEditorRevealType.InCenter);
}

/** `governanceLens.openBlocker`: the tree passes the BlockerInfo itself. */
export async function openBlocker(arg: unknown): Promise<void> {
  const target = parseBlockerTarget(arg);
  if (!target) throw new Error('openBlocker needs a blocker with a uri and a range.');
  await openAt(target.uri, target.range);
}

/** `governanceLens.openLocation`: an evidence code lens passes the entry it opens. */
export async function openLocation(args: readonly unknown[]): Promise<void> {
  const location = parseLocationArgs(args);
  if (!location) throw new Error('openLocation needs a location with a uri and a range.');
  await openAt(location.uri, location.range);
}

/**
 * `governanceLens.showReferences`: code-lens arguments arrive as JSON, while VS Code's
 * references peek wants a Uri, a Position and Locations.
 */
export async function showReferences(args: readonly unknown[]): Promise<void> {
  const parsed = parseReferenceArgs(args);
  if (!parsed) throw new Error('showReferences needs [uri, position, locations].');
  const { uri, position, locations } = parsed;
  await commands.executeCommand(
    'editor.action.showReferences',
    Uri.parse(uri),
    new Position(position.line, position.character),
    locations.map((l) => new Location(Uri.parse(l.uri), toRange(l.range))),
  );
}
