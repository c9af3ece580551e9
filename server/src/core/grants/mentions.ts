/**
 * Vocabulary phrases found in the token stream, and the navigation every later stage shares.
 */
import type { Tag, TagKind, Trie, TrieNode } from './lexicon';
import type { Token } from './tokens';

export interface Mention {
  /** Token indexes, `to` exclusive. */
  readonly from: number;
  readonly to: number;
  readonly tags: readonly Tag[];
}

/** The analysed text with each token's covering mention and whether it is Markdown noise. */
export interface Ctx {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly cover: (Mention | undefined)[];
  readonly noise: Uint8Array;
}

// Emphasis, quotes and brackets carry no meaning for the claim but sit between its words.
const NOISE = new Set(['*', '_', '`', '#', '>', '<', '"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', '{', '}', '~', '^', '\\']);

export function isNoiseChar(raw: string): boolean {
  return NOISE.has(raw);
}

export function has(m: Mention | undefined, kind: TagKind): boolean {
  return m !== undefined && m.tags.some((t) => t.kind === kind);
}

export function tagOf<K extends TagKind>(m: Mention | undefined, kind: K): Extract<Tag, { kind: K }> | undefined {
  if (!m) return undefined;
  for (const t of m.tags) if (t.kind === kind) return t as Extract<Tag, { kind: K }>;
  return undefined;
}

/** Matches the longest phrase at each word token of [from, to); mentions never overlap. */
export function matchMentions(ctx: Ctx, trie: Trie, from: number, to: number): void {
  const { tokens, cover } = ctx;
  let i = from;
  while (i < to) {
    const tok = tokens[i];
    if (!tok || tok.kind !== 'word') {
      i++;
      continue;
    }
    // The trie walked in place (this runs at every word token): the longest phrase from here
    // that keeps a tag once upper-case-only cues in lower case are dropped.
    let best: Mention | undefined;
    let node: TrieNode | undefined = trie.root;
    for (let k = 0; k < trie.maxDepth && i + k < to; k++) {
      const t = tokens[i + k];
      if (!t || t.kind !== 'word') break;
      node = node.next.get(t.norm);
      if (!node) break;
      const tags = node.tags;
      if (!tags) continue;
      const valid = tags.some(isUpperCue) ? tags.filter((tag) => !isUpperCue(tag) || allUpper(tokens, i, i + k + 1)) : tags;
      if (valid.length > 0) best = { from: i, to: i + k + 1, tags: valid };
    }
    if (!best) {
      i++;
      continue;
    }
    for (let k = best.from; k < best.to; k++) cover[k] = best;
    i = best.to;
  }
}

// A phrasal verb's particle, and what may follow it when the object sits between ("cut push
// traffic over to v3", "rolled prod back to the snapshot"); "cut costs over the quarter" is no cutover.
const PARTICLES = new Set(['over', 'out', 'back', 'live']);
const AFTER_PARTICLE = new Set(['to', 'into', 'onto', 'at', 'on', 'in', 'from', 'now', 'tonight', 'today', 'during', 'last', 'overnight', 'yesterday', 'early', 'without']);
// "rolled the new search index out", "Rolled the oven-control 4.2 build out": a determiner, up to four modifiers (a hyphenated one is two tokens) and a noun.
const MAX_OBJECT_WORDS = 6;

/**
 * A phrasal verb split by its object: the verb token takes the tags of the whole phrase ("cut
 * ... over" reads as "cut over"), found through the same trie. Runs after `matchMentions`, on
 * verbs it left uncovered; each looks at most four tokens ahead.
 */
export function matchSplitVerbs(ctx: Ctx, trie: Trie, from: number, to: number): void {
  const { tokens, cover } = ctx;
  for (let i = from; i < to; i++) {
    const verb = tokens[i];
    // A verb already read as a word of its own ("cut" as an effect) may still open a split phrase; one read as an action or cue is settled.
    const own = cover[i];
    // A performance verb may open one too, when the split phrase is an action ("flipped the index live").
    if (!verb || verb.kind !== 'word' || (own && (own.to !== i + 1 || own.tags.some((tag) => tag.kind === 'action' || (tag.kind === 'cue' && tag.cue !== 'perf'))))) continue;
    const first = trie.root.next.get(verb.norm);
    if (!first) continue;
    for (let j = i + 1; j < to && j <= i + MAX_OBJECT_WORDS + 1; j++) {
      const t = tokens[j];
      // "rolled ground software 4.2 out": a version may name the object.
      if (!t || (t.kind !== 'word' && t.kind !== 'number')) break;
      // The particle right after the verb is the contiguous phrase the trie already read.
      if (t.kind === 'number' || !PARTICLES.has(t.norm) || j === i + 1) {
        const c = cover[j];
        if (c && c.tags.some((tag) => tag.kind === 'cue' || tag.kind === 'neg' || tag.kind === 'trigger')) break;
        continue;
      }
      const tags = first.next.get(t.norm)?.tags;
      const after = tokens[j + 1];
      const fits = tags && tags.length > 0 && (!own || tags.some((tag) => tag.kind === 'action'));
      if (fits && (!after || after.kind === 'punct' || AFTER_PARTICLE.has(after.norm))) cover[i] = { from: i, to: i + 1, tags };
      break;
    }
  }
}

function isUpperCue(tag: Tag): boolean {
  return tag.kind === 'cue' && tag.upper === true;
}

function allUpper(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!tokens[k]?.upper || (tokens[k]?.raw.length ?? 0) < 2) return false;
  return true;
}

/** The mention starting at token `i`, if one does. */
export function startingAt(ctx: Ctx, i: number): Mention | undefined {
  const m = ctx.cover[i];
  return m && m.from === i ? m : undefined;
}

/** Previous non-noise token index in [lo, i), or -1. */
export function prevToken(ctx: Ctx, i: number, lo: number): number {
  for (let j = i - 1; j >= lo; j--) if (!ctx.noise[j]) return j;
  return -1;
}

/** Next non-noise token index in (i, hi), or -1. */
export function nextToken(ctx: Ctx, i: number, hi: number): number {
  for (let j = i + 1; j < hi; j++) if (!ctx.noise[j]) return j;
  return -1;
}

/** A mention's words as the tries match them, joined by spaces ("still stands"). */
export function mentionPhrase(ctx: Ctx, m: Mention): string {
  return ctx.tokens.slice(m.from, m.to).map((t) => t.norm).join(' ');
}

export function isComma(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i];
  return t !== undefined && t.kind === 'punct' && t.norm === ',';
}

export function normAt(ctx: Ctx, i: number): string {
  return ctx.tokens[i]?.norm ?? '';
}

/** "38,112": a comma between digits, touching both, groups them; it separates nothing. */
export function withinNumber(ctx: Ctx, j: number): boolean {
  const p = ctx.tokens[j - 1];
  const t = ctx.tokens[j];
  const n = ctx.tokens[j + 1];
  return p !== undefined && t !== undefined && n !== undefined && p.kind === 'number' && n.kind === 'number' && p.end === t.start && t.end === n.start;
}

/** "06:00Z": a colon between digits, touching both, writes a time; it introduces nothing. */
export function timeColon(ctx: Ctx, j: number): boolean {
  const p = ctx.tokens[j - 1];
  const t = ctx.tokens[j];
  const n = ctx.tokens[j + 1];
  return t?.raw === ':' && p !== undefined && n !== undefined && p.kind === 'number' && /^\d/.test(n.raw) && p.end === t.start && t.end === n.start;
}
