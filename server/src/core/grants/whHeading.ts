/**
 * A short wh-heading with no colon ("Where each production action stands", "What the cutover
 * would need"): it asks, so the sentence asserts nothing.
 */
import { nextToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const WH_OPENERS = new Set(['where', 'what', 'how', 'which', 'whether']);
// Longer than this, a wh-opening is a sentence of its own ("What the owner approved on Friday was the cutover ...").
const MAX_WH_HEADING_WORDS = 8;

/** "Where each production action stands", "What the cutover would need": a short wh-heading with no colon asks, it asserts nothing. */
export function whHeading(ctx: Ctx, s: Sentence): boolean {
  const first = nextToken(ctx, s.from - 1, s.to);
  if (first === -1 || !WH_OPENERS.has(ctx.tokens[first]?.norm ?? '')) return false;
  let words = 0;
  for (let i = first; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (t?.raw === ':' || t?.raw === '—' || t?.raw === '-' || t?.raw === '|') return false;
    if (t?.kind === 'word' && ++words > MAX_WH_HEADING_WORDS) return false;
  }
  return true;
}
