/**
 * "Line 2 production resumed at 05:10": in a plant, a line's "production" is what it makes, not
 * the production system. The word right after a line's name and number is unmarked before any
 * form reads the sentence (one pass). "The production line" stays production: a baggage
 * system's sortation lines in production are written so.
 */
import { has, prevToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

export function unmarkManufacturing(ctx: Ctx, s: Sentence): void {
  for (let i = s.from; i < s.to; i++) {
    const m = ctx.cover[i];
    if (!m || m.from !== i || m.to !== i + 1 || !has(m, 'prodWord') || ctx.tokens[i]?.norm !== 'production') continue;
    const p = prevToken(ctx, i, s.from);
    const named = p !== -1 && ctx.tokens[p]?.kind === 'number' && ctx.tokens[prevToken(ctx, p, s.from)]?.norm === 'line';
    if (named) ctx.cover[i] = undefined;
  }
}
