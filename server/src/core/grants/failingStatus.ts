/**
 * "PC-7 (REAL_RUN approved in lock), whose status is FAIL": a check's item quoted, then its
 * status. A status that does not hold, stated after the words, says those words are a condition
 * that failed (spec §5, field roles), not a fact.
 */
import type { Lexicon } from './lexicon';
import { nextToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';
import { statusVerdict } from './tableRows';

const STATUS_WORDS = new Set(['status', 'state', 'result', 'verdict']);
const LINKS = new Set(['is', 'was', 'reads', 'shows', ':', '=']);

/** The token of the first "status is FAIL" (a not-granted status after a status word), or -1. */
export function failingStatus(ctx: Ctx, lex: Lexicon, s: Sentence): number {
  for (let i = s.from; i < s.to; i++) {
    if (!STATUS_WORDS.has(ctx.tokens[i]?.norm ?? '')) continue;
    const link = nextToken(ctx, i, s.to);
    if (link === -1 || !LINKS.has(ctx.tokens[link]?.norm ?? '')) continue;
    const value = nextToken(ctx, link, s.to);
    if (value !== -1 && statusVerdict(ctx, lex, value, s.to) === 'not') return i;
  }
  return -1;
}
