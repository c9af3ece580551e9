import type { AuthorityDelta } from '../core/delta/delta';
import type { GrantRow } from '../core/delta/snapshot';
import { printable } from './printable';

/** The delta for a terminal: one line per change, sections that hold nothing left out. */
export function formatDeltaText(delta: AuthorityDelta, base: string, head: string, displayPath: (path: string) => string): string {
  const lines: string[] = [`Authority delta ${printable(base)} -> ${printable(head)}`];
  const section = (title: string, rows: readonly string[]) => {
    if (rows.length > 0) lines.push(`${title}:`, ...rows.map((r) => `  ${r}`));
  };
  const grant = (g: GrantRow) => `${printable(g.scope)} ${printable(g.id)} [${g.actions.map(printable).join(', ')}]${g.status === undefined ? '' : ` (${printable(g.status)})`} in ${printable(displayPath(g.lock))}`;
  section('Grants added', delta.grants.added.map((g) => `+ ${grant(g)}`));
  section('Grants removed', delta.grants.removed.map((g) => `- ${grant(g)}`));
  section('Grants changed', delta.grants.changed.map((g) => `~ ${grant(g)}, was ${printable(g.before.scope)} [${g.before.actions.map(printable).join(', ')}]${g.before.status === undefined ? '' : ` (${printable(g.before.status)})`}`));
  const ids = (list: readonly string[]) => (list.length > 0 ? [list.map(printable).join(', ')] : []);
  section('Blockers added', ids(delta.blockers.added));
  section('Blockers resolved', ids(delta.blockers.resolved));
  section('Blockers reopened', ids(delta.blockers.reopened));
  section('Blockers removed', ids(delta.blockers.removed));
  const finding = (f: AuthorityDelta['findings']['fixed'][number]) => `${printable(displayPath(f.file))}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${printable(f.message)}`;
  section('Findings introduced', delta.findings.introduced.map(finding));
  section('Findings fixed', delta.findings.fixed.map(finding));
  section('Seals gone stale', delta.seals.stale.map((s) => `${printable(displayPath(s.file))}: tree ${s.seal} no longer matches ${printable(displayPath(s.packet ?? ''))} (now ${s.tree ?? 'unknown'})`));
  if (lines.length === 1) lines.push('No change in grants, blockers, findings or seals.');
  lines.push(delta.events.length > 0 ? `Events: ${delta.events.join(', ')}` : 'Events: none');
  return `${lines.join('\n')}\n`;
}
