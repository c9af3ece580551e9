/**
 * Trigger scopes over one clause (the NegEx / ConText idea): each trigger covers a stretch of
 * tokens, ended by the clause end, a comma, or the first cue, computed in linear sweeps.
 *
 * This file is the sweep over a clause's triggers and what it returns; how a negation covers its
 * noun phrase is `negationScope.ts`, whether a condition word conditions `conditions.ts`, where a
 * non-production word places the clause `placement.ts`, when a revocation revokes nothing
 * `revocations.ts`.
 */
import { afterPastClause, complementIf, ellipticalCondition, FREE_RELATIVES, isTrailingCondition, onceAsCount, ownPhraseCondition, PAST, pastVerb } from './conditions';
import { clauseAfterColon } from './colonClause';
import { has, isComma, mentionPhrase, nextToken, prevToken, startingAt, type Ctx, type Mention } from './mentions';
import { npScope, relativeClauseStarts } from './negationScope';
import { inLeadingTimePhrase, inTimePhrase, placedAfter, runMode, TIME_PREPOSITIONS } from './placement';
import { reportingWish, tellingModal } from './reportingWish';
import { listedAfter, replacedRevoked } from './revocations';
import { CROSSES, TICKED } from './taskBox';
import { verballyNegated } from './verbalNegation';

export interface ClauseScopes {
  readonly a: number;
  /** Per token: 0 free, 1 under a temporal trigger a past tense can release, 2 hedged. */
  readonly hedged: Uint8Array;
  /** Under "no"/"nobody"/"none": the noun phrase and the first verb after it. */
  readonly negated: Uint8Array;
  /** Under "without"/"except"/"instead of": the noun phrase after it. */
  readonly excluded: Uint8Array;
  /**
   * Per token: 1 after a do-support negation ("does not ...") in the same `;` part, so every cue
   * there is negated; "We did not touch staging; the rows were written into production" ends it.
   */
  readonly predicateNegated: Uint8Array;
  /** A revocation, block, clause negation or two-way condition anywhere cancels the clause. */
  readonly cancelled: boolean;
  /** Cues before this token are cancelled, the relative clause after it is not (-1: none). */
  readonly cancelBefore: number;
  /** First trailing condition ("authorized once the proof exists"); cues before it are conditional. */
  readonly conditionAfter: number;
  readonly nonProduction: boolean;
  /** "for staging", "in the sandbox": the clause is placed outside production. */
  readonly nonProductionPlace: boolean;
}

const REQUEST_NOUNS = new Set(['request', 'requests', 'proposal', 'proposals']);
const PURPOSE = new Set(['so that', 'in order that', 'in order to']);
const SURE = new Set(['make sure', 'ensure', 'be sure']);
// "so that, once approved, the cutover can run": a comma right after the purpose opens an aside, not its end.
const MIN_PURPOSE_WORDS = 3;
// "citing the rehearsal write-up", "per the staging report": a document's name places nothing.
const DOCUMENTS = new Set(['write-up', 'writeup', 'report', 'reports', 'summary', 'findings', 'results', 'minutes', 'notes', 'log', 'logs', 'runbook', 'review', 'document', 'doc']);
const REMAINDER = new Set(['rest', 'remainder', 'others', 'remaining']);
const WHAT = new Set(['what', 'whatever']);
const LEADING_FILLERS = new Set(['only', 'and', 'so', 'then', 'even', 'but', 'or']);
export const FORWARD = new Set(['conditional', 'future', 'requirement', 'request', 'question']);

const MAX_NP_WORDS = 12;
const MAX_EXCLUSION_WORDS = 8;

// "with zero rejected objects", "no blocking issues": a negated trigger cancels nothing.
const TRIGGER_NEGATORS = new Set(['zero', '0', 'no', 'without', 'nothing', 'nobody', 'never']);

/** `lifts` are the starts of cues that remove a restriction: the blocking and revoking words there are what they lift. */
export function clauseScopes(ctx: Ctx, a: number, b: number, hedges: readonly number[], lifts: readonly number[] = []): ClauseScopes {
  const n = b - a;
  const nextComma = new Int32Array(n);
  for (let i = b - 1, next = b; i >= a; i--) {
    nextComma[i - a] = next;
    if (isComma(ctx, i)) next = i;
  }
  const commaAfter = (i: number): number => (i >= b ? b : (nextComma[i - a] ?? b));

  const excluded = npScope(ctx, a, b, 'exclusion', MAX_EXCLUSION_WORDS, true);
  const liftSet = new Set(lifts);
  const starts = new Map<number, { end: number; temporal: boolean }>();
  const predicateNegations: number[] = [];
  let conditionAfter = Infinity;
  let cancelling = false;
  let cancelBefore = -1;
  // The first relative clause start at or after `from`. Clause negations are met left to
  // right, so one forward scan serves them all: linear in the clause, and only run when one occurs.
  let relScan = a;
  let relFound = -1;
  const relAfter = (from: number): number => {
    if (relFound >= from) return relFound;
    for (relScan = Math.max(relScan, from); relScan < b; relScan++) {
      if (relativeClauseStarts(ctx, relScan, a)) return (relFound = relScan++);
    }
    return -1;
  };
  let blocking = false;
  const blockedPart = new Uint8Array(n);
  let askingEnd = -1;
  let unblock = false;
  let nonProduction = false;
  let nonProductionPlace = false;

  // "The fleet owner, who had earlier refused, okayed ...": a person's aside says what they did, not what the clause does.
  const personAside = asidesAboutPeople(ctx, a, b);
  // "has not been withdrawn, suspended or superseded": the end of a negated revocation and its list.
  let negatedRevocationTo = -1;
  for (let i = a; i < b; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    i = m.to - 1;
    const p0 = prevToken(ctx, m.from, a);
    const p1 = p0 === -1 ? -1 : prevToken(ctx, p0, a);
    // "with zero rejected objects", "which nobody has revoked", "without waiting for": a negated trigger.
    // "without prejudice to the pending review": what "without" excludes holds nothing back either.
    const negatedTrigger = [p0, p1].some((p) => p !== -1 && TRIGGER_NEGATORS.has(ctx.tokens[p]?.norm ?? '')) || excluded[m.from - a] === 1;
    // "signed before the freeze": a restriction named as a time is no block now.
    const asTime = inTimePhrase(ctx, m, a);
    // "The permit, previously withheld, was issued": a block named as the former state is none now.
    const former = p0 !== -1 && FORMERLY.has(ctx.tokens[p0]?.norm ?? '');
    // "the NO-GO on the go-live was reversed": with a lift in the clause, a restriction is what it lifts.
    const lifting = liftSet.has(m.from) || (lifts.length > 0 && has(m, 'restriction'));
    // "in the earlier draft", "per the proposal": a document named in a prepositional phrase revokes or asks nothing.
    const inPhrase = nounInPhrase(ctx, m, a);
    // "the stand-up held at 09:00" took place; "REAL_RUN is held" is a block.
    const heldNext = ctx.tokens[nextToken(ctx, m.from, b)];
    // "held error rates flat", "held at 09:00": kept or took place; "Cutover held.", "is held" block.
    const tookPlace = ctx.tokens[m.from]?.norm === 'held' && m.to === m.from + 1 && !(p0 !== -1 && (has(ctx.cover[p0], 'be') || has(ctx.cover[p0], 'have'))) && heldNext !== undefined && heldNext.kind === 'word' && !['by', 'back', 'up', 'until', 'pending', 'off', 'for'].includes(heldNext.norm);
    // "rotated the key, old version revoked": revoking what the change replaced is part of the change.
    // "three rejected IBANs": a participle qualifying a plain noun revokes nothing.
    const revokes = m.tags.some((t) => t.kind === 'trigger' && t.trigger === 'revocation') && !replacedRevoked(ctx, m, a) && !attributive(ctx, m, a, b);
    if (revokes && (verballyNegated(ctx, m.from, a) || listedAfter(ctx, m.from, negatedRevocationTo, a))) negatedRevocationTo = m.to;
    // "done against prod (rows 1–40), rest deferred": the block is the remainder's; "go ahead
    // whenever": a condition with nothing after it conditions nothing.
    const ofTheRest = REMAINDER.has(ctx.tokens[p0]?.norm ?? '');
    const after = nextToken(ctx, m.to - 1, b);
    const bare = after === -1 || ctx.tokens[after]?.raw === '.';
    // "If anyone asks about the keys, they were rotated on prod": the condition is on the asking, not the fact.
    // The asking verb inside is no request either.
    if (m.from < askingEnd) continue;
    // "Handover (assistant draft): the cutover is approved": the label's parenthesis names the note, not its content.
    if (labelParenthesis(ctx, m, a, b) && m.tags.every((t) => (t.kind === 'trigger' && (t.trigger === 'request' || t.trigger === 'revocation')) || t.kind === 'head')) continue;
    // What the aside's person once refused or would do is theirs; where its work ran still places it.
    if (personAside[m.from - a] === 1 && m.tags.every((t) => t.kind === 'trigger' || t.kind === 'adverb' || t.kind === 'function' || t.kind === 'modal')) continue;
    if (askingCondition(ctx, m, a, commaAfter(m.to))) {
      askingEnd = commaAfter(m.to);
      // What is asked stays hedged ("If anyone asks whether the cutover was approved, ...").
      starts.set(m.from, { end: askingEnd, temporal: false });
      continue;
    }
    for (const tag of m.tags) {
      if (tag.kind === 'trigger' && negatedTrigger) continue;
      if (tag.kind === 'trigger' && ((ofTheRest && tag.trigger === 'blocking') || (bare && tag.trigger === 'conditional'))) continue;
      if (tag.kind === 'trigger' && inPhrase && (tag.trigger === 'revocation' || tag.trigger === 'request')) continue;
      if (tag.kind === 'trigger' && tag.trigger === 'revocation' && (negatedRevocationTo === m.to || !revokes)) continue;
      if (tag.kind === 'trigger' && (lifting || tookPlace || asTime || former) && (tag.trigger === 'revocation' || tag.trigger === 'blocking')) continue;
      // "Cutover: DONE (Depots 1–3), Depot 4 pending": what is pending is another subject's part.
      if (tag.kind === 'trigger' && tag.trigger === 'both' && bare && otherSubjectPending(ctx, m, a)) continue;
      if (tag.kind === 'neg' && tag.neg === 'clause') {
        // "no evidence filed for the go-live | the owner approved on 07-31": the relative
        // clause about the action is outside what "no evidence" negates.
        const rel = relAfter(m.to);
        // "no evidence that the Licensee activated ...": a "that" right after the negated noun opens its content, not a relative clause.
        const complement = ctx.tokens[nextToken(ctx, m.to - 1, b)]?.norm === 'that';
        if (rel === -1 || complement) cancelling = true;
        else cancelBefore = cancelBefore === -1 ? rel : Math.min(cancelBefore, rel);
      }
      if (tag.kind === 'neg' && tag.neg === 'predicate' && predicateNegations.at(-1) !== m.from) predicateNegations.push(m.from);
      if (tag.kind === 'trigger' && tag.trigger === 'both' && (ellipticalCondition(ctx, m, b) || complementIf(ctx, m, a, commaAfter(m.to)))) continue;
      if (tag.kind === 'trigger' && (tag.trigger === 'both' || tag.trigger === 'revocation')) cancelling = true;
      // "List what remains open after the go-live": what is open is the free relative's, not the clause's.
      if (tag.kind === 'trigger' && tag.trigger === 'blocking' && WHAT.has(ctx.tokens[p0]?.norm ?? '')) continue;
      if (tag.kind === 'trigger' && tag.trigger === 'blocking') {
        // "Cutover approved, repoint still blocked": the block is the other part's, whose action it names.
        const part = otherActionPart(ctx, m, a, b, commaAfter(m.to));
        if (part) for (let k = part.from; k < part.to; k++) blockedPart[k - a] = 1;
        else blocking = true;
      }
      if (tag.kind === 'cue' && tag.cue === 'unblock') unblock = true;
      // "ran with --dry-run against prod", "in read-only mode": the run's mode, wherever it ran, changes nothing.
      if (tag.kind === 'nonprod' && runMode(ctx, m, a)) cancelling = true;
      // "approved, not rehearsed", "in production, not staging": a denied non-production word places nothing outside it.
      if (tag.kind === 'nonprod' && deniedPlace(ctx, m, a)) continue;
      if (tag.kind === 'nonprod' && !inTimePhrase(ctx, m, a) && !inLeadingTimePhrase(ctx, m, a, b) && !DOCUMENTS.has(ctx.tokens[nextToken(ctx, m.to - 1, b)]?.norm ?? '')) {
        nonProduction = true;
        if (placedAfter(ctx, m, a)) nonProductionPlace = true;
      }
    }
    // "already performed once on 11-29": after a performed verb, "once" counts; it conditions nothing.
    if (ctx.tokens[m.from]?.norm === 'once' && m.to === m.from + 1 && onceAsCount(ctx, m.from, a, b)) continue;
    // "Whoever approved the repoint, ..." presupposes that someone did; "Whoever approves ..." conditions.
    if (FREE_RELATIVES.has(ctx.tokens[m.from]?.norm ?? '') && pastVerb(ctx.tokens[nextToken(ctx, m.to - 1, b)]?.norm ?? '')) continue;
    const forward = m.tags.filter((t) => t.kind === 'trigger' && FORWARD.has(t.trigger));
    if (forward.length === 0 || tellingModal(ctx, m, b) || (bare && forward.every((t) => t.kind === 'trigger' && t.trigger === 'conditional'))) continue;
    const onlyRequest = forward.every((t) => t.kind === 'trigger' && t.trigger === 'request');
    if (onlyRequest && (inPhrase || reportingWish(ctx, m, b) || inFreeRelative(ctx, m, a))) continue;
    // "incidents raised since the activation": tickets raised in a time, not a request made.
    if (onlyRequest && TIME_PREPOSITIONS.has(ctx.tokens[after]?.norm ?? '')) continue;
    const p = prevToken(ctx, m.from, a);
    if (onlyRequest && p !== -1 && has(ctx.cover[p], 'det')) continue; // "the requested cutover"
    // "The permit request from Halden council was approved": the request names what the cue grants.
    if (onlyRequest && p !== -1 && has(ctx.cover[p], 'action') && REQUEST_NOUNS.has(mentionPhrase(ctx, m))) continue;
    // "The COO granted the integrator's request to run ...": a request granted is a grant.
    if (onlyRequest && REQUEST_NOUNS.has(mentionPhrase(ctx, m)) && grantedObject(ctx, m, a)) continue;
    const conditional = forward.some((t) => t.kind === 'trigger' && t.trigger === 'conditional');
    // "was stopped before it touched production": what a stop came before never happened, whatever its tense.
    // "the director stopped it before the first prod controller updated": the stop's object may stand between.
    const stopper = prevToken(ctx, m.from, a);
    const stoppedBefore = ctx.tokens[m.from]?.norm === 'before' && (STOPPING.has(ctx.tokens[stopper]?.norm ?? '') || (PRONOUN_OBJECTS.has(ctx.tokens[stopper]?.norm ?? '') && STOPPING.has(ctx.tokens[prevToken(ctx, stopper, a)]?.norm ?? '')));
    const temporal = !stoppedBefore && forward.every((t) => t.kind === 'trigger' && t.trigger === 'conditional' && t.temporal === true);
    const opensClause = p === -1 || (LEADING_FILLERS.has(ctx.tokens[p]?.norm ?? '') && prevToken(ctx, p, a) === -1);
    // A leading "If/Once/Until ..." conditions the whole sentence; a later one only its own clause.
    // "So that nobody re-opens the question, the registrar approved ...": a leading purpose ends at its comma.
    // "Just to make sure everyone's on the same page, the owner did approve ...": so does one made with "to make sure".
    const purposeEnd = (PURPOSE.has(mentionPhrase(ctx, m)) || (SURE.has(mentionPhrase(ctx, m)) && ctx.tokens[p0]?.norm === 'to')) && commaAfter(m.to - 1) - m.to >= MIN_PURPOSE_WORDS;
    // "approved the review of the cutover plan and, in the same message, approved the cutover": a plan named as a noun hedges its own part.
    const nounPlan = PLAN_NOUNS.has(mentionPhrase(ctx, m)) && p !== -1 && (has(ctx.cover[p], 'action') || has(ctx.cover[p], 'det'));
    // "the flight plan validator", "the analysis plan": a plan named by its kind is a thing, not an intention.
    if (PLAN_NOUNS.has(mentionPhrase(ctx, m)) && compoundModifier(ctx, p) && ctx.tokens[after]?.norm !== 'to') continue;
    const end = (conditional && !opensClause) || purposeEnd || nounPlan ? commaAfter(m.to) : b;
    if (temporal && afterPastClause(ctx, m, a, commaAfter(m.to), b)) continue;
    starts.set(m.from, { end, temporal });
    if (conditional && !opensClause && temporal && isTrailingCondition(ctx, m, a, commaAfter(m.to)) && !ownPhraseCondition(ctx, m, a)) {
      conditionAfter = Math.min(conditionAfter, m.from);
    }
  }
  for (const h of hedges) starts.set(h, { end: b, temporal: false });

  const hedged = new Uint8Array(n);
  let hardEnd = -1;
  let temporalEnd = -1;
  let released = false;
  for (let i = a; i < b; i++) {
    hedged[i - a] = i < hardEnd ? 2 : i < temporalEnd && !released ? 1 : 0;
    const s = starts.get(i);
    if (s && s.temporal) {
      temporalEnd = Math.max(temporalEnd, s.end);
      released = false;
    } else if (s) hardEnd = Math.max(hardEnd, s.end);
    if (i < temporalEnd && PAST.has(ctx.tokens[i]?.norm ?? '')) released = true;
  }

  const predicateNegated = new Uint8Array(n);
  for (let i = a, k = 0, on = false, part = a; i < b && (on || k < predicateNegations.length); i++) {
    if (ctx.tokens[i]?.raw === ';' || (on && clauseAfterColon(ctx, i, part, b))) {
      on = false;
      part = i + 1;
    }
    if (predicateNegations[k] === i) {
      on = true;
      k++;
    }
    if (on) predicateNegated[i - a] = 1;
  }

  crossedParts(ctx, a, b, excluded);
  return {
    a,
    hedged,
    negated: npScope(ctx, a, b, 'determiner', MAX_NP_WORDS, true, lifts.length > 0),
    excluded: orInto(excluded, blockedPart),
    predicateNegated,
    cancelled: cancelling || (blocking && !unblock && lifts.length === 0),
    cancelBefore,
    conditionAfter,
    nonProduction,
    nonProductionPlace,
  };
}

/**
 * "owner approval ✖, SRE on standby ✔, executed on prod ✖": a cross after an item says no to
 * the comma part it ends. Each part is marked once: a scan back stops at the part's comma.
 */
const ITEM_ENDS = new Set([';', '/', '|', '·', '•']);

function crossedParts(ctx: Ctx, a: number, b: number, out: Uint8Array): void {
  let partStart = a;
  for (let i = a; i < b; i++) {
    // A tick or a separator ends an item too ("cutover ✔ repoint ✔ activation ✘", "repoint ✅ / cutover ❌").
    if (isComma(ctx, i) || ITEM_ENDS.has(ctx.tokens[i]?.raw ?? '') || TICKED.has(ctx.tokens[i]?.raw ?? '')) partStart = i + 1;
    else if (CROSSES.has(ctx.tokens[i]?.raw ?? '') && i > partStart) {
      for (let k = partStart; k < i; k++) out[k - a] = 1;
      partStart = i + 1;
    }
  }
}

const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'many', 'few', 'some']);
const PLAN_NOUNS = new Set(['plan', 'plans']);

/** The mention sits in a parenthesis within the clause's first few tokens, closed right before a colon. */
function labelParenthesis(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  let open = -1;
  for (let i = m.from - 1; i >= a && i >= m.from - MAX_LABEL_TOKENS; i--) {
    if (ctx.tokens[i]?.raw === '(') {
      open = i;
      break;
    }
  }
  if (open === -1 || open - a > MAX_LABEL_TOKENS) return false;
  for (let j = m.to; j < b && j <= m.to + MAX_LABEL_TOKENS; j++) if (ctx.tokens[j]?.raw === ')') return ctx.tokens[j + 1]?.raw === ':';
  return false;
}
// A label ("Status note (assistant draft):") is this many tokens at most.
const MAX_LABEL_TOKENS = 6;

const WHO = new Set(['who', 'whom']);
// An aside longer than this is more than a remark on its person.
const MAX_ASIDE_TOKENS = 12;

/** Per token: 1 inside ", who ... ," (both commas in the clause, a bounded scan from each "who"). */
function asidesAboutPeople(ctx: Ctx, a: number, b: number): Uint8Array {
  const out = new Uint8Array(b - a);
  for (let i = a + 1; i < b; i++) {
    if (!WHO.has(ctx.tokens[i]?.norm ?? '') || !isComma(ctx, i - 1)) continue;
    for (let j = i + 1; j < b && j <= i + MAX_ASIDE_TOKENS; j++) {
      if (!isComma(ctx, j)) continue;
      for (let k = i; k < j; k++) out[k - a] = 1;
      i = j;
      break;
    }
  }
  return out;
}

/** A plain word no vocabulary names, lower case, right before a noun: the noun's modifier ("flight plan"). */
function compoundModifier(ctx: Ctx, p: number): boolean {
  const t = p === -1 ? undefined : ctx.tokens[p];
  return t !== undefined && t.kind === 'word' && ctx.cover[p] === undefined && !/[’']s$/.test(t.raw) && t.raw !== t.raw.toUpperCase();
}
// Verbs of an if-clause that asks rather than conditions ("If anyone asks", "If compliance raises the question").
const ASKING = new Set(['ask', 'asks', 'asked', 'wonders', 'wonder', 'raises', 'raise', 'queries', 'query', 'questions']);

function askingCondition(ctx: Ctx, m: Mention, a: number, end: number): boolean {
  if (ctx.tokens[m.from]?.norm !== 'if' || prevToken(ctx, m.from, a) !== -1 || end - m.to > MAX_ASKING_WORDS) return false;
  for (let j = m.to; j < end; j++) if (ASKING.has(ctx.tokens[j]?.norm ?? '')) return true;
  return false;
}

const MAX_ASKING_WORDS = 14;

/** "not rehearsed", "not on the clone": a non-production word under "not", a preposition and a determiner between at most. */
function deniedPlace(ctx: Ctx, m: Mention, a: number): boolean {
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 3; j = prevToken(ctx, j, a), steps++) {
    if (ctx.tokens[j]?.norm === 'not') return true;
    if (!(has(ctx.cover[j], 'prep') || has(ctx.cover[j], 'det'))) return false;
  }
  return false;
}

/** A participle between a number or determiner and a plain noun ("three rejected IBANs", "the revoked tokens"). */
function attributive(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  // A participle, not a noun that revokes by itself ("our draft CAB sheet").
  if (m.to !== m.from + 1 || !/(?:ed|en|wn)$/.test(ctx.tokens[m.from]?.norm ?? '')) return false;
  const p = prevToken(ctx, m.from, a);
  const n = nextToken(ctx, m.to - 1, b);
  if (p === -1 || n === -1 || !(ctx.tokens[p]?.kind === 'number' || NUMBER_WORDS.has(ctx.tokens[p]?.norm ?? '') || has(ctx.cover[p], 'det'))) return false;
  const t = ctx.tokens[n];
  return t !== undefined && t.kind === 'word' && !ctx.cover[n];
}

/**
 * The comma-delimited part holding a blocking word, when it names an action of its own that no
 * other part of the clause names ("Cutover approved, repoint still blocked"), or undefined.
 */
function otherActionPart(ctx: Ctx, m: Mention, a: number, b: number, end: number): { from: number; to: number } | undefined {
  let from = m.from;
  while (from > a && !isComma(ctx, from - 1)) from--;
  if (from === a) return undefined;
  const inside = new Set<string>();
  for (let j = from; j < end; j++) for (const t of ctx.cover[j]?.tags ?? []) if (t.kind === 'action') inside.add(t.action);
  // "Cutover approved, production still blocked": a block on production is every action's.
  if (inside.has('production')) return undefined;
  // "prod migration done, repoint done, FRM still on HOLD": a part whose subject is a name of its own holds its own block.
  if (inside.size === 0 && !namedSubject(ctx, from, m.from)) return undefined;
  // The claim stands before the part: a cue of its own there ("Cutover approved, ..."), not a list's first item ("Repoint of X, cutover of Y ... are withheld").
  let cue = false;
  for (let j = a; j < from && !cue; j++) cue = has(ctx.cover[j], 'cue');
  if (!cue) return undefined;
  for (let j = a; j < b; j++) {
    if (j === from) j = end;
    for (const t of ctx.cover[j]?.tags ?? []) if (t.kind === 'action' && inside.has(t.action)) return undefined;
  }
  return { from, to: end };
}

/** The part opens with a plain or upper-case name ("FRM", "Depot 4") and holds no grant word before the block. */
function namedSubject(ctx: Ctx, from: number, to: number): boolean {
  let k = from;
  // ", with the south depot deferred to January": the absolute's own subject.
  if (ctx.tokens[k]?.norm === 'with') {
    k = nextToken(ctx, k, to);
    while (k !== -1 && has(ctx.cover[k], 'det')) k = nextToken(ctx, k, to);
    if (k === -1) return false;
  }
  const t = ctx.tokens[k];
  if (!t || (t.kind !== 'word' && t.kind !== 'opaque') || ctx.cover[k]) return false;
  for (let j = from; j < to; j++) if (has(ctx.cover[j], 'grantNoun') || has(ctx.cover[j], 'cue')) return false;
  return true;
}

function orInto(x: Uint8Array, y: Uint8Array): Uint8Array {
  for (let i = 0; i < x.length; i++) x[i] = (x[i] ?? 0) | (y[i] ?? 0);
  return x;
}

const FORMERLY = new Set(['previously', 'formerly', 'originally', 'initially', 'once']);

/**
 * "pending" ending a part whose words since the last comma name neither an action, a grant nor
 * production ("Depot 4 pending"): the other part's item waits, not the claim's. "owner sign-off
 * pending" names the grant itself, so it still cancels.
 */
function otherSubjectPending(ctx: Ctx, m: Mention, a: number): boolean {
  let words = 0;
  for (let j = prevToken(ctx, m.from, a); j !== -1 && !isComma(ctx, j); j = prevToken(ctx, j, a)) {
    const c = ctx.cover[j];
    if (has(c, 'action') || has(c, 'grantNoun') || has(c, 'cue') || has(c, 'prodWord') || has(c, 'neg') || has(c, 'trigger')) return false;
    if (ctx.tokens[j]?.kind === 'word' || ctx.tokens[j]?.kind === 'number') words++;
    if (j === a) return false;
  }
  return words > 0 && words <= MAX_OTHER_SUBJECT_WORDS;
}

const MAX_OTHER_SUBJECT_WORDS = 4;

/** "Contrary to what the summary suggested": a request word inside a free relative "what ..." names what was said, it asks nothing. */
function inFreeRelative(ctx: Ctx, m: Mention, a: number): boolean {
  for (let j = prevToken(ctx, m.from, a), words = 0; j !== -1 && words < MAX_FREE_RELATIVE_WORDS; j = prevToken(ctx, j, a), words++) {
    if (isComma(ctx, j) || has(ctx.cover[j], 'trigger') || has(ctx.cover[j], 'cue')) return false;
    if (ctx.tokens[j]?.norm === 'what') return true;
  }
  return false;
}

const MAX_FREE_RELATIVE_WORDS = 6;

const MAX_GRANTED_OBJECT_WORDS = 4;

/** A grant cue before the noun, across its determiner and possessor ("approved the operator's request"). */
function grantedObject(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  for (let k = 0; p !== -1 && k < MAX_GRANTED_OBJECT_WORDS; k++) {
    const c = ctx.cover[p];
    if (c?.tags.some((t) => t.kind === 'cue' && t.cue === 'grant')) return true;
    if (!(has(c, 'det') || (!c && ctx.tokens[p]?.kind === 'word') || ctx.tokens[p]?.raw === "'s" || ctx.tokens[p]?.raw === "'")) return false;
    p = prevToken(ctx, c ? c.from : p, a);
  }
  return false;
}

/** "in the earlier draft": a preposition, a determiner and at most one plain word before the trigger. */
function nounInPhrase(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  if (p !== -1 && (!ctx.cover[p] || has(ctx.cover[p], 'adverb')) && ctx.tokens[p]?.kind === 'word') p = prevToken(ctx, p, a);
  if (p === -1 || !has(ctx.cover[p], 'det')) return false;
  const q = prevToken(ctx, p, a);
  return q !== -1 && has(ctx.cover[q], 'prep');
}

const PRONOUN_OBJECTS = new Set(['it', 'them', 'this', 'that']);
const STOPPING = new Set(['stopped', 'halted', 'aborted', 'cancelled', 'canceled', 'caught', 'interrupted', 'paused', 'blocked', 'killed', 'rejected', 'refused']);
