/**
 * A counterfactual inversion ("Had the cutover gone ahead, ...", "Were REAL_RUN granted, ..."):
 * a condition that asserts nothing, decided before the sentence's clauses are read.
 */
import { has, nextToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

/** "Had the cutover gone ahead, ..." / "Were REAL_RUN granted, ...": an inverted condition. */
export function counterfactual(ctx: Ctx, s: Sentence): boolean {
  const first = nextToken(ctx, s.from - 1, s.to);
  const w = ctx.tokens[first]?.norm;
  if (w !== 'had' && w !== 'were' && w !== 'should') return false;
  const second = nextToken(ctx, first, s.to);
  // "Had to roll back", "Had no grant": not an inversion.
  const n = ctx.tokens[second]?.norm;
  return n !== undefined && n !== 'to' && !has(ctx.cover[second], 'neg') && ctx.tokens[second]?.kind !== 'punct';
}
