import type { DocumentFacts, Entry } from '../facts/types';
import { entriesOf } from '../facts/anyKind';
import { MAX_ANCHOR_FIXES } from '../limits';
import type { EvidenceAnchor } from '../scan/evidence';
import { editDistance, typoBound } from '../text/closest';

/** The entry an evidence anchor cites in its file: `surface 5`, `PC-7`, or the first forbidden surface. */
export function anchorEntry(target: DocumentFacts, anchor: EvidenceAnchor | undefined): Entry | undefined {
  if (!anchor) return undefined;
  const entries = entriesOf(target);
  const surfaces = () => entries.filter((e) => e.array === 'surfaces');
  switch (anchor.kind) {
    case 'surface':
      return surfaces().find((e) => e.n === anchor.n);
    case 'forbidden':
      return surfaces().find((e) => e.status === 'FORBIDDEN');
    case 'local':
      return entries.find((e) => e.id === anchor.id);
  }
}

export interface NearAnchor {
  /** The anchor as a citation writes it: `PC-7`, `surface 5`. */
  text: string;
  entry: Entry;
  /** Whether it is the one likely meant: within the typo bound and nearer than every other. */
  likely: boolean;
}

/**
 * The entries of `target` nearest to an anchor it does not have, at most MAX_ANCHOR_FIXES. An
 * ID ranks by edit distance, then by the longer shared prefix, then by the nearer trailing number
 * (`PC-9` is nearer `PC-7` than `PC-1`), then by document order; a surface by the nearer number.
 */
export function nearestAnchors(target: DocumentFacts, anchor: EvidenceAnchor): NearAnchor[] {
  if (anchor.kind === 'forbidden') return [];
  const ranked: { text: string; entry: Entry; key: number[] }[] = [];
  const seen = new Set<string>();
  for (const [order, entry] of entriesOf(target).entries()) {
    let text: string;
    let key: number[];
    if (anchor.kind === 'surface') {
      if (entry.array !== 'surfaces' || entry.n === undefined) continue;
      text = `surface ${entry.n}`;
      key = [Math.abs(entry.n - anchor.n), order];
    } else {
      if (entry.id === undefined) continue;
      text = entry.id;
      key = [editDistance(anchor.id, entry.id), -sharedPrefix(anchor.id, entry.id), numberGap(anchor.id, entry.id), order];
    }
    if (seen.has(text)) continue;
    seen.add(text);
    ranked.push({ text, entry, key });
  }
  ranked.sort((a, b) => compareKeys(a.key, b.key));
  const top = ranked.slice(0, MAX_ANCHOR_FIXES);
  const [first, second] = top;
  const likely =
    first !== undefined &&
    anchor.kind === 'local' &&
    (first.key[0] ?? Infinity) <= typoBound(anchor.id) &&
    (second === undefined || (first.key[0] ?? 0) < (second.key[0] ?? 0));
  return top.map((r, i) => ({ text: r.text, entry: r.entry, likely: likely && i === 0 }));
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How far apart the trailing numbers of two IDs are; none on either side counts as far. */
function numberGap(a: string, b: string): number {
  const x = /[0-9]+$/.exec(a)?.[0];
  const y = /[0-9]+$/.exec(b)?.[0];
  return x === undefined || y === undefined ? Number.MAX_SAFE_INTEGER : Math.abs(Number(x) - Number(y));
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
