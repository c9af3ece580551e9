import type { AuthorityDelta } from './delta';
import type { FindingRow, GrantRow } from './snapshot';

/**
 * The delta as a pull-request comment. Everything from the workspace goes in as inert text: a
 * blocker ID or message must not close a table cell, start a heading, ping a user or embed HTML.
 */
export function formatDeltaMarkdown(delta: AuthorityDelta, base: string, head: string, displayPath: (path: string) => string): string {
  const out: string[] = [`### Governance Lens: authority delta \`${code(base)}\` → \`${code(head)}\``, ''];
  if (delta.events.includes('production-grant-added')) out.push('> **Production authority added.** An owner must approve this change before it is merged.', '');

  const grants: string[] = [];
  const grantRow = (change: string, g: GrantRow, was = '') => grants.push(`| ${change} | ${cell(displayPath(g.lock))} | ${cell(g.id)} | ${g.scope === 'production' ? '**production**' : cell(g.scope)}${statusOf(g.status)} | ${g.actions.map(cell).join(', ')}${was} |`);
  for (const g of delta.grants.added) grantRow('added', g);
  for (const g of delta.grants.removed) grantRow('removed', g);
  for (const g of delta.grants.changed) grantRow('changed', g, ` (was ${cell(g.before.scope)}${statusOf(g.before.status)}: ${g.before.actions.map(cell).join(', ')})`);
  if (grants.length > 0) out.push('#### Grants', '', '| Change | Lock | Grant | Scope | Actions |', '|---|---|---|---|---|', ...grants, '');

  const blockers = (['added', 'resolved', 'reopened', 'removed'] as const).filter((k) => delta.blockers[k].length > 0);
  if (blockers.length > 0) {
    out.push('#### Blockers', '');
    for (const k of blockers) out.push(`- ${k[0]?.toUpperCase()}${k.slice(1)} (${delta.blockers[k].length}): ${delta.blockers[k].map((id) => `\`${code(id)}\``).join(', ')}`);
    out.push('');
  }

  const finding = (f: FindingRow) => `- \`${code(`${displayPath(f.file)}:${f.range.start.line + 1}`)}\` ${f.severity} \`${f.code}\`: ${text(f.message)}`;
  if (delta.findings.introduced.length > 0) out.push(`#### Findings introduced (${delta.findings.introduced.length})`, '', ...delta.findings.introduced.map(finding), '');
  if (delta.findings.fixed.length > 0) out.push(`#### Findings fixed (${delta.findings.fixed.length})`, '', ...delta.findings.fixed.map(finding), '');
  if (delta.seals.stale.length > 0) {
    out.push('#### Seals gone stale', '', ...delta.seals.stale.map((s) => `- \`${code(displayPath(s.file))}\`: tree \`${s.seal}\` no longer matches \`${code(displayPath(s.packet ?? ''))}\` (now \`${s.tree ?? 'unknown'}\`)`), '');
  }
  if (out.length === 2) out.push('No change in grants, blockers, findings or seals.', '');
  out.push(`Events: ${delta.events.length > 0 ? delta.events.map((e) => `\`${e}\``).join(', ') : 'none'}`);
  return `${out.join('\n')}\n`;
}

/**
 * A grant's stated status beside its scope, as the text format prints it: a revocation changes
 * only the status, and a production grant PROPOSED is not in force, so a row without it would
 * read as no change, or as production authority, to the reviewer.
 */
function statusOf(status: string | undefined): string {
  return status === undefined ? '' : ` (${cell(status)})`;
}

/** Inside a code span: no backtick to close it, no line break to end it. */
function code(value: string): string {
  return value.replace(/[`\r\n\u2028\u2029]/g, ' ');
}

/** Prose: Markdown and HTML punctuation escaped, mentions defused, one line. */
function text(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()#+!|<>~&]/g, (c) => `\\${c}`).replace(/@/g, '@\u200b');
}

/** A table cell: prose, in a code span so IDs read as IDs. */
function cell(value: string): string {
  return `\`${code(value).replace(/\|/g, '\\|')}\``;
}
