/**
 * A requirement's colon ("the following would be required before any production step: (a) ...;
 * (c) a grant, signed by the Owner"): what a colon after a future or a requirement introduces is
 * needed, not done, so claims after it drop.
 */
import { has, prevToken, startingAt, type Ctx } from './mentions';
import type { Sentence } from './sentences';

// What a lead must hold for the list after its colon to be needs: a future or a requirement ("If anyone asks: yes, ...", "asked that the minutes record the reasoning: ..." frame what follows).
const NEEDING = new Set(['future', 'requirement']);

/** The first colon after a future or a requirement in the sentence, or -1. */
export function requirementColon(ctx: Ctx, s: Sentence): number {
  let needs = false;
  for (let i = s.from; i < s.to; i++) {
    if (ctx.tokens[i]?.raw === ':') return needs ? i : -1;
    const m = startingAt(ctx, i);
    if (!m) continue;
    // "We don't need another approval: the cutover was authorized ...": a need denied needs nothing.
    if (m.tags.some((t) => t.kind === 'trigger' && NEEDING.has(t.trigger)) && !deniedNeed(ctx, m.from, s.from)) needs = true;
    i = m.to - 1;
  }
  return -1;
}

/** "don't need", "no further approval needed": a negation just before the need, or "no" opening its noun phrase. */
export function deniedNeed(ctx: Ctx, at: number, from: number): boolean {
  const p = prevToken(ctx, at, from);
  if (p !== -1 && has(ctx.cover[p], 'neg') && ctx.cover[p]!.tags.some((t) => t.kind === 'neg' && (t.neg === 'predicate' || t.neg === 'verbal'))) return true;
  for (let j = p, steps = 0; j !== -1 && steps < 3; j = prevToken(ctx, j, from), steps++) if (ctx.tokens[j]?.norm === 'no') return true;
  return false;
}
