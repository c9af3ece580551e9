/**
 * A text read for the detector: mentioned phrases blanked (`mentioned.ts`), tokens, sentences and
 * their vocabulary mentions; and what a sentence's mentions say before any form is tried (the tag
 * kinds it carries, whether it names an action at all).
 */
import type { Lexicon } from './lexicon';
import { matchMentions, matchSplitVerbs, startingAt, type Ctx, type Mention } from './mentions';
import { markLiveProduction } from './liveProduction';
import { maskMentioned } from './mentioned';
import { markNonProductionPlaces } from './nonProductionPlaces';
import { unmarkNamedPeople } from './namedPeople';
import { unmarkBlankSignatures } from './blankSignatures';
import { unmarkManufacturing } from './manufacturingLines';
import { unmarkTeams } from './roleTeams';
import type { Token } from './tokens';
import { splitSentences, type Sentence } from './sentences';
import { tokenize } from './tokens';

/**
 * Mentioned phrases blanked, tokens, sentences and their vocabulary mentions; undefined when no
 * token (or `mayClaim`, the prefilter's check of the tokens) leaves anything to read.
 */
export function readText(original: string, lex: Lexicon, runsOn: ReadonlySet<string>, mayClaim?: (tokens: readonly Token[]) => boolean): { ctx: Ctx; sentences: Sentence[] } | undefined {
  const text = maskMentioned(original, lex.metaNouns);
  const tokens = tokenize(text, lex.singleTokens);
  if (tokens.length === 0 || (mayClaim && !mayClaim(tokens))) return undefined;
  const ctx: Ctx = { text, tokens, cover: new Array<Mention | undefined>(tokens.length), noise: new Uint8Array(tokens.length) };
  const sentences = splitSentences(ctx, (w) => runsOn.has(w));
  for (const s of sentences) {
    matchMentions(ctx, lex.main, s.from, s.to);
    matchSplitVerbs(ctx, lex.main, s.from, s.to);
    markLiveProduction(ctx, s);
    markNonProductionPlaces(ctx, s);
    unmarkNamedPeople(ctx, s);
    unmarkBlankSignatures(ctx, s);
    unmarkManufacturing(ctx, s);
    unmarkTeams(ctx, s);
  }
  return { ctx, sentences };
}

/** Every claim names an action (or the production flag): a sentence without one has none. */
export function namesAction(kinds: ReadonlySet<string>): boolean {
  return kinds.has('action') || kinds.has('prodWord') || kinds.has('prodModifier') || kinds.has('flag');
}

/** The tag kinds (and cue kinds, as `cue:KIND`) a sentence's mentions carry: which forms can apply. */
export function tagKindsIn(ctx: Ctx, s: Sentence): Set<string> {
  const kinds = new Set<string>();
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    for (const t of m.tags) kinds.add(t.kind === 'cue' ? `cue:${t.cue}` : t.kind);
    i = m.to - 1;
  }
  return kinds;
}
