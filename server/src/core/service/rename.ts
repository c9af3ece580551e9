import type { Analysis } from '../analysis';
import { notCancellable, throwIfCancelled, type Cancellation } from '../cancellation';
import { ID_SHAPE, patternsFor } from '../settings';
import type { Range } from '../types';
import { targetAt } from './locate';
import { idOccurrences, toLocation } from './occurrences';
import type { WorkspaceEdit } from './types';

/** A rename the service refuses, with the reason to show the author. */
export class RenameError extends Error {}

export function prepareRename(analysis: Analysis, path: string, offset: number): { range: Range; placeholder: string } {
  const facts = analysis.factsOf(path);
  const target = facts && targetAt(analysis, facts, offset);
  if (!facts || target?.kind !== 'id') throw new RenameError('Only governance IDs (such as FIX7-P0-PLAN-REALRUN-1) can be renamed.');
  return { range: facts.lines.range(target.span.start, target.span.end), placeholder: target.id };
}

/** Renames an ID everywhere it is written: its definitions, every mention, resolved_in_this_macro lists. */
export function rename(analysis: Analysis, path: string, offset: number, newName: string, cancellation: Cancellation = notCancellable): WorkspaceEdit {
  const { placeholder: id } = prepareRename(analysis, path, offset);
  if (typeof newName !== 'string') throw new RenameError('The new name must be text, a governance ID such as FIX7-P0-PLAN-REALRUN-1; the rename was not applied.');
  const name = newName.trim();
  if (name === id) return {};
  // The ID shape holds whatever prefixes the settings name: the new name is written into JSON
  // strings and notes as it is, and nothing but capitals, digits and hyphens is safe there.
  if (!ID_SHAPE.test(name) || !patternsFor(analysis.currentSettings()).wholeId.test(name)) {
    throw new RenameError(`"${name}" is not a governance ID (expected the shape PREFIX-P0-NAME-1, capitals, digits and hyphens); the rename was not applied.`);
  }
  const taken = analysis.workspaceIndex().definitions.get(name)?.[0];
  if (taken) throw new RenameError(`${name} is already defined in ${taken.path}; choose another name or merge the two entries first.`);
  const edit: WorkspaceEdit = {};
  for (const occurrence of idOccurrences(analysis, id, cancellation)) {
    const { path: file, range } = toLocation(occurrence.facts, occurrence.span);
    (edit[file] ??= []).push({ range, newText: name });
  }
  return oncePerFile(analysis, path, edit, cancellation);
}

/**
 * One set of edits per real file. A note reached through a symbolic or a hard link is two
 * documents with one text; a client that maps both paths to one buffer would apply the rename
 * twice ("FIX7-P0-X-1esolved by…"). The document renamed from keeps its edits, else the first path.
 */
function oncePerFile(analysis: Analysis, from: string, edit: WorkspaceEdit, cancellation: Cancellation): WorkspaceEdit {
  const owner = new Map<string, string>();
  for (const file of [from, ...Object.keys(edit).sort()]) {
    if (!edit[file]) continue;
    // Each asks the host which real file a path is (a system call on disk).
    throwIfCancelled(cancellation);
    const identity = analysis.fileIdentity(file);
    if (identity === undefined) continue;
    const first = owner.get(identity);
    if (first === undefined) owner.set(identity, file);
    else if (first !== file) delete edit[file];
  }
  return edit;
}
