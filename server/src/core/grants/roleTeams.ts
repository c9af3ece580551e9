/**
 * "approved by QA lead", "the dev team signed off": a test tier's name that names the people who
 * work there is a role, not a place, so it does not put the sentence outside production.
 */
import { nextToken, prevToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const ROLE_NOUNS = new Set([
  'lead', 'leads', 'team', 'teams', 'manager', 'managers', 'engineer', 'engineers', 'analyst', 'analysts', 'reviewer',
  'reviewers', 'officer', 'head', 'director', 'department', 'dept', 'function', 'sign-off', 'signoff', 'signature',
  'approver', 'approvers', 'owner', 'person', 'contact', 'on-call',
]);
// Tiers whose name is also a team's ("QA", "dev"); "staging" or "sandbox" name no one.
const TEAM_TIERS = new Set(['qa', 'dev', 'test', 'uat']);

/** Drops the non-production tag of a one-word tier that names a team; one pass over the sentence. */
export function unmarkTeams(ctx: Ctx, s: Sentence): void {
  for (let i = s.from; i < s.to; i++) {
    const m = ctx.cover[i];
    if (!m || m.from !== i || m.to !== i + 1 || !TEAM_TIERS.has(ctx.tokens[i]?.norm ?? '')) continue;
    if (!m.tags.some((t) => t.kind === 'nonprod')) continue;
    const next = ctx.tokens[nextToken(ctx, i, s.to)]?.norm ?? '';
    const by = ctx.tokens[prevToken(ctx, i, s.from)]?.norm === 'by' && ctx.cover[nextToken(ctx, i, s.to)] === undefined;
    if (!ROLE_NOUNS.has(next) && !by) continue;
    const tags = m.tags.filter((t) => t.kind !== 'nonprod');
    ctx.cover[i] = tags.length > 0 ? { from: i, to: i + 1, tags } : undefined;
  }
}
