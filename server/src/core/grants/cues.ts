/**
 * Grant and performance cues in a clause, with the side of the cue their action stands on:
 * "Cutover authorized" speaks of what precedes it, "the owner authorized the cutover" of
 * what follows.
 *
 * This file is the walk over a clause's mentions that decides what each cue word is; the cue's
 * shape is `cueRef.ts`, the gates a cue word passes `cueGates.ts` (shared with the learned
 * reading), its verb form and voice `cueWordForms.ts`, and each kind of cue that is more than a
 * word has its own file: a permission modal (`permission.ts`), possession of a grant
 * (`possession.ts`), a lifted restriction (`liftedRestriction.ts`), a presupposed event
 * (`presupposedEvent.ts`), a quoted directive (`quotedDirective.ts`), a noun cue whose predicate
 * is negated (`negatedPredicate.ts`).
 */
import { isPresentVerb, type ActionRef } from './actions';
import { firstHeadingGrantNoun, liftAsAct, heldUndelegated, negatedGetting, oldSubject, participleOfRecord, requestedAfter, wordVetoed } from './cueGates';
import { negatedPredicateAfter } from './negatedPredicate';
import type { CueClass, CueRef } from './cueRef';
import { adjectival, auxiliaryBefore, compoundParticiple, headline, performedHere, SIMPLE_PAST, voiceOf } from './cueWordForms';
import { liftsRestriction } from './liftedRestriction';
import { has, nextToken, prevToken, startingAt, tagOf, type Ctx, type Mention } from './mentions';
import { permission } from './permission';
import { possessesGrant } from './possession';
import { verballyNegated } from './verbalNegation';

const PAST_POSSESSION = /^(?:had|held|got|was|were|received|\w+ed)$/;
import { datedGrant } from './datedGrant';
import { eventAction } from './presupposedEvent';
import { quotedImperative } from './quotedDirective';

export interface ClauseCues {
  readonly cues: readonly CueRef[];
  /** Modals that grant nothing here ("may authorize later"): they hedge what follows. */
  readonly hedges: readonly number[];
}

export function resolveCues(ctx: Ctx, a: number, b: number, refs: readonly ActionRef[]): ClauseCues {
  const cues: CueRef[] = [];
  const hedges: number[] = [];
  const byCore = new Map<Mention, ActionRef>();
  for (const r of refs) byCore.set(r.core, r);
  let firstGrantHead: number | undefined;

  for (let i = a; i < b; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    i = m.to - 1;
    if (ctx.tokens[m.from]?.inCompound) {
      // "GPT-delegated", "separately-authorized": adjectives; but "the owner-approved cutover"
      // describes a gated action as approved, which is a claim.
      const compound = compoundParticiple(ctx, m, b, byCore);
      if (compound) cues.push(compound);
      continue;
    }
    if (has(m, 'grantNoun') && !tagOf(m, 'cue') && datedGrant(ctx, m, a, b)) {
      cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly: false, past: true });
      continue;
    }
    if (has(m, 'possess') && !tagOf(m, 'cue')) {
      // "had the grant", "was handed the go-ahead" are past; "after the lock carries a grant" is a time to come.
      if (possessesGrant(ctx, m, b) && !verballyNegated(ctx, m.from, a)) cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly: false, past: PAST_POSSESSION.test(ctx.tokens[m.from]?.norm ?? '') });
      continue;
    }
    if (quotedImperative(ctx, m, a)) {
      const own = byCore.get(m);
      cues.push({ from: m.from, to: m.to, cls: 'permission', voice: 'fwd', backwardOnly: false, past: false, ...(own ? { target: own } : {}) });
      continue;
    }
    if (has(m, 'modal')) {
      const cue = permission(ctx, m, b, byCore);
      if (cue) cues.push(cue);
      else if (cue === undefined) hedges.push(m.from);
      continue;
    }
    const tag = tagOf(m, 'cue');
    const act = tagOf(m, 'action');
    const backwardOnly = has(m, 'backwardOnly');
    if (!tag) {
      // "rolled out", "went live": a performed form is a cue of its own.
      const self = act?.form === 'performed' ? byCore.get(m) : undefined;
      // "we are live" is a present state: under "once" it is a condition, not a past fact.
      if (self) cues.push({ from: m.from, to: m.to, cls: 'perf', voice: 'back', backwardOnly, past: !ctx.tokens.slice(m.from, m.to).some((t) => PRESENT_BE.has(t.norm)), self });
      continue;
    }
    if (liftAsAct(ctx, m, a, b)) continue;
    if (m.tags.some((t) => t.kind === 'cue' && t.cue === 'lift') && liftsRestriction(ctx, m, a, b)) {
      cues.push({ from: m.from, to: m.to, cls: 'grant', voice: voiceOf(ctx, m, a), backwardOnly, past: true, lift: true });
      continue;
    }
    switch (tag.cue) {
      case 'lift':
        break; // a lift word beside no restriction: see liftsRestriction above
      case 'event': {
        const ref = byCore.get(m) ?? eventAction(ctx, m, a, b, byCore);
        if (ref) cues.push({ from: m.from, to: m.to, cls: 'perf', voice: 'fwd', backwardOnly: false, past: true, target: ref });
        break;
      }
      case 'present':
        if (participleOfRecord(ctx, m, a)) cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly, past: true });
        else if (!ctx.tokens[m.from]?.norm.endsWith('ing') && isPresentVerb(ctx, m, a, b)) {
          cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly, past: false });
        }
        break;
      case 'extension':
        if ((firstGrantHead ??= firstHeadingGrantNoun(ctx, a, b)) < m.from && !heldUndelegated(ctx, m, a, b)) cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly, past: false });
        break;
      case 'noun':
        // "The green light for the REAL_RUN never came through": the phrase is the subject of a negated predicate;
        // "We never got the green light": the object of a denied getting.
        if (negatedPredicateAfter(ctx, m, b) || negatedGetting(ctx, m, a) || requestedAfter(ctx, m, b)) break;
        // "gave the word", "said yes to": a past verb in the phrase makes it a past fact ("After a call, she gave the word").
        cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly, past: PAST_PHRASE.has(ctx.tokens[m.from]?.norm ?? '') });
        break;
      case 'auxPerf':
        // "Old keys live", "the legacy chain is still live": the old thing in use says nothing changed.
        if (ctx.tokens[m.from]?.norm === 'live' && oldSubject(ctx, m, a)) break;
        if (auxiliaryBefore(ctx, m, a) || headline(ctx, m, a, b)) {
          const cls: CueClass = ctx.tokens[m.from]?.norm === 'given' ? 'grant' : 'perf';
          cues.push({ from: m.from, to: m.to, cls, voice: 'back', backwardOnly, past: true });
        }
        break;
      default: {
        const cls: CueClass = tag.cue === 'perf' ? 'perf' : 'grant';
        // "Nothing blocks the repoint any longer except the missing signature": still blocked.
        if (tag.cue === 'unblock') {
          const n = nextToken(ctx, m.to - 1, b);
          if (n !== -1 && ctx.cover[n]?.tags.some((t) => t.kind === 'neg' && t.neg === 'exclusion')) break;
        }
        if (act) {
          // "activated", "went live": the action and its performance in one word.
          const self = byCore.get(m);
          if (self && (act.form === 'performed' || performedHere(ctx, m, a))) {
            cues.push({ from: m.from, to: m.to, cls: 'perf', voice: 'back', backwardOnly, past: true, self });
          }
          break;
        }
        if (!backwardOnly && !SIMPLE_PAST.has(ctx.tokens[m.from]?.norm ?? '') && adjectival(ctx, m, b)) break;
        if (wordVetoed(ctx, m, a, b)) break;
        // "We did the cutover on prod": "did" with its object reads forward.
        // "Did the repoint happen?" asks: a subject must come before.
        const didObject = backwardOnly && ctx.tokens[m.from]?.norm === 'did' && m.to === m.from + 1 && has(ctx.cover[nextToken(ctx, m.from, b)], 'det') && ctx.tokens[prevToken(ctx, m.from, a)]?.kind === 'word';
        cues.push({ from: m.from, to: m.to, cls, voice: voiceOf(ctx, m, a), backwardOnly: backwardOnly && !didObject, past: tag.cue !== 'upper' });
      }
    }
  }
  return { cues, hedges };
}

const PAST_PHRASE = new Set(['gave', 'said']);

const PRESENT_BE = new Set(['is', 'are', "we're", "it's", "'re", "'s"]);
