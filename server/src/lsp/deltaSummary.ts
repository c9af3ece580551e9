import type { AuthorityDelta } from '../core/delta/delta';

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The delta in one line, for a view's title: what grows authority first ("+1 production grant"),
 * then blockers, findings and seals; "no change" when nothing did. A count, never a list, so
 * its length does not grow with the workspace.
 */
export function deltaSummary(delta: AuthorityDelta, isProduction: (scope: string) => boolean): string {
  const parts: string[] = [];
  const production = delta.grants.added.filter((g) => isProduction(g.scope)).length;
  const otherAdded = delta.grants.added.length - production;
  if (production > 0) parts.push(`+${counted(production, 'production grant')}`);
  if (otherAdded > 0) parts.push(`+${counted(otherAdded, production > 0 ? 'other grant' : 'grant')}`);
  if (delta.grants.removed.length > 0) parts.push(`−${counted(delta.grants.removed.length, 'grant')}`);
  if (delta.grants.changed.length > 0) parts.push(`${counted(delta.grants.changed.length, 'grant')} changed`);
  for (const change of ['resolved', 'reopened', 'added', 'removed'] as const) {
    const n = delta.blockers[change].length;
    if (n > 0) parts.push(`${counted(n, 'blocker')} ${change}`);
  }
  if (delta.findings.introduced.length > 0) parts.push(`${counted(delta.findings.introduced.length, 'finding')} introduced`);
  if (delta.findings.fixed.length > 0) parts.push(`${counted(delta.findings.fixed.length, 'finding')} fixed`);
  if (delta.seals.stale.length > 0) parts.push(`${counted(delta.seals.stale.length, 'seal')} gone stale`);
  return parts.length > 0 ? parts.join(', ') : 'no change';
}
