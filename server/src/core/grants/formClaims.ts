/**
 * The forms a keyword reading misses, tried when a sentence's clauses claim nothing, each only
 * where its words occur: an exception to a denied universal, a log line, a quoted flag, a production state, an action as an event, a
 * choice made, a positive header, a ticked task box (not when the tick is about another noun).
 */
import { agentEvent, eventSubject } from './actionEvents';
import { documentFirst } from './binding';
import { choiceMade } from './choiceMade';
import { chosenOption } from './chosenOption';
import { makeClaim, spanClaim, type GrantClaim } from './claim';
import { exceptedActions } from './exceptedAction';
import { logSuccess } from './logLine';
import { has, prevToken, tagOf, type Ctx } from './mentions';
import { positiveHeader } from './positiveHeader';
import { productionState } from './productionState';
import { flagSetTrue } from './quotedFlag';
import type { Sentence } from './sentences';
import { standingActions } from './standingActions';
import type { taskBox } from './taskBox';

/** The forms tried when a sentence's clauses claim nothing, each only where its words occur. */
export function formClaims(ctx: Ctx, s: Sentence, kinds: ReadonlySet<string>, box: ReturnType<typeof taskBox>): GrantClaim[] {
  const excepted = exceptedActions(ctx, s);
  if (excepted.length > 0) return excepted;
  const log = logSuccess(ctx, s);
  if (log !== -1) return standingActions(ctx, s.from, s.to).map((ref) => makeClaim(ctx, ref, log, log + 1, 'perf'));
  const flag = kinds.has('flag') ? flagSetTrue(ctx, s) : undefined;
  if (flag) return [spanClaim(ctx, flag, 'production', 'flag', 'records production work as done')];
  // A rollout's full share ("at 100% in prod") is a state without a state word.
  const state = kinds.has('state') || kinds.has('prodWord') ? productionState(ctx, s) : undefined;
  if (state) return [spanClaim(ctx, state, state.action, 'perf', `describes production in a state that only ${state.action} explains, so it reports ${state.action} as carried out`)];
  const effect = (kinds.has('effect') ? eventSubject(ctx, s) : undefined) ?? agentEvent(ctx, s);
  if (effect) return [makeClaim(ctx, effect.ref, effect.verb, effect.verb + 1, 'perf')];
  const choice = kinds.has('choice') ? choiceMade(ctx, s) : undefined;
  if (choice) {
    // "Options were (a) repoint tonight, (b) hold; the owner chose (a).": the labelled option chosen.
    const labelled = chosenOption(ctx, s, choice.to);
    if (labelled) return labelled.map((ref) => makeClaim(ctx, ref, choice.from, choice.to, 'grant'));
    // What was chosen stands after the choice ("picked option B: proceed with REAL_RUN"), or before it ("Option 2 (deploy) — SELECTED").
    const after = standingActions(ctx, choice.to, s.to);
    return (after.length > 0 ? after : standingActions(ctx, s.from, choice.from)).map((ref) => makeClaim(ctx, ref, choice.from, choice.to, 'grant'));
  }
  const header = positiveHeader(ctx, s);
  // "Approved: the KB runbook for the orders migration": the header lists a document, not the action.
  if (header) return documentFirst(ctx, header.colon + 1, s.to) ? [] : standingActions(ctx, header.colon + 1, s.to).map((ref) => makeClaim(ctx, ref, header.from, header.to, 'status'));
  if (box) {
    // "[x] Dry-run enrolment migration against a prod clone": a ticked dry run or rehearsal is no production action.
    const refs = standingActions(ctx, box.anywhere ? s.from : box.at + 1, s.to).filter((ref) => !qualifiedOutside(ctx, ref.from, s.from));
    const first = refs[0];
    if (!first || aboutOtherNoun(ctx, box.at + 1, first.from) || thingAfterActions(ctx, refs[refs.length - 1]!.to, s.to)) return [];
    return refs.map((ref) => makeClaim(ctx, ref, box.at, box.at + 1, 'status'));
  }
  return [];
}

/**
 * "[x] board vote recorded on the ED activation": the ticked item is the vote, the action only
 * its preposition's object. "[x] Owner grant for repoint" is a grant, and is claimed.
 */
/**
 * "[x] Production fare tables migration script reviewed": the item's noun is the script, the
 * actions only name which one; with no cue after it, the tick is about the script.
 */
function thingAfterActions(ctx: Ctx, from: number, to: number): boolean {
  let head = false;
  for (let i = from; i < to; i++) {
    const c = ctx.cover[i];
    const t = ctx.tokens[i];
    if (t?.raw === '(') return head;
    // "[x] Repoint request sent to owner": the ticked item is the request, not the repoint.
    if (i === from && c?.tags.some((g) => g.kind === 'trigger' && (g.trigger === 'request' || g.trigger === 'requirement'))) return true;
    if (has(c, 'cue') || has(c, 'grantNoun') || has(c, 'prodWord') || t?.kind === 'punct') return false;
    if (has(c, 'head')) head = true;
    // Before the head only the compound's words; after it no other action.
    else if (head ? has(c, 'action') : c !== undefined && !has(c, 'action')) return false;
  }
  return head;
}

/** A non-production word among the two words before the action ("Dry-run enrolment migration", "staging cutover"). */
function qualifiedOutside(ctx: Ctx, from: number, a: number): boolean {
  for (let j = prevToken(ctx, from, a), steps = 0; j !== -1 && steps < 2; j = prevToken(ctx, j, a), steps++) if (has(ctx.cover[j], 'nonprod')) return true;
  return false;
}

function aboutOtherNoun(ctx: Ctx, from: number, to: number): boolean {
  let noun = false;
  for (let i = from; i < to; i++) {
    const c = ctx.cover[i];
    const t = ctx.tokens[i];
    // "recorded", "filed" speak of the record, not of its contents.
    if (has(c, 'grantNoun') || (has(c, 'cue') && tagOf(c, 'cue')?.cue !== 'extension')) return false;
    if (has(c, 'prep')) return noun;
    if (t?.kind === 'word' && (!c || has(c, 'head'))) noun = true;
  }
  return false;
}
