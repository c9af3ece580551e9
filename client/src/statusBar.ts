import { StatusBarAlignment, window, workspace, type Disposable, type StatusBarItem } from 'vscode';
import type { BlockersChangedParams } from '../../common/protocol';
import { statusBarText } from './blockerModel';
import { CommandIds } from './commandIds';

/**
 * "$(shield) 7 unresolved" in the status bar. Shown only in a folder workspace that has
 * blockers, so it stays out of the way everywhere else.
 */
export class BlockersStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private counts: BlockersChangedParams | undefined;

  constructor() {
    this.item = window.createStatusBarItem('governanceLens.blockers', StatusBarAlignment.Left, 50);
    this.item.name = 'Governance Lens Blockers';
  }

  update(counts: BlockersChangedParams): void {
    this.counts = counts;
    if (!workspace.workspaceFolders?.length || counts.total === 0) {
      this.item.hide();
      return;
    }
    const { text, tooltip, accessibleLabel } = statusBarText(counts);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: accessibleLabel };
    this.item.command = CommandIds.showUnresolvedBlockers;
    this.item.show();
  }

  /** A stopped server leaves the last counts stale; say so where they were shown. */
  serverStopped(): void {
    if (!this.counts || this.counts.total === 0) return;
    this.item.text = '$(shield) stopped';
    this.item.tooltip = 'The Governance Lens server is not running. Click to restart it.';
    this.item.accessibilityInformation = { label: 'Governance Lens server stopped' };
    this.item.command = CommandIds.restartServer;
  }

  dispose(): void {
    this.item.dispose();
  }
}
