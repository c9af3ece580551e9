/**
 * A cheap necessary condition for a claim: most prose blocks and JSON strings name no
 * production-gated action, or no cue that could grant one, and for those the detector's
 * answer is known to be empty before it splits sentences, matches phrases and reads clauses.
 *
 * What the detector needs (read off the code that produces claims, from `detector.ts` on):
 * - every claim has an action: `resolveActions` builds its refs only from mentions tagged
 *   `action`, `prodWord` or `prodModifier` (the {@link ACTION_TAGS});
 * - and a cue: a clause claim needs a cue from `resolveCues`, which makes them only from
 *   mentions tagged `cue` or `modal`, or an `action` of the `performed` form
 *   ({@link isCueSource}); a status claim needs a granted value, a phrase of the status trie
 *   tagged `cue` (`statusGranted`).
 * A mention is a trie phrase whose every word equals, in order, the `norm` of a word token.
 * So a text can hold a claim only if, for some action phrase and some cue phrase, each of
 * their words is the norm of one of its word tokens: {@link Prefilter.tokens} checks exactly
 * that. With the implicit reading on (`readingInput.ts`), a standing action claims with no cue
 * word at all, and the condition is the action side alone. Two cues hold no word: a ticked box (which lets any text through) and a rollout's full
 * share, "100%" (`productionState.ts`), which still needs an action phrase. The phrases are read from the compiled tries themselves, user vocabulary included,
 * so the condition cannot drift from them.
 *
 * {@link Prefilter.text} checks it before tokenizing, on fragments (`fragments.ts`): every
 * fragment of the phrase's words must be a fragment of the text. Why each fragment of a word
 * token's norm is a fragment of the text, so that this is conservative too:
 * - a word token is a stretch of the text that starts and ends at a word character, after
 *   a non-word character (or the text's edge), or after the underscores the tokenizer trims
 *   from a word (`_emphasis_`), or at `-`, `/`, `+` where it splits a compound; so each
 *   word-character run inside the token, trimmed, is a trimmed run of the text;
 * - the token's norm is its raw text lower-cased, with curly apostrophes straightened
 *   (apostrophes are not word characters, so that leaves runs alone). Lower-casing maps each
 *   code point on its own, a word character to word characters only, a non-word character to
 *   non-word characters only, and only `_` to `_` (`grants-prefilter.test.ts` checks this
 *   for every code point), so the runs of the norm are the raw runs lower-cased; the one
 *   mapping that depends on context, Σ → σ or final ς, is why ς is read as σ.
 * A phrase whose words hold no fragment at all (a user entry of punctuation only) makes
 * its side of the fragment condition always true.
 */
import { DATED_GRANTS } from './datedGrant';
import { LIVE } from './liveProduction';
import { createFragmentFinder, fragmentsOf } from './fragments';
import { phrasesOf, type Lexicon, type Tag } from './lexicon';
import { OPENING_QUOTES, type Token } from './tokens';

/**
 * What a text's tokens allow: nothing (`none`), only a claim with no cue word, which only the
 * implicit reading makes (`action`), or any claim (`cue`).
 */
export type PrefilterLevel = 'none' | 'action' | 'cue';

/** Checks of one condition; false (or `none`) only when the detector is certain to find no claim. */
export interface Prefilter {
  /** On the text's fragments, before tokenizing: the cheap first pass over every block. */
  readonly text: (text: string) => boolean;
  /** On the word tokens' norms, exactly as the tries match them: for texts the first pass let through. */
  readonly tokens: (tokens: readonly Token[]) => boolean;
  /** The action side of {@link text} alone: the first pass when the implicit reading is on. */
  readonly actionText: (text: string) => boolean;
  /** Both sides of {@link tokens} in one scan of the tokens. */
  readonly tokensLevel: (tokens: readonly Token[]) => PrefilterLevel;
}

const TICK = /\[[xX✓]\]|[☑✅✔✓🗹]/u;
const TICK_TOKEN = new Set(['☑', '✅', '✔', '✓', '🗹']);
// A rollout's full share ("at 100% in prod") is a production state with no cue word (`productionState.ts`).
const FULL_SHARE = /100\s*%/;

/** The tags `resolveActions` builds action references from. */
const ACTION_TAGS: ReadonlySet<Tag['kind']> = new Set(['action', 'prodWord', 'prodModifier', 'flag']);

/** The tags `resolveCues` makes cues from: cue words, permission modals, performed action forms. */
export function isCueSource(tag: Tag): boolean {
  return (
    tag.kind === 'cue' ||
    tag.kind === 'modal' ||
    // A choice ("picked option B: ..."), an answer ("...? Yes"), a production state and a
    // past effect ("broke two webhooks") claim through these (`choiceMade.ts`, `answers.ts`,
    // `productionState.ts`, `actionEvents.ts`).
    tag.kind === 'choice' ||
    tag.kind === 'affirm' ||
    tag.kind === 'state' ||
    tag.kind === 'effect' ||
    (tag.kind === 'action' && tag.form === 'performed')
  );
}

/** A quoted directive ("Rotate the prod secrets now.") claims through an imperative, but only after an opening quote (`quotedDirective.ts`). */
function isQuotedCueSource(tag: Tag): boolean {
  return tag.kind === 'permVerb' || (tag.kind === 'action' && tag.form === 'verb');
}

const OPENING_QUOTE = /["“'‘]/;

/**
 * "Some action phrase and some cue phrase have all their units present", over units (words
 * or fragments) numbered by `ids`. Each phrase is indexed by each of its units, so a text is
 * checked by looking at the few units it holds.
 */
class Condition {
  readonly ids = new Map<string, number>();
  private readonly sides = [new Side(), new Side()] as const;

  constructor(actions: readonly (readonly string[])[], cues: readonly (readonly string[])[], unitsOf: (word: string) => readonly string[]) {
    const idsOf = (words: readonly string[]): number[] =>
      words.flatMap(unitsOf).map((unit) => {
        let id = this.ids.get(unit);
        if (id === undefined) this.ids.set(unit, (id = this.ids.size));
        return id;
      });
    for (const words of actions) this.sides[0].add(idsOf(words));
    for (const words of cues) this.sides[1].add(idsOf(words));
  }

  /** The action side alone: a cue made of no words (a full share, "100%") still needs an action. */
  holdsAction(present: readonly number[]): boolean {
    return this.sides[0].satisfied(present);
  }

  get always(): boolean {
    return this.sides[0].always && this.sides[1].always;
  }

  /** `present` holds the unit ids found in a text, each once: a handful, so an array. */
  holds(present: readonly number[]): boolean {
    return this.sides[0].satisfied(present) && this.sides[1].satisfied(present);
  }
}

class Side {
  /** A phrase without units can never be ruled out. */
  always = false;
  private readonly byUnit = new Map<number, number[][]>();

  add(ids: readonly number[]): void {
    const unique = [...new Set(ids)];
    if (unique.length === 0) this.always = true;
    for (const id of unique) {
      const list = this.byUnit.get(id) ?? [];
      list.push(unique);
      this.byUnit.set(id, list);
    }
  }

  satisfied(present: readonly number[]): boolean {
    if (this.always) return true;
    for (const id of present) {
      for (const phrase of this.byUnit.get(id) ?? []) if (allIn(phrase, present)) return true;
    }
    return false;
  }
}

function allIn(ids: readonly number[], present: readonly number[]): boolean {
  for (const id of ids) if (!present.includes(id)) return false;
  return true;
}

/** The condition for one compiled vocabulary; build it once per lexicon. */
export function compilePrefilter(lex: Lexicon): Prefilter {
  const actions: (readonly string[])[] = [];
  const cues: (readonly string[])[] = [];
  const quotedCues: (readonly string[])[] = [];
  const possess: (readonly string[])[] = [];
  const grantNouns: (readonly string[])[] = [];
  for (const { words, tags } of phrasesOf(lex.main)) {
    if (tags.some((t) => ACTION_TAGS.has(t.kind))) actions.push(words);
    if (tags.some(isCueSource)) cues.push(words);
    if (tags.some(isQuotedCueSource)) quotedCues.push(words);
    if (tags.some((t) => t.kind === 'possess')) possess.push(words);
    if (tags.some((t) => t.kind === 'grantNoun')) grantNouns.push(words);
  }
  for (const { words, tags } of phrasesOf(lex.status)) if (tags.some((t) => t.kind === 'cue')) cues.push(words);
  // "loaded to live Eastgate": "live" in a place's position is a production word (`liveProduction.ts`).
  actions.push([LIVE]);
  // A possession claims only with a grant noun after its verb ("holds cutover authority"): both must be present.
  for (const verb of possess) for (const noun of grantNouns) cues.push([...verb, ...noun]);
  // A grant named by its date is a cue with no cue word ("the owner's 11-30 grant", `datedGrant.ts`).
  for (const noun of DATED_GRANTS) cues.push(noun.split(' '));

  const withQuotes = [...cues, ...quotedCues];
  const byWord = new Condition(actions, cues, (word) => [word]);
  const byFragment = new Condition(actions, cues, fragmentsOf);
  const quotedByWord = new Condition(actions, withQuotes, (word) => [word]);
  const quotedByFragment = new Condition(actions, withQuotes, fragmentsOf);
  // A finder answers with indexes into the list it was built from, which are that condition's unit ids.
  const find = createFragmentFinder([...byFragment.ids.keys()]);
  const findQuoted = createFragmentFinder([...quotedByFragment.ids.keys()]);
  const unitsIn = (ids: ReadonlyMap<string, number>, words: readonly string[]): number[] => {
    const present: number[] = [];
    for (const w of words) {
      const id = ids.get(w);
      if (id !== undefined && !present.includes(id)) present.push(id);
    }
    return present;
  };
  const tokensLevel = (tokens: readonly Token[]): PrefilterLevel => {
    if (tokens.some((t) => TICK_TOKEN.has(t.raw) || (t.norm === 'x' && t.kind === 'word'))) return 'cue';
    // The quoted condition only adds cue phrases, so its action side is the plain one's.
    const condition = tokens.some((t) => OPENING_QUOTES.has(t.raw)) ? quotedByWord : byWord;
    const words: string[] = [];
    for (const t of tokens) if (t.kind === 'word') words.push(t.norm); // the tries match word tokens only
    const present = unitsIn(condition.ids, words);
    if (!condition.holdsAction(present)) return 'none';
    return condition.holds(present) || tokens.some((t, i) => t.norm === '100' && tokens[i + 1]?.raw === '%') ? 'cue' : 'action';
  };
  return {
    // A ticked box (`[x]`, ✅) and a full share (100%) are cues made of punctuation and numbers, which no phrase holds.
    text:
      byFragment.always && quotedByFragment.always
        ? () => true
        : (text) => {
            if (TICK.test(text)) return true;
            const [condition, present] = OPENING_QUOTE.test(text) ? [quotedByFragment, findQuoted(text)] : [byFragment, find(text)];
            return condition.holds(present) || (FULL_SHARE.test(text) && condition.holdsAction(present));
          },
    tokens: (tokens) => tokensLevel(tokens) === 'cue',
    actionText: byFragment.holdsAction([]) ? () => true : (text) => TICK.test(text) || byFragment.holdsAction(find(text)),
    tokensLevel,
  };
}
