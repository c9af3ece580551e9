/**
 * The vocabulary compiled for one configuration: its lexicon (the phrase tries), the words after
 * which a line break runs the sentence on, and its prefilters, built on first use. The default
 * vocabulary's tables are compiled once at load and never mutated.
 */
import { compileLexicon, type Lexicon } from './lexicon';
import { compilePrefilter, type Prefilter } from './prefilter';
import { DEFAULT_VOCABULARY, extendVocabulary, normalizePhrase, type VocabularyExtension } from './vocabulary';

// Words after which a line break continues the sentence rather than ending it.
const RUNS_ON_EXTRA = ['and', 'or', 'but', 'nor', 'that', 'which', 'who', 'than', 'not', 'no', 'will', 'would', 'may', 'must', 'can', 'should'];

export interface Compiled {
  readonly lex: Lexicon;
  readonly runsOn: ReadonlySet<string>;
  /** Built on first use: `canonicalActionName` and one-off calls do without it. */
  readonly prefilter: () => Prefilter;
}

export function compile(options: VocabularyExtension | undefined): Compiled {
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
export const DEFAULT_COMPILED = compile(undefined);
