/**
 * Emphasis (`*a*`, `__b__`) as micromark resolves it: each closing run, in order, takes the
 * nearest compatible opening run (same character, the "rule of 3" on the lengths left),
 * one or two characters from each; the runs between them are resolved again among
 * themselves, then become literal text. Only heading text needs this: emphasis changes no
 * span the scanner reports.
 */

export interface DelimiterRun {
  marker: number;
  /** Characters still literal; matching consumes them. */
  length: number;
  canOpen: boolean;
  canClose: boolean;
  /** Characters that matching took from the run's end, as an opener. */
  usedAsOpener: number;
}

/**
 * Resolves `runs` (in document order) among themselves, shortening the runs that match.
 *
 * Openers wait in twelve stacks keyed by (character, can close, length mod 3), so the nearest
 * compatible opener is the topmost of at most six stacks. When a pair forms, micromark
 * resolves the runs between again; that can only pair something new when one of them
 * shrank, as an opener, after it had been tried as a closer ("dirty"), so the second pass
 * runs only then. Each pass retires the runs it covers: the work stays linear in practice.
 */
export function resolveEmphasis(runs: readonly DelimiterRun[]): void {
  if (runs.length < 2) return;
  const stacks: number[][] = Array.from({ length: 12 }, () => []);
  const key = (run: DelimiterRun) => (run.marker === 42 ? 0 : 6) + (run.canClose ? 3 : 0) + (run.length % 3);
  // Runs still in play, in order (openers and closers alike), and the dirty ones among them.
  const active: number[] = [];
  const dirty: number[] = [];
  for (let c = 0; c < runs.length; c++) {
    const closer = runs[c] as DelimiterRun;
    const base = closer.marker === 42 ? 0 : 6;
    while (closer.canClose && closer.length > 0) {
      let opener = -1;
      let from = -1;
      for (let k = base; k < base + 6; k++) {
        const top = stacks[k]?.at(-1);
        if (top === undefined || top <= opener) continue;
        const openerCanClose = k - base >= 3;
        const rest = (k - base) % 3;
        // The rule of 3: a run that can both open and close cannot pair when the sum is a multiple of 3.
        if ((openerCanClose || closer.canOpen) && closer.length % 3 !== 0 && (rest + closer.length) % 3 === 0) continue;
        opener = top;
        from = k;
      }
      if (opener < 0) break;
      const open = runs[opener] as DelimiterRun;
      const use = open.length > 1 && closer.length > 1 ? 2 : 1;
      open.length -= use;
      open.usedAsOpener += use;
      closer.length -= use;
      // The runs between are inside the emphasis now: resolved again among themselves, then literal.
      const inside: DelimiterRun[] = [];
      while ((active.at(-1) ?? -1) > opener) inside.push(runs[active.pop() as number] as DelimiterRun);
      const recheck = (dirty.at(-1) ?? -1) > opener;
      while ((dirty.at(-1) ?? -1) > opener) dirty.pop();
      if (recheck) resolveEmphasis(inside.reverse());
      for (const stack of stacks) while ((stack.at(-1) ?? -1) > opener) stack.pop();
      stacks[from]?.pop();
      if (open.length > 0) {
        stacks[key(open)]?.push(opener);
        if (open.canClose && dirty.at(-1) !== opener) dirty.push(opener);
      }
    }
    active.push(c);
    if (closer.canOpen && closer.length > 0) stacks[key(closer)]?.push(c);
  }
}
