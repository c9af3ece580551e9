/**
 * A progress count of zero as a status value ("Enrolment rows migrated to prod: 0 / 48,212"):
 * nothing was done, so the sentence claims nothing.
 */
import type { Ctx } from './mentions';
import type { Sentence } from './sentences';

/**
 * "Enrolment rows migrated to prod: 0 / 48,212": a progress count of zero as the value says
 * nothing was done. A colon, then 0 of a total (or 0%).
 */
export function zeroProgress(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i + 2 < s.to; i++) {
    if (ctx.tokens[i]?.raw !== ':') continue;
    const zero = ctx.tokens[i + 1];
    const next = ctx.tokens[i + 2];
    if (zero?.kind === 'number' && /^0(?:\/\d[\d,]*)?$/.test(zero.raw) && (zero.raw !== '0' || next?.raw === '/' || next?.raw === '%' || next?.norm === 'of')) return true;
  }
  return false;
}
