/**
 * What the learned readings (`reading.ts`) may read: the sentences whose action stands and whose
 * cue no rule scope covers, under the rules' own cue gates, or whose action stands with no cue
 * open at all; and the claims they make from them.
 */
import type { ActionRef } from './actions';
import { makeClaim, spanClaim, type GrantClaim } from './claim';
import { documentFirst, nonActionObject, separatedSubject } from './binding';
import { passesCueGates } from './cueGates';
import { deliveredThing } from './deliveredThing';
import { has, isComma, nextToken, prevToken, startingAt, withinNumber, type Ctx, type Mention } from './mentions';
import { isCueSource } from './prefilter';
import { probability, readSentence, sentenceFeatures, type ReadingModel } from './reading';
import { clauseScopes, FORWARD, type ClauseScopes } from './scopes';
import { verballyNegated } from './verbalNegation';
import type { Sentence } from './sentences';
import { standingActions } from './standingActions';

/** The two learned readings (`reading.ts`), each null when off. */
export interface Readings {
  /** Reads sentences with an open cue word. */
  readonly cued: ReadingModel | null;
  /** Reads sentences whose action stands but that hold no open cue word. */
  readonly implicit: ReadingModel | null;
}

/**
 * The learned readings' claim, where no rule form claims. The cued reading reads a sentence
 * only where the rules leave both sides of a claim open: an action no scope rules out, and a
 * cue source that no negation, condition, future, request or plan covers. The implicit
 * reading reads the sentences whose action stands but where no cue word is open ("All 212
 * cabinets now report to the new controller in production", "prod reads flowing through
 * mdp2 now"): a production state or a completed act said without a grant or done word,
 * which no word list can enumerate. Each model weighs the wording; the rules keep their vetoes.
 */
export function readingClaims(ctx: Ctx, s: Sentence, readings: Readings): GrantClaim[] {
  const open = readingInput(ctx, s);
  // "**Options:** A) stay on the legacy engine, B) go live ...": what a list of options offers, the reading does not claim either.
  if (open) return readings.cued && !optionLabel(ctx, s) ? cuedClaims(ctx, s, readings.cued, open) : [];
  // "Option 2: repoint the historian to HIST-02": an option offered is a plan, with no cue to choose it.
  return readings.implicit && !cueOrForward(ctx, s) && predicateWords(ctx, s) && !optionLabel(ctx, s) && !statusQuo(ctx, s) ? implicitClaims(ctx, s, readings.implicit) : [];
}

/**
 * A cue source, a modal or a forward trigger anywhere in the sentence. A cue the rules closed
 * ("will be approved on Friday", "APPROVED once PC-8 passes") is the rules' verdict, and the
 * implicit reading reads only sentences that hold none: what it weighs is a state or an act
 * said without a grant word, never a grant word the rules ruled out.
 */
function cueOrForward(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (m.tags.some((t) => isCueSource(t) || (t.kind === 'trigger' && FORWARD.has(t.trigger)))) return true;
    i = m.to - 1;
  }
  return false;
}

/** Whether the implicit reading reads a sentence that has no open cue: no cue at all, words beside its actions, and an action that stands. */
export function readsImplicitly(ctx: Ctx, s: Sentence): boolean {
  return !cueOrForward(ctx, s) && predicateWords(ctx, s) && !optionLabel(ctx, s) && !statusQuo(ctx, s) && standingActions(ctx, s.from, s.to).length > 0;
}

// Fewer words than this beside the actions make a label ("Leeds-1 go-live."), not a statement.
const MIN_PREDICATE_WORDS = 2;

/** Whether the sentence says something of its actions: enough words outside action and production mentions. */
function predicateWords(ctx: Ctx, s: Sentence): boolean {
  let words = 0;
  let all = 0;
  for (let i = s.from; i < s.to && (words < MIN_PREDICATE_WORDS || all < MIN_STATEMENT_WORDS); i++) {
    if (ctx.tokens[i]?.kind !== 'word') continue;
    all++;
    const m = ctx.cover[i];
    if (m?.tags.some((t) => t.kind === 'action' || t.kind === 'prodWord' || t.kind === 'prodModifier')) continue;
    words++;
  }
  return words >= MIN_PREDICATE_WORDS && all >= MIN_STATEMENT_WORDS;
}

// "1. HL7 shared secret.": three words or fewer make an item's label, however they are tagged.
const MIN_STATEMENT_WORDS = 4;

function implicitClaims(ctx: Ctx, s: Sentence, model: ReadingModel): GrantClaim[] {
  const refs = standingActions(ctx, s.from, s.to);
  if (refs.length === 0 || probability(model, sentenceFeatures(ctx, s).features) < model.threshold) return [];
  // No word carries the claim, so the claim is the sentence, without its list marker and final stop.
  let from = s.from;
  while (from < s.to && ctx.tokens[from]?.kind === 'punct') from++;
  let to = s.to;
  while (to > from && ctx.tokens[to - 1]?.kind === 'punct') to--;
  if (from >= to) return [];
  return refs.map((ref) => spanClaim(ctx, { from, to }, ref.action, 'reading', `reads as stating that ${ref.action} was carried out or stands in production (no rule form or cue word matched; the learned reading of the sentence's wording did)`));
}

function cuedClaims(ctx: Ctx, s: Sentence, model: ReadingModel, open: { refs: ActionRef[]; cues: Set<number> }): GrantClaim[] {
  const reading = readSentence(ctx, s, model, (m) => open.cues.has(m.from));
  if (reading.probability < model.threshold || !reading.cue) return [];
  const cue = reading.cue;
  // "repointed the staging hostname ..., and the production hostname was left": the cue claims only the actions of its own clause.
  const clause = clauseOf(ctx, s);
  // As in the rules: a predicative cue ("is complete") speaks of no action past a comma after it.
  const backwardOnly = has(ctx.cover[cue.from], 'backwardOnly') && has(ctx.cover[prevToken(ctx, cue.from, s.from)], 'be');
  return open.refs
    .filter((ref) => clause[ref.from - s.from] === clause[cue.from - s.from] && !(backwardOnly && commaBetween(ctx, cue.to, ref.from)) && !(ref.to <= cue.from && separatedSubject(ctx, ref.to, cue.from)))
    .map((ref) => makeClaim(ctx, ref, cue.from, cue.to, 'reading'));
}

function commaBetween(ctx: Ctx, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (isComma(ctx, j) && !withinNumber(ctx, j)) return true;
  return false;
}


const NEW_SUBJECT = new Set(['the', 'this', 'that', 'our', 'its', 'their', 'his', 'her', 'we', 'they', 'she', 'he']);

/** Each token's clause number, a clause ending at ", and" or ", but" before a new subject. One pass. */
function clauseOf(ctx: Ctx, s: Sentence): Uint32Array {
  const out = new Uint32Array(s.to - s.from);
  let clause = 0;
  for (let i = s.from; i < s.to; i++) {
    if (isComma(ctx, i)) {
      const n = nextToken(ctx, i, s.to);
      if (n !== -1 && (ctx.tokens[n]?.norm === 'and' || ctx.tokens[n]?.norm === 'but') && NEW_SUBJECT.has(ctx.tokens[nextToken(ctx, n, s.to)]?.norm ?? '')) clause++;
    }
    out[i - s.from] = clause;
  }
  return out;
}

/** A capitalised (not upper-case) cue word after a capitalised plain word: "Weekend Run" in a title. */
function titleCompound(ctx: Ctx, m: Mention, s: Sentence): boolean {
  const t = ctx.tokens[m.from];
  if (!t || !t.capital || t.upper) return false;
  const p = prevToken(ctx, m.from, s.from);
  const pt = p === -1 ? undefined : ctx.tokens[p];
  return pt !== undefined && pt.kind === 'word' && pt.capital && !pt.upper && !ctx.cover[p];
}

function attributive(ctx: Ctx, m: Mention, s: Sentence): boolean {
  const p = prevToken(ctx, m.from, s.from);
  const n = nextToken(ctx, m.to - 1, s.to);
  return p !== -1 && has(ctx.cover[p], 'det') && n !== -1 && ctx.tokens[n]?.kind === 'word' && !ctx.cover[n];
}

function namesOption(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i < s.to; i++) if (has(ctx.cover[i], 'option')) return true;
  return false;
}

const STATUS_QUO = new Set(['legacy', 'old', 'existing']);
const NOVELTY = new Set(['now', 'new', 'newly', 'since', 'switched', 'migrated', 'moved', 'drained', 'retired', 'demoted', 'replaced']);
// How far into the sentence its subject's "legacy" may stand.
const SUBJECT_WORDS = 4;

/**
 * "The legacy gateway CGW-1 carries all live manifests": a subject named as the system that was
 * already there, in a sentence with no word of change, describes the state before any action.
 */
function statusQuo(ctx: Ctx, s: Sentence): boolean {
  let quo = false;
  for (let i = s.from, words = 0; i < s.to; i++) {
    const norm = ctx.tokens[i]?.norm ?? '';
    if (NOVELTY.has(norm) || ctx.tokens[i]?.raw === ';') return false;
    if (ctx.tokens[i]?.kind === 'word' && words++ < SUBJECT_WORDS && STATUS_QUO.has(norm)) quo = true;
  }
  return quo;
}

/** "Option 2: …", "Option B — …": the sentence is an option's label and what it offers. */
function optionLabel(ctx: Ctx, s: Sentence): boolean {
  let i = s.from;
  while (i < s.to && ctx.tokens[i]?.kind === 'punct') i++;
  if (!has(ctx.cover[i], 'option')) return false;
  const name = ctx.tokens[i + 1];
  if (name?.raw === ':') return true; // "Options: ..."
  const sep = ctx.tokens[i + 2]?.raw;
  return name !== undefined && (name.kind === 'number' || (name.raw.length <= 2 && name.upper)) && (sep === ':' || sep === '—' || sep === '–' || sep === '-');
}

// How far a negated grant word may stand after its negation ("is NOT given", "has not yet been granted").
const NEGATED_CUE_REACH = 3;

function negatedGrantAfter(ctx: Ctx, s: Sentence, from: number): boolean {
  for (let i = from; i < s.to; i++) {
    if (!ctx.cover[i]?.tags.some((t) => t.kind === 'neg' && t.neg === 'verbal')) continue;
    for (let j = i + 1, steps = 0; j < s.to && steps < NEGATED_CUE_REACH; j++, steps++) {
      const c = ctx.cover[j];
      if (c?.tags.some((t) => t.kind === 'cue' && (t.cue === 'grant' || t.cue === 'perf' || t.cue === 'auxPerf'))) return true;
      if (!(has(c, 'be') || has(c, 'have') || has(c, 'adverb'))) break;
    }
  }
  return false;
}

const EPISTEMIC = new Set(['confirm', 'tell', 'see', 'say', 'report', 'verify', 'attest', 'state', 'show', 'vouch']);

/** The standing actions and open cue sources of a sentence, or undefined when either is missing. */
export function readingInput(ctx: Ctx, s: Sentence): { refs: ActionRef[]; cues: Set<number> } | undefined {
  const cues = new Set<number>();
  let sc: ClauseScopes | undefined;
  // Whether the sentence names an option, read once and only if a choice word needs it.
  let option: boolean | undefined;
  // "the owner may clear us for ...": a modal the rules read as no permission hedges its part of the sentence.
  const modalParts = new Set<number>();
  const stateCues = new Set<number>();
  // "The sandbox TOS was cut over to v9; prod still runs v8": a part placed outside production, with no production word of its own.
  const nonprodParts = new Set<number>();
  const prodParts = new Set<number>();
  // Semicolons part the sentence; the reading pairs a cue only with actions of its own part.
  let part = 0;
  let consequence = false;
  const partOf = new Map<number, number>();
  for (let i = s.from; i < s.to; i++) {
    if (ctx.tokens[i]?.raw === ';') {
      part++;
      consequence = false;
    }
    // ", so the old credentials can be retired": a consequence's future is its own.
    if (isComma(ctx, i) && ctx.tokens[nextToken(ctx, i, s.to)]?.norm === 'so') consequence = true;
    const m = startingAt(ctx, i);
    if (!m) continue;
    i = m.to - 1;
    if (has(m, 'nonprod')) nonprodParts.add(part);
    if (has(m, 'prodWord') || has(m, 'prodModifier')) prodParts.add(part);
    // "I can confirm", "as far as I can tell" report what is known; they hedge nothing.
    if (has(m, 'modal') && !EPISTEMIC.has(ctx.tokens[nextToken(ctx, m.to - 1, s.to)]?.norm ?? '')) modalParts.add(part);
    // "The production load, per the plan, would start at 01:00": a future anywhere in the part makes it a plan, for the reading.
    if (!consequence && m.tags.some((t) => t.kind === 'trigger' && t.trigger === 'future')) modalParts.add(part);
    // "a complete record", "the approved runbook": a participle between a determiner and its noun describes the noun.
    if (attributive(ctx, m, s)) continue;
    // A modal alone reads as ability as often as permission ("the only one who can grant"):
    // the rules' permission forms decide those. Nor is a condition's own word a cue ("after
    // the rollback blocker is scoped").
    if (!m.tags.some((t) => isCueSource(t) && t.kind !== 'modal') || m.tags.some((t) => t.kind === 'trigger' && FORWARD.has(t.trigger))) continue;
    // "for approving the cutover" names an act, "pushed to the following weekend" a delay: the rules' gates hold here too.
    if (!passesCueGates(ctx, m, s.from, s.to) || nonActionObject(ctx, m, s.to)) continue;
    // "Assessment-Roll Migration — Weekend Run Note": a capitalised word in a title's compound names a thing.
    if (titleCompound(ctx, m, s)) continue;
    // "Approved: the KB runbook for the orders migration": as in the rules, the header's object is the document.
    if (ctx.tokens[m.to]?.raw === ':' && documentFirst(ctx, m.to + 1, s.to)) continue;
    sc ??= clauseScopes(ctx, s.from, s.to, []);
    if (sc.cancelled) return undefined;
    const at = m.from - s.from;
    const beforeTrailingCondition = sc.conditionAfter !== Infinity && m.from < sc.conditionAfter;
    // As in the rules: a cue a negated clause covers ("no evidence ... the ... was approved" before its relative clause), or one verbally negated ("was not lifted").
    if (m.from < sc.cancelBefore || verballyNegated(ctx, m.from, s.from, true)) continue;
    // "Per the owner's memo, ...": a choice word chooses only among options the sentence names.
    if (m.tags.every((t) => !isCueSource(t) || t.kind === 'choice') && !(option ??= namesOption(ctx, s))) continue;
    if (!sc.hedged[at] && !sc.negated[at] && !sc.excluded[at] && sc.predicateNegated[at] !== 1 && !beforeTrailingCondition) {
      if (!m.tags.some((t) => isCueSource(t) && t.kind !== 'modal' && t.kind !== 'state')) stateCues.add(m.from);
      cues.add(m.from);
      partOf.set(m.from, part);
    }
  }
  for (const [cue, at] of partOf) {
    if (!modalParts.has(at)) continue;
    cues.delete(cue);
    stateCues.delete(cue);
    partOf.delete(cue);
  }
  if (!sc || cues.size === 0) return undefined;
  // "Delegated cutover authority for the refit is NOT given": a grant word the sentence negates
  // after its cue denies the sentence's own predicate; the reading, a second opinion, does not
  // overrule that ("pushed — not to the sandbox, but to the live database" negates a place).
  if (negatedGrantAfter(ctx, s, Math.min(...cues))) return undefined;
  const parts = new Set(partOf.values());
  let p = 0;
  let k = s.from;
  // A state verb ("lists", "serves") speaks of production only of production itself: with no
  // other cue, the action must be production's own ("operator lists the secrets" is no state of it).
  const stateCuesOnly = stateCues.size === cues.size;
  let perfOnly = true;
  for (const c of cues) perfOnly &&= ctx.cover[c]?.tags.some((t) => t.kind === 'cue' && (t.cue === 'perf' || t.cue === 'auxPerf')) === true;
  // "The legacy gateway CGW-1 carries all live manifests": a state that was already so reports no change.
  if (stateCuesOnly && statusQuo(ctx, s)) return undefined;
  const refs = standingActions(ctx, s.from, s.to, sc).filter((r) => {
    // Refs come in text order, so the part count only grows: one walk over the sentence.
    for (; k < r.from; k++) if (ctx.tokens[k]?.raw === ';') p++;
    if (!(parts.has(p) && (!stateCuesOnly || r.explicitProd || r.fromProdWord) && (!nonprodParts.has(p) || prodParts.has(p) || r.explicitProd))) return false;
    // As in the rules: "began pre-checks for the prod secrets work" prepares; a done-word's "for" or "of" touches nothing.
    if (perfOnly && r.action !== 'production' && (r.destPreposition === 'for' || r.destPreposition === 'of')) return false;
    // As in the rules: "the production TLS certificate was issued" delivers a thing, it changes no secret.
    for (const c of cues) if (!deliveredThing(ctx, r, ctx.cover[c] ?? { from: c, to: c + 1 })) return true;
    return false;
  });
  return refs.length > 0 ? { refs, cues } : undefined;
}
