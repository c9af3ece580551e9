/**
 * A question's answer: the label an answer may open with ("Q:", "A:", "Answer —") and an answer
 * that opens with an affirmative and hedges nothing ("Was the cutover performed? Yes, at
 * 01:40."), which asserts what the question asks. `dialogue.ts` holds the rest of the exchange.
 */
import { has, nextToken, startingAt, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const QA_LABELS = new Set(['q', 'question', 'a', 'answer']);

/** The first token of `s` past a "Q:", "A:" or "Answer —" label, or -1. */
export function pastLabel(ctx: Ctx, s: Sentence): number {
  const i = nextToken(ctx, s.from - 1, s.to);
  const sep = i === -1 ? -1 : nextToken(ctx, i, s.to);
  if (!QA_LABELS.has(ctx.tokens[i]?.norm ?? '') || !/^[:—–-]$/.test(ctx.tokens[sep]?.raw ?? '')) return i;
  return nextToken(ctx, sep, s.to);
}

/** "Was the cutover performed? Yes, at 01:40.": the answer sentence opens with an affirmative and hedges nothing. */
export function answeredYes(ctx: Ctx, answer: Sentence | undefined): number {
  if (!answer) return -1;
  const i = pastLabel(ctx, answer);
  const m = i === -1 ? undefined : startingAt(ctx, i);
  if (!has(m, 'affirm')) return -1;
  for (let j = i; j < answer.to; j++) {
    const c = startingAt(ctx, j);
    if (c && (has(c, 'neg') || c.tags.some((tag) => tag.kind === 'trigger' && tag.trigger !== 'request'))) return -1;
  }
  return i;
}
