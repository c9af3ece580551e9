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
  let clause = s.from;
  for (let i = s.from; i + 1 < s.to; i++) {
    const raw = ctx.tokens[i]?.raw;
    if (raw === ',' || raw === ';') clause = i + 1;
    if (raw !== ':') continue;
    const zero = ctx.tokens[i + 1];
    const next = ctx.tokens[i + 2];
    if (zero?.kind !== 'number' || !/^0(?:\/\d[\d,]*)?$/.test(zero.raw)) continue;
    if (zero.raw !== '0' || next?.raw === '/' || next?.raw === '%' || next?.norm === 'of') return true;
    // "Live push count tonight: 0.": a bare zero ends the line, and what it counts is the action
    // itself ("repoint done, errors: 0" counts errors, and stays the claim it is).
    if ((i + 2 >= s.to || END.has(next?.raw ?? '')) && countsAction(ctx, clause, i)) return true;
  }
  return false;
}

const END = new Set(['.', ';', ',', ')']);

function countsAction(ctx: Ctx, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (ctx.cover[j]?.tags.some((t) => t.kind === 'action' || t.kind === 'prodWord')) return true;
  return false;
}
