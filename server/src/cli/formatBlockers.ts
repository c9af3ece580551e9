import type { BlockerStatus } from '../core/index/blockerStatus';
import { blockerRow } from '../core/report';

const MAX_CELL = 48;

/** A plain table a terminal shows without wrapping most rows; the location column is never cut. */
export function formatBlockersTable(blockers: BlockerStatus[], all: boolean, displayPath: (path: string) => string): string {
  const unresolved = blockers.filter((b) => b.status === 'unresolved').length;
  const title = all
    ? `${blockers.length} ${blockers.length === 1 ? 'blocker' : 'blockers'} (${unresolved} unresolved)`
    : `${unresolved} unresolved ${unresolved === 1 ? 'blocker' : 'blockers'}`;
  if (blockers.length === 0) return `${title}.\n`;
  const header = all ? ['ID', 'STATUS', 'BLOCKS', 'ACTOR NEEDED', 'DEFINED AT'] : ['ID', 'BLOCKS', 'ACTOR NEEDED', 'DEFINED AT'];
  const rows = blockers.map((b) => {
    const row = blockerRow(b);
    const cells = [row.id, row.blocks, cut(row.actor_needed), `${displayPath(row.file)}:${row.line + 1}`];
    if (all) cells.splice(1, 0, row.status);
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${title}:\n\n${[render(header), ...rows.map(render)].join('\n')}\n`;
}

function cut(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
