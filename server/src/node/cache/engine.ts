import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

let memo: string | undefined;

/**
 * Which engine wrote a cache: the package version and a hash of the code that runs. The
 * bundle holds the grant models, the vocabulary and the schemas, so a rebuild that changes
 * any of them (with or without a version bump) invalidates every cache it wrote.
 */
export function engineId(version: string): string {
  memo ??= createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);
  return `${version}+${memo}`;
}
