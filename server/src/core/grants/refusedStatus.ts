/**
 * "Permission to run QT001/apply on prod: no (director, verbal, confirmed by email 12-03)": a
 * status line whose value is a bare refusal says the action was not allowed, whatever the
 * parenthesis after it confirms. The value is the first word after the line's first colon, and
 * a word must not follow it ("Cutover: no blockers remain" is no refusal).
 */
import { nextToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const REFUSALS = new Set(['no', 'nope', 'denied', 'refused', 'declined', 'rejected', 'withheld']);
const AFTER_VALUE = new Set(['(', ',', ';', '.', '—', '–', '-', '|']);

export function refusedStatus(ctx: Ctx, s: Sentence): boolean {
  let colon = -1;
  for (let i = s.from; i < s.to && colon === -1; i++) if (ctx.tokens[i]?.raw === ':') colon = i;
  if (colon === -1) return false;
  const value = nextToken(ctx, colon, s.to);
  if (value === -1 || !REFUSALS.has(ctx.tokens[value]?.norm ?? '')) return false;
  // The token right after, noise included: a parenthesis is noise to `nextToken`.
  const after = ctx.tokens[value + 1];
  return after === undefined || value + 1 >= s.to || AFTER_VALUE.has(after.raw);
}
