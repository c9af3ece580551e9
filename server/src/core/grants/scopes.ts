/**
 * Trigger scopes over one clause (the NegEx / ConText idea): each trigger covers a stretch of
 * tokens, ended by the clause end, a comma, or the first cue, computed in linear sweeps.
 */
import { has, isComma, nextToken, prevToken, startingAt, type Ctx, type Mention } from './mentions';

export interface ClauseScopes {
  readonly a: number;
  /** Per token: 0 free, 1 under a temporal trigger a past tense can release, 2 hedged. */
  readonly hedged: Uint8Array;
  /** Under "no"/"nobody"/"none": the noun phrase and the first verb after it. */
  readonly negated: Uint8Array;
  /** Under "without"/"except"/"instead of": the noun phrase after it. */
  readonly excluded: Uint8Array;
  /** First do-support negation ("does not ..."); every cue after it is negated. */
  readonly predicateNegation: number;
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

/** Verbs of denial: negating one affirms its complement ("Nobody disputes that the repoint was approved"). */
export const DISPUTING = new Set(['disputes', 'denies', 'doubts', 'questions', 'contests', 'challenges', 'disagrees', 'disputed', 'denied', 'doubted', 'contested', 'challenged', 'objected', 'objects', 'disagreed', 'protested']);

// Negations that stand as a subject ("nobody", "no one"), not a determiner of the next noun.
const NEGATED_PRONOUNS = new Set(['nobody', 'no one', 'no-one', 'none', 'nothing', 'neither']);

const PAST = new Set(['was', 'were', 'had', 'did', 'got']);
// Irregular past forms, so "when we spoke at standup" reads as a past time, not a condition.
const IRREGULAR_PAST = new Set(['spoke', 'met', 'said', 'told', 'saw', 'came', 'went', 'ran', 'took', 'gave', 'made', 'wrote', 'held', 'began', 'left', 'sent', 'found', 'knew', 'heard', 'brought', 'thought', 'stood', 'sat', 'broke', 'caught', 'fell', 'felt', 'kept', 'led', 'lost', 'paid', 'put', 'read', 'rose', 'shut', 'spent', 'struck', 'won', 'woke']);
const PRESENT = new Set([
  'is', 'are', 'has', 'have', 'exists', 'exist', 'does', 'do', 'gets', 'becomes', 'will', 'can', 'may', 'shall',
  "'s", 'lands', 'passes', 'completes', 'arrives', 'holds', 'proves', 'returns', 'signs',
]);
const LEADING_FILLERS = new Set(['only', 'and', 'so', 'then', 'even', 'but', 'or']);
export const FORWARD = new Set(['conditional', 'future', 'requirement', 'request', 'question']);
const NEVER_CONDITIONAL = new Set(['before', 'prior to', 'ahead of', 'until', 'till']);
const FACT_UNLESS_PRESENT = new Set(['after', 'upon']);
const PLACE_PREPOSITIONS = new Set(['for', 'in', 'on', 'to', 'into', 'within', 'inside', 'against', 'onto']);
const MAX_NP_WORDS = 12;
const MAX_CONDITION_WORDS = 16;
const MAX_EXCLUSION_WORDS = 8;

// "with zero rejected objects", "no blocking issues": a negated trigger cancels nothing.
const TIME_PREPOSITIONS = new Set(['before', 'after', 'since', 'until', 'during', 'ahead']);
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

  const liftSet = new Set(lifts);
  const starts = new Map<number, { end: number; temporal: boolean }>();
  let predicateNegation = Infinity;
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
  let unblock = false;
  let nonProduction = false;
  let nonProductionPlace = false;

  // "has not been withdrawn, suspended or superseded": the end of a negated revocation and its list.
  let negatedRevocationTo = -1;
  for (let i = a; i < b; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    i = m.to - 1;
    const p0 = prevToken(ctx, m.from, a);
    const p1 = p0 === -1 ? -1 : prevToken(ctx, p0, a);
    // "with zero rejected objects", "which nobody has revoked", "without waiting for": a negated trigger.
    const negatedTrigger = [p0, p1].some((p) => p !== -1 && TRIGGER_NEGATORS.has(ctx.tokens[p]?.norm ?? ''));
    // "signed before the freeze": a restriction named as a time is no block now.
    const asTime = p0 !== -1 && (TIME_PREPOSITIONS.has(ctx.tokens[p0]?.norm ?? '') || (has(ctx.cover[p0], 'det') && p1 !== -1 && TIME_PREPOSITIONS.has(ctx.tokens[p1]?.norm ?? '')));
    // "the NO-GO on the go-live was reversed": with a lift in the clause, a restriction is what it lifts.
    const lifting = liftSet.has(m.from) || (lifts.length > 0 && has(m, 'restriction'));
    // "in the earlier draft", "per the proposal": a document named in a prepositional phrase revokes or asks nothing.
    const inPhrase = nounInPhrase(ctx, m, a);
    // "the stand-up held at 09:00" took place; "REAL_RUN is held" is a block.
    const heldNext = ctx.tokens[nextToken(ctx, m.from, b)];
    // "held error rates flat", "held at 09:00": kept or took place; "Cutover held.", "is held" block.
    const tookPlace = ctx.tokens[m.from]?.norm === 'held' && m.to === m.from + 1 && !(p0 !== -1 && (has(ctx.cover[p0], 'be') || has(ctx.cover[p0], 'have'))) && heldNext !== undefined && heldNext.kind === 'word' && !['by', 'back', 'up', 'until', 'pending', 'off', 'for'].includes(heldNext.norm);
    // "rotated the key, old version revoked": revoking what the change replaced is part of the change.
    const revokes = m.tags.some((t) => t.kind === 'trigger' && t.trigger === 'revocation') && !replacedRevoked(ctx, m, a);
    if (revokes && (verballyNegated(ctx, m.from, a) || listedAfter(ctx, m.from, negatedRevocationTo, a))) negatedRevocationTo = m.to;
    for (const tag of m.tags) {
      if (tag.kind === 'trigger' && negatedTrigger) continue;
      if (tag.kind === 'trigger' && inPhrase && (tag.trigger === 'revocation' || tag.trigger === 'request')) continue;
      if (tag.kind === 'trigger' && tag.trigger === 'revocation' && (negatedRevocationTo === m.to || !revokes)) continue;
      if (tag.kind === 'trigger' && (lifting || tookPlace || asTime) && (tag.trigger === 'revocation' || tag.trigger === 'blocking')) continue;
      if (tag.kind === 'neg' && tag.neg === 'clause') {
        // "no evidence filed for the go-live | the owner approved on 07-31": the relative
        // clause about the action is outside what "no evidence" negates.
        const rel = relAfter(m.to);
        if (rel === -1) cancelling = true;
        else cancelBefore = Math.min(cancelBefore, rel);
      }
      if (tag.kind === 'neg' && tag.neg === 'predicate') predicateNegation = Math.min(predicateNegation, m.from);
      if (tag.kind === 'trigger' && tag.trigger === 'both' && (ellipticalCondition(ctx, m, b) || complementIf(ctx, m, a, commaAfter(m.to)))) continue;
      if (tag.kind === 'trigger' && (tag.trigger === 'both' || tag.trigger === 'revocation')) cancelling = true;
      if (tag.kind === 'trigger' && tag.trigger === 'blocking') blocking = true;
      if (tag.kind === 'cue' && tag.cue === 'unblock') unblock = true;
      // "ran with --dry-run against prod", "in read-only mode": the run's mode, wherever it ran, changes nothing.
      if (tag.kind === 'nonprod' && runMode(ctx, m, a)) cancelling = true;
      if (tag.kind === 'nonprod' && !inTimePhrase(ctx, m, a)) {
        nonProduction = true;
        if (placedAfter(ctx, m, a)) nonProductionPlace = true;
      }
    }
    // "already performed once on 11-29": after a performed verb, "once" counts; it conditions nothing.
    if (ctx.tokens[m.from]?.norm === 'once' && m.to === m.from + 1 && onceAsCount(ctx, m.from, a, b)) continue;
    // "Whoever approved the repoint, ..." presupposes that someone did; "Whoever approves ..." conditions.
    if (FREE_RELATIVES.has(ctx.tokens[m.from]?.norm ?? '') && pastVerb(ctx.tokens[nextToken(ctx, m.to - 1, b)]?.norm ?? '')) continue;
    const forward = m.tags.filter((t) => t.kind === 'trigger' && FORWARD.has(t.trigger));
    if (forward.length === 0) continue;
    const onlyRequest = forward.every((t) => t.kind === 'trigger' && t.trigger === 'request');
    if (onlyRequest && inPhrase) continue;
    const p = prevToken(ctx, m.from, a);
    if (onlyRequest && p !== -1 && has(ctx.cover[p], 'det')) continue; // "the requested cutover"
    const conditional = forward.some((t) => t.kind === 'trigger' && t.trigger === 'conditional');
    const temporal = forward.every((t) => t.kind === 'trigger' && t.trigger === 'conditional' && t.temporal === true);
    const opensClause = p === -1 || (LEADING_FILLERS.has(ctx.tokens[p]?.norm ?? '') && prevToken(ctx, p, a) === -1);
    // A leading "If/Once/Until ..." conditions the whole sentence; a later one only its own clause.
    const end = conditional && !opensClause ? commaAfter(m.to) : b;
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

  return {
    a,
    hedged,
    negated: npScope(ctx, a, b, 'determiner', MAX_NP_WORDS, true, lifts.length > 0),
    excluded: npScope(ctx, a, b, 'exclusion', MAX_EXCLUSION_WORDS, true),
    predicateNegation,
    cancelled: cancelling || (blocking && !unblock && lifts.length === 0),
    cancelBefore,
    conditionAfter,
    nonProduction,
    nonProductionPlace,
  };
}

const FREE_RELATIVES = new Set(['whoever', 'anyone']);

function pastVerb(norm: string): boolean {
  return norm.endsWith('ed') || PAST.has(norm) || IRREGULAR_PAST.has(norm);
}

// "rollback ready if needed": an "if" with nothing but one of these after it conditions the
// phrase it follows, not the clause ("I already flipped prod to the new reader, rollback ready if needed").
const ELLIPTICAL = new Set(['needed', 'necessary', 'required', 'possible', 'applicable', 'appropriate', 'warranted', 'any', 'so']);

function ellipticalCondition(ctx: Ctx, m: Mention, b: number): boolean {
  if (m.to !== m.from + 1 || ctx.tokens[m.from]?.norm !== 'if') return false;
  const next = nextToken(ctx, m.from, b);
  if (next === -1 || !ELLIPTICAL.has(ctx.tokens[next]?.norm ?? '')) return false;
  const after = nextToken(ctx, next, b);
  if (after !== -1 && ctx.tokens[after]?.kind !== 'punct') return false;
  // Only after a comma: "approved if needed" still conditions its own verb.
  for (let j = prevToken(ctx, m.from, 0), steps = 0; j !== -1 && steps < 4; j = prevToken(ctx, j, 0), steps++) {
    if (ctx.tokens[j]?.raw === ',' || ctx.tokens[j]?.raw === ';') return true;
    if (has(ctx.cover[j], 'cue')) return false;
  }
  return false;
}

/**
 * "was not executed", "has never been approved", "not withdrawn": a negation before the verb at
 * `i`, through its auxiliaries and adverbs and past one aside ("has not, at any point since the
 * CAB, granted"); with `throughReport`, also through the verb reporting it ("has not said GO").
 */
export function verballyNegated(ctx: Ctx, i: number, a: number, throughReport = false): boolean {
  let j = prevToken(ctx, i, a);
  let asides = 0;
  for (let steps = 0; j !== -1 && steps < 5; steps++) {
    if (isComma(ctx, j) && asides++ === 0) {
      const open = asideStart(ctx, j, a);
      if (open !== -1) {
        j = prevToken(ctx, open, a);
        continue;
      }
    }
    const c = ctx.cover[j];
    if (c?.tags.some((t) => t.kind === 'neg' && (t.neg === 'verbal' || t.neg === 'predicate'))) return true;
    if (!(has(c, 'be') || has(c, 'have') || has(c, 'adverb') || (throughReport && has(c, 'report') && steps === 0))) return false;
    j = prevToken(ctx, c ? c.from : j, a);
  }
  return false;
}

/** "performed once on 11-29", "ran once, at 02:00": a performed verb, "once", then a date, a time or the end of the phrase. */
function onceAsCount(ctx: Ctx, i: number, a: number, b: number): boolean {
  const p = prevToken(ctx, i, a);
  if (!ctx.cover[p]?.tags.some((t) => t.kind === 'cue' && t.cue === 'perf')) return false;
  const n = nextToken(ctx, i, b);
  const t = ctx.tokens[n];
  if (n === -1 || !t || t.kind === 'punct' || t.kind === 'number') return true;
  return (t.norm === 'on' || t.norm === 'at' || t.norm === 'in') && ctx.tokens[nextToken(ctx, n, b)]?.kind === 'number';
}

const REPLACED = new Set(['old', 'previous', 'former', 'prior', 'legacy', 'outgoing']);

/** "old version revoked", "the previous keys were revoked": at most three words back, a word for what was replaced. */
function replacedRevoked(ctx: Ctx, m: Mention, a: number): boolean {
  for (let j = prevToken(ctx, m.from, a), k = 0; j !== -1 && k < 4; j = prevToken(ctx, j, a), k++) {
    if (REPLACED.has(ctx.tokens[j]?.norm ?? '')) return true;
    // "the previous REAL_RUN approval was withdrawn": what was revoked is a grant.
    const c = ctx.cover[j];
    const artefact = c?.tags.some((t) => t.kind === 'action' && t.action === 'secrets-change') === true; // "old password revoked"
    if (ctx.tokens[j]?.kind === 'punct' || has(c, 'grantNoun') || (has(c, 'action') && !artefact) || has(c, 'cue') || has(c, 'prodWord')) return false;
  }
  return false;
}

const MODES = new Set(['dry-run', 'dryrun', 'dry run', 'read-only', 'readonly', 'read only', 'preflight', 'pre-flight', 'simulated', 'dry-run mode']);
const MODE_OPENERS = new Set(['with', 'as', '-', '(']);

function runMode(ctx: Ctx, m: Mention, a: number): boolean {
  if (!MODES.has(ctx.tokens.slice(m.from, m.to).map((t) => t.norm).join(' '))) return false;
  const p = prevToken(ctx, m.from, a);
  if (p === -1) return false;
  // "in read-only mode"; "ERP in read-only" is the state of another system.
  if (ctx.tokens[p]?.norm === 'in') return ctx.tokens[m.to]?.norm === 'mode' || ctx.tokens.slice(m.from, m.to).some((t) => t.norm === 'mode');
  return MODE_OPENERS.has(ctx.tokens[p]?.norm ?? '');
}

// An aside is at most this many words between its commas.
const MAX_ASIDE_WORDS = 10;

/** The opening comma of the aside that `close` (a comma) ends, or -1 when none is near. */
function asideStart(ctx: Ctx, close: number, a: number): number {
  for (let j = prevToken(ctx, close, a), words = 0; j !== -1 && words <= MAX_ASIDE_WORDS; j = prevToken(ctx, j, a)) {
    if (isComma(ctx, j)) return j;
    if (ctx.tokens[j]?.kind === 'word') words++;
  }
  return -1;
}

/** "withdrawn, suspended or superseded": `i` continues a list ending at `end` with only commas and conjunctions between. */
function listedAfter(ctx: Ctx, i: number, end: number, a: number): boolean {
  if (end < 0) return false;
  for (let j = prevToken(ctx, i, a); j !== -1 && j >= end; j = prevToken(ctx, j, a)) {
    const norm = ctx.tokens[j]?.norm ?? '';
    if (!(isComma(ctx, j) || norm === 'or' || norm === 'and' || norm === 'nor')) return false;
  }
  return true;
}

// Words after which an "if" still opens a condition on the clause that follows ("and if the proof lands, ...").
const CONDITION_OPENERS = new Set(['that', 'and', 'but', 'so', 'then', 'or', 'even', 'only', 'because', 'since', 'while', 'although', 'though', 'which', 'who', 'now', 'and/or']);

/**
 * "sorry if this is obvious, the owner did approve ...": an "if" after a word that takes it as
 * a complement, closed by a comma, conditions only its own phrase. After a cue it is still the
 * cue's condition ("approved if the checks pass").
 */
function complementIf(ctx: Ctx, m: Mention, a: number, comma: number): boolean {
  if (m.to !== m.from + 1 || ctx.tokens[m.from]?.norm !== 'if' || !isComma(ctx, comma)) return false;
  const p = prevToken(ctx, m.from, a);
  const pt = ctx.tokens[p];
  if (p === -1 || !pt || pt.kind !== 'word' || CONDITION_OPENERS.has(pt.norm)) return false;
  const pm = ctx.cover[p];
  if (has(pm, 'cue') || has(pm, 'modal') || has(pm, 'trigger') || has(pm, 'action')) return false;
  for (let j = m.to; j < comma; j++) if (has(ctx.cover[j], 'cue') || has(ctx.cover[j], 'action')) return false;
  return true;
}

/**
 * "REAL_RUN approved, go when ready": a condition whose own verb stands between it and the
 * comma after the cue conditions that verb, not the cue ("approved, once the proof lands" does).
 */
function ownPhraseCondition(ctx: Ctx, m: Mention, a: number): boolean {
  let words = 0;
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 6; j = prevToken(ctx, j, a), steps++) {
    const c = ctx.cover[j];
    if (has(c, 'cue') || has(c, 'action') || has(c, 'trigger')) return false;
    if (isComma(ctx, j)) return words > 0;
    if (ctx.tokens[j]?.kind === 'word' && !has(c, 'adverb')) words++;
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

/** "after the replica-lag alarm", "since the staging run": a non-production word dating the clause does not place it. */
function inTimePhrase(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  for (let steps = 0; p !== -1 && steps < 3; steps++) {
    const c = ctx.cover[p];
    if (TIME_PREPOSITIONS.has(ctx.tokens[p]?.norm ?? '')) return true;
    if (!(has(c, 'det') || has(c, 'adverb') || (!c && ctx.tokens[p]?.kind !== 'punct'))) return false;
    p = prevToken(ctx, c ? c.from : p, a);
  }
  return false;
}

/** "for the dry run", "in staging only": a place preposition within two words before the marker. */
function placedAfter(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  for (let steps = 0; p !== -1 && steps < 3; steps++) {
    const c = ctx.cover[p];
    if (PLACE_PREPOSITIONS.has(ctx.tokens[p]?.norm ?? '')) return true;
    if (!(has(c, 'det') || has(c, 'adverb') || ctx.tokens[p]?.norm === 'only')) return false;
    p = prevToken(ctx, c ? c.from : p, a);
  }
  return false;
}

/** After a cue: "once/when X is ..." conditions it, "after the review" reports a fact. */
function modalBefore(ctx: Ctx, a: number, i: number): boolean {
  for (let j = a; j < i; j++) if (has(ctx.cover[j], 'modal')) return true;
  return false;
}

function isTrailingCondition(ctx: Ctx, m: Mention, a: number, end: number): boolean {
  const phrase = ctx.tokens.slice(m.from, m.to).map((t) => t.norm).join(' ');
  if (NEVER_CONDITIONAL.has(phrase)) return false;
  // "may proceed once approved": after a permission, a participle with no subject of its own stays a condition.
  if (has(ctx.cover[m.to], 'cue') && ctx.cover[m.to]?.from === m.to && modalBefore(ctx, a, m.from)) return true;
  let present = false;
  let past = false;
  for (let i = m.to; i < Math.min(end, m.to + MAX_CONDITION_WORDS); i++) {
    const w = ctx.tokens[i]?.norm ?? '';
    if (PRESENT.has(w)) present = true;
    if (PAST.has(w) || IRREGULAR_PAST.has(w) || (w.length > 4 && w.endsWith('ed'))) past = true;
  }
  return FACT_UNLESS_PRESENT.has(phrase) ? present : present || !past;
}

/** ", not production", "not REAL_RUN": a bare "not" before an action excludes it. */
function notBeforeAction(ctx: Ctx, m: Mention, b: number): boolean {
  if (ctx.tokens[m.from]?.norm !== 'not' || m.to !== m.from + 1) return false;
  const n = nextToken(ctx, m.from, b);
  const nm = n === -1 ? undefined : ctx.cover[n];
  return has(nm, 'action') || has(nm, 'prodWord') || has(nm, 'prodModifier');
}

const SUBJECT_PRONOUNS = new Set(['we', 'they', 'he', 'she', 'i', 'you', 'it', 'the', 'a', 'an', 'our', 'their', 'his', 'her']);
const ALREADY = new Set(['already', 'previously', 'earlier', 'since']);

/**
 * "no evidence filed for the go-live | the owner approved", "no rollback path for the
 * activation | already performed": a clause about the noun begins, outside the negation.
 */
function relativeClauseStarts(ctx: Ctx, i: number, a: number): boolean {
  const p = prevToken(ctx, i, a);
  if (p === -1 || !has(ctx.cover[p], 'action')) return false;
  const norm = ctx.tokens[i]?.norm ?? '';
  if (ALREADY.has(norm)) return true;
  return SUBJECT_PRONOUNS.has(norm) && !has(ctx.cover[p], 'prep');
}

const QUOTES = new Set(["'", '‘', '"', '“']);
const CLOSING_QUOTES = new Set(["'", '’', '"', '”']);

/**
 * A negation that states a restriction's content: in brackets after the restriction's noun
 * ("Restriction R-4 (no production firmware changes ...)", at most an ID between) or quoted
 * before it ("the 'no production' restriction"). Bounded by a few tokens each way.
 */
function describesRestriction(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  // Brackets and quotes are noise to the token walks, so the raw neighbours are read here.
  const open = m.from - 1;
  if (open < a) return false;
  if (ctx.tokens[open]?.raw === '(') {
    let j = open - 1;
    if (j >= a && ctx.tokens[j]?.kind === 'opaque') j--;
    return j >= a && has(ctx.cover[j], 'restriction');
  }
  if (!QUOTES.has(ctx.tokens[open]?.raw ?? '')) return false;
  for (let j = m.to, steps = 0; j < b && steps < 5; j++, steps++) {
    if (CLOSING_QUOTES.has(ctx.tokens[j]?.raw ?? '')) return j + 1 < b && has(ctx.cover[j + 1], 'restriction');
  }
  return false;
}

// Plain words a listed noun may take before the list's "or" ("price or", "participant row or").
const MAX_LISTED_WORDS = 3;

/**
 * "line, price or participant row", "line or price row": at a comma or "or" after a plain
 * noun, the list goes on when an "or" ("nor") comes within a few plain words, with no
 * determiner, cue, verb-like mention or punctuation before it.
 */
function nounListGoesOn(ctx: Ctx, i: number, b: number): boolean {
  if (ctx.tokens[i]?.norm === 'or') return true;
  for (let j = i + 1, words = 0; j < b && words <= MAX_LISTED_WORDS; j++) {
    const t = ctx.tokens[j];
    if (!t || t.kind === 'punct' || ctx.cover[j]) return (t?.norm === 'or' || t?.norm === 'nor') && words > 0;
    if (t.norm === 'or' || t.norm === 'nor') return words > 0;
    words++;
  }
  return false;
}

/**
 * Coverage of a negating determiner or an exclusion: the noun phrase after it, through a list
 * of actions ("no permit, activation or cutover"), and for determiners the first cue
 * ("Nobody has authorized"). A comma or "and" after a non-action ends it.
 */
function npScope(ctx: Ctx, a: number, b: number, kind: 'determiner' | 'exclusion', maxWords: number, coversCue: boolean, lifting = false): Uint8Array {
  const out = new Uint8Array(b - a);
  let active = false;
  let subject = false;
  let words = 0;
  for (let i = a; i < b; i++) {
    const m = startingAt(ctx, i);
    const t = ctx.tokens[i];
    if (active && t && relativeClauseStarts(ctx, i, a)) active = false;
    // "none: the owner already cleared activation": a colon opens what the negated word labels.
    if (active && t && t.kind === 'punct' && (t.raw === ':' || t.raw === '—')) active = false;
    if (active && t) {
      if ((isComma(ctx, i) || t.norm === 'or' || t.norm === 'nor') && subject) {
        // "nobody on the team, including Ingrid herself, has written", "nobody read or wrote": a negated subject reaches its verb past an aside or a first verb.
      } else if (isComma(ctx, i) || t.norm === 'and' || t.norm === 'or') {
        const p = prevToken(ctx, i, a);
        const pm = p === -1 ? undefined : ctx.cover[p];
        // "no settlement line, price or participant row was written": a list of nouns the negation spans.
        if (!(has(pm, 'action') || has(pm, 'prodWord') || has(pm, 'neg') || nounListGoesOn(ctx, i, b))) active = false;
      } else if (t.kind !== 'punct' && ++words > maxWords) active = false;
    }
    // "Nobody disputes that the owner approved": the negation is of the dispute.
    if (active && t && DISPUTING.has(t.norm)) {
      out[i - a] = 1;
      active = false;
      continue;
    }
    // "Nothing is blocking the repoint anymore": the negation is of the block.
    if (active && m && m.tags.some((tag) => tag.kind === 'trigger' && tag.trigger === 'blocking')) {
      for (let k = m.from; k < m.to; k++) out[k - a] = 1;
      active = false;
      i = m.to - 1;
      continue;
    }
    if (active && m && (has(m, 'cue') || has(m, 'modal'))) {
      if (coversCue) for (let k = m.from; k < m.to; k++) out[k - a] = 1;
      active = false;
      i = m.to - 1;
      continue;
    }
    if (active) out[i - a] = 1;
    if (m && (m.tags.some((tag) => tag.kind === 'neg' && tag.neg === kind) || (kind === 'exclusion' && notBeforeAction(ctx, m, b)))) {
      // "Restriction R-4 (no production firmware changes) was lifted": the negation is what the lifted restriction said.
      if (lifting && describesRestriction(ctx, m, a, b)) {
        i = m.to - 1;
        continue;
      }
      active = true;
      subject = NEGATED_PRONOUNS.has(ctx.tokens.slice(m.from, m.to).map((x) => x.norm).join(' '));
      words = 0;
      for (let k = m.from; k < m.to; k++) out[k - a] = 1;
      i = m.to - 1;
    }
  }
  return out;
}
