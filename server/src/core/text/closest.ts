/** How far a word may be from a candidate and still be taken for a typo of it. */
export function typoBound(word: string): number {
  return Math.max(2, Math.floor(word.length / 4));
}

// Two rows of the dynamic-programming table, reused: suggestions compare one word with
// thousands of candidates, and fresh arrays per comparison dominated the cost.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Edit distance, bounded: exact when it is at most `max`, else some value above `max`. Only the
 * diagonal band |i − j| ≤ max can hold values within the bound, so only the band is computed.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(2 * (b.length + 1));
    currentRow = new Int32Array(2 * (b.length + 1));
  }
  const band = Number.isFinite(max) ? max : a.length + b.length;
  const outside = band + 1;
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= band ? j : outside;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current[0] = i <= band ? i : outside;
    if (from > 1) current[from - 1] = outside;
    let rowMin = current[0] as number;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitute = (previous[j - 1] as number) + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = (previous[j] as number) + 1;
      const insert = (current[j - 1] as number) + 1;
      let value = substitute < remove ? substitute : remove;
      if (insert < value) value = insert;
      if (value > outside) value = outside;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = outside;
    if (rowMin > max) return max + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  const result = previous[b.length] as number;
  return result > max ? max + 1 : result;
}

export interface Nearest {
  /** The nearest candidate within the typo bound, ties to the alphabetically first. */
  best: string | undefined;
  /** Its distance; the bound plus one when there is none. */
  distance: number;
}

/** The candidate nearest to `word` and its distance; the answer does not depend on the candidates' order. */
export function nearestOf(word: string, candidates: Iterable<string>): Nearest {
  const max = typoBound(word);
  let best: string | undefined;
  let distance = max + 1;
  for (const candidate of candidates) {
    // Bounded by the best so far: any result up to it is exact, so ties are real ties.
    const d = editDistance(word, candidate, distance);
    if (d < distance || (d === distance && best !== undefined && candidate < best)) {
      best = candidate;
      distance = d;
    }
  }
  return distance <= max ? { best, distance } : { best: undefined, distance: max + 1 };
}

/** The candidate nearest to `word`, if it is near enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return nearestOf(word, candidates).best;
}
