/**
 * Production-grant claims in prose: statements that a production-gated action (spec §5) is
 * authorized, or was carried out, asserted as present or past fact.
 *
 * The pipeline is the NegEx / ConText family, deterministic and explainable:
 * tokens → sentences → vocabulary mentions → clauses and `Subject: VALUE` status forms →
 * actions and cues bound inside a clause → trigger scopes (negation, condition, future,
 * requirement, request, question, option, revocation, block, non-production scope) → claims.
 *
 * Input is a Markdown paragraph whose non-prose regions were blanked with spaces of the same
 * length, or a JSON string value; offsets in the result index into that text.
 */
import { resolveActions, type ActionRef } from './actions';
import type { Clause, StatusForm } from './clauses';
import { splitClauses } from './clauses';
import { resolveCues, type CueClass, type CueRef } from './cues';
import { compileLexicon, longestPhrase, type Lexicon } from './lexicon';
import { answeredYes, choiceMade, eventSubject, ellipticalDenial, reportStart, flagSetTrue, logSuccess, productionState, counterfactual, maskMentioned, negatedHead, onlyOutsideProduction, positiveHeader, retracted, standingActions, tableRowValue, taskBox } from './forms';
import { has, matchMentions, nextToken, prevToken, startingAt, type Ctx, type Mention } from './mentions';
import { compilePrefilter, type Prefilter } from './prefilter';
import { clauseScopes, FORWARD, type ClauseScopes } from './scopes';
import { splitSentences, type Sentence } from './sentences';
import { tokenize } from './tokens';
import { DEFAULT_VOCABULARY, extendVocabulary, normalizePhrase, type VocabularyExtension } from './vocabulary';

export interface GrantClaim {
  /** UTF-16 offsets into the analysed text; the range runs from cue to action, whichever is first. */
  readonly start: number;
  readonly end: number;
  /** Canonical action name, as an authority lock writes it: the first of {@link actions}. */
  readonly action: string;
  /** Every action the claim names, in text order ("Authorized: permit, activation" names two). */
  readonly actions: readonly string[];
  /** The cue word(s) as written ("granted", "AUTHORIZED", "may now"). */
  readonly cue: string;
  /** `text.slice(start, end)`. */
  readonly phrase: string;
  /** One sentence saying why this reads as a production grant. */
  readonly reason: string;
  /** How the cue asserts: a grant word, a report of the act, a present permission, a status value, a flag set true. */
  readonly cueClass: CueClass | 'flag';
}

/** Additions from `.govlens.json`; every list extends the default vocabulary. */
export type DetectorOptions = VocabularyExtension;

export interface GrantDetector {
  (text: string): GrantClaim[];
  /** The gated actions a text names, whatever it says of them (see {@link actionMentions}). */
  readonly mentions: (text: string) => ActionMention[];
}

/** How far (in words) a cue reaches for its action; governance clauses are short. */
const WINDOW = 12;
// Words after which a line break continues the sentence rather than ending it.
const ANAPHORA = new Set(['it', 'this', 'that', 'they', 'these', 'those', 'which', 'and', 'then', 'later', 'since', 'subsequently', 'afterwards']);
const RUNS_ON_EXTRA = ['and', 'or', 'but', 'nor', 'that', 'which', 'who', 'than', 'not', 'no', 'will', 'would', 'may', 'must', 'can', 'should'];

/** Internal switches, for the tests and the benchmark that compare the two paths. */
export interface DetectorTuning {
  /** Skip texts that hold no action and cue words (`prefilter.ts`); default true. The claims are the same either way. */
  readonly prefilter?: boolean;
}

interface Compiled {
  readonly lex: Lexicon;
  readonly runsOn: ReadonlySet<string>;
  /** Built on first use: `canonicalActionName` and one-off calls do without it. */
  readonly prefilter: () => Prefilter;
}

function compile(options: DetectorOptions | undefined): Compiled {
  const vocab = extendVocabulary(DEFAULT_VOCABULARY, options);
  const runsOn = new Set(
    [...vocab.prepositions, ...vocab.determiners, ...vocab.beVerbs, ...vocab.haveVerbs, ...RUNS_ON_EXTRA].map(normalizePhrase),
  );
  const lex = compileLexicon(vocab);
  let prefilter: Prefilter | undefined;
  // Derived from the compiled tries, so the user's vocabulary is in it too.
  return { lex, runsOn, prefilter: () => (prefilter ??= compilePrefilter(lex)) };
}

// Compiled once at load and never mutated: the default vocabulary's tables.
const DEFAULT_COMPILED = compile(undefined);

/** Compiles the vocabulary once; hosts keep the returned function for the life of a configuration. */
export function createGrantDetector(options?: DetectorOptions, tuning?: DetectorTuning): GrantDetector {
  const { lex, runsOn, prefilter } = options ? compile(options) : DEFAULT_COMPILED;
  const mentions = (text: string) => mentionsIn(text, lex);
  if (tuning?.prefilter === false) return Object.assign((text: string) => detect(text, lex, runsOn), { mentions });
  const mayClaim = prefilter();
  return Object.assign((text: string) => detect(text, lex, runsOn, mayClaim), { mentions });
}

/** Claims in `text`; with options the vocabulary is compiled per call, so prefer {@link createGrantDetector}. */
export function detectGrantClaims(text: string, options?: DetectorOptions): GrantClaim[] {
  if (!options) return detect(text, DEFAULT_COMPILED.lex, DEFAULT_COMPILED.runsOn, DEFAULT_COMPILED.prefilter());
  // A vocabulary compiled for one text is not worth a prefilter (the claims are the same without).
  const { lex, runsOn } = compile(options);
  return detect(text, lex, runsOn);
}

/**
 * The canonical action a lock entry or label names ("secrets change" → "secrets-change",
 * "deploy" → "CI/deploy"), or undefined when it names none. `production` covers all others.
 */
// Compiled once per vocabulary object: lock actions are canonicalised one name at a time.
const compiledByOptions = new WeakMap<DetectorOptions, Compiled>();

export function canonicalActionName(name: string, options?: DetectorOptions): string | undefined {
  let compiled = DEFAULT_COMPILED;
  if (options) {
    compiled = compiledByOptions.get(options) ?? compile(options);
    compiledByOptions.set(options, compiled);
  }
  const { lex } = compiled;
  return lex.canonicalByForm.get(normalizePhrase(name));
}

/** `mayClaim` rules texts out before they are tokenized, then on their tokens; it never changes the claims. */
function detect(original: string, lex: Lexicon, runsOn: ReadonlySet<string>, mayClaim?: Prefilter): GrantClaim[] {
  if (mayClaim && !mayClaim.text(original)) return [];
  const text = maskMentioned(original, lex.metaNouns);
  const tokens = tokenize(text, lex.singleTokens);
  if (tokens.length === 0 || (mayClaim && !mayClaim.tokens(tokens))) return [];
  const ctx: Ctx = { text, tokens, cover: new Array<Mention | undefined>(tokens.length), noise: new Uint8Array(tokens.length) };
  const claims: GrantClaim[] = [];
  const sentences = splitSentences(ctx, (w) => runsOn.has(w));
  for (const s of sentences) matchMentions(ctx, lex.main, s.from, s.to);
  sentences.forEach((s, k) => {
    const kinds = tagKindsIn(ctx, s);
    // Every claim names an action (or the production flag): a sentence without one has none.
    if (!kinds.has('action') && !kinds.has('prodWord') && !kinds.has('prodModifier') && !kinds.has('flag')) return;
    for (const c of sentenceClaimsInContext(ctx, sentences, k, lex, kinds)) claims.push(c);
  });
  return mergeClaims(text, claims.sort((x, y) => x.start - y.start || x.end - y.end));
}

/** The tag kinds (and cue kinds, as `cue:KIND`) a sentence's mentions carry: which forms can apply. */
function tagKindsIn(ctx: Ctx, s: Sentence): Set<string> {
  const kinds = new Set<string>();
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    for (const t of m.tags) kinds.add(t.kind === 'cue' ? `cue:${t.cue}` : t.kind);
    i = m.to - 1;
  }
  return kinds;
}

/**
 * One sentence's claims: its task box, question and answer, table row or record line decide
 * first; then its clauses; then, when they claim nothing, the forms a keyword reading misses
 * (a log line, a flag, a production state, an effect, a choice, a positive header, a tick).
 * Claims under a negated head, inside a retracted report or denied by the next sentence drop.
 */
function sentenceClaimsInContext(ctx: Ctx, sentences: readonly Sentence[], k: number, lex: Lexicon, kinds: ReadonlySet<string>): GrantClaim[] {
  const s = sentences[k]!;
  const box = taskBox(ctx, s);
  if (box && !box.ticked) return []; // an open task box asserts nothing yet
  if (s.question) {
    // "Was the cutover performed? Yes, at 01:40." asserts what the question asks.
    const yes = answeredYes(ctx, sentences[k + 1]);
    if (yes === -1) return [];
    const asked = sentenceClaims(ctx, s, lex);
    if (asked.length > 0) return asked.map((c) => answered(ctx, c, yes));
    // "Permit? Granted, 11-26.": the answer is the grant word itself.
    return has(ctx.cover[yes], 'cue') ? standingActions(ctx, s.from, s.to).map((ref) => makeClaim(ctx, ref, yes, yes + 1, 'status')) : [];
  }
  if (counterfactual(ctx, s)) return [];
  const row = tableRowValue(ctx, s, (i, hi) => statusVerdict(ctx, lex, i, hi));
  if (row) return standingActions(ctx, s.from, s.to).map((ref) => makeClaim(ctx, ref, row.from, row.to, 'status'));
  if (ctx.tokens[s.from]?.raw === '|') return [];
  if (kinds.has('nonprod') && onlyOutsideProduction(ctx, s)) return [];
  let found = sentenceClaims(ctx, s, lex);
  if (found.length === 0) found = formClaims(ctx, s, kinds, box);
  const negatedTo = negatedHead(ctx, s);
  const denied = kinds.has('report') ? retracted(ctx, s) : undefined;
  const offset = (i: number) => ctx.tokens[i]?.start ?? ctx.text.length;
  // "somebody posted 'repoint approved'. It was not approved.": the next sentence denies the report.
  const next = sentences[k + 1];
  const report = kinds.has('report') && next && ellipticalDenial(ctx, nextToken(ctx, next.from - 1, next.to), next.to) !== -1 ? reportStart(ctx, s) : -1;
  return found.filter(
    (c) =>
      !(negatedTo !== -1 && c.start < offset(negatedTo)) &&
      !(denied && c.start >= offset(denied.from) && c.start < offset(denied.to)) &&
      !(report !== -1 && c.start >= offset(report)),
  );
}

/** The forms tried when a sentence's clauses claim nothing, each only where its words occur. */
function formClaims(ctx: Ctx, s: Sentence, kinds: ReadonlySet<string>, box: ReturnType<typeof taskBox>): GrantClaim[] {
  const log = logSuccess(ctx, s);
  if (log !== -1) return standingActions(ctx, s.from, s.to).map((ref) => makeClaim(ctx, ref, log, log + 1, 'perf'));
  const flag = kinds.has('flag') ? flagSetTrue(ctx, s) : undefined;
  if (flag) return [spanClaim(ctx, flag, 'production', 'flag', 'records production work as done')];
  const state = kinds.has('state') ? productionState(ctx, s) : undefined;
  if (state) return [spanClaim(ctx, state, state.action, 'perf', `describes production in a state that only ${state.action} explains, so it reports ${state.action} as carried out`)];
  const effect = kinds.has('effect') ? eventSubject(ctx, s) : undefined;
  if (effect) return [makeClaim(ctx, effect.ref, effect.verb, effect.verb + 1, 'perf')];
  const choice = kinds.has('choice') ? choiceMade(ctx, s) : undefined;
  if (choice) {
    // What was chosen stands after the choice ("picked option B: proceed with REAL_RUN"), or before it ("Option 2 (deploy) — SELECTED").
    const after = standingActions(ctx, choice.to, s.to);
    return (after.length > 0 ? after : standingActions(ctx, s.from, choice.from)).map((ref) => makeClaim(ctx, ref, choice.from, choice.to, 'grant'));
  }
  const header = positiveHeader(ctx, s);
  if (header) return standingActions(ctx, header.colon + 1, s.to).map((ref) => makeClaim(ctx, ref, header.from, header.to, 'status'));
  if (box) return standingActions(ctx, box.anywhere ? s.from : box.at + 1, s.to).map((ref) => makeClaim(ctx, ref, box.at, box.at + 1, 'status'));
  return [];
}

/** A claim whose cue is the whole token range: a production state, a flag set true. */
function spanClaim(ctx: Ctx, span: { from: number; to: number }, action: string, cueClass: CueClass | 'flag', says: string): GrantClaim {
  const start = ctx.tokens[span.from]?.start ?? 0;
  const end = ctx.tokens[span.to - 1]?.end ?? start;
  const phrase = ctx.text.slice(start, end);
  return { start, end, action, actions: [action], cue: phrase, phrase, cueClass, reason: `"${phrase}" ${says}` };
}

/** The claims of one sentence's clauses (status forms and cue-bound actions). */
function sentenceClaims(ctx: Ctx, s: Sentence, lex: Lexicon): GrantClaim[] {
  const out: GrantClaim[] = [];
  const optionFrom = optionStart(ctx, s);
  const clauses = splitClauses(ctx, s, lex.status);
  const first = clauses[0];
  if (first && !first.status && hedgingLabel(ctx, first)) return out;
  clauses.forEach((clause, k) => {
    const next = clauses[k + 1];
    if (next && revokesPrevious(ctx, next)) return;
    const found = clause.status ? statusClaims(ctx, clause, clause.status, optionFrom) : clauseClaims(ctx, clause, optionFrom);
    for (const c of found) out.push(c);
  });
  return out;
}

/** A question's claim, asserted by the answer after it. */
function answered(ctx: Ctx, c: GrantClaim, yes: number): GrantClaim {
  const word = ctx.tokens[yes]?.raw ?? 'yes';
  return { ...c, reason: `${c.reason.replace(/^"[^"]*"/, `"${c.phrase.replace(/\s+/g, ' ')}"`)}, and the answer "${word}" affirms it` };
}

/** The verdict of the status phrase opening token `i` ("GRANTED 08-20", "FAIL", "not granted"). */
function statusVerdict(ctx: Ctx, lex: Lexicon, i: number, hi: number): 'granted' | 'not' | undefined {
  const t = ctx.tokens[i];
  if (!t) return undefined;
  if (t.norm === 'not' || t.norm === 'no' || t.norm === 'never') return 'not';
  const phrase = longestPhrase(lex.status, ctx.tokens, i, hi);
  if (!phrase) return undefined;
  return phrase.tags[0]?.kind === 'cue' ? 'granted' : 'not';
}

/**
 * One claim, one finding (spec §5): claims whose ranges meet (every claim holds its cue, so two
 * that share a cue meet) are one claim naming every action. Input sorted by start; one pass.
 */
function mergeClaims(text: string, claims: readonly GrantClaim[]): GrantClaim[] {
  const out: GrantClaim[] = [];
  for (const c of claims) {
    const last = out[out.length - 1];
    if (!last || c.start >= last.end) {
      out.push(c);
      continue;
    }
    const start = Math.min(last.start, c.start);
    const end = Math.max(last.end, c.end);
    const actions = [...new Set([...last.actions, ...c.actions])];
    const phrase = text.slice(start, end);
    out[out.length - 1] = { ...last, start, end, actions, phrase, reason: reasonFor(last.cueClass, phrase, actions, last.cue) };
  }
  return out;
}

/** "Option 3: authorize ..." offers rather than decides, unless the sentence says it was chosen. */
function optionStart(ctx: Ctx, s: Sentence): number {
  let first = Infinity;
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (has(m, 'choice')) return Infinity;
    if (has(m, 'option')) first = Math.min(first, m.from);
    i = m.to - 1;
  }
  return first;
}

/**
 * "..., but later revoked", "; it was withdrawn": a subjectless or pronoun clause holding a
 * revocation speaks of the clause before it.
 */
function revokesPrevious(ctx: Ctx, clause: Clause): boolean {
  const first = nextToken(ctx, clause.from - 1, clause.to);
  if (first === -1) return false;
  const m = ctx.cover[first];
  const opensElliptically = ANAPHORA.has(ctx.tokens[first]?.norm ?? '') || has(m, 'be') || has(m, 'adverb') || isRevocation(m);
  if (!opensElliptically) return false;
  let revoked = false;
  for (let i = clause.from; i < clause.to; i++) {
    const c = ctx.cover[i];
    if (has(c, 'action') || has(c, 'prodWord') || has(c, 'prodModifier')) return false;
    if (isRevocation(c)) revoked = true;
  }
  return revoked;
}

function isRevocation(m: Mention | undefined): boolean {
  return m !== undefined && m.tags.some((t) => t.kind === 'trigger' && t.trigger === 'revocation');
}

/** "Proposal:", "Next step:", "Question:" — a short label that hedges everything after it. */
function hedgingLabel(ctx: Ctx, clause: Clause): boolean {
  const sep = ctx.tokens[clause.to];
  if (!sep || sep.raw !== ':') return false;
  let words = 0;
  let hedge = false;
  for (let i = clause.from; i < clause.to; i++) {
    const t = ctx.tokens[i];
    if (!t || t.kind === 'punct') continue;
    if (++words > 8) return false;
    const m = ctx.cover[i];
    if (m?.tags.some((tag) => tag.kind === 'option' || (tag.kind === 'trigger' && FORWARD.has(tag.trigger)))) hedge = true;
  }
  return hedge;
}

function clauseClaims(ctx: Ctx, clause: Clause, optionFrom: number): GrantClaim[] {
  const { from: a, to: b } = clause;
  const { refs, hasProduction, placesInProduction } = resolveActions(ctx, a, b);
  if (refs.length === 0) return [];
  const { cues, hedges } = resolveCues(ctx, a, b, refs);
  if (cues.length === 0) return [];
  const sc = clauseScopes(ctx, a, b, hedges, cues.filter((c) => c.lift).map((c) => c.from));
  if (sc.cancelled || (sc.nonProductionPlace && !placesInProduction)) return [];

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
    if (!cueStands(ctx, sc, cue, a, optionFrom)) continue;
    const [near, far] = bound(ctx, cue, a, b, cueAt, refStart, refEnd);
    // The side the voice reads first; the other when nothing there stands ("the 'no
    // production' restriction was superseded by the owner's production grant").
    const standing = near.filter((ref) => refStands(sc, ref, hasProduction, cue));
    for (const ref of standing.length > 0 ? standing : far.filter((ref) => refStands(sc, ref, hasProduction, cue))) {
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

function statusClaims(ctx: Ctx, clause: Clause, st: StatusForm, optionFrom: number): GrantClaim[] {
  if (!st.value.granted || st.value.from >= optionFrom) return [];
  const subject = resolveActions(ctx, st.subjectFrom, st.subjectTo);
  // "Read replicas: repointed in prod": the value is the action, performed.
  const { refs, hasProduction, placesInProduction } = subject.refs.length > 0 ? subject : resolveActions(ctx, st.subjectTo + 1, clause.to);
  if (refs.length === 0) return [];
  const sc = clauseScopes(ctx, clause.from, clause.to, []);
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
    out.push(makeClaim(ctx, ref, st.value.from, st.value.to, 'status'));
  }
  return out;
}

function cueStands(ctx: Ctx, sc: ClauseScopes, cue: CueRef, a: number, optionFrom: number): boolean {
  if (cue.from >= optionFrom || cue.from < sc.cancelBefore) return false;
  const hedge = sc.hedged[cue.from - a] ?? 0;
  // "After the owner approved REAL_RUN, ...", "After the REAL_RUN finished, ..." report a past
  // fact; "once it is approved" does not (a participle after a present "is").
  if (hedge === 2 || (hedge === 1 && !(cue.past && (cue.voice === 'fwd' || (!presentBefore(ctx, cue.from, a) && !rightAfterTrigger(ctx, cue.from, a)))))) return false;
  if (sc.negated[cue.from - a]) return false;
  if (cue.from > sc.predicateNegation) return false;
  if (sc.conditionAfter !== Infinity && cue.from < sc.conditionAfter) return false;
  return !verbalNegation(ctx, cue, a);
}

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

/** "was not executed", "has never been approved", "is NOT performed". */
function verbalNegation(ctx: Ctx, cue: CueRef, a: number): boolean {
  let j = prevToken(ctx, cue.from, a);
  for (let steps = 0; j !== -1 && steps < 5; steps++) {
    const c = ctx.cover[j];
    if (c && c.tags.some((t) => t.kind === 'neg' && (t.neg === 'verbal' || t.neg === 'predicate'))) return true;
    if (!(has(c, 'be') || has(c, 'have') || has(c, 'adverb'))) return false;
    j = prevToken(ctx, c ? c.from : j, a);
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
  const back: ActionRef[] = [];
  for (let j = cue.from - 1, words = 0; j >= a && words < WINDOW; j--) {
    if ((cueAt[j - a] ?? -1) >= 0) break;
    const r = refEnd.get(j);
    if (r) back.push(r);
    if (ctx.tokens[j]?.kind !== 'punct') words++;
  }
  const fwd: ActionRef[] = [];
  for (let j = cue.to, words = 0; j < b && words < WINDOW; j++) {
    const at = startingAt(ctx, j);
    // A lift reaches past the restriction it removes ("cleared the HOLD on QT001/apply").
    // Nor past a negation: "GO at 00:45, the captain did not start the repoint".
    if ((cueAt[j - a] ?? -1) >= 0 || has(at, 'neg') || (has(at, 'trigger') && !(cue.lift && has(at, 'restriction')))) break;
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

function makeClaim(ctx: Ctx, ref: ActionRef, cueFrom: number, cueTo: number, cls: CueClass): GrantClaim {
  const { tokens, text } = ctx;
  const cueStart = tokens[cueFrom]?.start ?? 0;
  const cueEnd = tokens[cueTo - 1]?.end ?? cueStart;
  const start = Math.min(cueStart, tokens[ref.from]?.start ?? cueStart);
  const end = Math.max(cueEnd, tokens[ref.to - 1]?.end ?? cueEnd);
  const cue = text.slice(cueStart, cueEnd);
  const phrase = text.slice(start, end);
  return { start, end, action: ref.action, actions: [ref.action], cue, phrase, cueClass: cls, reason: reasonFor(cls, phrase, [ref.action], cue) };
}

function reasonFor(cls: CueClass | 'flag', phrase: string, actions: readonly string[], cue: string): string {
  const q = `"${phrase.replace(/\s+/g, ' ')}"`;
  const action = actions.join(', ');
  switch (cls) {
    case 'flag':
      return `${q} records production work as done`;
    case 'status':
      return `${q} is a status line marking ${action} as ${cue}`;
    case 'perf':
      return `${q} states that ${action} was carried out, which implies it was authorized`;
    case 'permission':
      return `${q} states that ${action} may now be carried out`;
    case 'grant':
      return /(ed|en|lit|off|place|hand|effect)$/i.test(cue)
        ? `${q} states that ${action} is ${cue.toLowerCase()}`
        : `${q} states that ${action} is authorized ("${cue}")`;
  }
}

/** A production-gated action named in a text, with its UTF-16 offsets. */
export interface ActionMention {
  readonly start: number;
  readonly end: number;
  readonly action: string;
}

/**
 * The gated actions `text` names, whatever it says of them: for a field whose role asserts
 * the opposite of its words (a failed "no CI/deploy in this macro" check says a deploy happened).
 */
export function actionMentions(text: string): ActionMention[] {
  return mentionsIn(text, DEFAULT_COMPILED.lex);
}

function mentionsIn(text: string, lex: Lexicon): ActionMention[] {
  const tokens = tokenize(text, lex.singleTokens);
  if (tokens.length === 0) return [];
  const ctx: Ctx = { text, tokens, cover: new Array<Mention | undefined>(tokens.length), noise: new Uint8Array(tokens.length) };
  matchMentions(ctx, lex.main, 0, tokens.length);
  return resolveActions(ctx, 0, tokens.length).refs.map((r) => ({
    start: tokens[r.from]?.start ?? 0,
    end: tokens[r.to - 1]?.end ?? 0,
    action: r.action,
  }));
}
