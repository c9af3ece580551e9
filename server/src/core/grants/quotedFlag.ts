/**
 * A record's flag quoted in prose (`"production_work_performed": true`): the flag set true
 * records production work as done.
 */
import { has, startingAt, type Ctx } from './mentions';
import type { Sentence } from './sentences';

/** `"production_work_performed": true` quoted in prose: the flag's token and its value's, or undefined. */
export function flagSetTrue(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  for (let i = s.from; i < s.to; i++) {
    if (!has(startingAt(ctx, i), 'flag')) continue;
    let j = i + 1;
    while (j < s.to && ctx.tokens[j]?.kind === 'punct' && /^["'“”:=]$/.test(ctx.tokens[j]?.raw ?? '')) j++;
    if (j > i + 1 && ctx.tokens[j]?.norm === 'true') return { from: i, to: j + 1 };
  }
  return undefined;
}
