import { commands, ProgressLocation, window } from 'vscode';
import { checkSummary, findingCount } from './blockerModel';
import { CommandIds } from './commandIds';
import type { GovernanceProtocol } from './protocolClient';

const showProblems = 'Show Problems';
const showBlockers = 'Show Unresolved Blockers';

/** `Governance: Check Workspace`: a full re-read and re-analysis, then a one-line summary. */
export async function checkWorkspace(protocol: GovernanceProtocol): Promise<void> {
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Governance Lens: checking the workspace…', cancellable: true },
    async (_progress, token) => {
      try {
        return await protocol.checkWorkspace(token);
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      }
    },
  );
  if (!result) return;
  const actions = [...(findingCount(result) > 0 ? [showProblems] : []), ...(result.unresolvedBlockers > 0 ? [showBlockers] : [])];
  const message = `Governance Lens: ${checkSummary(result)}`;
  // A folder that was not checked is no clean result.
  const warn = result.errors > 0 || (result.unreadFolders?.length ?? 0) > 0;
  const choice = warn ? await window.showWarningMessage(message, ...actions) : await window.showInformationMessage(message, ...actions);
  if (choice === showProblems) await commands.executeCommand('workbench.actions.view.problems');
  else if (choice === showBlockers) await commands.executeCommand(CommandIds.showUnresolvedBlockers);
}
