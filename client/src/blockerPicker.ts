import { QuickPickItemKind, window, type QuickPickItem } from 'vscode';
import type { BlockerInfo } from '../../common/protocol';
import { pickerEntries, pickRow } from './blockerModel';
import { openAt } from './navigation';
import { pickerChoice } from './pickerChoice';
import type { GovernanceProtocol } from './protocolClient';

/** A blocker row, or (no blocker) the separator above a packet's rows. */
interface BlockerItem extends QuickPickItem {
  blocker?: BlockerInfo;
}

/**
 * `Governance: Show Unresolved Blockers`. The picker opens at once, busy, so the command
 * answers immediately even while the server is still indexing a large workspace.
 */
export async function showUnresolvedBlockers(protocol: GovernanceProtocol): Promise<void> {
  const pick = window.createQuickPick<BlockerItem>();
  pick.title = 'Unresolved blockers';
  pick.placeholder = 'Filter by ID, what it blocks, who must act, or the item';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  const { chosen, cancel } = pickerChoice(pick, () => pick.selectedItems[0]?.blocker);
  pick.show();
  try {
    const result = await protocol.blockers('unresolved', cancel.token);
    if (cancel.token.isCancellationRequested) return;
    if (result.blockers.length === 0) {
      pick.hide();
      const message = result.complete ? 'No unresolved blockers in this workspace.' : 'No unresolved blockers found yet; the workspace is still being indexed.';
      void window.showInformationMessage(`Governance Lens: ${message}`);
      return;
    }
    pick.items = pickerEntries(result.blockers).map((entry): BlockerItem =>
      entry.kind === 'separator' ? { label: entry.label, kind: QuickPickItemKind.Separator } : { ...pickRow(entry.blocker), blocker: entry.blocker },
    );
    pick.title = `Unresolved blockers (${result.blockers.length})${result.complete ? '' : ', still indexing'}`;
    pick.busy = false;
    const blocker = await chosen;
    if (blocker) await openAt(blocker.uri, blocker.range);
  } catch (error) {
    // Closing the picker cancels the request; that is not an error to report.
    if (cancel.token.isCancellationRequested) return;
    throw error;
  } finally {
    pick.dispose();
    cancel.dispose();
  }
}
