/**
 * A doubting aside set off by commas ("The activation went out, I think, but please check",
 * "..., probably."): it doubts what came before it, so claims before the aside drop.
 */
import { isComma, nextToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const DOUBTING_ASIDES: readonly (readonly string[])[] = [['i', 'think'], ['i', 'believe'], ['i', 'guess'], ['i', 'assume'], ['probably'], ['maybe'], ['perhaps'], ['presumably'], ['i', 'suppose']];

/** The comma opening an aside that doubts ("…, I think, …", "…, probably."), closed by a comma, "but" or the sentence's end; -1 when none. */
export function doubtingAside(ctx: Ctx, s: Sentence): number {
  for (let i = s.from; i < s.to; i++) {
    if (!isComma(ctx, i)) continue;
    for (const words of DOUBTING_ASIDES) {
      let j = i;
      const matched = words.every((w) => ctx.tokens[(j = nextToken(ctx, j, s.to))]?.norm === w);
      if (!matched) continue;
      const after = nextToken(ctx, j, s.to);
      const t = after === -1 ? undefined : ctx.tokens[after];
      if (!t || t.raw === ',' || t.norm === 'but' || (t.kind === 'punct' && t.raw !== '(')) return i;
    }
  }
  return -1;
}
