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
export function verballyNegated(ctx: Ctx, i: number, a: number, throughReport = false, listed = 0): boolean {
  let j = prevToken(ctx, i, a);
  // "was not migrated, restored or re-indexed": the negation reaches every verb of its list.
  if (listed < MAX_LISTED_VERBS && j !== -1 && (isComma(ctx, j) || LIST_JOINS.has(ctx.tokens[j]?.norm ?? ''))) {
    const v = prevToken(ctx, j, a);
    if (v !== -1 && pastParticiple(ctx, v) && verballyNegated(ctx, ctx.cover[v]?.from ?? v, a, throughReport, listed + 1)) return true;
  }
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

const LIST_JOINS = new Set(['or', 'nor', 'and']);
const MAX_LISTED_VERBS = 4;

/** A verb form a negated list may hold: a performance or grant word, or a plain "-ed" word. */
function pastParticiple(ctx: Ctx, v: number): boolean {
  const c = ctx.cover[v];
  return c?.tags.some((t) => t.kind === 'cue') === true || (!c && /^[a-z-]{3,}ed$/.test(ctx.tokens[v]?.norm ?? ''));
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
