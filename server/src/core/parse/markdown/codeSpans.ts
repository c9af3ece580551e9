/**
 * Code spans as the inline pass needs them: finding the closing run of backticks in linear
 * time, and the span's value as mdast spells it (for a heading's text).
 */
import { CR, LF } from './chars';
import type { InlineContent } from './content';

const BACKTICK = 96;

/** Every maximal run of backticks, by length, for finding a code span's closing run in linear time. */
export class BacktickRuns {
  private readonly byLength = new Map<number, number[]>();
  private readonly cursor = new Map<number, number>();

  constructor(s: string) {
    for (let i = s.indexOf('`'); i >= 0; ) {
      let end = i + 1;
      while (s.charCodeAt(end) === BACKTICK) end++;
      const starts = this.byLength.get(end - i) ?? [];
      starts.push(i);
      this.byLength.set(end - i, starts);
      i = s.indexOf('`', end);
    }
  }

  /** The first run of exactly `length` backticks starting at or after `from`, or -1. Calls come in increasing `from`. */
  next(from: number, length: number): number {
    const starts = this.byLength.get(length);
    if (!starts) return -1;
    let k = this.cursor.get(length) ?? 0;
    while (k < starts.length && (starts[k] ?? 0) < from) k++;
    this.cursor.set(length, k);
    return starts[k] ?? -1;
  }
}

/**
 * A code span's value: one space or line ending stripped from each side when both have one
 * and the content is not all spaces. A tab's leftover columns are data, not spaces (micromark).
 */
export function codeValue(content: InlineContent, from: number, to: number): string {
  const value = content.text.slice(from, to);
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  const padded = (c: number, at: number) => (c === 32 && !content.isIndent(at)) || c === LF || c === CR;
  if (value.length > 1 && padded(first, from) && padded(last, to - 1) && /[^ \r\n]/.test(value)) {
    const head = first === CR && value.charCodeAt(1) === LF ? 2 : 1;
    const tail = last === LF && value.charCodeAt(value.length - 2) === CR ? 2 : 1;
    return value.slice(head, value.length - tail);
  }
  return value;
}
