/**
 * A colon between two clauses: "We don't need another approval: the cutover was authorized with
 * the 11-26 grant." The part before holds a verb (so it is no `Key:` label) and a subject with
 * its own verb follows, so the colon parts them as a semicolon would; "Not approved: the
 * cutover" and "REAL_RUN: APPROVED" stay one clause.
 */
import { has, nextToken, type Ctx } from './mentions';

const SUBJECTS = new Set(['we', 'they', 'she', 'he', 'it', 'i']);
const MAX_SUBJECT_WORDS = 4;

export function clauseAfterColon(ctx: Ctx, i: number, start: number, hi: number): boolean {
  if (ctx.tokens[i]?.raw !== ':') return false;
  let verbBefore = false;
  for (let j = start; j < i && !verbBefore; j++) {
    const c = ctx.cover[j];
    verbBefore = has(c, 'be') || has(c, 'have') || has(c, 'neg') || has(c, 'cue') || has(c, 'trigger');
  }
  if (!verbBefore) return false;
  const d = nextToken(ctx, i, hi);
  if (d === -1 || !(has(ctx.cover[d], 'det') || SUBJECTS.has(ctx.tokens[d]?.norm ?? ''))) return false;
  for (let j = nextToken(ctx, d, hi), words = 0; j !== -1 && words < MAX_SUBJECT_WORDS; j = nextToken(ctx, j, hi), words++) {
    const c = ctx.cover[j];
    if (has(c, 'be') || has(c, 'have') || has(c, 'cue')) return true;
    if (ctx.tokens[j]?.kind === 'punct') return false;
  }
  return false;
}
