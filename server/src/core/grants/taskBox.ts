/**
 * A task box at the head of a sentence's line: `- [x]` or `☑` ticks it, `- [ ]` or `☐` leaves
 * it open (an open box asserts nothing yet), and a tick mark in a short line ticks it too. The
 * tick and cross marks are shared with the table rows (`tableRows.ts`), whose cells they fill.
 */
import type { Ctx } from './mentions';
import type { Sentence } from './sentences';

// Kept in step with the prefilter's TICK, which lets every text holding one through.
export const TICKED = new Set(['☑', '✅', '✔', '✓', '🗹']);
export const UNTICKED = new Set(['☐', '⬜', '❌', '✗', '✘', '🔲', '✖', '❎', '⛔']);
// Marks that say "no" of the item they follow ("executed on prod ✖"); an empty box is only open.
export const CROSSES = new Set(['❌', '✗', '✘', '✖', '❎', '⛔']);

/** `- [x]` / `☑` ticked, `- [ ]` / `☐` open, at the head of the sentence's line; the token index of the mark. */
export function taskBox(ctx: Ctx, s: Sentence): { readonly ticked: boolean; readonly at: number; readonly anywhere?: boolean } | undefined {
  // "- repoint ✔ (prod)", "Activation: ✔ cleared": a tick mark in a short line ticks it too.
  const reach = s.to - s.from <= 14 ? s.to : Math.min(s.to, s.from + 6);
  for (let i = s.from; i < reach; i++) if (TICKED.has(ctx.tokens[i]?.raw ?? '')) return { ticked: true, at: i, anywhere: true };
  for (let i = s.from; i < Math.min(s.to, s.from + 4); i++) {
    const t = ctx.tokens[i];
    if (!t) return undefined;
    if (TICKED.has(t.raw)) return { ticked: true, at: i };
    if (UNTICKED.has(t.raw)) return { ticked: false, at: i };
    if (t.raw === '[') {
      const inner = ctx.tokens[i + 1];
      if (inner?.raw === ']') return { ticked: false, at: i };
      if (inner && (inner.norm === 'x' || inner.raw === '✓') && ctx.tokens[i + 2]?.raw === ']') return { ticked: true, at: i };
      return undefined;
    }
    if (!(t.kind === 'punct')) return undefined;
  }
  return undefined;
}
