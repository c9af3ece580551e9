/**
 * A verbal negation before a verb ("was not executed", "has never been approved"), reached
 * through its auxiliaries and adverbs, past one aside between commas, and optionally through the
 * verb reporting it ("has not said GO").
 */
import { has, isComma, nextToken, prevToken, type Ctx } from './mentions';

/**
 * "was not executed", "has never been approved", "not withdrawn": a negation before the verb at
 * `i`, through its auxiliaries and adverbs and past one aside ("has not, at any point since the
 * CAB, granted"); with `throughReport`, also through the verb reporting it ("has not said GO").
 */
export function verballyNegated(ctx: Ctx, i: number, a: number, throughReport = false): boolean {
  let j = prevToken(ctx, i, a);
  let asides = 0;
  for (let steps = 0; j !== -1 && steps < 5; steps++) {
    if (isComma(ctx, j) && asides++ === 0) {
      const open = asideStart(ctx, j, a);
      if (open !== -1) {
        j = prevToken(ctx, open, a);
        continue;
      }
    }
    const c = ctx.cover[j];
    if (c?.tags.some((t) => t.kind === 'neg' && (t.neg === 'verbal' || t.neg === 'predicate'))) return true;
    // "found never to have run": an infinitive's "to" between the negation and its verb.
    const infinitive = ctx.tokens[j]?.norm === 'to' && has(ctx.cover[nextToken(ctx, j, i)], 'have');
    if (!(has(c, 'be') || has(c, 'have') || has(c, 'adverb') || infinitive || (throughReport && has(c, 'report') && steps === 0))) return false;
    j = prevToken(ctx, c ? c.from : j, a);
  }
  return false;
}

// An aside is at most this many words between its commas.
const MAX_ASIDE_WORDS = 10;

/** The opening comma of the aside that `close` (a comma) ends, or -1 when none is near. */
function asideStart(ctx: Ctx, close: number, a: number): number {
  for (let j = prevToken(ctx, close, a), words = 0; j !== -1 && words <= MAX_ASIDE_WORDS; j = prevToken(ctx, j, a)) {
    if (isComma(ctx, j)) return j;
    if (ctx.tokens[j]?.kind === 'word') words++;
  }
  return -1;
}
