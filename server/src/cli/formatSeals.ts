import type { SealFormat } from '../core/seal/treeId';
import type { SealRow } from './formatJson';
import { printable } from './printable';

/** `<tree id>  <packet>  (<n> files)`, one line per packet, then which object format the ids are in. */
export function formatSeals(packets: readonly SealRow[], format: Exclude<SealFormat, 'off'>, displayPath: (path: string) => string): string {
  const lines = packets.map((p) => `${p.tree}  ${printable(displayPath(p.path))}  (${p.files} ${p.files === 1 ? 'file' : 'files'})`);
  const name = format === 'git-sha256' ? 'SHA-256' : 'SHA-1';
  lines.push(packets.length === 0 ? 'No packets.' : `${packets.length} ${packets.length === 1 ? 'packet' : 'packets'}; tree ids in git's ${name} object format.`);
  return `${lines.join('\n')}\n`;
}
