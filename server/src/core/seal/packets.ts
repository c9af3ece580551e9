import type { Analysis } from '../analysis';
import type { Workspace } from '../workspace';
import { gitTreeId, type SealFormat, type TreeIdResult } from './treeId';

export interface PacketTree {
  /** The packet folder, workspace-relative ('' is the root). */
  folder: string;
  result: TreeIdResult;
}

/**
 * The workspace's packets, sorted: the folders holding its packet documents (spec §2). A folder
 * whose name matches the packet glob but holds only other packets is not one: its documents
 * belong to the nearer folder.
 */
export function packetFolders(analysis: Pick<Analysis, 'documents' | 'packetFolderOf'>): string[] {
  const folders = new Set<string>();
  for (const path of analysis.documents()) {
    const folder = analysis.packetFolderOf(path);
    if (folder !== undefined) folders.add(folder);
  }
  return [...folders].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every packet's tree id in the given format (spec §8, `govlens seal`). */
export function packetTrees(analysis: Pick<Analysis, 'documents' | 'packetFolderOf'>, workspace: Workspace, format: Exclude<SealFormat, 'off'>): PacketTree[] {
  return packetFolders(analysis).map((folder) => ({ folder, result: gitTreeId(workspace, folder, format) }));
}
