/**
 * The claims of one clause: its cues bound to the actions their voice reads (a participle
 * speaks of what precedes it, a subject's verb of what follows), kept only where no trigger's
 * scope (negation, condition, future, block, non-production place) covers the cue or the action.
 */
import { resolveActions, type ActionRef } from './actions';
import { deliveredThing } from './deliveredThing';
import { makeClaim, type GrantClaim } from './claim';
import type { Clause, StatusForm } from './clauses';
import type { CueRef } from './cueRef';
import { resolveCues } from './cues';
import { has, isComma, nextToken, prevToken, startingAt, withinNumber, type Ctx, type Mention } from './mentions';
import { clauseScopes, type ClauseScopes } from './scopes';
import { verballyNegated } from './verbalNegation';

/** How far (in words) a cue reaches for its action; governance clauses are short. */
const WINDOW = 12;

/**
 * `antecedent`: the action a relative or pronoun clause without one of its own speaks of
 * ("the cutover, which the CAB approved", "she approved it"); every standing cue claims it.
 */
export function clauseClaims(ctx: Ctx, clause: Clause, optionFrom: number, antecedent?: ActionRef): GrantClaim[] {
  const { from: a, to: b } = clause;
  const own = resolveActions(ctx, a, b);
  if (antecedent && own.refs.length > 0) return [];
  const { hasProduction, placesInProduction } = own;
  const refs = antecedent ? [antecedent] : own.refs;
  if (refs.length === 0) return [];
  const { cues, hedges } = resolveCues(ctx, a, b, refs);
  if (cues.length === 0) return [];
  const sc = clauseScopes(ctx, a, b, hedges, cues.filter((c) => c.lift).map((c) => c.from));
  if (sc.cancelled || (sc.nonProductionPlace && !placesInProduction)) return [];
  if (antecedent) {
    // "Production did not get it; only staging did": the clause's own subject is outside production.
    const cue = cues.find((c) => cueStands(ctx, sc, c, a, optionFrom) && !(sc.nonProduction && (!antecedent.explicitProd || has(ctx.cover[prevToken(ctx, c.from, a)], 'nonprod'))));
    return cue ? [makeClaim(ctx, antecedent, cue.from, cue.to, cue.cls)] : [];
  }

  const cueAt = new Int32Array(b - a).fill(-1);
  cues.forEach((c, k) => {
    for (let t = c.from; t < c.to; t++) cueAt[t - a] = k;
  });
  const refStart = new Map<number, ActionRef>();
  const refEnd = new Map<number, ActionRef>();
  for (const r of refs) {
    refStart.set(r.from, r);
    refEnd.set(r.to - 1, r);
  }

  const best = new Map<ActionRef, { cue: CueRef; dist: number }>();
  for (const cue of cues) {
    if (!cueStands(ctx, sc, cue, a, optionFrom) || asDocument(ctx, cue, b)) continue;
    const [near, far] = bound(ctx, cue, a, b, cueAt, refStart, refEnd);
    // The side the voice reads first; the other when nothing there stands ("the 'no
    // production' restriction was superseded by the owner's production grant").
    const standing = near.filter((ref) => refStands(sc, ref, hasProduction, cue) && !genericEvent(ctx, ref, cue, a) && !deliveredThing(ctx, ref, cue));
    for (const ref of standing.length > 0 ? standing : far.filter((ref) => refStands(sc, ref, hasProduction, cue) && !deliveredThing(ctx, ref, cue))) {
      const dist = Math.abs(ref.from - cue.from);
      const prev = best.get(ref);
      if (!prev || dist < prev.dist) best.set(ref, { cue, dist });
    }
  }
  const out: GrantClaim[] = [];
  const seen = new Set<string>();
  for (const [ref, { cue }] of [...best].sort(([x], [y]) => x.from - y.from)) {
    const key = `${ref.action}@${cue.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(makeClaim(ctx, ref, cue.from, cue.to, cue.cls));
  }
  return out;
}

export function statusClaims(ctx: Ctx, clause: Clause, st: StatusForm, optionFrom: number): GrantClaim[] {
  // "Go-live of e-permits: HOLD superseded by GO": a withheld value its lift word removes.
  const lift = st.value.granted ? -1 : nextToken(ctx, st.value.to - 1, clause.to);
  const lifted = lift !== -1 && ctx.cover[lift]?.tags.some((t) => t.kind === 'cue' && t.cue === 'lift') === true && ctx.cover[st.value.from]?.tags.some((t) => t.kind === 'restriction') === true;
  if ((!st.value.granted && !lifted) || st.value.from >= optionFrom) return [];
  // "Approved: the KB runbook for the orders migration": what the value speaks of is the document.
  if (st.value.to <= st.subjectFrom && documentFirst(ctx, st.subjectFrom, st.subjectTo)) return [];
  const subject = resolveActions(ctx, st.subjectFrom, st.subjectTo);
  // "Read replicas: repointed in prod": the value is the action, performed.
  const { refs, hasProduction, placesInProduction } = subject.refs.length > 0 ? subject : resolveActions(ctx, st.subjectTo + 1, clause.to);
  if (refs.length === 0) return [];
  const sc = clauseScopes(ctx, clause.from, clause.to, [], lifted ? [lift] : []);
  if (sc.cancelled || (sc.nonProductionPlace && !placesInProduction) || sc.conditionAfter !== Infinity) return [];
  const a = clause.from;
  const out: GrantClaim[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const at = ref.core.from - a;
    if (sc.negated[at] || sc.excluded[at] || (sc.nonProduction && !hasProduction && !ref.explicitProd)) continue;
    if (sc.hedged[at] || sc.hedged[st.value.from - a]) continue;
    if (seen.has(ref.action)) continue;
    seen.add(ref.action);
    // A lifted value's cue is the lift: "HOLD superseded".
    out.push(makeClaim(ctx, ref, st.value.from, lifted ? (ctx.cover[lift]?.to ?? lift + 1) : st.value.to, lifted ? 'grant' : 'status'));
  }
  return out;
}

/** The subject opens with a noun phrase headed by a non-action noun, then a preposition ("the KB runbook for ..."). */
export function documentFirst(ctx: Ctx, from: number, to: number): boolean {
  let head = false;
  for (let j = nextToken(ctx, from - 1, to); j !== -1; j = nextToken(ctx, (ctx.cover[j]?.to ?? j + 1) - 1, to)) {
    const c = ctx.cover[j];
    if (has(c, 'det') && !head) continue;
    if (has(c, 'prep')) return head;
    if (has(c, 'head') && !has(c, 'action')) head = true;
    // "KB runbook update for ...": a noun that is also a verb form qualifies the document too.
    else if ((c && !c.tags.every((t) => t.kind === 'permVerb')) || ctx.tokens[j]?.kind !== 'word') return false;
  }
  return false;
}

// "An approved cutover requires ...": a participle under an indefinite article names a kind, not an event.
const INDEFINITE = new Set(['a', 'an', 'any', 'every', 'each']);

const NOTHING = new Set(['nothing', 'none', 'nobody']);

function cueStands(ctx: Ctx, sc: ClauseScopes, cue: CueRef, a: number, optionFrom: number): boolean {
  if (cue.from >= optionFrom || cue.from < sc.cancelBefore) return false;
  const p = prevToken(ctx, cue.from, a);
  if (p !== -1 && INDEFINITE.has(ctx.tokens[p]?.norm ?? '') && has(startingAt(ctx, cue.to), 'action')) return false;
  const hedge = sc.hedged[cue.from - a] ?? 0;
  // "After the owner approved REAL_RUN, ...", "After the REAL_RUN finished, ..." report a past
  // fact; "once it is approved" does not (a participle after a present "is").
  if (hedge === 2 || (hedge === 1 && !(cue.past && (cue.voice === 'fwd' || (!presentBefore(ctx, cue.from, a) && !rightAfterTrigger(ctx, cue.from, a)))))) return false;
  // "Without an owner GO, the repoint stays parked": the grant is what is missing.
  if (sc.negated[cue.from - a] || sc.excluded[cue.from - a]) return false;
  if (sc.predicateNegated[cue.from - a] === 1) return false;
  // "he did nothing on prod", "approved none of it": the verb's object is the negation.
  if (NOTHING.has(ctx.tokens[nextToken(ctx, cue.to - 1, ctx.tokens.length)]?.norm ?? '')) return false;
  if (sc.conditionAfter !== Infinity && cue.from < sc.conditionAfter && !closedRelative(ctx, cue.from, sc.conditionAfter, a)) return false;
  return !verballyNegated(ctx, cue.from, a, true);
}

// What a gate or lane word opens is the gate: "opened the gate for the repoint" still speaks of the repoint.
// Nor is a time ("finished the night before").
const OPENED_THINGS = new Set(['gate', 'gates', 'lane', 'lanes', 'window', 'path', 'night', 'morning', 'evening', 'afternoon', 'day', 'week', 'weekend', 'month', 'shift', 'hour']);

/**
 * A determiner and a noun phrase of plain words right after the cue, ended by a preposition, a
 * punctuation mark or the clause ("opened the PR instead"): its own object. One that names an
 * action ("followed the successful go-live") is the action's.
 */
function ownObject(ctx: Ctx, cue: CueRef, b: number): boolean {
  const d = nextToken(ctx, cue.to - 1, b);
  if (d === -1 || !has(ctx.cover[d], 'det')) return false;
  let words = 0;
  for (let n = nextToken(ctx, (ctx.cover[d]?.to ?? d + 1) - 1, b); n !== -1 && words <= MAX_OBJECT_WORDS; n = nextToken(ctx, (ctx.cover[n]?.to ?? n + 1) - 1, b)) {
    const t = ctx.tokens[n];
    const c = ctx.cover[n];
    if (!t || t.kind === 'punct' || has(c, 'prep')) break;
    if (has(c, 'action') || has(c, 'prodWord') || has(c, 'prodModifier') || OPENED_THINGS.has(t.norm) || (c && !has(c, 'head') && !has(c, 'adverb'))) return false;
    words++;
  }
  return words > 0;
}

const MAX_OBJECT_WORDS = 4;

/** "signed off as a design document, not as a change": what was approved is the document. */
function asDocument(ctx: Ctx, cue: CueRef, b: number): boolean {
  let j = nextToken(ctx, cue.to - 1, b);
  if (ctx.tokens[j]?.norm !== 'as') return false;
  j = nextToken(ctx, j, b);
  while (j !== -1 && has(ctx.cover[j], 'det')) j = nextToken(ctx, j, b);
  // "as a design document": a word or two, then the document's noun.
  for (let k = 0; j !== -1 && k < 3; k++, j = nextToken(ctx, j, b)) {
    if (has(ctx.cover[j], 'head')) return true;
    if (ctx.cover[j] || ctx.tokens[j]?.kind !== 'word') return false;
  }
  return false;
}

const RELATIVE = new Set(['which', 'who', 'whom']);

/**
 * "The tables, which our team loaded on 11-29, carry a column you may drop once the audit
 * ends": a relative clause between commas that closes before a trailing condition is not
 * conditioned by it.
 */
function closedRelative(ctx: Ctx, cue: number, condition: number, a: number): boolean {
  let open = -1;
  for (let j = prevToken(ctx, cue, a), words = 0; j !== -1 && words < 10; j = prevToken(ctx, j, a), words++) {
    if (isComma(ctx, j)) {
      open = j;
      break;
    }
  }
  if (open === -1 || !RELATIVE.has(ctx.tokens[nextToken(ctx, open, cue + 1)]?.norm ?? '')) return false;
  for (let j = cue + 1; j < condition; j++) if (isComma(ctx, j)) return true;
  return false;
}

/**
 * "A repoint done informally, at night, would leave no grant": a participle after an action
 * under an indefinite article, then a modal verb, names a kind of event, not one that happened.
 */
function genericEvent(ctx: Ctx, ref: ActionRef, cue: CueRef, a: number): boolean {
  if (cue.voice !== 'back' || ref.to !== cue.from) return false;
  const p = prevToken(ctx, ref.from, a);
  if (p === -1 || !INDEFINITE.has(ctx.tokens[p]?.norm ?? '')) return false;
  // The subject's verb may sit past an aside the clause split off ("done informally, because ..., would"): look on to the sentence's end, a bounded stretch.
  for (let i = cue.to, end = Math.min(ctx.tokens.length, cue.to + GENERIC_REACH); i < end; i++) {
    const raw = ctx.tokens[i]?.raw;
    if (raw === '.' || raw === ';' || raw === '!' || raw === '?') return false;
    if (startingAt(ctx, i)?.tags.some((t) => t.kind === 'trigger' && t.trigger === 'future')) return true;
  }
  return false;
}

const GENERIC_REACH = 30;

/** "once issued", "after approved": a participle with no subject of its own stays conditional. */
function rightAfterTrigger(ctx: Ctx, i: number, a: number): boolean {
  const p = prevToken(ctx, i, a);
  return p === -1 || has(ctx.cover[p], 'trigger');
}

const PRESENT_AUX = new Set(['is', 'are', 'be', 'gets', 'get', 'has', 'have', 'becomes', "'s"]);

function presentBefore(ctx: Ctx, i: number, a: number): boolean {
  for (let j = prevToken(ctx, i, a), steps = 0; j !== -1 && steps < 3; j = prevToken(ctx, j, a), steps++) {
    const norm = ctx.tokens[j]?.norm ?? '';
    if (PRESENT_AUX.has(norm)) return true;
    if (!has(ctx.cover[j], 'adverb') && norm !== 'been') return false;
  }
  return false;
}



function refStands(sc: ClauseScopes, ref: ActionRef, hasProduction: boolean, cue: CueRef): boolean {
  const at = ref.core.from - sc.a;
  if (sc.negated[at] || sc.excluded[at]) return false;
  if (sc.nonProduction && !hasProduction && !ref.explicitProd) return false;
  // "updated for production" prepares; "applied to production" touches it.
  return !(cue.cls === 'perf' && (ref.destPreposition === 'for' || ref.destPreposition === 'of'));
}

/** Tokens `from`..`to` are a noun phrase's opening (determiners, plain words, numbers): `to` heads the cue's object. */
export function objectOf(ctx: Ctx, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const t = ctx.tokens[j];
    const c = ctx.cover[j];
    if (!t) return false;
    if (c && !(has(c, 'det') || has(c, 'head') || has(c, 'adverb'))) return false;
    if (!c && t.kind === 'punct') return false;
  }
  return true;
}

/**
 * {@link objectOf}, where whole action or production words may qualify the noun too ("the
 * production-readiness review document"): a ref may have merged such a modifier with an
 * action after the noun, so the words are read, not the refs.
 */
function modifiersOf(ctx: Ctx, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const t = ctx.tokens[j];
    const c = ctx.cover[j];
    if (!t) return false;
    if (c && (c.to > to || !(has(c, 'det') || has(c, 'head') || has(c, 'adverb') || has(c, 'action') || has(c, 'prodWord')))) return false;
    if (!c && t.kind === 'punct') return false;
    if (c) j = c.to - 1;
  }
  return true;
}

// The grant verbs whose object may be an agent followed by what the agent may do.
const LETTING = /^(?:authori[sz]ed|authori[sz]es|permitted|permits|allowed|allows|cleared|clears|empowered|empowers|approved)$/;

/** "authorised the operator to repoint": `to` (at `j`) opens the infinitive of an action the cue lets its object do. */
function agentToAct(ctx: Ctx, cue: CueRef, j: number): boolean {
  if (ctx.tokens[j]?.norm !== 'to' || cue.to !== cue.from + 1 || !LETTING.test(ctx.tokens[cue.from]?.norm ?? '')) return false;
  return has(startingAt(ctx, j + 1), 'permVerb');
}

function commonNounBefore(ctx: Ctx, j: number): boolean {
  const t = ctx.tokens[j - 1];
  return t !== undefined && t.kind === 'word' && !ctx.cover[j - 1] && !t.capital && !t.upper;
}

// What ties an action to the noun before it, so that the action is about the noun ("the note that describes the permit").
const ABOUT = new Set(['that', 'which', 'describing', 'covering', 'about', 'on', 'for', 'of']);

/**
 * "approved the KB note that describes the permit step", "approved Amal's leave for the week of
 * the repoint": a grant word's object is a non-action noun whose own clause or phrase names the
 * action, so what it approved is the noun. Scans to the first mention after the cue.
 */
export function nonActionObject(ctx: Ctx, cue: Mention, b: number): boolean {
  if (!cue.tags.some((t) => t.kind === 'cue' && t.cue === 'grant')) return false;
  for (let j = cue.to; j < b; j++) {
    const at = ctx.cover[j];
    if (!at || has(at, 'det') || has(at, 'adverb')) continue;
    // "approved Amal's leave for the week of the repoint": a common noun's phrase, ended by its preposition (as `bound` reads it).
    if (has(at, 'prep') && j > cue.to && commonNounBefore(ctx, j)) return objectOf(ctx, cue.to, j);
    if (!has(at, 'head') || has(at, 'action') || !objectOf(ctx, cue.to, j)) return false;
    return ABOUT.has(ctx.tokens[nextToken(ctx, at.to - 1, b)]?.norm ?? '');
  }
  return false;
}

/** The action sits in a phrase about a non-action noun before it ("note on the repoint", "doc describing the migration"). */
function aboutDocument(ctx: Ctx, r: ActionRef, a: number): boolean {
  let p = prevToken(ctx, r.from, a);
  while (p !== -1 && (has(ctx.cover[p], 'det') || has(ctx.cover[p], 'prodWord') || (!ctx.cover[p] && ctx.tokens[p]?.kind === 'word' && !ABOUT.has(ctx.tokens[p]!.norm)))) p = prevToken(ctx, p, a);
  if (p === -1 || !DOCUMENT_LINKS.has(ctx.tokens[p]?.norm ?? '')) return false;
  const head = prevToken(ctx, p, a);
  return head !== -1 && has(ctx.cover[head], 'head') && !has(ctx.cover[head], 'action');
}

const DOCUMENT_LINKS = new Set(['on', 'about', 'describing', 'covering', 'explaining']);

const SEPARATORS = new Set(['—', '–', ':']);

/**
 * "risk — mitigation accepted": a dash or colon, one plain lower-case noun, then the cue at `to`:
 * that noun is the cue's subject, so nothing before the separator (from `from` on) is.
 */
export function separatedSubject(ctx: Ctx, from: number, to: number): boolean {
  const noun = prevToken(ctx, to, from);
  const sep = noun === -1 ? -1 : prevToken(ctx, noun, from);
  const t = ctx.tokens[noun];
  return sep !== -1 && t !== undefined && t.kind === 'word' && !t.capital && !t.upper && !ctx.cover[noun] && SEPARATORS.has(ctx.tokens[sep]?.raw ?? '');
}

/** The actions a cue speaks of: its own, its modal's verb, or those on the side its voice reads. */
function bound(
  ctx: Ctx,
  cue: CueRef,
  a: number,
  b: number,
  cueAt: Int32Array,
  refStart: ReadonlyMap<number, ActionRef>,
  refEnd: ReadonlyMap<number, ActionRef>,
): [ActionRef[], ActionRef[]] {
  if (cue.self) return [[cue.self], []];
  if (cue.target) return [[cue.target], []];
  // "..., opened the PR instead", "finished the checklist": a done-word with an object of its own speaks of that object.
  if (cue.backwardOnly && ownObject(ctx, cue, b)) return [[], []];
  const back: ActionRef[] = [];
  for (let j = cue.from - 1, words = 0; j >= a && words < WINDOW; j--) {
    if ((cueAt[j - a] ?? -1) >= 0) break;
    const r = refEnd.get(j);
    // "A KB doc describing the migration was approved", "The KB note on the repoint was approved": what was approved is the document.
    if (r && !(cue.cls === 'grant' && aboutDocument(ctx, r, a))) back.push(r);
    if (ctx.tokens[j]?.kind !== 'punct') words++;
  }
  const fwd: ActionRef[] = [];
  const predicative = cue.backwardOnly && has(ctx.cover[prevToken(ctx, cue.from, a)], 'be');
  for (let j = cue.to, words = 0; j < b && words < WINDOW; j++) {
    const at = startingAt(ctx, j);
    // "approved the runbook document for the cutover": the object approved is the document.
    // "approved the production-readiness review document for the pricing repoint": actions that only qualify the document name it too.
    if (has(at, 'head') && !has(at, 'action') && !refStart.has(j) && modifiersOf(ctx, cue.to, j)) {
      fwd.length = 0;
      break;
    }
    // "approved Kenji's leave for the week of the cutover": a common noun's phrase, ended by its preposition.
    // "authorised the operator to repoint traffic": the noun is who may act, the infinitive what they may do.
    if (fwd.length === 0 && cue.cls === 'grant' && has(at, 'prep') && j > cue.to && commonNounBefore(ctx, j) && objectOf(ctx, cue.to, j) && !agentToAct(ctx, cue, j)) break;
    // A lift reaches past the restriction it removes ("cleared the HOLD on QT001/apply").
    // Nor past a negation: "GO at 00:45, the captain did not start the repoint".
    if ((cueAt[j - a] ?? -1) >= 0 || has(at, 'neg') || (has(at, 'trigger') && !(cue.lift && has(at, 'restriction')))) break;
    // "so the file is complete, activation ... remains with the CTO": a predicative cue's place does not lie past a comma.
    if (predicative && isComma(ctx, j) && !withinNumber(ctx, j)) break;
    const r = refStart.get(j);
    if (r) fwd.push(r);
    if (ctx.tokens[j]?.kind !== 'punct') words++;
  }
  // "is live in production": a predicative cue still names the place it holds in.
  const ahead = cue.backwardOnly ? fwd.filter((r) => r.destPreposition !== undefined) : fwd;
  // "Sandbox approved, staging approved, production still with the owner": the cue speaks of
  // the non-production subject before it, not of what follows.
  const p = prevToken(ctx, cue.from, a);
  if (cue.voice === 'back' && back.length === 0 && p !== -1 && has(ctx.cover[p], 'nonprod')) return [[], []];
  if (cue.voice === 'back') return back.length > 0 ? [back, ahead] : [ahead, []];
  return fwd.length > 0 ? [fwd, back] : [back, []];
}

