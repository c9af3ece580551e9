// The folder walk the benchmark's floor and peer share: the same files `govlens check` lists
// (NodeFileSystemWorkspace): no hidden folders, no node_modules, linked folders not followed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `root`, as absolute paths. */
export function listFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(join(dir, entry.name));
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.push(join(dir, entry.name));
      }
    }
  };
  walk(root);
  return files;
}
