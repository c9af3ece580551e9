/**
 * Fragments: what the prefilter (`prefilter.ts`) reads instead of tokens. A fragment is a
 * maximal run of the tokenizer's word characters `[\p{L}\p{M}\p{N}_]` with its leading and
 * trailing underscores cut off (and dropped when nothing is left), with ς read as σ. A
 * text's fragments are lower-cased; a vocabulary word's are taken as they are, since trie
 * words are the very norms (lower-cased raw text) a token must equal.
 *
 * {@link fragmentsOf} and {@link textFragments} are the definition, by regular expression;
 * {@link createFragmentFinder} is the fast equivalent that runs on every block and string,
 * checked against the definition by `grants-prefilter.test.ts`.
 */

const WORD_RUNS = /[\p{L}\p{M}\p{N}_]+/gu;
const WORD_CODE_POINT = /^[\p{L}\p{M}\p{N}_]$/u;
const UNDERSCORE = 0x5f;

/** Lower-casing maps Σ to σ or, at the end of a word, ς: the one mapping that depends on context. */
function foldSigma(s: string): string {
  return s.includes('ς') ? s.replaceAll('ς', 'σ') : s;
}

function trimUnderscores(run: string): string {
  let from = 0;
  let to = run.length;
  while (from < to && run.charCodeAt(from) === UNDERSCORE) from++;
  while (to > from && run.charCodeAt(to - 1) === UNDERSCORE) to--;
  return run.slice(from, to);
}

function runsOf(s: string): string[] {
  return (s.match(WORD_RUNS) ?? []).map(trimUnderscores).filter((r) => r.length > 0);
}

// The tokenizer reads a two-word snake-case key ("go_live") as its two words, so a text's
// fragments also hold the parts between a run's inner underscores (a superset, which keeps
// the prefilter conservative for any run).
function withParts(runs: string[]): string[] {
  return runs.flatMap((r) => (r.includes('_') ? [r, ...r.split('_').filter((p) => p.length > 0)] : [r]));
}

/** The fragments of a vocabulary word (already lower case: it is the norm a token must equal). */
export function fragmentsOf(word: string): string[] {
  return runsOf(word).map(foldSigma);
}

/** The fragments of a text, by the definition (slow: the tests check the fast scan against it). */
export function textFragments(text: string): string[] {
  return withParts(runsOf(text)).map((r) => foldSigma(r.toLowerCase()));
}

/** Whether the code point is one of the tokenizer's word characters. */
export function isWordCodePoint(cp: number): boolean {
  return cp < 128 ? ASCII_WORD[cp] === 1 : WORD_CODE_POINT.test(String.fromCodePoint(cp));
}

// ASCII word characters and each ASCII character's lower case, for the fast scan.
const ASCII_WORD = new Uint8Array(128);
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = WORD_CODE_POINT.test(String.fromCharCode(c)) ? 1 : 0;
  ASCII_LOWER[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** Code units of the word character at `i` (2 for an astral one), or 0 when there is none. */
function wordWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] ?? 0;
  const cp = s.codePointAt(i) ?? c;
  return isWordCodePoint(cp) ? (cp > 0xffff ? 2 : 1) : 0;
}

// Known fragments are found through a 2^16-slot hash table, and an ASCII run is hashed while
// it is scanned and compared with its candidates in place: nothing is cut out or lower-cased
// for the many runs that are not vocabulary.
const HASH_BITS = 16;
const HASH_MASK = (1 << HASH_BITS) - 1;

function step(h: number, code: number): number {
  return (Math.imul(h, 31) + code) | 0;
}

function slot(h: number): number {
  return (h ^ (h >>> HASH_BITS)) & HASH_MASK;
}

function slotOf(s: string): number {
  let h = 0;
  for (let k = 0; k < s.length; k++) h = step(h, s.charCodeAt(k));
  return slot(h);
}

/** Whether the ASCII `text[from, to)` lower-cases to `fragment`. */
function asciiEquals(text: string, from: number, to: number, fragment: string): boolean {
  if (fragment.length !== to - from) return false;
  for (let k = 0; k < fragment.length; k++) if (ASCII_LOWER[text.charCodeAt(from + k)] !== fragment.charCodeAt(k)) return false;
  return true;
}

/**
 * A function giving the indexes in `known` of the fragments that occur in a text, each once,
 * in order of first occurrence: the set `textFragments(text) ∩ known`, without building it.
 */
export function createFragmentFinder(known: readonly string[]): (text: string) => number[] {
  const bySlot: (number[] | undefined)[] = new Array<number[] | undefined>(1 << HASH_BITS);
  known.forEach((f, index) => (bySlot[slotOf(f)] ??= []).push(index));

  const findAscii = (text: string, from: number, to: number, h: number): number => {
    const candidates = bySlot[slot(h)];
    if (candidates) for (const index of candidates) if (asciiEquals(text, from, to, known[index] ?? '')) return index;
    return -1;
  };
  const findOther = (run: string): number => {
    const fragment = foldSigma(run.toLowerCase());
    const candidates = bySlot[slotOf(fragment)];
    if (candidates) for (const index of candidates) if (known[index] === fragment) return index;
    return -1;
  };

  return (text) => {
    const found: number[] = [];
    const add = (index: number): void => {
      if (index !== -1 && !found.includes(index)) found.push(index);
    };
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 ? ASCII_WORD[c] === 0 : wordWidth(text, i) === 0) {
        i++; // an astral non-word character is passed one half at a time; neither half is a word character
        continue;
      }
      // One pass over the run: [from, to) skips its outer underscores, and `hashTo` is the
      // hash of the lower-cased code units up to `to` (a prefix hash, so trailing underscores
      // hashed on the way drop out). A run with a non-ASCII character takes the slow way.
      // `partFrom` and `partHash` follow the part since the last underscore (see `withParts`).
      let from = -1;
      let to = -1;
      let h = 0;
      let hashTo = 0;
      let ascii = true;
      let partFrom = -1;
      let partHash = 0;
      let inner = false;
      let k = i;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d < 128) {
          if (ASCII_WORD[d] === 0) break;
          if (d !== UNDERSCORE) {
            if (from < 0) from = k;
            if (partFrom < 0) {
              partFrom = k;
              partHash = 0;
            }
            h = step(h, ASCII_LOWER[d] ?? 0);
            partHash = step(partHash, ASCII_LOWER[d] ?? 0);
            hashTo = h;
            to = k + 1;
          } else if (from >= 0) {
            h = step(h, d);
            if (partFrom >= 0 && ascii) add(findAscii(text, partFrom, k, partHash));
            partFrom = -1;
            inner = true;
          }
          k++;
        } else {
          const w = wordWidth(text, k);
          if (w === 0) break;
          if (from < 0) from = k;
          ascii = false;
          k += w;
          to = k;
        }
      }
      i = k;
      if (from < 0) continue; // underscores only
      add(ascii ? findAscii(text, from, to, hashTo) : findOther(text.slice(from, to)));
      if (!inner) continue;
      if (ascii) {
        if (partFrom >= 0 && partFrom > from) add(findAscii(text, partFrom, to, partHash));
      } else {
        for (const part of text.slice(from, to).split('_')) if (part.length > 0) add(findOther(part));
      }
    }
    return found;
  };
}
