/**
 * A production action presupposed as an event: the subject of a past effect ("The QT001 apply
 * to prod left 3 rows needing cleanup") or the agent of a past participle ("surfaces touched by
 * the production cutover on 11-30"). What it did presupposes that it happened.
 */
import type { ActionRef } from './actions';
import { laterTimeAfter } from './cueGates';
import { isDate } from './datedGrant';
import { has, nextToken, prevToken, startingAt, tagOf, type Ctx } from './mentions';
import { clauseScopes } from './scopes';
import type { Sentence } from './sentences';
import { standingActions } from './standingActions';
import { verballyNegated } from './verbalNegation';

/**
 * A production action as the subject of a past effect ("The QT001 apply to prod left 3 rows
 * needing cleanup"): the sentence presupposes it happened. The action and the verb's token.
 */
export function eventSubject(ctx: Ctx, s: Sentence): { readonly ref: ActionRef; readonly verb: number } | undefined {
  const first = nextToken(ctx, s.from - 1, s.to);
  const refs = standingActions(ctx, s.from, s.to);
  const ref = refs[0];
  if (!ref || ref.action === 'production') return undefined;
  // The subject opens the sentence: at most a determiner before it.
  for (let i = first; i !== -1 && i < ref.from; i = nextToken(ctx, i, s.to)) if (!has(ctx.cover[i], 'det')) return undefined;
  let j = nextToken(ctx, ref.to - 1, s.to);
  let production = ref.explicitProd;
  // "in prod", "to production": where it happened.
  for (let steps = 0; j !== -1 && steps < 3 && (has(ctx.cover[j], 'prep') || has(ctx.cover[j], 'det') || has(ctx.cover[j], 'prodWord')); steps++) {
    if (has(ctx.cover[j], 'prodWord')) production = true;
    j = nextToken(ctx, (ctx.cover[j]?.to ?? j + 1) - 1, s.to);
  }
  if (!production || j === -1 || !has(startingAt(ctx, j), 'effect')) return undefined;
  // "The migration to production has been moved to the 12-06 window": moved to a time, it did not happen.
  const n = nextToken(ctx, j, s.to);
  if (ctx.tokens[n]?.norm === 'to' && laterTimeAfter(ctx, n, s.to)) return undefined;
  return { ref, verb: j };
}

/**
 * A production action as the agent of a past participle ("surfaces touched by the production
 * cutover on 11-30", "rows left behind by the prod REAL_RUN"): what it did presupposes that it
 * happened. Production must be named with the action. The action and the participle's token.
 */
export function agentEvent(ctx: Ctx, s: Sentence): { readonly ref: ActionRef; readonly verb: number } | undefined {
  // Tried on every sentence no clause claims: the scopes only where a "by" can introduce the agent.
  let by = false;
  for (let i = s.from; i < s.to && !by; i++) by = ctx.tokens[i]?.norm === 'by';
  if (!by) return undefined;
  // "the surfaces touched by the activation and what remains unscoped": the second object is a clause of its own.
  const to = secondObject(ctx, s);
  const sc = clauseScopes(ctx, s.from, to, []);
  for (const ref of standingActions(ctx, s.from, to, sc)) {
    // "touched by the 11-22 grade-export activation": a date and a few words may qualify the action;
    // a dated one is an event that took place, as one named with production is.
    let by = prevToken(ctx, ref.from, s.from);
    let dated = false;
    for (let words = 0; by !== -1 && words < MAX_MODIFIERS && modifier(ctx, by); by = prevToken(ctx, by, s.from)) {
      if (ctx.tokens[by]?.kind === 'number') dated ||= isDate(ctx, by);
      else if (!has(ctx.cover[by], 'det')) words++;
    }
    // Production alone ("touched by the production team") names no event unless a date makes it one ("the 12-01 live setpoint push").
    if (by === -1 || ctx.tokens[by]?.norm !== 'by' || !(ref.action === 'production' ? dated : ref.explicitProd || dated)) continue;
    const verb = prevToken(ctx, by, s.from);
    const v = ctx.tokens[verb];
    if (!v || v.kind !== 'word' || !(/^[a-z]{3,}ed$/.test(v.norm) || IRREGULAR_PARTICIPLES.has(v.norm) || has(ctx.cover[verb], 'effect'))) continue;
    // "approved by the production cutover board" names a body, not the event.
    if (has(ctx.cover[verb], 'cue') && tagOf(ctx.cover[verb], 'cue')?.cue !== 'perf') continue;
    // "No surface was touched by the production cutover", "to be touched by": the participle itself is denied or planned.
    if (sc.negated[verb - s.from] || sc.hedged[verb - s.from] || sc.predicateNegated[verb - s.from] === 1 || verballyNegated(ctx, verb, s.from)) continue;
    return { ref, verb };
  }
  return undefined;
}

const MAX_MODIFIERS = 3;
const WH = new Set(['what', 'which', 'who', 'whatever', 'where', 'how']);

/** Where "and what ..." or a semicolon starts a second part of the sentence, or its end. */
function secondObject(ctx: Ctx, s: Sentence): number {
  for (let i = s.from; i + 1 < s.to; i++) {
    if (ctx.tokens[i]?.raw === ';' || (ctx.tokens[i]?.norm === 'and' && WH.has(ctx.tokens[i + 1]?.norm ?? ''))) return i;
  }
  return s.to;
}

/** A word that may stand between "by" and the action it introduces: a determiner, a date, a plain or head noun. */
function modifier(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i];
  const c = ctx.cover[i];
  if (!t || t.norm === 'by') return false;
  if (has(c, 'det') || t.kind === 'number') return true;
  return t.kind === 'word' && (!c || (c.tags.length === 1 && has(c, 'head')));
}

const IRREGULAR_PARTICIPLES = new Set(['left', 'made', 'written', 'broken', 'hit', 'caught', 'brought', 'run', 'done', 'taken', 'shown', 'seen']);
