/**
 * A presupposed event as a performance cue: "Since the go-live on 08-31", "Post-REAL_RUN",
 * "following last night's cutover" presuppose the action after the cue happened, unless a
 * reason or condition follows it ("since the cutover needs a grant").
 */
import type { ActionRef } from './actions';
import { has, nextToken, type Ctx, type Mention } from './mentions';

const EVENT_FILLERS = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'their', 'its', "last night's", "yesterday's", "today's", "this morning's", "monday's", "tuesday's", "wednesday's", "thursday's", "friday's", "saturday's", "sunday's", "owner's", "operator's", 'last', 'first', 'recent', 'successful', 'completed', 'actual', 'real']);

// Read only in the word right after the action, so forms that are also nouns or adjectives ("runs",
// "complete") are safe here; conditions.ts's PRESENT is scanned across whole clauses and must not hold them.
const PRESENT_VERBS = new Set(['goes', 'go', 'lands', 'land', 'completes', 'complete', 'finishes', 'finish', 'happens', 'happen', 'runs', 'starts', 'start', 'begins', 'begin', 'ends', 'passes', 'clears', 'succeeds', 'concludes', 'takes', 'gets', 'comes']);

/**
 * "Checks after the repoint": a heading's nouns before "after" name a section placed in time,
 * which may still be to come; a verb before it ("Latency fell after the repoint") reports, and
 * "since" presupposes the event whatever stands before it.
 */
function label(ctx: Ctx, m: Mention, a: number): boolean {
  if (m.from === a || ctx.tokens[m.from]?.norm !== 'after') return false;
  for (let i = a; i < m.from; i++) {
    const c = ctx.cover[i];
    const t = ctx.tokens[i];
    if (!t) return false;
    if (t.kind === 'punct' && (t.raw === '#' || t.raw === '*' || t.raw === '-')) continue;
    if (!(c && c.tags.every((tag) => tag.kind === 'head' || tag.kind === 'det'))) return false;
    i = c.to - 1;
  }
  return true;
}

// Plain words that make the event one still to come ("after the planned cutover"). The vocabulary's
// future, request and blocking words ("next", "proposed", "pending") are mentions, never plain
// modifiers, so they already end the walk; only the words it leaves untagged are listed.
const TO_COME = new Set(['planned', 'scheduled', 'second', 'final']);
const MAX_MODIFIERS = 3;

/** "the go-live of 11-04", "the cutover on 11-24": a date right after the action. */
function datedAfter(ctx: Ctx, ref: ActionRef, b: number): boolean {
  const p = nextToken(ctx, ref.to - 1, b);
  if (p === -1 || !['of', 'on'].includes(ctx.tokens[p]?.norm ?? '')) return false;
  const d = nextToken(ctx, p, b);
  return d !== -1 && ctx.tokens[d]?.kind === 'number';
}

/** "Since the go-live on 08-31", "Post-REAL_RUN", "following last night's cutover": the event the cue presupposes. */
const INDEFINITE_ARTICLES = new Set(['a', 'an', 'any']);

// "Reserve TKT-340..349 for clean-up after the cutover": a to-do's "after" says when to act, and the event may be to come.
const TO_DO_VERBS = new Set([
  'reserve', 'schedule', 'book', 'plan', 'prepare', 'monitor', 'check', 'verify', 'attach', 'review', 'file', 'raise', 'send',
  'update', 'close', 'watch', 'keep', 'retain', 'archive', 'capture', 'collect', 'rerun', 're-run', 'open', 'draft', 'notify', 'confirm',
]);

function toDo(ctx: Ctx, m: Mention, a: number): boolean {
  if (ctx.tokens[m.from]?.norm !== 'after') return false;
  let i = a;
  while (i < m.from && (ctx.tokens[i]?.kind === 'punct' || ctx.tokens[i]?.kind === 'number')) i++;
  return TO_DO_VERBS.has(ctx.tokens[i]?.norm ?? '') && ctx.tokens[i + 1]?.raw !== ':';
}

export function eventAction(ctx: Ctx, m: Mention, a: number, b: number, byCore: ReadonlyMap<Mention, ActionRef>): ActionRef | undefined {
  if (toDo(ctx, m, a)) return undefined;
  const labelled = label(ctx, m, a);
  let modifiers = 0;
  let j = nextToken(ctx, m.to - 1, b);
  for (let steps = 0; j !== -1 && steps < 5; steps++) {
    const c = ctx.cover[j];
    const t = ctx.tokens[j];
    if (!t) return undefined;
    const ref = c ? byCore.get(c) : undefined;
    if (ref) {
      // "since the cutover needs a grant", "after REAL_RUN is approved": a reason or a condition, not an event.
      const after = nextToken(ctx, ref.to - 1, b);
      const ac = after === -1 ? undefined : ctx.cover[after];
      if (has(ac, 'trigger') || has(ac, 'be') || has(ac, 'have') || has(ac, 'modal') || has(ac, 'neg') || has(ac, 'cue')) return undefined;
      // "After the repoint goes through, ... will be re-run": a present verb makes the clause a time to come.
      if (PRESENT_VERBS.has(ctx.tokens[after]?.norm ?? '')) return undefined;
      // "Checks after the repoint" names a section that may be to come; "clean-up after the go-live of 11-04" dates one that came.
      if (labelled && !datedAfter(ctx, ref, b)) return undefined;
      return ref;
    }
    // "Two weeks after a rollout to all shoppers, we expect ...": an indefinite names a kind of event, not one that happened.
    if (INDEFINITE_ARTICLES.has(t.norm)) return undefined;
    // "after the T-2027A activation": an identifier names which one, as a date does.
    // "after the operational FDP cutover": so do plain words that only say which system's.
    const modifier = !c && (t.kind === 'word' || t.kind === 'opaque') && !TO_COME.has(t.norm) && modifiers++ < MAX_MODIFIERS;
    if (!(has(c, 'det') || has(c, 'prodWord') || has(c, 'prodModifier') || EVENT_FILLERS.has(t.norm) || t.norm.endsWith("'s") || t.kind === 'number' || (t.kind === 'opaque' && t.upper) || modifier)) return undefined;
    j = nextToken(ctx, (c?.to ?? j + 1) - 1, b);
  }
  return undefined;
}
