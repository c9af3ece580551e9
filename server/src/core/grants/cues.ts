/**
 * Grant and performance cues in a clause, with the side of the cue their action stands on:
 * "Cutover authorized" speaks of what precedes it, "the owner authorized the cutover" of
 * what follows.
 */
import { isPresentVerb, type ActionRef } from './actions';
import { has, isComma, nextToken, prevToken, startingAt, tagOf, type Ctx, type Mention } from './mentions';

export type CueClass = 'grant' | 'perf' | 'permission' | 'status';
export type Voice = 'back' | 'fwd';

export interface CueRef {
  readonly from: number;
  readonly to: number;
  readonly cls: CueClass;
  readonly voice: Voice;
  /** Intransitive or predicative: never reaches forward ("activation followed"). */
  readonly backwardOnly: boolean;
  /** A past form ("approved") can report a fact inside "after ..."; "grants" or "GO" cannot. */
  readonly past: boolean;
  /** The cue is its own action ("activated", "went live"). */
  readonly self?: ActionRef;
  /** The verb a permission modal governs ("may activate"). */
  readonly target?: ActionRef;
  /** Removes a restriction ("the hold was dropped"): the clause's blocking words are what it lifts. */
  readonly lift?: boolean;
}

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
    if (has(m, 'possess') && !tagOf(m, 'cue')) {
      if (possessesGrant(ctx, m, b)) cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly: false, past: true });
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
    if (m.tags.some((t) => t.kind === 'cue' && t.cue === 'lift') && liftsRestriction(ctx, m, a, b)) {
      cues.push({ from: m.from, to: m.to, cls: 'grant', voice: voiceOf(ctx, m, a), backwardOnly, past: true, lift: true });
      continue;
    }
    switch (tag.cue) {
      case 'lift':
        break; // a lift word beside no restriction: see liftsRestriction above
      case 'event': {
        const ref = byCore.get(m) ?? eventAction(ctx, m, b, byCore);
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
        if ((firstGrantHead ??= firstHeadingGrantNoun(ctx, a, b)) < m.from) cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly, past: false });
        break;
      case 'noun':
        // "The green light for the REAL_RUN never came through": the phrase is the subject of a negated predicate.
        if (negatedPredicateAfter(ctx, m, b)) break;
        // "gave the word", "said yes to": a past verb in the phrase makes it a past fact ("After a call, she gave the word").
        cues.push({ from: m.from, to: m.to, cls: 'grant', voice: 'fwd', backwardOnly, past: PAST_PHRASE.has(ctx.tokens[m.from]?.norm ?? '') });
        break;
      case 'auxPerf':
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
        if (tag.cue === 'perf' && postponed(ctx, m, b)) break;
        if (ctx.tokens[m.to - 1]?.norm === 'open' && !gateBefore(ctx, a, m.from)) break;
        cues.push({ from: m.from, to: m.to, cls, voice: voiceOf(ctx, m, a), backwardOnly, past: tag.cue !== 'upper' });
      }
    }
  }
  return { cues, hedges };
}

/**
 * The gates a cue word passes in the rules before it counts, for the learned reading to apply
 * the same ones: a present participle only after a record noun ("the e-mail approving it"),
 * "covers"/"recorded" only after a grant noun, "pushed" not to a later time, "is open" only of
 * a gate or lane.
 */
export function passesCueGates(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const tag = tagOf(m, 'cue');
  if (!tag) return true;
  if (tag.cue === 'present' && ctx.tokens[m.from]?.norm.endsWith('ing') && !participleOfRecord(ctx, m, a)) return false;
  if (tag.cue === 'extension' && firstHeadingGrantNoun(ctx, a, b) > m.from) return false;
  if (tag.cue === 'perf' && postponed(ctx, m, b)) return false;
  return !(ctx.tokens[m.to - 1]?.norm === 'open' && !gateBefore(ctx, a, m.from));
}

const PAST_PHRASE = new Set(['gave', 'said']);

// "The gate for the repoint is open": a gate or lane that is open lets the action through; a ticket or PR that is open does not.
const GATES = new Set(['gate', 'gates', 'lane', 'lanes']);

function gateBefore(ctx: Ctx, a: number, i: number): boolean {
  for (let j = a; j < i; j++) if (GATES.has(ctx.tokens[j]?.norm ?? '')) return true;
  return false;
}

// "the cutover had been pushed to the following weekend": pushed to a time, not to production.
const POSTPONING = new Set(['pushed', 'bumped']);
const LATER = new Set([
  'weekend', 'week', 'month', 'tomorrow', 'later', 'following', 'next', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'q1', 'q2', 'q3', 'q4',
]);

function postponed(ctx: Ctx, m: Mention, b: number): boolean {
  if (!POSTPONING.has(ctx.tokens[m.from]?.norm ?? '') || m.to !== m.from + 1) return false;
  const n = nextToken(ctx, m.from, b);
  const after = ctx.tokens[n]?.norm;
  if (after === 'back' || after === 'out') return true;
  if (after !== 'to') return false;
  for (let j = nextToken(ctx, n, b), k = 0; j !== -1 && k < 3; j = nextToken(ctx, j, b), k++) {
    const t = ctx.tokens[j];
    if (!t) break;
    if (LATER.has(t.norm) || (t.kind === 'number' && /^\d{1,2}-\d{1,2}$/.test(t.raw))) return true;
    if (!has(ctx.cover[j], 'det')) break;
  }
  return false;
}

/** "owner-approved cutover", "already-executed REAL_RUN": a hyphenated participle right before an action. */
function compoundParticiple(ctx: Ctx, m: Mention, b: number, byCore: ReadonlyMap<Mention, ActionRef>): CueRef | undefined {
  const tag = tagOf(m, 'cue');
  if (!tag || (tag.cue !== 'grant' && tag.cue !== 'perf')) return undefined;
  const j = nextToken(ctx, m.to - 1, b);
  const n = j === -1 ? undefined : ctx.cover[j];
  let ref = n ? byCore.get(n) : undefined;
  if (!ref && n && has(n, 'prodWord')) {
    const k = nextToken(ctx, n.to - 1, b);
    const nn = k === -1 ? undefined : ctx.cover[k];
    ref = nn ? byCore.get(nn) : undefined;
  }
  return ref ? { from: m.from, to: m.to, cls: tag.cue === 'perf' ? 'perf' : 'grant', voice: 'fwd', backwardOnly: false, past: true, target: ref } : undefined;
}

// Words between a possession verb and its grant noun: "holds (the owner's) (explicit) REAL_RUN grant".
const POSSESSION_FILLERS = new Set(['delegated', 'signed', 'granted', 'explicit', 'standing', 'valid', 'delegated', 'full', 'formal', 'written', 'signed', 'own', 'new', 'current', 'owner', "owner's", 'owners', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'my', 'our', 'your', 'now', 'also', 'already', 'production', 'prod', 'production-scope', 'separate', 'specific', 'recorded', 'verbal', 'final']);
const MAX_POSSESSION_GAP = 7;
const POWERS = new Set(['grant', 'approve', 'authorize', 'authorise', 'sign', 'decide', 'permit', 'allow', 'clear', 'veto', 'revoke']);

/** "holds cutover authority", "has the owner's REAL_RUN grant", "was handed the go-ahead". */
function possessesGrant(ctx: Ctx, m: Mention, b: number): boolean {
  let j = nextToken(ctx, m.to - 1, b);
  for (let steps = 0; j !== -1 && steps < MAX_POSSESSION_GAP; steps++) {
    const c = ctx.cover[j];
    const t = ctx.tokens[j];
    if (!t) return false;
    if (has(c, 'grantNoun') || tagOf(c, 'cue')?.cue === 'noun') {
      // "has its own grant requirement", "has a grant request pending": a need, not a grant;
      // "has the authority to grant the cutover": a power, not its use.
      const after = nextToken(ctx, (c?.to ?? j + 1) - 1, b);
      if (after !== -1 && has(ctx.cover[after], 'trigger')) return false;
      const verb = after === -1 ? undefined : ctx.tokens[nextToken(ctx, after, b)];
      return !(ctx.tokens[after]?.norm === 'to' && verb !== undefined && POWERS.has(verb.norm));
    }
    if (has(c, 'neg') || has(c, 'trigger')) return false;
    // "holds delegated authority", "has the operator's signed grant": participles describe the grant.
    const describes = POSSESSION_FILLERS.has(t.norm) || t.norm.endsWith("'s");
    if (has(c, 'cue') && !has(c, 'action') && !describes) return false;
    if (t.kind === 'punct' && t.raw !== '-') return false;
    j = nextToken(ctx, (c?.to ?? j + 1) - 1, b);
  }
  return false;
}

const OPENING_QUOTES = new Set(['"', '“', "'", '‘']);

/** 'Proceed with the repoint,' / "Rotate the prod secrets now.": a quoted order to act. */
/** The quoted word at `open`..`close` is a JSON key (a colon after it) or a value (after a key's colon). */
function jsonString(ctx: Ctx, open: number, close: number): boolean {
  if (ctx.tokens[close]?.raw !== '"') return false;
  if (ctx.tokens[close + 1]?.raw === ':') return true;
  return ctx.tokens[open - 1]?.raw === ':' && ctx.tokens[open - 2]?.raw === '"';
}

function quotedImperative(ctx: Ctx, m: Mention, a: number): boolean {
  if (!(has(m, 'permVerb') || tagOf(m, 'action')?.form === 'verb')) return false;
  const q = m.from - 1;
  if (q < a) return false;
  const quote = ctx.tokens[q];
  if (!quote || !OPENING_QUOTES.has(quote.raw) || quote.end !== ctx.tokens[m.from]?.start) return false;
  // "repoint approved too" quotes a status, not an order.
  if (has(ctx.cover[m.to], 'cue')) return false;
  // {"action": "repoint", ...}: a JSON key or value names a field, it orders nothing.
  if (jsonString(ctx, q, m.to)) return false;
  // An opening quote follows a space, a colon or the start; a closing one ends a word.
  const before = ctx.text.charAt(quote.start - 1);
  return before === '' || /[\s:([—–-]/.test(before);
}

const LIFT_REACH = 5;

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

// How far past a noun cue its subject phrase may run before the predicate ("for the REAL_RUN of batch 0412").
const SUBJECT_REACH = 8;

/** A verbal negation after the noun cue's phrase, before any comma, semicolon or other cue. */
export function negatedPredicateAfter(ctx: Ctx, m: Mention, b: number): boolean {
  for (let j = m.to, steps = 0; j < b && steps < SUBJECT_REACH; j++, steps++) {
    const t = ctx.tokens[j];
    if (!t || t.raw === ',' || t.raw === ';' || t.raw === '.') return false;
    const c = ctx.cover[j];
    if (c?.tags.some((tag) => tag.kind === 'neg' && (tag.neg === 'verbal' || tag.neg === 'predicate'))) return true;
    if (has(c, 'cue')) return false;
  }
  return false;
}

const PRESENT_BE = new Set(['is', 'are', "we're", "it's", "'re", "'s"]);

const ACTIVE_LIFT = /^(?:supersedes|superseding|overrides|overriding|overrode|replaces|replacing|trumps|outranks)$/;

/**
 * "The hold on the cutover was released", "waived the REAL_RUN gate", "HOLD superseded by the
 * owner's GO": a lift verb with a restriction noun beside it. After "superseded by" the
 * restriction is what replaces, so it lifts nothing.
 */
// A governance ID as the seeds write them, "FIX7-P0-PROD-ROLLBACK-1": a blocker, which is a restriction ("MKS3-P1-PLAN-REALRUN-1 is superseded by the owner's REAL_RUN grant").
const GOVERNANCE_ID = /^[A-Z][A-Z0-9]*-P\d+-[A-Z0-9-]*\d$/;

function blockerId(ctx: Ctx, j: number): boolean {
  const t = ctx.tokens[j];
  return t !== undefined && t.kind === 'opaque' && GOVERNANCE_ID.test(t.raw);
}

function liftsRestriction(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const passiveBy = nextToken(ctx, m.to - 1, b);
  const byFollows = passiveBy !== -1 && ctx.tokens[passiveBy]?.norm === 'by';
  // "The 09-20 HOLD supersedes the earlier OPT-4": an active verb's subject does the lifting, its object is lifted.
  const active = ACTIVE_LIFT.test(ctx.tokens[m.to - 1]?.norm ?? '');
  for (let j = m.from - 1, words = 0; !active && j >= a && words < LIFT_REACH + 3; j--) {
    if (has(ctx.cover[j], 'restriction') || ctx.tokens[j]?.norm === 'hold' || blockerId(ctx, j)) return true;
    if (has(ctx.cover[j], 'cue') || ctx.tokens[j]?.raw === ';') break;
    if (ctx.tokens[j]?.kind !== 'punct') words++;
  }
  if (byFollows) return false;
  // After the verb the restriction is its object: "waived the REAL_RUN gate", "removed permit
  // from the withheld list"; "cancelled at the approval gate" names where, not what.
  for (let j = m.to, words = 0; j < b && words < LIFT_REACH; j++) {
    const c = ctx.cover[j];
    if (has(c, 'restriction') || ctx.tokens[j]?.norm === 'hold' || ctx.tokens[j]?.norm === 'withheld' || blockerId(ctx, j)) return true;
    if (has(c, 'prep') && ctx.tokens[j]?.norm !== 'from' && ctx.tokens[j]?.norm !== 'on') return false;
    if (ctx.tokens[j]?.kind !== 'punct') words++;
  }
  return false;
}

const EVENT_FILLERS = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'their', 'its', "last night's", "yesterday's", "today's", "this morning's", "monday's", "tuesday's", "wednesday's", "thursday's", "friday's", "saturday's", "sunday's", "owner's", "operator's", 'last', 'first', 'recent', 'successful', 'completed', 'actual', 'real']);

/** "Since the go-live on 08-31", "Post-REAL_RUN", "following last night's cutover": the event the cue presupposes. */
function eventAction(ctx: Ctx, m: Mention, b: number, byCore: ReadonlyMap<Mention, ActionRef>): ActionRef | undefined {
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
      return ref;
    }
    if (!(has(c, 'det') || has(c, 'prodWord') || has(c, 'prodModifier') || EVENT_FILLERS.has(t.norm) || t.norm.endsWith("'s") || t.kind === 'number')) return undefined;
    j = nextToken(ctx, (c?.to ?? j + 1) - 1, b);
  }
  return undefined;
}

/**
 * A permission cue for "may activate" / "may proceed", null for "may not", undefined when
 * the modal only hedges ("may authorize later").
 */
function permission(ctx: Ctx, m: Mention, b: number, byCore: ReadonlyMap<Mention, ActionRef>): CueRef | null | undefined {
  let j = nextToken(ctx, m.to - 1, b);
  while (j !== -1 && has(ctx.cover[j], 'adverb') && !has(ctx.cover[j], 'permVerb')) {
    j = nextToken(ctx, (ctx.cover[j]?.to ?? j + 1) - 1, b);
  }
  const n = j === -1 ? undefined : startingAt(ctx, j);
  if (!n) return undefined;
  if (has(n, 'neg')) return null;
  const target = byCore.get(n);
  if (target) return { from: m.from, to: m.to, cls: 'permission', voice: 'fwd', backwardOnly: false, past: false, target };
  if (has(n, 'permVerb')) return { from: m.from, to: m.to, cls: 'permission', voice: 'fwd', backwardOnly: false, past: false };
  return undefined;
}


/** "was run", "has been given": the form is a participle only after be/have. */
function auxiliaryBefore(ctx: Ctx, m: Mention, a: number): boolean {
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 4; steps++) {
    const c = ctx.cover[j];
    if (has(c, 'be') || has(c, 'have')) return true;
    if (!has(c, 'adverb')) return false;
    j = prevToken(ctx, c ? c.from : j, a);
  }
  return false;
}

/** "Production cutover complete." — a note's headline drops the auxiliary. */
function headline(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const norm = ctx.tokens[m.from]?.norm;
  if (norm === 'run' || norm === 'given') return false;
  const p = prevToken(ctx, m.from, a);
  const c = p === -1 ? undefined : ctx.cover[p];
  const n = nextToken(ctx, m.to - 1, b);
  return (has(c, 'action') || has(c, 'prodWord')) && (n === -1 || ctx.tokens[n]?.kind === 'punct');
}

/** "cut over" after a subject or auxiliary is past tense; after "to" or a modal it is the bare action. */
function performedHere(ctx: Ctx, m: Mention, a: number): boolean {
  const p = prevToken(ctx, m.from, a);
  if (p === -1) return false;
  const c = ctx.cover[p];
  const t = ctx.tokens[p];
  if (!t || t.kind === 'punct') return false;
  if (has(c, 'be') || has(c, 'have')) return true;
  if (t.norm === 'to' || has(c, 'modal') || has(c, 'neg') || has(c, 'trigger') || has(c, 'det')) return false;
  return !has(c, 'prep') && !has(c, 'function');
}

// Simple past forms are never adjectives: "REAL_RUN ran end to end".
const SIMPLE_PAST = new Set(['ran', 'wrote', 'began', 'went', 'did', 'took', 'gave', 'came', 'worked']);

/** "written approval", "authorized operator": a participle before a plain noun describes it. */
function adjectival(ctx: Ctx, m: Mention, b: number): boolean {
  const j = m.to;
  if (j >= b || ctx.noise[j]) return false;
  const t = ctx.tokens[j];
  if (!t || t.kind !== 'word' || t.upper || t.capital || t.norm.endsWith('ly')) return false;
  const c = ctx.cover[j];
  if (!c) return true;
  return c.tags.every((tag) => tag.kind === 'head' || tag.kind === 'grantNoun' || tag.kind === 'nonprod');
}

// Records that carry a decision: "owner e-mail 11-28 granting the permit" says the e-mail granted it.
const RECORDS = new Set(['mail', 'email', 'e-mail', 'message', 'letter', 'memo', 'minute', 'minutes', 'decision', 'resolution', 'record', 'signature', 'reply', 'comment', 'entry', 'order', 'directive', 'instruction', 'statement', 'notice', 'ruling', 'vote', 'note']);

/** A present participle after a record noun, past its date or reference ("owner e-mail 11-28 granting"). */
export function participleOfRecord(ctx: Ctx, m: Mention, a: number): boolean {
  if (!ctx.tokens[m.from]?.norm.endsWith('ing')) return false;
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 7; j = prevToken(ctx, j, a), steps++) {
    const t = ctx.tokens[j];
    if (!t) return false;
    if (t.kind === 'word' && RECORDS.has(t.norm)) return true;
    if (t.kind === 'word' && !t.upper) return false;
  }
  return false;
}

/** Passive or predicative ("was approved", "Cutover authorized") reads back; a subject before it reads forward. */
function voiceOf(ctx: Ctx, m: Mention, a: number): 'back' | 'fwd' {
  let j = prevToken(ctx, m.from, a);
  for (let steps = 0; j !== -1 && steps < 8; steps++) {
    const c = ctx.cover[j];
    const t = ctx.tokens[j];
    const skip = (): number => prevToken(ctx, c ? c.from : j, a);
    if (!t) break;
    if (has(c, 'be')) return 'back';
    if (has(c, 'have')) return 'fwd';
    if (has(c, 'adverb') || has(c, 'det') || has(c, 'neg')) {
      j = skip();
      continue;
    }
    if (isComma(ctx, j) || t.norm === 'and' || t.norm === 'or') {
      j = skip();
      continue;
    }
    if (has(c, 'cue') || has(c, 'action') || has(c, 'prodWord') || has(c, 'prodModifier') || has(c, 'grantNoun')) return 'back';
    if (t.kind === 'punct' || has(c, 'prep') || has(c, 'function') || has(c, 'trigger') || has(c, 'nonprod')) return 'back';
    return 'fwd';
  }
  return 'back';
}
