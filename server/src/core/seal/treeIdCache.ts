import { ancestors } from '../paths';
import type { Workspace, WorkspaceChange } from '../workspace';
import { gitTreeId, type SealFormat, type TreeIdResult } from './treeId';

/**
 * Packet tree ids, each computed once and kept until a file below its folder changes: hashing a
 * packet reads every byte in it, and an edit elsewhere must not pay for that.
 */
export class TreeIdCache {
  private readonly ids = new Map<string, TreeIdResult>();

  constructor(private readonly workspace: Workspace) {}

  get(folder: string, format: Exclude<SealFormat, 'off'>): TreeIdResult {
    let result = this.ids.get(folder);
    if (!result) {
      try {
        result = gitTreeId(this.workspace, folder, format);
      } catch (error) {
        // A host that throws costs this packet its id, not the analysis; tried again next time.
        return { problem: `reading it failed (${error instanceof Error ? error.message : String(error)})` };
      }
      this.ids.set(folder, result);
    }
    return result;
  }

  /** Drops the ids of the folders holding a changed path; a list change that names no path may touch any. */
  invalidate(change: WorkspaceChange): void {
    if (change.listChanged && change.paths.length === 0) {
      this.ids.clear();
      return;
    }
    for (const path of change.paths) {
      this.ids.delete(path);
      for (const folder of ancestors(path)) this.ids.delete(folder);
    }
  }

  clear(): void {
    this.ids.clear();
  }
}
