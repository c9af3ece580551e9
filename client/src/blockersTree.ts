import {
  EventEmitter,
  MarkdownString,
  RelativePattern,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  window,
  workspace,
  type Disposable,
  type TreeDataProvider,
  type TreeView,
} from 'vscode';
import type { BlockerInfo } from '../../common/protocol';
import { groupByPacket, markdownDestination, packetDescription, tooltipRows, treeDescription, type PacketGroup } from './blockerModel';
import { BlockersViewId, CommandIds } from './commandIds';
import { VIEW_BASE, viewDescription, type FolderDelta } from './deltaModel';
import type { LanguageServer } from './languageServer';
import type { GovernanceProtocol } from './protocolClient';

/** Folders whose delta the title sums up: a title has room for a few. */
const MAX_TITLE_FOLDERS = 5;

type Node = { kind: 'packet'; group: PacketGroup } | { kind: 'blocker'; blocker: BlockerInfo };

/** The Explorer's "Governance Blockers" view: every blocker, by packet, unresolved first. */
export class BlockersTree implements TreeDataProvider<Node>, Disposable {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: TreeView<Node>;
  /** Answers to an older refresh arriving after a newer one's are dropped. */
  private generation = 0;

  private readonly saved: Disposable;
  private readonly headMoves: Disposable[];

  constructor(private readonly server: LanguageServer) {
    this.view = window.createTreeView(BlockersViewId, { treeDataProvider: this, showCollapseAll: true });
    const describeAgain = () => {
      const protocol = this.server.protocol;
      if (protocol) void this.describe(protocol);
    };
    // A saved lock can change the grants without changing any blocker: the title follows saves too.
    this.saved = workspace.onDidSaveTextDocument(describeAgain);
    // A commit, checkout or reset moves HEAD without touching a file of the workspace, and the
    // title compares with HEAD: git logs every move of HEAD in .git/logs/HEAD (and a checkout
    // rewrites .git/HEAD), so a change to either asks again. A folder inside a repository, whose
    // .git lies above it, is not watched: its title follows the other events only.
    this.headMoves = (workspace.workspaceFolders ?? []).slice(0, MAX_TITLE_FOLDERS).map((folder) => {
      const watcher = workspace.createFileSystemWatcher(new RelativePattern(folder, '.git/{HEAD,logs/HEAD}'));
      watcher.onDidChange(describeAgain);
      watcher.onDidCreate(describeAgain);
      return watcher;
    });
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'packet') return node.group.blockers.map((blocker) => ({ kind: 'blocker', blocker }));
    if (node) return [];
    const protocol = this.server.protocol;
    if (!protocol) {
      this.view.description = undefined;
      this.view.message = this.server.starting
        ? 'The Governance Lens server is starting…'
        : 'The Governance Lens server is not running. Run "Governance: Restart Language Server", or see the "Governance Lens" output.';
      return [];
    }
    void this.describe(protocol);
    try {
      const result = await protocol.blockers('all');
      const groups = groupByPacket(result.blockers);
      this.view.message = !result.complete
        ? 'Indexing the workspace; the list is not complete yet.'
        : groups.length === 0
          ? 'No blocker maps in this workspace.'
          : undefined;
      return groups.map((group) => ({ kind: 'packet', group }));
    } catch (error) {
      this.view.message = `Could not list the blockers: ${error instanceof Error ? error.message : String(error)}`;
      return [];
    }
  }

  /**
   * The title's "vs HEAD: …": the working tree (open buffers included) against the last commit,
   * asked again whenever the tree refreshes, that is whenever the blockers change. A folder
   * outside git answers no delta and the title then says nothing; a failure only leaves it empty.
   */
  private async describe(protocol: GovernanceProtocol): Promise<void> {
    const generation = ++this.generation;
    const folders = (workspace.workspaceFolders ?? []).slice(0, MAX_TITLE_FOLDERS);
    let description: string | undefined;
    try {
      const answers = await Promise.all(folders.map(async (f): Promise<FolderDelta> => ({ name: f.name, result: await protocol.authorityDelta({ uri: f.uri.toString(), base: VIEW_BASE }) })));
      description = viewDescription(answers);
    } catch {
      // The server logs its own failures; a title is no place for them.
      description = undefined;
    }
    if (generation === this.generation) this.view.description = description;
  }

  getTreeItem(node: Node): TreeItem {
    return node.kind === 'packet' ? packetItem(node.group) : blockerItem(node.blocker);
  }

  dispose(): void {
    this.saved.dispose();
    for (const watcher of this.headMoves) watcher.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}

function packetItem(group: PacketGroup): TreeItem {
  const item = new TreeItem(group.label, TreeItemCollapsibleState.Expanded);
  item.id = `packet:${group.packet}`;
  item.description = packetDescription(group);
  item.tooltip = group.packet || 'The workspace root is the packet folder.';
  item.iconPath = ThemeIcon.Folder;
  item.contextValue = 'governanceLens.packet';
  return item;
}

function blockerItem(blocker: BlockerInfo): TreeItem {
  const item = new TreeItem(blocker.id, TreeItemCollapsibleState.None);
  // The server lists each ID once (its latest definition); the path keeps ids unique regardless.
  item.id = `blocker:${blocker.path}#${blocker.id}`;
  item.description = treeDescription(blocker);
  item.tooltip = tooltip(blocker);
  item.iconPath =
    blocker.status === 'resolved'
      ? new ThemeIcon('pass', new ThemeColor('testing.iconPassed'))
      : new ThemeIcon('circle-slash', new ThemeColor('list.warningForeground'));
  item.contextValue = `governanceLens.blocker.${blocker.status}`;
  item.command = { command: CommandIds.openBlocker, title: 'Open Blocker Definition', arguments: [blocker] };
  return item;
}

function tooltip(blocker: BlockerInfo): MarkdownString {
  const md = new MarkdownString();
  md.appendMarkdown('**').appendText(blocker.id).appendMarkdown('**\n\n');
  for (const row of tooltipRows(blocker)) {
    md.appendMarkdown(`${row.label}: `);
    if (row.link) md.appendMarkdown('[').appendText(row.text).appendMarkdown(`](${markdownDestination(row.link)})`);
    else md.appendText(row.text);
    md.appendMarkdown('  \n');
  }
  return md;
}
