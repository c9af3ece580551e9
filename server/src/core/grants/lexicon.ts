/**
 * The vocabulary compiled into tries over normalised tokens, so a text is matched in one
 * left-to-right pass whose cost per token is bounded by the longest phrase.
 */
import type { Token } from './tokens';
import { normalizePhrase, type GrantVocabulary } from './vocabulary';

export type CueKind =
  | 'grant' // "approved": a participle or state, voice decides which side it speaks of
  | 'present' // "approves": only a cue when used as a verb
  | 'extension' // "covers": only a cue with a grant noun as subject
  | 'noun' // "the owner's OK": speaks of what follows
  | 'unblock' // "no longer blocked": a grant that also neutralises blocking words
  | 'perf' // "executed": doing it implies it was allowed
  | 'auxPerf' // "run", "given": a cue only after be/have
  | 'upper' // "GO": only in upper case
  | 'lift' // "removed", "dropped": a grant only beside a restriction noun ("the hold was dropped")
  | 'event'; // "since", "following", "post-": presupposes the action after it happened

export type TriggerKind =
  | 'conditional'
  | 'both'
  | 'future'
  | 'requirement'
  | 'request'
  | 'question'
  | 'revocation'
  | 'blocking';

export type NegKind = 'verbal' | 'predicate' | 'determiner' | 'exclusion' | 'clause';

export type ActionForm = 'noun' | 'verb' | 'performed' | 'weak';

export type Tag =
  | { readonly kind: 'action'; readonly action: string; readonly form: ActionForm }
  | { readonly kind: 'prodWord' }
  | { readonly kind: 'prodModifier' }
  | { readonly kind: 'head' }
  | { readonly kind: 'cue'; readonly cue: CueKind; readonly upper?: boolean }
  | { readonly kind: 'backwardOnly' }
  | { readonly kind: 'neg'; readonly neg: NegKind }
  | { readonly kind: 'pseudo' }
  | { readonly kind: 'trigger'; readonly trigger: TriggerKind; readonly temporal?: boolean }
  | { readonly kind: 'option' }
  | { readonly kind: 'choice' }
  | { readonly kind: 'nonprod' }
  | { readonly kind: 'terminator' }
  | { readonly kind: 'be' }
  | { readonly kind: 'have' }
  | { readonly kind: 'adverb' }
  | { readonly kind: 'det' }
  | { readonly kind: 'prep' }
  | { readonly kind: 'dest' }
  | { readonly kind: 'function' }
  | { readonly kind: 'grantNoun' }
  | { readonly kind: 'modal' }
  | { readonly kind: 'permVerb' }
  | { readonly kind: 'possess' }
  | { readonly kind: 'restriction' }
  | { readonly kind: 'report' }
  | { readonly kind: 'denial' }
  | { readonly kind: 'affirm' }
  | { readonly kind: 'state' }
  | { readonly kind: 'flag' }
  | { readonly kind: 'effect' };

export type TagKind = Tag['kind'];

export interface TrieNode {
  readonly next: Map<string, TrieNode>;
  tags: Tag[] | undefined;
}

export interface Trie {
  readonly root: TrieNode;
  readonly maxDepth: number;
}

export interface Lexicon {
  readonly main: Trie;
  /** Status values are read only right after a `Subject:` separator, where "no" and "open" mean something else. */
  readonly status: Trie;
  /** Whole tokens the tokenizer must keep in one piece ("qt001/apply", "no-production"). */
  readonly singleTokens: ReadonlySet<string>;
  readonly canonicalByForm: ReadonlyMap<string, string>;
  /** Words before or after a quoted span that make it mentioned, not asserted ("the phrase '…'"). */
  readonly metaNouns: ReadonlySet<string>;
}

function newNode(): TrieNode {
  return { next: new Map(), tags: undefined };
}

class TrieBuilder {
  readonly root = newNode();
  maxDepth = 0;
  add(phrase: string, tag: Tag): void {
    const words = normalizePhrase(phrase).split(' ').filter((w) => w.length > 0);
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = newNode();
        node.next.set(w, child);
      }
      node = child;
    }
    (node.tags ??= []).push(tag);
    this.maxDepth = Math.max(this.maxDepth, words.length);
  }
  build(): Trie {
    return { root: this.root, maxDepth: this.maxDepth };
  }
}

export function compileLexicon(v: GrantVocabulary): Lexicon {
  const main = new TrieBuilder();
  const status = new TrieBuilder();
  const singleTokens = new Set<string>();
  const canonicalByForm = new Map<string, string>();

  // A one-word phrase with a joiner ("qt001/apply", "go/no-go") must reach the tries as one token.
  const keepWhole = (norm: string): void => {
    if (!norm.includes(' ') && /[-/_.']/.test(norm)) singleTokens.add(norm);
  };
  const add = (list: readonly string[], tag: Tag): void => {
    for (const phrase of list) {
      main.add(phrase, tag);
      keepWhole(normalizePhrase(phrase));
    }
  };

  for (const [action, forms] of Object.entries(v.actions)) {
    canonicalByForm.set(normalizePhrase(action), action);
    singleTokens.add(normalizePhrase(action));
    main.add(action, { kind: 'action', action, form: 'noun' });
    const sets: [readonly string[] | undefined, ActionForm][] = [
      [forms.nouns, 'noun'],
      [forms.verbs, 'verb'],
      [forms.performed, 'performed'],
      [forms.weak, 'weak'],
    ];
    for (const [list, form] of sets) {
      if (!list) continue;
      add(list, { kind: 'action', action, form });
      if (form !== 'weak') for (const p of list) canonicalByForm.set(normalizePhrase(p), action);
    }
  }
  for (const p of v.productionWords) canonicalByForm.set(normalizePhrase(p), 'production');
  // "Post-cutover,", "post-REAL_RUN review": one token naming the action as an event that happened.
  for (const [action, forms] of Object.entries(v.actions)) {
    for (const noun of [action, ...forms.nouns]) {
      const norm = normalizePhrase(noun);
      if (norm.includes(' ')) continue;
      for (const prefix of ['post-', 'after-']) {
        main.add(prefix + norm, { kind: 'action', action, form: 'noun' });
        main.add(prefix + norm, { kind: 'cue', cue: 'event' });
        singleTokens.add(prefix + norm);
      }
    }
  }

  add(v.productionWords, { kind: 'prodWord' });
  add(v.productionModifiers, { kind: 'prodModifier' });
  add(v.nonActionHeads, { kind: 'head' });
  add(v.grantCues, { kind: 'cue', cue: 'grant' });
  add(v.presentGrantVerbs, { kind: 'cue', cue: 'present' });
  add(v.extensionCues, { kind: 'cue', cue: 'extension' });
  add(v.grantNouns, { kind: 'grantNoun' });
  add(v.nounCues, { kind: 'cue', cue: 'noun' });
  add(v.upperCaseCues, { kind: 'cue', cue: 'upper', upper: true });
  add(v.unblockCues, { kind: 'cue', cue: 'unblock' });
  add(v.performanceCues, { kind: 'cue', cue: 'perf' });
  add(v.auxiliaryPerformanceCues, { kind: 'cue', cue: 'auxPerf' });
  add(v.backwardOnlyCues, { kind: 'backwardOnly' });
  add(v.permissionModals, { kind: 'modal' });
  add(v.permissionVerbs, { kind: 'permVerb' });
  add(v.possessionVerbs, { kind: 'possess' });
  add(v.restrictionNouns, { kind: 'restriction' });
  add(v.liftCues, { kind: 'cue', cue: 'lift' });
  add(v.eventCues, { kind: 'cue', cue: 'event' });
  add(v.reportingVerbs, { kind: 'report' });
  add(v.denials, { kind: 'denial' });
  add(v.affirmatives, { kind: 'affirm' });
  add(v.stateCues, { kind: 'state' });
  add(v.flagKeys, { kind: 'flag' });
  add(v.effectVerbs, { kind: 'effect' });
  add(v.verbalNegations, { kind: 'neg', neg: 'verbal' });
  add(v.predicateNegations, { kind: 'neg', neg: 'predicate' });
  add(v.determinerNegations, { kind: 'neg', neg: 'determiner' });
  add(v.exclusions, { kind: 'neg', neg: 'exclusion' });
  add(v.clauseNegations, { kind: 'neg', neg: 'clause' });
  add(v.pseudoTriggers, { kind: 'pseudo' });
  const temporal = new Set(v.temporalTriggers.map(normalizePhrase));
  for (const p of v.conditionalTriggers) {
    main.add(p, { kind: 'trigger', trigger: 'conditional', temporal: temporal.has(normalizePhrase(p)) });
  }
  add(v.conditionalBothWays, { kind: 'trigger', trigger: 'both' });
  add(v.futureTriggers, { kind: 'trigger', trigger: 'future' });
  add(v.requirementTriggers, { kind: 'trigger', trigger: 'requirement' });
  add(v.requestTriggers, { kind: 'trigger', trigger: 'request' });
  add(v.questionTriggers, { kind: 'trigger', trigger: 'question' });
  add(v.revocationTriggers, { kind: 'trigger', trigger: 'revocation' });
  add(v.blockingTriggers, { kind: 'trigger', trigger: 'blocking' });
  add(v.optionMarkers, { kind: 'option' });
  add(v.choiceMarkers, { kind: 'choice' });
  add(v.nonProductionMarkers, { kind: 'nonprod' });
  add(v.scopeTerminators, { kind: 'terminator' });
  add(v.beVerbs, { kind: 'be' });
  add(v.haveVerbs, { kind: 'have' });
  add(v.adverbs, { kind: 'adverb' });
  add(v.determiners, { kind: 'det' });
  add(v.prepositions, { kind: 'prep' });
  add(v.destinationPrepositions, { kind: 'dest' });
  add(v.functionWords, { kind: 'function' });

  for (const p of v.grantedStatuses) status.add(p, { kind: 'cue', cue: 'grant' });
  for (const p of v.notGrantedStatuses) status.add(p, { kind: 'trigger', trigger: 'blocking' });
  for (const p of [...v.grantedStatuses, ...v.notGrantedStatuses]) keepWhole(normalizePhrase(p));

  return { main: main.build(), status: status.build(), singleTokens, canonicalByForm, metaNouns: new Set(v.metaNouns.map(normalizePhrase)) };
}

/** Every phrase of `trie` with its tags, as the words a run of tokens must spell to match it. */
export function phrasesOf(trie: Trie): { words: readonly string[]; tags: readonly Tag[] }[] {
  const out: { words: readonly string[]; tags: readonly Tag[] }[] = [];
  const visit = (node: TrieNode, words: readonly string[]): void => {
    if (node.tags) out.push({ words, tags: node.tags });
    for (const [word, child] of node.next) visit(child, [...words, word]);
  };
  visit(trie.root, []);
  return out;
}

/**
 * The longest phrase of `trie` spelled by the word tokens from `from` (stopping at `to` or at
 * any token that is not a word), or undefined. A plain loop: it runs at every word token.
 */
export function longestPhrase(
  trie: Trie,
  tokens: readonly Token[],
  from: number,
  to: number,
): { length: number; tags: readonly Tag[] } | undefined {
  let node: TrieNode | undefined = trie.root;
  let best: { length: number; tags: readonly Tag[] } | undefined;
  for (let k = 0; k < trie.maxDepth && from + k < to; k++) {
    const t = tokens[from + k];
    if (!t || t.kind !== 'word') break;
    node = node.next.get(t.norm);
    if (!node) break;
    if (node.tags) best = { length: k + 1, tags: node.tags };
  }
  return best;
}
