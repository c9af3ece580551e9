/**
 * A record's flag quoted in prose (`"production_work_performed": true`): the flag set true
 * records production work as done.
 */
import { has, startingAt, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const STATED = new Set(['is', 'was', 'are', 'were', 'reads', 'shows', 'stays', 'remains']);
const SET_TO = new Set(['set', 'flipped', 'changed', 'switched']);

/** `"production_work_performed": true` quoted in prose: the flag's token and its value's, or undefined. */
export function flagSetTrue(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  for (let i = s.from; i < s.to; i++) {
    if (!has(startingAt(ctx, i), 'flag')) continue;
    let j = i + 1;
    while (j < s.to && ctx.tokens[j]?.kind === 'punct' && /^["'“”:=]$/.test(ctx.tokens[j]?.raw ?? '')) j++;
    if (j > i + 1 && ctx.tokens[j]?.norm === 'true') return { from: i, to: j + 1 };
    // "production_work_performed is true in the 12-03 map", "… was set to true": the flag named in prose.
    const k = STATED.has(ctx.tokens[j]?.norm ?? '') ? j + 1 : -1;
    const v = k !== -1 && SET_TO.has(ctx.tokens[k]?.norm ?? '') ? k + 1 : k;
    if (v !== -1 && ctx.tokens[v]?.norm === 'to') {
      if (ctx.tokens[v + 1]?.norm === 'true') return { from: i, to: v + 2 };
    } else if (v !== -1 && ctx.tokens[v]?.norm === 'true') return { from: i, to: v + 1 };
  }
  return undefined;
}
