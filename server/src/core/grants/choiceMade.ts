/**
 * A choice made ("The owner picked option B: proceed with REAL_RUN", "Option 2 (deploy to prod)
 * — SELECTED by owner"), not negated, hedged or cancelled in its own part of the sentence. What
 * was chosen is read by the detector (`chosenOption.ts` for a labelled option).
 */
import { has, mentionPhrase, prevToken, startingAt, type Ctx } from './mentions';
import { clauseScopes } from './scopes';
import type { Sentence } from './sentences';

// Words that pick an option: "the owner picked option B", "Option 2 — SELECTED", "went with #2".
// The vocabulary's choice markers decide, except these: "per option 2" cites, "will choose" has not yet, "accepted the risk" is no pick.
const NOT_A_DECISION = new Set(['per', 'choose', 'accepted']);
// "took" and "taken" pick an option only where one is named ("option 2 (authorize production) — taken").
const NEEDS_OPTION = new Set(['taken', 'took']);

function hasOption(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i < s.to; i++) if (has(ctx.cover[i], 'option')) return true;
  return false;
}

/**
 * "The owner picked option B: proceed with REAL_RUN", "Option 2 (deploy to prod) — SELECTED
 * by owner": a choice made, not negated or hedged. The choice's token range, or undefined.
 */
export function choiceMade(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    const phrase = mentionPhrase(ctx, m);
    if (has(m, 'choice') && !NOT_A_DECISION.has(phrase) && (!NEEDS_OPTION.has(phrase) || hasOption(ctx, s))) {
      const p = prevToken(ctx, m.from, s.from);
      const pm = p === -1 ? undefined : ctx.cover[p];
      if (has(pm, 'neg') || has(pm, 'trigger') || has(pm, 'modal')) return undefined;
      // The choice's own part of the sentence: "(c) hold; the owner chose (a)" holds a HOLD that was not chosen.
      let a = m.from;
      while (a > s.from && ctx.tokens[a - 1]?.raw !== ';') a--;
      let b = m.to;
      while (b < s.to && ctx.tokens[b]?.raw !== ';') b++;
      const sc = clauseScopes(ctx, a, b, []);
      if (sc.cancelled || sc.hedged[m.from - a] || sc.negated[m.from - a] || sc.predicateNegated[m.from - a] === 1) return undefined;
      return { from: m.from, to: m.to };
    }
    i = m.to - 1;
  }
  return undefined;
}
