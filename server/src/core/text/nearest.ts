import { editDistance, nearestOf, typoBound, type Nearest } from './closest';

/**
 * `closest()` over a large, changing set of words (every ID of a 10,000-document KB), with the
 * same answers. A bigram index narrows each question to the words that can be near enough:
 * one edit removes at most two of a word's distinct bigrams, so a word within distance k of the
 * query shares at least |bigrams(query)| − 2k of them. Answers are memoised and kept current as
 * words come and go, and every change reports which answers moved, so a host re-checks only the
 * documents that asked those questions.
 */
export class NearestIndex {
  private readonly words: (string | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private readonly answers = new Map<string, Nearest>();
  /** Reused per question: shared-bigram counts by slot. */
  private counts = new Int32Array(0);
  /** Slots of removed words, still in the postings until the next compaction. */
  private dead = 0;

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.insert(word);
  }

  has(word: string): boolean {
    return this.slots.has(word);
  }

  /** The word nearest to `query` within the typo bound, ties to the alphabetically first (as closest()). */
  nearest(query: string): string | undefined {
    let answer = this.answers.get(query);
    if (!answer) {
      answer = this.search(query);
      this.answers.set(query, answer);
    }
    return answer.best;
  }

  /** Adds a word; returns the memoised questions whose answer it changed. */
  add(word: string): string[] {
    if (this.slots.has(word)) return [];
    this.insert(word);
    const moved: string[] = [];
    for (const [query, answer] of this.answers) {
      // With no answer yet the distance is the bound plus one, so any word within the bound wins.
      const d = editDistance(query, word, answer.distance);
      if (d < answer.distance || (d === answer.distance && answer.best !== undefined && word < answer.best)) {
        this.answers.set(query, { best: word, distance: d });
        moved.push(query);
      }
    }
    return moved;
  }

  /** Removes a word; returns the memoised questions whose answer it was. */
  remove(word: string): string[] {
    const slot = this.slots.get(word);
    if (slot === undefined) return [];
    this.slots.delete(word);
    this.words[slot] = undefined;
    if (++this.dead > 64 && this.dead > this.slots.size / 4) this.compact();
    const moved: string[] = [];
    for (const [query, answer] of this.answers) {
      if (answer.best !== word) continue;
      // Forgotten rather than searched again: the question may not be asked any more (an ID
      // toggled back and forth while typing is defined again a keystroke later).
      this.answers.delete(query);
      moved.push(query);
    }
    return moved;
  }

  /** Renumbers the live words: an editor adds and removes an ID at every keystroke that types one. */
  private compact(): void {
    const live = this.words.filter((w): w is string => w !== undefined);
    this.words.length = 0;
    this.slots.clear();
    this.postings.clear();
    this.dead = 0;
    for (const word of live) this.insert(word);
  }

  private insert(word: string): void {
    const slot = this.words.length;
    this.words.push(word);
    this.slots.set(word, slot);
    for (const gram of bigrams(word)) {
      const list = this.postings.get(gram);
      if (list) list.push(slot);
      else this.postings.set(gram, [slot]);
    }
  }

  private search(query: string): Nearest {
    const grams = bigrams(query);
    const needed = grams.size - 2 * typoBound(query);
    // A short query may share no bigram with its nearest word: look at every word.
    if (needed <= 0) return nearestOf(query, this.words.filter((w): w is string => w !== undefined));
    if (this.counts.length < this.words.length) this.counts = new Int32Array(this.words.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const gram of grams) {
      for (const slot of this.postings.get(gram) ?? []) {
        if (counts[slot] === 0) touched.push(slot);
        counts[slot] = (counts[slot] ?? 0) + 1;
      }
    }
    const candidates = touched.filter((slot) => (counts[slot] ?? 0) >= needed && this.words[slot] !== undefined).map((slot) => ({ slot, shared: counts[slot] ?? 0 }));
    for (const slot of touched) counts[slot] = 0;
    // Most shared bigrams first: a near word found early bounds the rest. IDs come in numbered
    // families ("FIX7-P0-PROD-CI-SCOPE-1" … "-3700" at 100,000 documents) that all pass the
    // filter above, so the bound also ends the walk: a word within the best distance d shares at
    // least |bigrams| − 2d of them, and the rest share fewer.
    candidates.sort((a, b) => b.shared - a.shared);
    const max = typoBound(query);
    let best: string | undefined;
    let distance = max + 1;
    const queryBag = bag(query);
    for (const { slot, shared } of candidates) {
      if (shared < grams.size - 2 * distance) break;
      const word = this.words[slot] as string;
      // As nearestOf: bounded by the best so far, ties to the alphabetically first. A word after
      // the best can only win by being nearer, so its bound is one less; in an ID family most
      // words tie at the best distance, and the characters they differ by (a lower bound of the
      // distance) settle them without the table.
      const bound = best !== undefined && word > best ? distance - 1 : distance;
      if (bagDistance(queryBag, word) > bound) continue;
      const d = editDistance(query, word, bound);
      if (d < distance || (d === distance && best !== undefined && word < best)) {
        best = word;
        distance = d;
      }
    }
    return distance <= max ? { best, distance } : { best: undefined, distance: max + 1 };
  }
}

const BAG_SIZE = 64;
const wordBag = new Int32Array(BAG_SIZE);

/** Characters counted into 64 buckets: a collision can only hide a difference, so the bound stays a lower bound. */
function bag(word: string): Int32Array {
  const counts = new Int32Array(BAG_SIZE);
  for (let i = 0; i < word.length; i++) {
    const b = word.charCodeAt(i) & (BAG_SIZE - 1);
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return counts;
}

/** A lower bound of the edit distance: each edit adds, removes or changes one character. */
function bagDistance(queryBag: Int32Array, word: string): number {
  wordBag.set(queryBag);
  for (let i = 0; i < word.length; i++) {
    const b = word.charCodeAt(i) & (BAG_SIZE - 1);
    wordBag[b] = (wordBag[b] ?? 0) - 1;
  }
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < BAG_SIZE; i++) {
    const c = wordBag[i] as number;
    if (c > 0) extra += c;
    else missing -= c;
  }
  return Math.max(extra, missing);
}

function bigrams(word: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) grams.add(word.slice(i, i + 2));
  return grams;
}
