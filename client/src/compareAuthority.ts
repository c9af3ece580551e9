import { commands, ProgressLocation, QuickPickItemKind, window, workspace, type QuickPickItem, type Uri, type WorkspaceFolder } from 'vscode';
import type { RevisionInfo } from '../../common/protocol';
import type { DeltaDocuments } from './deltaDocuments';
import { revisionEntries } from './deltaModel';
import { pickerChoice } from './pickerChoice';
import type { GovernanceProtocol } from './protocolClient';

interface RevisionItem extends QuickPickItem {
  revision?: string;
}

/**
 * `Governance: Compare Authority With…`: a revision from the picker (or typed), compared with
 * the working tree as the server sees it, shown as the Markdown `govlens diff` prints.
 */
export async function compareAuthority(protocol: GovernanceProtocol, documents: DeltaDocuments): Promise<void> {
  const folder = await chooseFolder();
  if (!folder) return;
  const base = await chooseRevision(protocol, folder);
  if (!base) return;
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: `Governance Lens: comparing authority with ${base}…`, cancellable: true },
    async (_progress, token) => {
      try {
        return await protocol.authorityDelta({ uri: folder.uri.toString(), base }, token);
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      }
    },
  );
  if (!result) return;
  if (!result.ok) {
    void window.showErrorMessage(`Governance Lens: cannot compare authority with ${base}: ${result.message}`);
    return;
  }
  await show(documents.add(folder.name, base, undefined, result.markdown));
}

/** The folder of the active editor, the only folder, or the one the user picks. */
async function chooseFolder(): Promise<WorkspaceFolder | undefined> {
  const active = window.activeTextEditor?.document.uri;
  const owner = active ? workspace.getWorkspaceFolder(active) : undefined;
  if (owner) return owner;
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void window.showInformationMessage('Governance Lens: open a folder to compare its authority with a revision.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return window.showWorkspaceFolderPick({ placeHolder: 'The workspace folder whose authority to compare' });
}

/** The picker opens at once, busy, and fills in with the revisions the server lists; typing any revision works too. */
async function chooseRevision(protocol: GovernanceProtocol, folder: WorkspaceFolder): Promise<string | undefined> {
  const pick = window.createQuickPick<RevisionItem>();
  pick.title = `Compare authority of ${folder.name} with…`;
  pick.placeholder = 'A branch, tag or commit, or type any revision (origin/main, HEAD~3)';
  pick.matchOnDescription = true;
  pick.busy = true;
  let revisions: RevisionInfo[] = [];
  const render = () => {
    pick.items = revisionEntries(revisions, pick.value).map((e): RevisionItem =>
      e.kind === 'separator' ? { label: e.label, kind: QuickPickItemKind.Separator } : { label: e.label, description: e.description, revision: e.revision, alwaysShow: e.description === 'the revision typed' },
    );
  };
  render();
  pick.onDidChangeValue(render);
  const { chosen, cancel } = pickerChoice(pick, () => pick.selectedItems[0]?.revision ?? (pick.value.trim() || undefined));
  pick.show();
  try {
    const listed = await protocol.revisions(folder.uri.toString(), cancel.token);
    if (listed.ok) {
      revisions = listed.revisions;
      render();
    } else {
      // The picker stays usable for a typed revision; the comparison will say what is wrong.
      pick.title = `Compare authority of ${folder.name} with… (${listed.message})`;
    }
    pick.busy = false;
    return await chosen;
  } catch (error) {
    // Closing the picker cancels the listing; a revision accepted before the list came still stands.
    if (cancel.token.isCancellationRequested) return await chosen;
    throw error;
  } finally {
    pick.dispose();
    cancel.dispose();
  }
}

/** The rendered preview when VS Code's Markdown support is there, else the text itself. */
async function show(uri: Uri): Promise<void> {
  try {
    await commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await window.showTextDocument(await workspace.openTextDocument(uri), { preview: true });
  }
}
