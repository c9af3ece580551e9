/**
 * A requirement's colon ("the following would be required before any production step: (a) ...;
 * (c) a grant, signed by the Owner"): what a colon after a future or a requirement introduces is
 * needed, not done, so claims after it drop.
 */
import { startingAt, type Ctx } from './mentions';
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
    if (m.tags.some((t) => t.kind === 'trigger' && NEEDING.has(t.trigger))) needs = true;
    i = m.to - 1;
  }
  return -1;
}
