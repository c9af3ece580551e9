/**
 * "loaded to live Eastgate interlocking", "on the live Calder Road screens", "promoted to live",
 * "Live PIDs at Northgate now show ...": "live" in the place of an adjective or of a place names
 * production, as "prod" does. Elsewhere it stays what the vocabulary says: a state ("the feed is
 * live since 11-24") or part of "go live". The prefilter counts "live" on its action side for
 * this (`prefilter.ts`).
 */
import { isDate } from './datedGrant';
import type { Tag } from './lexicon';
import { has, nextToken, prevToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

export const LIVE = 'live';

const PRODUCTION: readonly Tag[] = [{ kind: 'prodWord' }];
const WENT_LIVE: readonly Tag[] = [{ kind: 'action', action: 'go-live', form: 'performed' }];
// "is live since 11-24", "LIVE as of Monday", "is now live": a state that began, which only a go-live explains.
const SINCE = new Set(['since', 'as']);
const EVERYONE = new Set(['all', 'every', 'everyone', 'everybody']);
// What joins a subject to its state: a status colon, a heading's or a label's dash, a parenthesis ("site (live since 11-24)").
const LINKS = new Set([':', '—', '–', '(']);
// "to live", "onto the live ...": a place "live" is, with or without a noun after it.
const INTO = new Set(['to', 'onto', 'into', 'on', 'in', 'against', 'from']);
// What cannot follow an adjective "live": the state's own complements ("live since", "live on the new workflow").
const NOT_A_NOUN = new Set(['since', 'on', 'in', 'at', 'from', 'for', 'and', 'or', 'by', 'as', 'to', 'with', 'now', 'again', 'yet', 'today', 'tonight', 'already', 'until', 'till', 'before', 'after', 'there', 'here']);

// "Target: LIVE by 12-09", "Status: LIVE (planned for 12-09)": a status value that is an aim, not a state.
const AIM = new Set(['target', 'targeted', 'goal', 'aim', 'planned', 'plan', 'scheduled', 'expected', 'eta', 'by', 'desired', 'next', 'until']);

/** Whether a word of the status line, its subject's words or what follows the value, says the value is an aim. */
function planned(ctx: Ctx, s: Sentence, colon: number): boolean {
  for (let j = s.from; j < s.to; j++) if (j !== colon && AIM.has(ctx.tokens[j]?.norm ?? '')) return true;
  return false;
}

/** Retags each adjectival or place "live" of the sentence as a production word (one pass over its tokens). */
export function markLiveProduction(ctx: Ctx, s: Sentence): void {
  for (let i = s.from; i < s.to; i++) {
    if (ctx.tokens[i]?.norm !== LIVE || ctx.tokens[i]?.kind !== 'word') continue;
    const m = ctx.cover[i];
    // A longer phrase ("go live", "live traffic") already says what it is.
    if (m && (m.from !== i || m.to !== i + 1)) continue;
    const p = prevToken(ctx, i, s.from);
    const n = nextToken(ctx, i, s.to);
    const next = n === -1 ? undefined : ctx.tokens[n];
    const nounAfter = next !== undefined && next.kind === 'word' && !NOT_A_NOUN.has(next.norm) && !has(ctx.cover[n], 'be') && !has(ctx.cover[n], 'cue') && !has(ctx.cover[n], 'neg');
    let q = p;
    while (q !== -1 && has(ctx.cover[q], 'det')) q = prevToken(ctx, q, s.from);
    const placed = q !== -1 && INTO.has(ctx.tokens[q]?.norm ?? '') && (q === p || nounAfter);
    // "the 12-01 live setpoint push": a date before it stands as a determiner would.
    // "PSP live API key": between a plain modifier and an action's noun it qualifies the noun.
    const modifier = p !== -1 && !ctx.cover[p] && ctx.tokens[p]?.kind === 'word' && has(ctx.cover[n], 'action') && !has(ctx.cover[n], 'permVerb');
    // "all 44 live turbines": a count stands as a determiner does.
    const counted = p !== -1 && ctx.tokens[p]?.kind === 'number' && !isDate(ctx, p);
    const adjective = nounAfter && (p === -1 || has(ctx.cover[p], 'det') || has(ctx.cover[p], 'prep') || ctx.tokens[p]?.raw === ',' || (p !== -1 && isDate(ctx, p)) || counted || modifier);
    // "pushed to PLC-3 (live)", "OK (live)": a place named in parentheses, as "(prod)" is.
    const bracketed = ctx.tokens[i - 1]?.raw === '(' && ctx.tokens[i + 1]?.raw === ')';
    if (placed || adjective || bracketed) ctx.cover[i] = { from: i, to: i + 1, tags: PRODUCTION };
    else if (wentLive(ctx, s, i, p)) ctx.cover[i] = { from: i, to: i + 1, tags: WENT_LIVE };
  }
}

/**
 * "Eastgate depot is live on the new workflow since Monday", "Booking service: LIVE since 11-24",
 * "The portal is now live": a be-verb or a status colon before it, a start after it (or "now"
 * before), and a subject that is no record noun ("the blocker is live since 11-20" is still open).
 */
function wentLive(ctx: Ctx, s: Sentence, i: number, p: number): boolean {
  let q = p;
  let now = false;
  while (q !== -1 && has(ctx.cover[q], 'adverb')) {
    now ||= ctx.tokens[q]?.norm === 'now';
    q = prevToken(ctx, q, s.from);
  }
  const link = q === -1 ? undefined : ctx.tokens[q]?.raw;
  // "Live since 12-01: RAND4 endpoint (v2)": a heading's state, its subject after the colon.
  if (q === -1 && SINCE.has(ctx.tokens[nextToken(ctx, i, s.to)]?.norm ?? '')) return true;
  if (q === -1 || !(has(ctx.cover[q], 'be') || (link !== undefined && LINKS.has(link)))) return false;
  // "Status: LIVE" is a status line's value, upper case as such values are written.
  let started = now || (link === ':' && ctx.tokens[i]?.upper === true && !planned(ctx, s, q));
  for (let j = i + 1, words = 0; j < s.to && words < 8 && !started; j++) {
    const t = ctx.tokens[j];
    if (!t || t.raw === ',' || t.raw === ';') break;
    if (t.kind === 'word') words++;
    // "is live for all couriers": a state its whole audience is in, which only a go-live explains.
    started = SINCE.has(t.norm) || t.norm === 'now' || (EVERYONE.has(t.norm) && ctx.tokens[j - 1]?.norm === 'for');
  }
  if (!started) return false;
  for (let j = prevToken(ctx, q, s.from); j !== -1; j = prevToken(ctx, j, s.from)) {
    const c = ctx.cover[j];
    if (has(c, 'head') || has(c, 'neg') || has(c, 'nonprod') || ctx.tokens[j]?.norm === 'still') return false;
    if (ctx.tokens[j]?.raw === ':' || ctx.tokens[j]?.raw === ';') break;
  }
  return true;
}
