/**
 * Claims asserted across sentences: a question and the answer after it ("Did the REAL_RUN
 * happen? Yes."), a bare reply and what the next sentence orders ("> Approved. Rotate the prod
 * keys."), and a report that the next sentence denies.
 */
import { pastLabel } from './answers';
import { makeClaim, type GrantClaim } from './claim';
import { deniedIn, ellipticalDenial, redirected } from './deniedReports';
import { has, nextToken, startingAt, tagOf, type Ctx } from './mentions';
import type { Sentence } from './sentences';
import { standingActions } from './standingActions';

/**
 * "> Approved. Rotate the prod APNs keys in the 22:00 window.", "Fine by me, ship it. — Owen,
 * re: cardx-api 2.4 prod deploy": a reply that is nothing but a grant grants what the next
 * sentence orders or names as its subject ("re:").
 */
export function replyClaims(ctx: Ctx, reply: Sentence, s: Sentence): GrantClaim[] {
  const cue = reply.question ? undefined : bareGrant(ctx, reply);
  if (!cue) return [];
  let first = nextToken(ctx, s.from - 1, s.to);
  while (first !== -1 && ctx.tokens[first]?.kind === 'punct') first = nextToken(ctx, first, s.to);
  const fm = first === -1 ? undefined : startingAt(ctx, first);
  const imperative = has(fm, 'permVerb') || tagOf(fm, 'action')?.form === 'verb';
  let regarding = false;
  for (let i = s.from; i + 1 < s.to && !regarding; i++) regarding = ctx.tokens[i]?.norm === 're' && ctx.tokens[i + 1]?.raw === ':';
  if (!imperative && !regarding) return [];
  return standingActions(ctx, s.from, s.to).map((ref) => makeClaim(ctx, ref, cue.from, cue.to, 'grant'));
}

// What a bare reply may hold besides its grant words ("Fine by me, ship it.").
const REPLY_FILLER = new Set(['by', 'me', 'it', 'fine', 'ok', 'okay', 'yes', 'all', 'good', 'from', 'my', 'side', 'ship', 'send', 'go', 'ahead', 'do']);

/** A sentence of at most six words, every one a grant word or filler, with one grant word: its range. */
function bareGrant(ctx: Ctx, s: Sentence): { from: number; to: number } | undefined {
  let cue: { from: number; to: number } | undefined;
  let words = 0;
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (!t || t.kind === 'punct') continue;
    if (++words > 6) return undefined;
    const m = startingAt(ctx, i);
    if (m && (has(m, 'cue') || has(m, 'affirm'))) {
      cue ??= { from: m.from, to: m.to };
      words += m.to - m.from - 1;
      i = m.to - 1;
      continue;
    }
    if (ctx.cover[i] && (has(ctx.cover[i], 'action') || has(ctx.cover[i], 'prodWord') || has(ctx.cover[i], 'neg') || has(ctx.cover[i], 'trigger'))) return undefined;
    if (!REPLY_FILLER.has(t.norm)) return undefined;
  }
  return cue;
}

// A question opened by an auxiliary asks whether the event took place ("Did the REAL_RUN happen?")
// or may take place ("Can we rotate the prod key tonight?"): a yes answers it.
export const ASKS_WHETHER = new Set(['did', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'can', 'may', 'could']);

/** The question's first word, past a "Q:" label. */
export function questionOpener(ctx: Ctx, s: Sentence): string {
  return ctx.tokens[pastLabel(ctx, s)]?.norm ?? '';
}

/** An answer that names someone ("A: The owner, on 08-31."), with no negation, condition or hedge in it: its first word, or -1. */
export function answeredByName(ctx: Ctx, answer: Sentence | undefined): number {
  if (!answer) return -1;
  const i = pastLabel(ctx, answer);
  if (i === -1 || ctx.tokens[i]?.kind !== 'word') return -1;
  for (let j = i; j < answer.to; j++) {
    const m = ctx.cover[j];
    if (has(m, 'neg') || has(m, 'trigger') || ctx.tokens[j]?.raw === '?') return -1;
  }
  return i;
}

/**
 * The sentence opens with an elliptical denial, or reaches one early past a short lead ("I
 * checked with the owner's office and that is not right").
 */
export function deniesBefore(ctx: Ctx, next: Sentence): boolean {
  const first = nextToken(ctx, next.from - 1, next.to);
  if (first === -1) return false;
  if (ellipticalDenial(ctx, first, next.to) !== -1 || redirected(ctx, first, next.to) || deniedIn(ctx, next) || noGrantFound(ctx, next)) return true;
  for (let i = first, words = 0; i < next.to && words < 12; i++) {
    const t = ctx.tokens[i];
    if (!t) break;
    if (t.kind === 'word') words++;
    if ((t.norm === 'and' || t.norm === 'but' || t.raw === ',' || t.raw === ':') && ellipticalDenial(ctx, nextToken(ctx, i, next.to), next.to) !== -1) return true;
  }
  return false;
}

// "there is no production grant in it", "the lock holds no approval": the record the report spoke
// of is absent. "GPT holds no such delegation" denies the right to what was reported, not the report.
const NO = new Set(['no', 'zero']);

/** "no", then a grant noun within three words (adjectives and actions between), in a sentence that is not a question. */
function noGrantFound(ctx: Ctx, next: Sentence): boolean {
  if (next.question) return false;
  for (let i = next.from; i < next.to; i++) {
    if (!NO.has(ctx.tokens[i]?.norm ?? '') || ctx.tokens[nextToken(ctx, i, next.to)]?.norm === 'such') continue;
    for (let j = nextToken(ctx, i, next.to), words = 0; j !== -1 && words < 3; j = nextToken(ctx, j, next.to), words++) {
      const m = ctx.cover[j];
      if (has(m, 'grantNoun')) return true;
      if (ctx.tokens[j]?.kind === 'punct') break;
    }
  }
  return false;
}

/** A question's claim, asserted by the answer after it. */
export function answered(ctx: Ctx, c: GrantClaim, yes: number): GrantClaim {
  return { ...c, reason: `${c.reason}, and the answer "${ctx.tokens[yes]?.raw ?? 'yes'}" affirms it` };
}
