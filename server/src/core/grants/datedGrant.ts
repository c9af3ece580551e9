/**
 * A grant named by its date: "the owner's 11-30 production grant for the cutover", "the
 * registrar's grant of 11-29". Grants are not scheduled, so a dated one is one that was given;
 * a need for it ("needs the 12-08 approval") or a revocation is still read by the clause's scopes.
 */
import { has, nextToken, prevToken, type Ctx, type Mention } from './mentions';

export const DATED_GRANTS: readonly string[] = ['grant', 'approval', 'authorization', 'authorisation', 'permission', 'consent', 'sign-off', 'signoff'];
const DATED = new Set(DATED_GRANTS);
const DATE = /^(?:\d{4}-)?\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?$/;

/** Whether token `i` is a date ("11-29", "2026-11-29", "11/29"). */
export function isDate(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i];
  return t !== undefined && t.kind === 'number' && DATE.test(t.raw);
}

export function datedGrant(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  if (m.to !== m.from + 1 || !DATED.has(ctx.tokens[m.from]?.norm ?? '')) return false;
  // Before it: the date, with at most one action or production word between ("11-30 production grant").
  let p = prevToken(ctx, m.from, a);
  if (p !== -1 && (has(ctx.cover[p], 'action') || has(ctx.cover[p], 'prodWord'))) p = prevToken(ctx, ctx.cover[p]!.from, a);
  if (p !== -1 && isDate(ctx, p)) return true;
  // After it: "of 11-29", "dated 11-29".
  const n = nextToken(ctx, m.to - 1, b);
  const w = ctx.tokens[n]?.norm;
  return (w === 'of' || w === 'dated') && isDate(ctx, nextToken(ctx, n, b));
}
