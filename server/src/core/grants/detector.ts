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
 *
 * This file is the way in: the detector one configuration compiles (`compiled.ts`), and the loop
 * over a text's sentences (read by `readText.ts`, each one's claims from `sentenceInContext.ts`)
 * whose claims are then merged where they meet (`mergeClaims.ts`).
 */
import { mentionsIn, type ActionMention } from './actionMentions';
import { reasonFor, type GrantClaim } from './claim';
export type { GrantClaim } from './claim';
export type { ActionMention } from './actionMentions';
import { compile, DEFAULT_COMPILED, type Compiled } from './compiled';
import { hedgingLead } from './hedgingLead';
import type { Lexicon } from './lexicon';
import { mergeClaims } from './mergeClaims';
import type { Prefilter } from './prefilter';
import type { ReadingModel } from './reading';
import SHIPPED_MODEL from './reading-model.json';
import SHIPPED_IMPLICIT_MODEL from './implicit-reading-model.json';
import type { Readings } from './readingInput';
import { namesAction, readText, tagKindsIn } from './readText';
import { FORWARD } from './scopes';
import { delimiterRow } from './tableRows';
import type { Ctx } from './mentions';
import type { Sentence } from './sentences';
import { sentenceClaimsInContext } from './sentenceInContext';
import { normalizePhrase, type VocabularyExtension } from './vocabulary';

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

/** Compiles the vocabulary once; hosts keep the returned function for the life of a configuration. */
export function createGrantDetector(options?: DetectorOptions, tuning?: DetectorTuning): GrantDetector {
  const { lex, runsOn, prefilter } = options ? compile(options) : DEFAULT_COMPILED;
  const mentions = (text: string) => mentionsIn(text, lex);
  const readings: Readings = {
    cued: tuning?.reading === undefined ? DEFAULT_READINGS.cued : tuning.reading,
    implicit: tuning?.implicitReading === undefined ? DEFAULT_READINGS.implicit : tuning.implicitReading,
  };
  const mayClaim = tuning?.prefilter === false ? undefined : prefilter();
  const hedgesList = (text: string) => hedgingLead(text, lex, runsOn);
  return Object.assign((text: string) => detect(text, lex, runsOn, readings, mayClaim), { mentions, hedgesList });
}

/** `c` grown to `span`, which holds it. */
function widened(text: string, c: GrantClaim, { start, end }: { start: number; end: number }): GrantClaim {
  if (start === c.start && end === c.end) return c;
  const phrase = text.slice(start, end);
  return { ...c, start, end, phrase, reason: reasonFor(c.cueClass, phrase, c.actions, c.cue) };
}

/** A header row holding a future, condition, requirement, request, question or option word ("what it would mean"). */
function hedgingRow(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i < s.to; i++) if (ctx.cover[i]?.tags.some((t) => t.kind === 'option' || (t.kind === 'trigger' && FORWARD.has(t.trigger)))) return true;
  return false;
}

/** Claims in `text`; with options the vocabulary is compiled per call, so prefer {@link createGrantDetector}. */
export function detectGrantClaims(text: string, options?: DetectorOptions): GrantClaim[] {
  if (!options) return detect(text, DEFAULT_COMPILED.lex, DEFAULT_COMPILED.runsOn, DEFAULT_READINGS, DEFAULT_COMPILED.prefilter());
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

// The cue kinds whose object may be a pronoun for the sentence before's action ("approved it", "unblocked it").
const SPEAKING_CUES = ['cue:grant', 'cue:present', 'cue:unblock', 'cue:perf', 'cue:lift'];

/**
 * `mayClaim` rules texts out before they are tokenized, then on their tokens. With the implicit
 * reading on, a standing action claims with no cue word, so the action side alone must pass;
 * a text that passes it but not the cue side can only be claimed by that reading (no rule form
 * and no cued reading claims without a cue, `prefilter.ts`), and skips the rule forms. Neither
 * ever changes the claims.
 */
function detect(original: string, lex: Lexicon, runsOn: ReadonlySet<string>, readings: Readings, mayClaim?: Prefilter): GrantClaim[] {
  const implicit = readings.implicit !== null;
  if (mayClaim && !(implicit ? mayClaim.actionText(original) : mayClaim.text(original))) return [];
  let cueFree = false;
  const read = readText(
    original,
    lex,
    runsOn,
    mayClaim &&
      ((tokens) => {
        const level = mayClaim.tokensLevel(tokens);
        cueFree = level === 'action';
        return level === 'cue' || (implicit && level === 'action');
      }),
  );
  if (!read) return [];
  const { ctx, sentences } = read;
  const claims: GrantClaim[] = [];
  let previousNamesAction = false;
  let previousClaimed = new Map<string, number>();
  // "| outcome | what it would mean |" over "| --- |": the rows under a hedging header row state outcomes, not facts.
  let hedgedTable = false;
  sentences.forEach((s, k) => {
    const row = ctx.tokens[s.from]?.raw === '|';
    if (!row) hedgedTable = false;
    else if (delimiterRow(ctx, sentences[k + 1])) hedgedTable = hedgingRow(ctx, s);
    else if (hedgedTable) return;
    const kinds = tagKindsIn(ctx, s);
    const names = namesAction(kinds);
    // "The cutover was blocked. The owner unblocked it.": a cue naming no action may speak of the sentence before's.
    const speaks = names || (previousNamesAction && SPEAKING_CUES.some((c) => kinds.has(c)));
    previousNamesAction = names;
    // Each action's claim in this sentence, by its index in `claims`.
    const claimed = new Map<string, number>();
    // The ranges those claims grow to; phrases are rebuilt once per claim, after the sentence.
    const grown = new Map<number, { start: number; end: number }>();
    if (speaks) {
      for (const c of sentenceClaimsInContext(ctx, sentences, k, lex, kinds, readings, cueFree)) {
        // "Can Codex repoint? Yes; the owner approved it.": the pronoun restates the claim the sentence before made.
        if (!names && previousClaimed.has(c.action)) continue;
        // One sentence claiming one action twice is one mistake ("superseded by the owner's production grant of 11-30"):
        // the first claim's range grows to cover the second, so the finding marks both.
        if (c.actions.every((a) => claimed.has(a))) {
          const at = claimed.get(c.action)!;
          const span = grown.get(at) ?? { start: claims[at]!.start, end: claims[at]!.end };
          grown.set(at, { start: Math.min(span.start, c.start), end: Math.max(span.end, c.end) });
          continue;
        }
        for (const a of c.actions) if (!claimed.has(a)) claimed.set(a, claims.length);
        claims.push(c);
      }
    }
    for (const [at, span] of grown) claims[at] = widened(ctx.text, claims[at]!, span);
    previousClaimed = claimed;
  });
  return mergeClaims(ctx.text, claims.sort((x, y) => x.start - y.start || x.end - y.end));
}
