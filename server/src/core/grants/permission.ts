/**
 * A permission modal as a cue: "may activate", "may proceed" grant, "may not" refuses, and a
 * modal that only hedges ("may authorize later") is left to hedge what follows.
 */
import type { ActionRef } from './actions';
import type { CueRef } from './cueRef';
import { has, nextToken, startingAt, type Ctx, type Mention } from './mentions';

/**
 * A permission cue for "may activate" / "may proceed", null for "may not", undefined when
 * the modal only hedges ("may authorize later").
 */
export function permission(ctx: Ctx, m: Mention, b: number, byCore: ReadonlyMap<Mention, ActionRef>): CueRef | null | undefined {
  let j = nextToken(ctx, m.to - 1, b);
  while (j !== -1 && has(ctx.cover[j], 'adverb') && !has(ctx.cover[j], 'permVerb')) {
    j = nextToken(ctx, (ctx.cover[j]?.to ?? j + 1) - 1, b);
  }
  const n = j === -1 ? undefined : startingAt(ctx, j);
  if (!n) return undefined;
  if (has(n, 'neg')) return null;
  const target = byCore.get(n);
  if (target) return { from: m.from, to: m.to, cls: 'permission', voice: 'fwd', backwardOnly: false, past: false, target };
  if (has(n, 'permVerb')) return { from: m.from, to: m.to, cls: 'permission', voice: 'fwd', backwardOnly: false, past: false };
  return undefined;
}
