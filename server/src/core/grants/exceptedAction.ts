/**
 * An exception to a denied universal: "Nothing was touched except the production signer key",
 * "nobody has run anything but the REAL_RUN" assert the excepted action, the very one the
 * exclusion would otherwise rule out.
 */
import { makeClaim, type GrantClaim } from './claim';
import { has, mentionPhrase, startingAt, type Ctx } from './mentions';
import type { Sentence } from './sentences';
import { standingActions } from './standingActions';

// Universals a negation makes empty: the subject or object that the exception then names.
const UNIVERSALS = new Set(['nothing', 'nobody', 'no one', 'no-one', 'none']);
const EXCEPT = new Set(['except', 'except for', 'apart from', 'other than', 'save for']);
// What ends the excepted phrase: the clause goes on without it.
const CLAUSE_END = new Set([';', '.', ':', '—', '–']);

/** The claims of "Nothing was <cue> except <action>", one per excepted action; [] when the sentence has no such form. */
export function exceptedActions(ctx: Ctx, s: Sentence): GrantClaim[] {
  let universal = -1;
  let cue: { from: number; to: number; cls: 'perf' | 'grant' } | undefined;
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    const phrase = mentionPhrase(ctx, m);
    if (universal === -1) {
      if (has(m, 'neg') && UNIVERSALS.has(phrase)) universal = i;
    } else if (!cue) {
      // A second negation or a hedge between them makes it no plain denial.
      if (has(m, 'trigger') || (has(m, 'neg') && !EXCEPT.has(phrase))) return [];
      const tag = m.tags.find((t) => t.kind === 'cue' && (t.cue === 'perf' || t.cue === 'grant'));
      if (tag?.kind === 'cue') cue = { from: m.from, to: m.to, cls: tag.cue === 'grant' ? 'grant' : 'perf' };
    } else if (EXCEPT.has(phrase)) {
      let end = m.to;
      while (end < s.to && !CLAUSE_END.has(ctx.tokens[end]?.raw ?? '')) end++;
      // The claim starts at the exception: the negated stretch before it is the universal's (`negatedHead.ts`).
      const cls = cue.cls;
      return standingActions(ctx, m.to, end).map((ref) => makeClaim(ctx, ref, m.from, m.to, cls));
    }
    i = m.to - 1;
  }
  return [];
}
