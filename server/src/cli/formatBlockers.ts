import type { BlockerStatus } from '../core/index/blockerStatus';
import { blockerRow } from '../core/report';
import { printable } from './printable';

const MAX_CELL = 56;

/**
 * Blockers grouped under the map that holds their latest definition: the long packet path is
 * printed once, as `path:line` on each row would make every row wrap.
 */
export function formatBlockersTable(blockers: BlockerStatus[], all: boolean, displayPath: (path: string) => string): string {
  const unresolved = blockers.filter((b) => b.status === 'unresolved').length;
  const title = all
    ? `${blockers.length} ${blockers.length === 1 ? 'blocker' : 'blockers'} (${unresolved} unresolved)`
    : `${unresolved} unresolved ${unresolved === 1 ? 'blocker' : 'blockers'}`;
  if (blockers.length === 0) return `${title}.\n`;
  const header = ['LINE', 'ID', ...(all ? ['STATUS'] : []), 'BLOCKS', 'ACTOR NEEDED'];
  const rows = blockers.map((b) => {
    const row = blockerRow(b);
    // A map's values are the author's text: escaped before they reach the terminal, so a line break cannot forge a row.
    return { file: row.file, date: b.facts.date, cells: [String(row.line + 1), printable(row.id), ...(all ? [row.status] : []), cut(printable(row.blocks)), cut(printable(row.actor_needed))] };
  });
  // A loop, not Math.max(...rows): a map may list more blockers than a call takes arguments.
  const widths = header.map((h) => h.length);
  for (const row of rows) row.cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const render = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}`;
  const out = [`${title}:`];
  let file: string | undefined;
  for (const row of rows) {
    if (row.file !== file) {
      file = row.file;
      out.push('', `${printable(displayPath(file))}${row.date ? ` (${printable(row.date)})` : ''}`, render(header));
    }
    out.push(render(row.cells));
  }
  return `${out.join('\n')}\n`;
}

function cut(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
