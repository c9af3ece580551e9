/**
 * The gates a cue word passes before it counts, applied by the rules (`cues.ts`) and, through
 * `passesCueGates`, by the learned reading (`readingInput.ts`), so every rule veto holds for
 * both: a present participle only after a record noun, "covers"/"recorded" only after a grant
 * noun that heads its phrase, "pushed" not to a later time, "is open" only of a gate or lane,
 * and the vetoes of {@link wordVetoed}.
 */
import { liftsRestriction } from './liftedRestriction';
import { has, mentionPhrase, nextToken, prevToken, startingAt, tagOf, type Ctx, type Mention } from './mentions';
import { negatedPredicateAfter } from './negatedPredicate';
import { verballyNegated } from './verbalNegation';
import { OPENING_QUOTES } from './tokens';

/** Every gate, for the learned reading: the rules apply each in the place its cue kind is read (`cues.ts`). */
export function passesCueGates(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const tag = tagOf(m, 'cue');
  // "has been moved to the 12-06 window": an effect word moved to a time reports no effect.
  if (has(m, 'effect') && ctx.tokens[nextToken(ctx, m.to - 1, b)]?.norm === 'to' && laterTimeAfter(ctx, nextToken(ctx, m.to - 1, b), b)) return false;
  if (!tag) return true;
  if (tag.cue === 'present' && ctx.tokens[m.from]?.norm.endsWith('ing') && !participleOfRecord(ctx, m, a) && !performative(ctx, m, a)) return false;
  if (tag.cue === 'extension' && (firstHeadingGrantNoun(ctx, a, b) > m.from || heldUndelegated(ctx, m, a, b))) return false;
  if (liftAsAct(ctx, m, a, b) || wordVetoed(ctx, m, a, b)) return false;
  // A lift word counts only beside the restriction it removes, as in the rules ("the permit step we planned was dropped" lifts nothing).
  return !(tag.cue === 'lift' && !liftsRestriction(ctx, m, a, b));
}

/**
 * The vetoes of a grant or performance word, in the rules and (for every cue word) the reading: "pushed"
 * to a later time, "is open" not of a gate, a restriction that holds, words written in a quote,
 * a negation or a need right after it, a document's date, a noun cue whose predicate is negated.
 */
export function wordVetoed(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const tag = tagOf(m, 'cue');
  if (tag?.cue === 'perf' && (postponed(ctx, m, b) || productionOperating(ctx, m, a) || embeddedQuestion(ctx, m, a))) return true;
  if (ctx.tokens[m.to - 1]?.norm === 'open' && !gateBefore(ctx, a, m.from)) return true;
  if (tag?.cue === 'noun' && negatedPredicateAfter(ctx, m, b)) return true;
  if (negatedGetting(ctx, m, a)) return true;
  if (noneAfter(ctx, m, b) || supersededGrant(ctx, m, a)) return true;
  // "Draft RES-2026/46 — that the GO-LIVE be authorised": a subjunctive proposes, unless a decision governs it ("resolved that ... be approved").
  if (proposedSubjunctive(ctx, m, a)) return true;
  // "This note records where the migration ... stands": a cue inside an indirect question reports nothing.
  if (insideIndirectQuestion(ctx, m, a)) return true;
  // "CMIO go for order-entry go-live requested by email": the go is what was asked for.
  if ((tag?.cue === 'noun' || tag?.cue === 'upper') && requestedAfter(ctx, m, b)) return true;
  // "Written by R. Lindqvist (vendor go-live coach)": a byline names an author.
  if (BYLINE.has(ctx.tokens[m.from]?.norm ?? '') && prevToken(ctx, m.from, a) === -1 && byPerson(ctx, nextToken(ctx, m.to - 1, b), b)) return true;
  // "The SRE confirmed the prod webhook secret was never rotated": what is confirmed is a denial.
  if (confirmsDenial(ctx, m, b)) return true;
  // "cutover: complete the checklist first": a bare verb with its object is an instruction, not a state.
  if (tag?.cue === 'auxPerf' && ctx.tokens[m.from]?.norm !== 'given' && has(ctx.cover[nextToken(ctx, m.to - 1, b)], 'det')) return true;
  return restrictionHolds(ctx, m, a) || writesQuote(ctx, m, b) || deniedAfter(ctx, m, b) || documentDate(ctx, m, b) || grantedToNone(ctx, m, b);
}

// "reconstructs what happened to the live formulary", "asked how the repoint was done": the act is asked about, not reported.
const ASKING = new Set(['what', 'whether', 'how']);

function embeddedQuestion(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  while (p !== -1 && (has(ctx.cover[p], 'be') || has(ctx.cover[p], 'have') || has(ctx.cover[p], 'adverb'))) p = prevToken(ctx, p, a);
  return p !== -1 && ASKING.has(ctx.tokens[p]?.norm ?? '');
}

// "We never got the green light for the repoint": the grant noun is the object of a denied getting.
const GETTING = new Set(['got', 'get', 'gotten', 'received', 'receive', 'had', 'have', 'has', 'obtained', 'given', 'gave', 'secured']);

export function negatedGetting(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  while (p !== -1 && (has(ctx.cover[p], 'det') || has(ctx.cover[p], 'adverb'))) p = prevToken(ctx, p, a);
  if (p === -1 || !GETTING.has(ctx.tokens[p]?.norm ?? '')) return false;
  const q = prevToken(ctx, p, a);
  return q !== -1 && (ctx.cover[q]?.tags.some((t) => t.kind === 'neg' && t.neg === 'verbal') ?? false);
}

// "Production work performed this week: none": a status line whose value is nothing.
const NONE = new Set(['none', 'nothing', 'nil', 'n/a']);

function noneAfter(ctx: Ctx, m: Mention, b: number): boolean {
  for (let j = m.to, steps = 0; j < b && steps < 4; j++, steps++) {
    if (ctx.tokens[j]?.raw !== ':') continue;
    return NONE.has(ctx.tokens[nextToken(ctx, j, b)]?.norm ?? '');
  }
  return false;
}

// "Production ran fine overnight", "the live line ran the old build": production itself running is its ordinary life, no action on it.
const OPERATING = new Set(['ran', 'run', 'worked', 'went smoothly', 'went well', 'went fine', 'went cleanly']);

/**
 * An operating verb whose subject, from the clause's start, is plain words, determiners and a
 * production word: no action ("the REAL_RUN against the live queue ran") and no preposition
 * ("the migration of the production ledger ran", "in prod ran ...").
 */
function productionOperating(ctx: Ctx, m: Mention, a: number): boolean {
  if (!OPERATING.has(mentionPhrase(ctx, m))) return false;
  let production = false;
  for (let j = prevToken(ctx, m.from, a); j !== -1; j = prevToken(ctx, j, a)) {
    const c = ctx.cover[j];
    // "While the production line ran ...": the clause starts after its subordinator.
    if (has(c, 'terminator') || ctx.tokens[j]?.raw === ',' || ctx.tokens[j]?.raw === ';') break;
    if (has(c, 'prodWord')) production = true;
    else if (c ? !has(c, 'det') : ctx.tokens[j]?.kind !== 'word') return false;
    if (c) j = c.from;
  }
  return production;
}

// "authorized for neither the import nor the sweep", "approved for none of the jobs": what the word covers is empty.
const NONE_OF = new Set(['no', 'none', 'neither', 'nobody', 'nothing', 'zero']);
const FOR = new Set(['for', 'to', 'on', 'in', 'against']);

/** The word, at most one adverb, a preposition, and a word that names nothing. */
function grantedToNone(ctx: Ctx, m: Mention, b: number): boolean {
  let j = nextToken(ctx, m.to - 1, b);
  if (j !== -1 && has(ctx.cover[j], 'adverb')) j = nextToken(ctx, j, b);
  if (j === -1 || !FOR.has(ctx.tokens[j]?.norm ?? '')) return false;
  return NONE_OF.has(ctx.tokens[nextToken(ctx, j, b)]?.norm ?? '');
}

/**
 * "lifting it needs HADP2-P1-PROD-ARCHIVE-1", "Lifting the freeze requires ...": a lift named as
 * the subject of a need, not one done ("Superseding the HOLD, the owner authorizes" is one done).
 */
export function liftAsAct(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  if (tagOf(m, 'cue')?.cue !== 'lift' || !ctx.tokens[m.from]?.norm.endsWith('ing') || has(ctx.cover[prevToken(ctx, m.from, a)], 'be')) return false;
  for (let j = m.to; j < b; j++) {
    const t = ctx.tokens[j];
    if (!t || t.raw === ',' || t.raw === ';') return false;
    if (ctx.cover[j]?.tags.some((tag) => tag.kind === 'trigger' && (tag.trigger === 'requirement' || tag.trigger === 'future'))) return true;
  }
  return false;
}

// Verbs that date a document; "(completed 11-25)" dates the work, which is a claim.
const DATING = new Set(['written', 'drafted', 'updated', 'revised', 'edited', 'compiled', 'prepared']);

/** "Retrospective (written 2026-12-01, covering ...)": a verb dating the document it follows, in brackets before a date. */
export function documentDate(ctx: Ctx, m: Mention, b: number): boolean {
  if (!DATING.has(ctx.tokens[m.from]?.norm ?? '') || m.to !== m.from + 1 || ctx.tokens[m.from - 1]?.raw !== '(') return false;
  const n = nextToken(ctx, m.to - 1, b);
  return n !== -1 && ctx.tokens[n]?.kind === 'number';
}

// "approved in none of them", "signed by nobody": a negation right after the cue takes it back;
// "owner OK needed first", "sign-off still required": the cue named as what is needed.
const AFTER_NEGATIONS: readonly (readonly string[])[] = [['in', 'none'], ['by', 'nobody'], ['by', 'no', 'one'], ['by', 'none'], ['nowhere'], ['needed'], ['required'], ['still', 'needed'], ['still', 'required'], ['outstanding']];

export function deniedAfter(ctx: Ctx, m: Mention, b: number): boolean {
  return AFTER_NEGATIONS.some((words) => {
    let j = m.to - 1;
    return words.every((w) => ctx.tokens[(j = nextToken(ctx, j, b))]?.norm === w);
  });
}

/** "Tomas wrote "the REAL_RUN for the sweep is scheduled"": a verb of writing before a quote reports words, it writes no rows. */
export function writesQuote(ctx: Ctx, m: Mention, b: number): boolean {
  if (!has(m, 'report') || tagOf(m, 'cue')?.cue !== 'perf') return false;
  // Quotes are noise to the token walks, so the raw tokens after the verb are read.
  let j = m.to;
  if (ctx.tokens[j]?.raw === ':') j++;
  return j < b && OPENING_QUOTES.has(ctx.tokens[j]?.raw ?? '');
}

/** A cue of holding whose subject is a restriction (the block holds) or the old thing a change would replace ("the old certificate is valid until 2027"). */
export function restrictionHolds(ctx: Ctx, m: Mention, a: number): boolean {
  return HOLDING.has(mentionPhrase(ctx, m)) && (restrictionSubject(ctx, m, a) || oldSubject(ctx, m, a));
}

const OLD = new Set(['old', 'previous', 'legacy', 'existing', 'former', 'current']);

export function oldSubject(ctx: Ctx, m: Mention, a: number): boolean {
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 4; j = prevToken(ctx, j, a), steps++) {
    if (OLD.has(ctx.tokens[j]?.norm ?? '')) return true;
    if (ctx.tokens[j]?.raw === ',' || ctx.tokens[j]?.raw === ';' || has(ctx.cover[j], 'cue')) return false;
  }
  return false;
}

// Cues that say a thing holds, which says a block holds when the thing is a restriction ("The freeze on production writes stays in place").
const HOLDING = new Set(['in place', 'in force', 'is in force', 'in effect', 'stands', 'still stands', 'is valid', 'remains valid']);
// How far back the subject's head may stand ("The freeze on production writes to the alert archive stays in place").
const SUBJECT_REACH = 14;

/** The clause's subject before the cue, up to another cue or a comma, opens with a restriction noun. */
function restrictionSubject(ctx: Ctx, m: Mention, a: number): boolean {
  let subject = -1;
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < SUBJECT_REACH; j = prevToken(ctx, j, a), steps++) {
    const c = ctx.cover[j];
    if (ctx.tokens[j]?.raw === ',' || ctx.tokens[j]?.raw === ';' || has(c, 'cue')) break;
    if (has(c, 'restriction') || ctx.tokens[j]?.norm === 'hold') subject = j;
  }
  // The restriction must open the phrase: "the freeze on X", not "the grant, despite the freeze".
  let before = subject === -1 ? -1 : prevToken(ctx, subject, a);
  // "The production embargo on ...", "The ACCR-P2 restriction on ...": one modifier may stand before it.
  if (before !== -1 && (has(ctx.cover[before], 'prodWord') || (!ctx.cover[before] && (ctx.tokens[before]?.kind === 'word' || ctx.tokens[before]?.kind === 'opaque')))) before = prevToken(ctx, before, a);
  return subject !== -1 && (before === -1 || has(ctx.cover[before], 'det'));
}

// "The gate for the repoint is open": a gate or lane that is open lets the action through; a ticket or PR that is open does not.
const GATES = new Set(['gate', 'gates', 'lane', 'lanes']);

// Verbs whose object is void from then on: "the memo supersedes the earlier GO".
const VOIDING = new Set(['supersedes', 'superseded', 'replaces', 'replaced', 'overrides', 'overrode', 'overridden', 'overrules', 'overruled', 'voids', 'voided', 'annuls', 'annulled', 'rescinds', 'rescinded', 'cancels', 'cancelled', 'canceled']);

/** A grant word that is a voiding verb's object, through its determiner and adverbs ("supersedes the earlier GO"). */
function supersededGrant(ctx: Ctx, m: Mention, a: number): boolean {
  const tag = tagOf(m, 'cue');
  if (!tag || tag.cue === 'perf') return false;
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 3; j = prevToken(ctx, j, a), steps++) {
    if (VOIDING.has(ctx.tokens[j]?.norm ?? '')) return true;
    if (!(has(ctx.cover[j], 'det') || has(ctx.cover[j], 'adverb'))) return false;
  }
  return false;
}

export function gateBefore(ctx: Ctx, a: number, i: number): boolean {
  for (let j = a; j < i; j++) if (GATES.has(ctx.tokens[j]?.norm ?? '')) return true;
  return false;
}

/** A request's or need's participle after the noun cue's phrase, before any verb or punctuation ("go for the go-live requested by email"). */
export function requestedAfter(ctx: Ctx, m: Mention, b: number): boolean {
  for (let j = nextToken(ctx, m.to - 1, b), steps = 0; j !== -1 && steps < MAX_REQUESTED_REACH; steps++) {
    const c = ctx.cover[j];
    const t = ctx.tokens[j];
    if (!t || t.kind === 'punct' || has(c, 'cue') || has(c, 'be') || has(c, 'have') || has(c, 'neg')) return false;
    if (c?.tags.some((g) => g.kind === 'trigger' && (g.trigger === 'request' || g.trigger === 'requirement')) && /(?:ed|ght)$/.test(t.norm)) return true;
    j = nextToken(ctx, (c?.to ?? j + 1) - 1, b);
  }
  return false;
}

const MAX_REQUESTED_REACH = 6;

const INDIRECT = new Set(['where', 'whether', 'how']);
const INDIRECT_VERBS = new Set(['records', 'record', 'recorded', 'shows', 'show', 'showed', 'explains', 'explain', 'asks', 'ask', 'asked', 'knows', 'know', 'checks', 'check', 'checked', 'describes', 'describe', 'tells', 'tell', 'notes', 'note', 'wonder', 'wonders', 'unclear', 'confirm', 'confirms', 'see', 'review', 'reviews']);
const MAX_INDIRECT_REACH = 16;

/** "records where the migration of the trial cohorts ... stands", "asks whether the repoint is approved": a wh-word before the cue, no comma or verb between. */
function insideIndirectQuestion(ctx: Ctx, m: Mention, a: number): boolean {
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < MAX_INDIRECT_REACH; j = prevToken(ctx, j, a), steps++) {
    const t = ctx.tokens[j];
    if (!t || t.kind === 'punct' || has(ctx.cover[j], 'cue')) return false;
    // "records where ...", not "the CAB, where ..." (a relative) nor "how to undo ..." (an infinitive's question, not the cue's).
    if (INDIRECT.has(t.norm)) return INDIRECT_VERBS.has(ctx.tokens[prevToken(ctx, j, a)]?.norm ?? '') && ctx.tokens[nextToken(ctx, j, m.from)]?.norm !== 'to';
  }
  return false;
}

const DECIDING = new Set(['resolved', 'decided', 'ordered', 'agreed', 'directed', 'determined', 'ruled', 'resolves', 'decides', 'orders', 'directs']);
const MAX_SUBJUNCTIVE_SUBJECT = 10;

/** "that the GO-LIVE be authorised": a bare "be" before the cue, after "that" and its subject, with no decision verb before the "that". */
function proposedSubjunctive(ctx: Ctx, m: Mention, a: number): boolean {
  const be = prevToken(ctx, m.from, a);
  if (be === -1 || ctx.tokens[be]?.norm !== 'be') return false;
  const before = prevToken(ctx, be, a);
  if (before === -1 || has(ctx.cover[before], 'modal') || has(ctx.cover[before], 'trigger') || ctx.tokens[before]?.norm === 'to' || has(ctx.cover[before], 'neg')) return false;
  for (let j = before, steps = 0; j !== -1 && steps < MAX_SUBJUNCTIVE_SUBJECT; j = prevToken(ctx, j, a), steps++) {
    if (ctx.tokens[j]?.norm !== 'that') continue;
    const governor = prevToken(ctx, j, a);
    return !DECIDING.has(ctx.tokens[governor]?.norm ?? '');
  }
  return false;
}

const BYLINE = new Set(['written', 'prepared', 'authored', 'compiled', 'drafted']);

/** "by R. Lindqvist": "by" and a capitalised name, not "by the CI/deploy job". */
function byPerson(ctx: Ctx, by: number, b: number): boolean {
  if (by === -1 || ctx.tokens[by]?.norm !== 'by') return false;
  const n = nextToken(ctx, by, b);
  const t = n === -1 ? undefined : ctx.tokens[n];
  return t !== undefined && t.kind === 'word' && t.capital && !ctx.cover[n];
}
const CONFIRMING = new Set(['confirmed', 'confirms', 'confirm', 'verified', 'verifies', 'verify']);
// The words a confirmed clause may take before its verb ("the prod webhook secret was").
const MAX_CONFIRMED_SUBJECT = 6;

/** "confirmed (that) the secret was never rotated": the cue's complement is a clause whose verb is negated. */
function confirmsDenial(ctx: Ctx, m: Mention, b: number): boolean {
  if (m.to !== m.from + 1 || !CONFIRMING.has(ctx.tokens[m.from]?.norm ?? '')) return false;
  for (let j = nextToken(ctx, m.from, b), steps = 0; j !== -1 && steps < MAX_CONFIRMED_SUBJECT + 2; j = nextToken(ctx, j, b), steps++) {
    const c = ctx.cover[j];
    if (ctx.tokens[j]?.kind === 'punct') return false;
    if (has(c, 'be') || has(c, 'have')) {
      const n = nextToken(ctx, (c?.to ?? j + 1) - 1, b);
      return n !== -1 && ctx.cover[n]?.tags.some((t) => t.kind === 'neg') === true;
    }
    // "ops confirmed no rotation took place".
    if (has(c, 'neg')) return true;
  }
  return false;
}

// "the cutover had been pushed to the following weekend": pushed to a time, not to production.
const POSTPONING = new Set(['pushed', 'bumped']);
const LATER = new Set([
  'weekend', 'week', 'month', 'tomorrow', 'later', 'following', 'next', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'q1', 'q2', 'q3', 'q4',
]);

export function postponed(ctx: Ctx, m: Mention, b: number): boolean {
  // "Repoint went to next week": the phrase holds its "to".
  const wentTo = mentionPhrase(ctx, m) === 'went to';
  if (!wentTo && (!POSTPONING.has(ctx.tokens[m.from]?.norm ?? '') || m.to !== m.from + 1)) return false;
  const n = wentTo ? m.to - 1 : nextToken(ctx, m.from, b);
  const after = ctx.tokens[n]?.norm;
  if (after === 'back' || after === 'out') return true;
  return after === 'to' && laterTimeAfter(ctx, n, b);
}

/** "to the 12-06 window", "to next week": after the "to" at `to`, a later time within a few words. */
export function laterTimeAfter(ctx: Ctx, to: number, b: number): boolean {
  for (let j = nextToken(ctx, to, b), k = 0; j !== -1 && k < 3; j = nextToken(ctx, j, b), k++) {
    const t = ctx.tokens[j];
    if (!t) break;
    if (LATER.has(t.norm) || (t.kind === 'number' && /^\d{1,2}-\d{1,2}$/.test(t.raw))) return true;
    if (!has(ctx.cover[j], 'det')) break;
  }
  return false;
}

// "sits with", "rests with", "lies with": who holds the authority.
const HOLDS = new Set(['sits with', 'rests with', 'lies with']);

// What turns "authority sits with X" into a grant to X: it was delegated, handed or moved there.
const DELEGATION = /^(?:now|delegat\w*|handed|transferred|passed|moved|reassigned)$/;

/**
 * "Authority for the writes sits with the owner (alone)", "Authority for the REAL_RUN rests with
 * the Deputy Registrar": who holds authority says nothing was granted, unless the sentence says
 * it was delegated there ("now sits with the operator by owner delegation"). `a`..`b` is the clause.
 */
export function heldUndelegated(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  if (!HOLDS.has(mentionPhrase(ctx, m))) return false;
  // "... and has not been delegated to the analyst team" says the opposite.
  for (let i = a; i < b; i++) if (DELEGATION.test(ctx.tokens[i]?.norm ?? '') && !verballyNegated(ctx, i, a)) return false;
  return true;
}

/**
 * The first grant noun in `from`..`to` that heads its phrase, or Infinity: "the approval
 * workflow ... documented" is about the workflow, "the owner grant for X, recorded" about the grant.
 */
export function firstHeadingGrantNoun(ctx: Ctx, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    i = m.to - 1;
    if (!has(m, 'grantNoun')) continue;
    const n = m.to < to ? ctx.tokens[m.to] : undefined;
    const nc = ctx.cover[m.to];
    if (!(n && n.kind === 'word' && !n.upper && (!nc || has(nc, 'head')))) return m.from;
  }
  return Infinity;
}

// Records that carry a decision: "owner e-mail 11-28 granting the permit" says the e-mail granted it.
const RECORDS = new Set(['mail', 'email', 'e-mail', 'message', 'letter', 'memo', 'minute', 'minutes', 'decision', 'resolution', 'record', 'signature', 'reply', 'comment', 'entry', 'order', 'directive', 'instruction', 'statement', 'notice', 'ruling', 'vote', 'note']);

const RECORD_DATE_LINKS = new Set(['of', 'dated']);

/** A present participle after a record noun, past its date or reference ("owner e-mail 11-28 granting"). */
// "I am authorizing the cutover", "we're hereby approving": the speaker grants in saying it.
const SPEAKER_BE = new Set(["i'm", "we're"]);

function performative(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  while (p !== -1 && has(ctx.cover[p], 'adverb') && !has(ctx.cover[p], 'be')) p = prevToken(ctx, p, a);
  const be = ctx.tokens[p]?.norm ?? '';
  if (SPEAKER_BE.has(be)) return true;
  const who = ctx.tokens[prevToken(ctx, p, a)]?.norm;
  return (be === 'am' && who === 'i') || (be === 'are' && who === 'we');
}

export function participleOfRecord(ctx: Ctx, m: Mention, a: number): boolean {
  if (!ctx.tokens[m.from]?.norm.endsWith('ing')) return false;
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 7; j = prevToken(ctx, j, a), steps++) {
    const t = ctx.tokens[j];
    if (!t) return false;
    if (t.kind === 'word' && RECORDS.has(t.norm)) return true;
    // "owner email of 12-01 authorising the repoint", "memo dated 12-01 approving".
    if (t.kind === 'word' && !t.upper && !RECORD_DATE_LINKS.has(t.norm)) return false;
  }
  return false;
}
