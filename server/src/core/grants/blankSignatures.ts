/**
 * "Approved by: ________ (County Clerk)", "Signed: [ ]", "Authorised by: …": a form's signature
 * line left blank grants nothing, whatever the line names. The cue word of such a line is
 * unmarked before any form reads the sentence (one pass over its mentions).
 */
import { has, nextToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

// What a blank signature is written as, right after the cue (and its "by", and a colon).
const BLANK = /^[\s:]*(_{3,}|\.{3,}|…|\[\s*\])/;
// How much of the text after the cue the test reads.
const LOOK = 16;

export function unmarkBlankSignatures(ctx: Ctx, s: Sentence): void {
  for (let i = s.from; i < s.to; i++) {
    const m = ctx.cover[i];
    if (!m || m.from !== i || !has(m, 'cue')) continue;
    let last = m.to - 1;
    const by = nextToken(ctx, last, s.to);
    if (ctx.tokens[by]?.norm === 'by') last = by;
    const end = ctx.tokens[last]?.end;
    if (end !== undefined && BLANK.test(ctx.text.slice(end, end + LOOK))) for (let k = m.from; k < m.to; k++) ctx.cover[k] = undefined;
    i = m.to - 1;
  }
}
