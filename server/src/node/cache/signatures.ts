import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
/** metadata: size and mtime (a stat); content: a hash of the bytes. */
export type CacheStrategy = 'metadata' | 'content';

/**
 * A file's signature: what must be equal for its cached facts to be those of the file as it is
 * now. Metadata is its size and modification time (a stat, no read); content is a hash of its
 * bytes, for checkouts and tools that keep both. Undefined when the file cannot be read now:
 * the analysis then decides what it is.
 */
export function signatureOf(root: string, path: string, strategy: CacheStrategy): string | undefined {
  const absolute = nodePath.join(root, path);
  try {
    if (strategy === 'metadata') {
      const stat = fs.statSync(absolute);
      return stat.isFile() ? `${stat.mtimeMs}:${stat.size}` : undefined;
    }
    return createHash('sha256').update(fs.readFileSync(absolute)).digest('base64');
  } catch {
    return undefined;
  }
}
