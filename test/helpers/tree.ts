import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every file below `root` as workspace-style path (`/` separators, `prefix` first) → text. */
export function readTree(root: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[`${prefix}${path.relative(root, full).split(path.sep).join('/')}`] = fs.readFileSync(full, 'utf8');
  }
  return files;
}
