/**
 * A positive list header ("Approved actions: REAL_RUN, QT001/apply"): a short lead holding a
 * grant cue and no negation, trigger, option or other action, then a colon; the actions after
 * the colon are claimed under it.
 */
import { gateBefore } from './cueGates';
import { has, startingAt, tagOf, timeColon, type Ctx } from './mentions';
import { FORWARD } from './scopes';
import type { Sentence } from './sentences';

/** The positive header of "Approved actions: REAL_RUN, QT001/apply" (cue token range), or undefined. */
export function positiveHeader(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number; readonly colon: number } | undefined {
  let colon = -1;
  let words = 0;
  for (let i = s.from; i < s.to && words <= 6; i++) {
    const t = ctx.tokens[i];
    if (!t) break;
    // "at 06:00Z" is a time, not a header's colon.
    if (t.raw === ':' && !ctx.noise[i] && !timeColon(ctx, i)) {
      colon = i;
      break;
    }
    if (t.kind !== 'punct') words++;
  }
  if (colon === -1 || words === 0 || words > 6) return undefined;
  let cue: { from: number; to: number } | undefined;
  for (let i = s.from; i < colon; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (has(m, 'neg') || has(m, 'trigger') || has(m, 'nonprod') || has(m, 'option') || (has(m, 'action') && !has(m, 'prodWord'))) return undefined;
    const c = tagOf(m, 'cue');
    // "The blocker is OPEN: ...": "is open" of no gate heads no list.
    if (c && c.cue !== 'lift' && c.cue !== 'event' && !(ctx.tokens[m.to - 1]?.norm === 'open' && !gateBefore(ctx, s.from, m.from))) cue ??= { from: m.from, to: m.to };
    i = m.to - 1;
  }
  // "Ticket TKT-CRW-312 opened: production secrets change to be executed once ...": what follows is planned.
  if (cue) for (let i = colon + 1; i < s.to; i++) if (startingAt(ctx, i)?.tags.some((t) => t.kind === 'trigger' && FORWARD.has(t.trigger))) return undefined;
  return cue ? { ...cue, colon } : undefined;
}
