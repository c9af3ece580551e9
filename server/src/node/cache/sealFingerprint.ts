import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Workspace } from '../../core/workspace';

/**
 * What a packet folder's tree id is computed from, without reading a byte: every entry git
 * would store (hidden files, node_modules and links included, which no file signature covers)
 * with its mode, size and modification time. Equal fingerprints, equal tree ids, so a seal
 * stated for the folder keeps its diagnostics. The content strategy does not use it: a hash
 * of the bytes is the tree id's own cost.
 */
export function sealFingerprint(workspace: Workspace, realRoot: string, folder: string): string | undefined {
  // A folder that cannot be listed (or an entry that cannot be measured) is compared as changed.
  const entries = workspace.listTree?.(folder);
  if (!entries) return undefined;
  const hash = createHash('sha256');
  for (const entry of entries) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(nodePath.join(realRoot, folder, entry.path));
    } catch {
      return undefined;
    }
    hash.update(`${entry.path}\0${entry.kind}\0${stat.mode}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('base64');
}
