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
import { clauseClaims, statusClaims } from './binding';
import { makeClaim, reasonFor, spanClaim, type GrantClaim } from './claim';
export type { GrantClaim } from './claim';
import type { Clause } from './clauses';
import { splitClauses } from './clauses';
import { compileLexicon, longestPhrase, type Lexicon } from './lexicon';
import { agentEvent, eventSubject } from './actionEvents';
import { answeredYes } from './answers';
import { choiceMade } from './choiceMade';
import { counterfactual } from './counterfactual';
import { reportStart, retracted } from './deniedReports';
import { logSuccess } from './logLine';
import { maskMentioned } from './mentioned';
import { negatedHead } from './negatedHead';
import { onlyOutsideProduction } from './onlyOutsideProduction';
import { positiveHeader } from './positiveHeader';
import { productionState } from './productionState';
import { flagSetTrue } from './quotedFlag';
import { standingActions } from './standingActions';
import { tableCells, tableRowValue } from './tableRows';
import { taskBox } from './taskBox';
import { zeroProgress } from './zeroProgress';
import { anaphoricSpans, markRelative } from './anaphora';
import { chosenOption } from './chosenOption';
import { answered, answeredByName, ASKS_WHETHER, deniesBefore, questionOpener, replyClaims } from './dialogue';
import { readingClaims, readingInput, readsImplicitly, type Readings } from './readingInput';
import { has, isComma, matchMentions, matchSplitVerbs, nextToken, prevToken, startingAt, tagOf, type Ctx, type Mention } from './mentions';
import { compilePrefilter, type Prefilter } from './prefilter';
import { sentenceFeatures, type ReadingModel } from './reading';
import SHIPPED_MODEL from './reading-model.json';
import SHIPPED_IMPLICIT_MODEL from './implicit-reading-model.json';
import { FORWARD } from './scopes';
import { splitSentences, type Sentence } from './sentences';
import { tokenize } from './tokens';
import { DEFAULT_VOCABULARY, extendVocabulary, normalizePhrase, type VocabularyExtension } from './vocabulary';

/** Additions from `.govlens.json`; every list extends the default vocabulary. */
export type DetectorOptions = VocabularyExtension;

export interface GrantDetector {
  (text: string): GrantClaim[];
  /** The gated actions a text names, whatever it says of them (see {@link mentionsIn}). */
  readonly mentions: (text: string) => ActionMention[];
  /**
   * A short lead that makes the list under it a requirement or plan ("What a production phase
   * would need"); the caller knows the lead's own claims, and a lead that claims hedges nothing.
   */
  readonly hedgesList: (text: string) => boolean;
}

// Words after which a line break continues the sentence rather than ending it.
const ANAPHORA = new Set(['it', 'this', 'that', 'they', 'these', 'those', 'which', 'and', 'then', 'later', 'since', 'subsequently', 'afterwards']);
const RUNS_ON_EXTRA = ['and', 'or', 'but', 'nor', 'that', 'which', 'who', 'than', 'not', 'no', 'will', 'would', 'may', 'must', 'can', 'should'];

/** Internal switches, for the tests and the benchmark that compare the two paths. */
export interface DetectorTuning {
  /** Skip texts that hold no action and cue words (`prefilter.ts`); default true. The claims are the same either way. */
  readonly prefilter?: boolean;
  /** The cued reading's model (`reading.ts`); null reads with the rules alone. Default: the shipped model. */
  readonly reading?: ReadingModel | null;
  /** The implicit reading's model (`readingInput.ts`); null turns it off. Default: the shipped model. */
  readonly implicitReading?: ReadingModel | null;
}

const DEFAULT_READINGS: Readings = { cued: SHIPPED_MODEL as ReadingModel, implicit: SHIPPED_IMPLICIT_MODEL as ReadingModel };

interface Compiled {
  readonly lex: Lexicon;
  readonly runsOn: ReadonlySet<string>;
  /**
   * Built on first use: `canonicalActionName` and one-off calls do without it. With the
   * implicit reading on, a standing action claims with no cue word, so the action alone must pass.
   */
  readonly prefilter: (cueNeeded: boolean) => Prefilter;
}

function compile(options: DetectorOptions | undefined): Compiled {
  const vocab = extendVocabulary(DEFAULT_VOCABULARY, options);
  const runsOn = new Set(
    [...vocab.prepositions, ...vocab.determiners, ...vocab.beVerbs, ...vocab.haveVerbs, ...RUNS_ON_EXTRA].map(normalizePhrase),
  );
  const lex = compileLexicon(vocab);
  const prefilters = new Map<boolean, Prefilter>();
  // Derived from the compiled tries, so the user's vocabulary is in it too.
  const prefilter = (cueNeeded: boolean): Prefilter => {
    let p = prefilters.get(cueNeeded);
    if (!p) prefilters.set(cueNeeded, (p = compilePrefilter(lex, { cueNeeded })));
    return p;
  };
  return { lex, runsOn, prefilter };
}

// Compiled once at load and never mutated: the default vocabulary's tables.
const DEFAULT_COMPILED = compile(undefined);

/** Compiles the vocabulary once; hosts keep the returned function for the life of a configuration. */
export function createGrantDetector(options?: DetectorOptions, tuning?: DetectorTuning): GrantDetector {
  const { lex, runsOn, prefilter } = options ? compile(options) : DEFAULT_COMPILED;
  const mentions = (text: string) => mentionsIn(text, lex);
  const readings: Readings = {
    cued: tuning?.reading === undefined ? DEFAULT_READINGS.cued : tuning.reading,
    implicit: tuning?.implicitReading === undefined ? DEFAULT_READINGS.implicit : tuning.implicitReading,
  };
  const mayClaim = tuning?.prefilter === false ? undefined : prefilter(!readings.implicit);
  const hedgesList = (text: string) => hedgingLead(text, lex, runsOn);
  return Object.assign((text: string) => detect(text, lex, runsOn, readings, mayClaim), { mentions, hedgesList });
}

/** Claims in `text`; with options the vocabulary is compiled per call, so prefer {@link createGrantDetector}. */
export function detectGrantClaims(text: string, options?: DetectorOptions): GrantClaim[] {
  if (!options) return detect(text, DEFAULT_COMPILED.lex, DEFAULT_COMPILED.runsOn, DEFAULT_READINGS, DEFAULT_COMPILED.prefilter(!DEFAULT_READINGS.implicit));
  // A vocabulary compiled for one text is not worth a prefilter (the claims are the same without).
  const { lex, runsOn } = compile(options);
  return detect(text, lex, runsOn, DEFAULT_READINGS);
}

// Compiled once per vocabulary object: lock actions are canonicalised one name at a time.
const compiledByOptions = new WeakMap<DetectorOptions, Compiled>();

/**
 * The canonical action a lock entry or label names ("secrets change" → "secrets-change",
 * "deploy" → "CI/deploy"), or undefined when it names none. `production` covers all others.
 */
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
function detect(original: string, lex: Lexicon, runsOn: ReadonlySet<string>, readings: Readings, mayClaim?: Prefilter): GrantClaim[] {
  if (mayClaim && !mayClaim.text(original)) return [];
  const read = readText(original, lex, runsOn, mayClaim);
  if (!read) return [];
  const { ctx, sentences } = read;
  const claims: GrantClaim[] = [];
  sentences.forEach((s, k) => {
    const kinds = tagKindsIn(ctx, s);
    if (!namesAction(kinds)) return;
    for (const c of sentenceClaimsInContext(ctx, sentences, k, lex, kinds, readings)) claims.push(c);
  });
  return mergeClaims(ctx.text, claims.sort((x, y) => x.start - y.start || x.end - y.end));
}

/** Mentioned phrases blanked, tokens, sentences and their vocabulary mentions; undefined when no token (or the prefilter) leaves anything to read. */
function readText(original: string, lex: Lexicon, runsOn: ReadonlySet<string>, mayClaim?: Prefilter): { ctx: Ctx; sentences: Sentence[] } | undefined {
  const text = maskMentioned(original, lex.metaNouns);
  const tokens = tokenize(text, lex.singleTokens);
  if (tokens.length === 0 || (mayClaim && !mayClaim.tokens(tokens))) return undefined;
  const ctx: Ctx = { text, tokens, cover: new Array<Mention | undefined>(tokens.length), noise: new Uint8Array(tokens.length) };
  const sentences = splitSentences(ctx, (w) => runsOn.has(w));
  for (const s of sentences) {
    matchMentions(ctx, lex.main, s.from, s.to);
    matchSplitVerbs(ctx, lex.main, s.from, s.to);
  }
  return { ctx, sentences };
}

/** Every claim names an action (or the production flag): a sentence without one has none. */
function namesAction(kinds: ReadonlySet<string>): boolean {
  return kinds.has('action') || kinds.has('prodWord') || kinds.has('prodModifier') || kinds.has('flag');
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
function sentenceClaimsInContext(
  ctx: Ctx,
  sentences: readonly Sentence[],
  k: number,
  lex: Lexicon,
  kinds: ReadonlySet<string>,
  readings: Readings,
): GrantClaim[] {
  const s = sentences[k]!;
  const box = taskBox(ctx, s);
  if (box && !box.ticked) return []; // an open task box asserts nothing yet
  if (s.question) {
    // "Was the cutover performed? Yes, at 01:40." asserts what the question asks.
    const opener = questionOpener(ctx, s);
    const yes = answeredYes(ctx, sentences[k + 1]);
    // "Who approved go-live? A: The owner, on 08-31.": naming the one who did affirms it was done.
    const by = yes === -1 && opener === 'who' ? answeredByName(ctx, sentences[k + 1]) : -1;
    const answer = yes !== -1 ? yes : by;
    if (answer === -1) return [];
    const asked = sentenceClaims(ctx, s, lex);
    if (asked.length > 0) return asked.map((c) => answered(ctx, c, answer));
    // "Permit? Granted, 11-26.": the answer is the grant word itself; "Did the REAL_RUN happen? Yes.": the answer affirms the event asked about.
    return yes !== -1 && (has(ctx.cover[yes], 'cue') || ASKS_WHETHER.has(opener))
      ? standingActions(ctx, s.from, s.to).map((ref) => makeClaim(ctx, ref, yes, yes + 1, 'status'))
      : [];
  }
  if (counterfactual(ctx, s) || whHeading(ctx, s)) return [];
  const row = tableRowValue(ctx, s, (i, hi) => statusVerdict(ctx, lex, i, hi));
  if (row) return standingActions(ctx, s.from, s.to).filter((ref) => !cellOutsideProduction(ctx, s, ref)).map((ref) => makeClaim(ctx, ref, row.from, row.to, 'status'));
  // A row with no status cell: a cell may still be a sentence of its own ("| D-14 | Owner selected OPT-4 on 11-28 |").
  if (ctx.tokens[s.from]?.raw === '|') {
    const cells = tableCells(ctx, s);
    // "| PC-9 | cutover separately authorized | FAIL |": a cell that refuses settles the row.
    if (cells.some((cell) => statusVerdict(ctx, lex, nextToken(ctx, cell.from - 1, cell.to), cell.to) === 'not')) return [];
    return cells.flatMap((cell) => sentenceClaims(ctx, cell, lex));
  }
  if ((kinds.has('nonprod') && onlyOutsideProduction(ctx, s)) || zeroProgress(ctx, s)) return [];
  let found = sentenceClaims(ctx, s, lex);
  if (found.length === 0) found = formClaims(ctx, s, kinds, box);
  if (found.length === 0 && k > 0) found = replyClaims(ctx, sentences[k - 1]!, s);
  if (found.length === 0) found = readingClaims(ctx, s, readings);
  const negatedTo = negatedHead(ctx, s);
  const denied = kinds.has('report') ? retracted(ctx, s) : undefined;
  const offset = (i: number) => ctx.tokens[i]?.start ?? ctx.text.length;
  // "somebody posted 'repoint approved'. It was not approved.": the next sentence denies the report.
  const next = sentences[k + 1];
  const report = kinds.has('report') && next && deniesBefore(ctx, next) ? reportStart(ctx, s) : -1;
  // "the following would be required before any production step: (a) ...; (c) a grant, signed by the Owner": what a colon after a requirement introduces is required, not done.
  const required = requirementColon(ctx, s);
  // "The activation went out, I think, but please check": a hedge set off by commas doubts what came before it.
  const doubted = doubtingAside(ctx, s);
  let contradictions: ReadonlyMap<string, number> | undefined;
  const contradicted = (c: GrantClaim) => ((contradictions ??= laterContradictions(ctx, s)).get(c.action) ?? -1) >= c.end;
  return found.filter(
    (c) =>
      !(negatedTo !== -1 && c.start < offset(negatedTo)) &&
      !(denied && c.start >= offset(denied.from) && c.start < offset(denied.to)) &&
      !(report !== -1 && c.start >= offset(report)) &&
      !(required !== -1 && c.start >= offset(required)) &&
      !(doubted !== -1 && c.start < offset(doubted)) &&
      !contradicted(c),
  );
}

const CONTRASTING = new Set(['but', 'however', 'yet']);

/**
 * "The digest lists go-live as DONE, but ... the go-live has not occurred": after a contrast,
 * the same action named again under a negation takes back a claim that ends before the
 * contrast. For each action, the offset of the last contrast so followed; one pass.
 */
function laterContradictions(ctx: Ctx, s: Sentence): Map<string, number> {
  const out = new Map<string, number>();
  let contrast = -1;
  const pending = new Set<string>();
  // Every action named before the latest contrast: a denial of "it" after the contrast takes them all back.
  const before = new Set<string>();
  const since = new Set<string>();
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (!t) continue;
    if (CONTRASTING.has(t.norm)) {
      contrast = t.start;
      pending.clear();
      for (const a of since) before.add(a);
      since.clear();
      continue;
    }
    const m = ctx.cover[i];
    if (m && m.from === i) for (const tag of m.tags) if (tag.kind === 'action') since.add(tag.action);
    if (contrast === -1) continue;
    if (before.size > 0 && deniedPronoun(ctx, i, s)) for (const action of before) out.set(action, contrast);
    // "the cutover report is not filed" speaks of the report.
    if (m && m.from === i && has(m, 'action') && !has(ctx.cover[nextToken(ctx, m.to - 1, s.to)], 'head')) {
      for (const tag of m.tags) if (tag.kind === 'action') pending.add(tag.action);
    } else if (pending.size > 0 && m?.tags.some((tag) => tag.kind === 'neg' && tag.neg === 'verbal')) {
      for (const action of pending) out.set(action, contrast);
      pending.clear();
    }
  }
  return out;
}

const WH_OPENERS = new Set(['where', 'what', 'how', 'which', 'whether']);
// Longer than this, a wh-opening is a sentence of its own ("What the owner approved on Friday was the cutover ...").
const MAX_WH_HEADING_WORDS = 8;

/** "Where each production action stands", "What the cutover would need": a short wh-heading with no colon asks, it asserts nothing. */
function whHeading(ctx: Ctx, s: Sentence): boolean {
  const first = nextToken(ctx, s.from - 1, s.to);
  if (first === -1 || !WH_OPENERS.has(ctx.tokens[first]?.norm ?? '')) return false;
  let words = 0;
  for (let i = first; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (t?.raw === ':' || t?.raw === '—' || t?.raw === '-' || t?.raw === '|') return false;
    if (t?.kind === 'word' && ++words > MAX_WH_HEADING_WORDS) return false;
  }
  return true;
}

const DOUBTING_ASIDES: readonly (readonly string[])[] = [['i', 'think'], ['i', 'believe'], ['i', 'guess'], ['i', 'assume'], ['probably'], ['maybe'], ['perhaps'], ['presumably'], ['i', 'suppose']];

/** The comma opening an aside that doubts ("…, I think, …", "…, probably."), closed by a comma, "but" or the sentence's end; -1 when none. */
function doubtingAside(ctx: Ctx, s: Sentence): number {
  for (let i = s.from; i < s.to; i++) {
    if (!isComma(ctx, i)) continue;
    for (const words of DOUBTING_ASIDES) {
      let j = i;
      const matched = words.every((w) => ctx.tokens[(j = nextToken(ctx, j, s.to))]?.norm === w);
      if (!matched) continue;
      const after = nextToken(ctx, j, s.to);
      const t = after === -1 ? undefined : ctx.tokens[after];
      if (!t || t.raw === ',' || t.norm === 'but' || (t.kind === 'punct' && t.raw !== '(')) return i;
    }
  }
  return -1;
}

// What a lead must hold for the list after its colon to be needs: a future or a requirement ("If anyone asks: yes, ...", "asked that the minutes record the reasoning: ..." frame what follows).
const NEEDING = new Set(['future', 'requirement']);

/** The first colon after a future or a requirement in the sentence, or -1. */
function requirementColon(ctx: Ctx, s: Sentence): number {
  let needs = false;
  for (let i = s.from; i < s.to; i++) {
    if (ctx.tokens[i]?.raw === ':') return needs ? i : -1;
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (m.tags.some((t) => t.kind === 'trigger' && NEEDING.has(t.trigger))) needs = true;
    i = m.to - 1;
  }
  return -1;
}

/**
 * "she never cleared it", "treat it as not approved": `it` at `i`, after a negated cue or
 * before "as" and a refusal, denies what the sentence named before it.
 */
function deniedPronoun(ctx: Ctx, i: number, s: Sentence): boolean {
  if (ctx.tokens[i]?.norm !== 'it') return false;
  const cue = prevToken(ctx, i, s.from);
  const neg = cue === -1 ? -1 : prevToken(ctx, ctx.cover[cue]?.from ?? cue, s.from);
  if (neg !== -1 && has(ctx.cover[cue], 'cue') && ctx.cover[neg]?.tags.some((t) => t.kind === 'neg' && t.neg === 'verbal')) return true;
  const as = nextToken(ctx, i, s.to);
  if (as === -1 || ctx.tokens[as]?.norm !== 'as') return false;
  const refusal = ctx.cover[nextToken(ctx, as, s.to)];
  return refusal?.tags.some((t) => (t.kind === 'trigger' && t.trigger === 'blocking') || (t.kind === 'neg' && t.neg === 'verbal')) ?? false;
}

/** "| read-only preflight on prod-pg-01 | PASS |": the cell naming the action also places it outside production. */
function cellOutsideProduction(ctx: Ctx, s: Sentence, ref: ActionRef): boolean {
  let from = ref.from;
  while (from > s.from && ctx.tokens[from - 1]?.raw !== '|') from--;
  let to = ref.to;
  while (to < s.to && ctx.tokens[to]?.raw !== '|') to++;
  for (let i = from; i < to; i++) if (has(ctx.cover[i], 'nonprod')) return true;
  return false;
}

/** The forms tried when a sentence's clauses claim nothing, each only where its words occur. */
function formClaims(ctx: Ctx, s: Sentence, kinds: ReadonlySet<string>, box: ReturnType<typeof taskBox>): GrantClaim[] {
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
  if (header) return standingActions(ctx, header.colon + 1, s.to).map((ref) => makeClaim(ctx, ref, header.from, header.to, 'status'));
  if (box) {
    const refs = standingActions(ctx, box.anywhere ? s.from : box.at + 1, s.to);
    const first = refs[0];
    if (!first || aboutOtherNoun(ctx, box.at + 1, first.from)) return [];
    return refs.map((ref) => makeClaim(ctx, ref, box.at, box.at + 1, 'status'));
  }
  return [];
}

/**
 * "[x] board vote recorded on the ED activation": the ticked item is the vote, the action only
 * its preposition's object. "[x] Owner grant for repoint" is a grant, and is claimed.
 */
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

/** The claims of one sentence's clauses (status forms and cue-bound actions). */
function sentenceClaims(ctx: Ctx, s: Sentence, lex: Lexicon): GrantClaim[] {
  const out: GrantClaim[] = [];
  const optionFrom = optionStart(ctx, s);
  const clauses = splitClauses(ctx, s, lex.status);
  const first = clauses[0];
  if (first && !first.status && hedgingLabel(ctx, first)) return out;
  // A clause the next one revokes ("..., but later revoked") claims nothing, directly or through an antecedent.
  const standing = clauses.filter((_, k) => !(clauses[k + 1] && revokesPrevious(ctx, clauses[k + 1]!)));
  for (const clause of standing) {
    const found = clause.status ? statusClaims(ctx, clause, clause.status, optionFrom) : clauseClaims(ctx, clause, optionFrom);
    for (const c of found) out.push(c);
  }
  if (out.length > 0) return markRelative(ctx, s, out);
  for (const span of anaphoricSpans(ctx, s, standing.filter((c) => !c.status))) {
    for (const c of clauseClaims(ctx, span, optionFrom, span.antecedent)) out.push(span.relative ? { ...c, embedded: true } : c);
  }
  return out;
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
  // A run of meeting claims is gathered first and built once, so a claim naming n actions
  // costs O(n), not a rebuilt phrase and action list per action.
  let first: GrantClaim | undefined;
  let end = 0;
  let actions = new Set<string>();
  const close = (): void => {
    if (!first) return;
    if (actions.size === first.actions.length && end === first.end) {
      out.push(first);
      return;
    }
    const list = [...actions];
    const phrase = text.slice(first.start, end);
    out.push({ ...first, end, actions: list, action: list[0] ?? first.action, phrase, reason: reasonFor(first.cueClass, phrase, list, first.cue) });
  };
  for (const c of claims) {
    if (first && c.start < end) {
      end = Math.max(end, c.end);
      for (const a of c.actions) actions.add(a);
      continue;
    }
    close();
    first = c;
    end = c.end;
    actions = new Set(c.actions);
  }
  close();
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
  let revoked = false;
  // "..., but the owner's 11-06 note withdraws it": a revocation whose object points back.
  let revokesPronoun = false;
  for (let i = clause.from; i < clause.to; i++) {
    const c = ctx.cover[i];
    if (has(c, 'action') || has(c, 'prodWord') || has(c, 'prodModifier')) return false;
    if (isRevocation(c)) {
      revoked = true;
      const n = ctx.tokens[nextToken(ctx, (c?.to ?? i + 1) - 1, clause.to)]?.norm ?? '';
      if (n === 'it' || n === 'them' || n === 'this' || n === 'that') revokesPronoun = true;
    }
  }
  return revoked && (opensElliptically || revokesPronoun);
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

/**
 * A learned reading's features of a text, for training (`scripts/train-grants.ts`): those of
 * each sentence that reading would read (the cued one: an open cue; the implicit one: a
 * standing action and no open cue), together; undefined when it would read none.
 */
export function readingFeatures(original: string, which: keyof Readings = 'cued'): string[] | undefined {
  const read = readText(original, DEFAULT_COMPILED.lex, DEFAULT_COMPILED.runsOn);
  if (!read) return undefined;
  const out = new Set<string>();
  for (const s of read.sentences) {
    if (!namesAction(tagKindsIn(read.ctx, s))) continue;
    const open = readingInput(read.ctx, s) !== undefined;
    if (which === 'cued' ? !open : open || !readsImplicitly(read.ctx, s)) continue;
    for (const f of sentenceFeatures(read.ctx, s).features) out.add(f);
  }
  return out.size > 0 ? [...out] : undefined;
}

// A lead longer than this is prose of its own, not a label for the list under it.
const MAX_LEAD_WORDS = 10;

/**
 * "What a production phase would need", "Next steps:", "Open questions": a short heading or
 * lead line holding a future, requirement, request, question or option word. The list items
 * under it state what is needed or planned, not what happened.
 */
function hedgingLead(original: string, lex: Lexicon, runsOn: ReadonlySet<string>): boolean {
  // A long paragraph is no lead: counted on the raw text, before anything is tokenized.
  if (original.split(/\s+/, MAX_LEAD_WORDS + 2).filter(Boolean).length > MAX_LEAD_WORDS) return false;
  const read = readText(original, lex, runsOn);
  if (!read) return false;
  const { ctx } = read;
  let words = 0;
  let hedge = false;
  let first: string | undefined;
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (ctx.tokens[i]?.kind === 'word' && ++words > MAX_LEAD_WORDS) return false;
    first ??= ctx.tokens[i]?.kind === 'word' ? ctx.tokens[i]?.norm : undefined;
    const m = startingAt(ctx, i);
    // "Status after the thread", "State before the cutover": a time that places a record, not a condition.
    if (first !== undefined && RECORD_LEADS.has(first) && m && m.from === i && PLACING_TIMES.has(ctx.tokens[i]?.norm ?? '')) continue;
    if (m?.tags.some((t) => t.kind === 'option' || (t.kind === 'trigger' && FORWARD.has(t.trigger)))) hedge = true;
  }
  return hedge;
}

const RECORD_LEADS = new Set(['status', 'state', 'result', 'results', 'outcome', 'outcomes', 'summary', 'situation', 'position']);
const PLACING_TIMES = new Set(['after', 'before', 'following', 'since', 'as of']);

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
