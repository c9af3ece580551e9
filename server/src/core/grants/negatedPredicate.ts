/**
 * A noun cue whose predicate is negated ("The green light for the REAL_RUN never came through"):
 * a verbal negation after the cue's subject phrase grants nothing. The learned reading
 * (`readingInput.ts`) applies the same veto.
 */
import { has, type Ctx, type Mention } from './mentions';

// How far past a noun cue its subject phrase may run before the predicate ("for the REAL_RUN of batch 0412").
const SUBJECT_REACH = 8;

/** A verbal negation after the noun cue's phrase, before any comma, semicolon or other cue. */
export function negatedPredicateAfter(ctx: Ctx, m: Mention, b: number): boolean {
  for (let j = m.to, steps = 0; j < b && steps < SUBJECT_REACH; j++, steps++) {
    const t = ctx.tokens[j];
    if (!t || t.raw === ',' || t.raw === ';' || t.raw === '.') return false;
    const c = ctx.cover[j];
    if (c?.tags.some((tag) => tag.kind === 'neg' && (tag.neg === 'verbal' || tag.neg === 'predicate'))) return true;
    if (has(c, 'cue')) return false;
  }
  return false;
}
