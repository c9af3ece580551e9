import { flankingClass, isSpaceOrTab } from './chars';
import { resolveEmphasis, type DelimiterRun } from './emphasis';
import { afterLineEnding, skipSpaces } from './linkSyntax';

/**
 * A heading's plain text as mdast-util-to-string spells it: text with escapes and references
 * decoded, code and HTML values, link and image labels without their syntax, emphasis
 * markers that paired removed, hard breaks empty, indentation and trailing spaces dropped.
 */
export class HeadingText {
  private readonly parts: string[] = [];
  private readonly runs: (DelimiterRun & { part: number; end: number })[] = [];
  /** Runs not yet resolved, in order: a link resolves the ones its label holds. */
  private readonly pending: number[] = [];
  /** Start of the literal text not yet copied into `parts`. */
  private from = 0;

  constructor(private readonly s: string) {}

  /** Replaces the source `[start, end)` with `value`. */
  replace(start: number, end: number, value: string): void {
    this.flush(start);
    this.parts.push(value);
    this.from = end;
  }

  opener(start: number, end: number): number {
    this.flush(start);
    this.parts.push(this.s.slice(start, end));
    this.from = end;
    return this.parts.length - 1;
  }

  runCount(): number {
    return this.runs.length;
  }

  delimiterRun(start: number, end: number, marker: number): void {
    const before = flankingClass(start > 0 ? this.s.charCodeAt(start - 1) : NaN);
    const after = flankingClass(end < this.s.length ? this.s.charCodeAt(end) : NaN);
    // micromark's attention: left-flanking opens, right-flanking closes; "_" also needs punctuation on the far side to open or close inside a word.
    const open = after === 0 || (after === 2 && before !== 0);
    const close = before === 0 || (before === 2 && after !== 0);
    this.opener(start, end);
    this.pending.push(this.runs.length);
    this.runs.push({
      marker,
      length: end - start,
      canOpen: marker === 42 ? open : open && (before !== 0 || !close),
      canClose: marker === 42 ? close : close && (after !== 0 || !open),
      usedAsOpener: 0,
      part: this.parts.length - 1,
      end,
    });
  }

  /** A link or image formed from the opener's part to `end`: its label's emphasis resolves alone, its syntax is dropped. */
  formLink(openerPart: number, runsBefore: number, close: number, end: number): void {
    this.flush(close);
    this.parts[openerPart] = '';
    let k = this.pending.length;
    while (k > 0 && (this.pending[k - 1] ?? 0) >= runsBefore) k--;
    resolveEmphasis(this.pending.splice(k).map((r) => this.runs[r] as DelimiterRun));
    this.from = end;
  }

  /** A `\` hard break at `at` whose line ending ends at `next`: nothing in the text, nor the line's indentation. Returns where to go on. */
  hardBreak(at: number, next: number): number {
    this.flush(at);
    this.from = skipSpaces(this.s, next);
    return this.from;
  }

  /** A line ending at `at`: trailing spaces go (two or more, without tabs, make a hard break, which takes the line ending too), the next line's indentation goes. */
  lineEnding(at: number): number {
    let k = at;
    let spaces = 0;
    let tabs = false;
    while (k > this.from && isSpaceOrTab(this.s.charCodeAt(k - 1))) {
      k--;
      if (this.s.charCodeAt(k) === 9) tabs = true;
      else spaces++;
    }
    this.flush(k);
    const next = afterLineEnding(this.s, at);
    if (tabs || spaces < 2) this.parts.push(this.s.slice(at, next));
    this.from = skipSpaces(this.s, next);
    return this.from;
  }

  finish(): string {
    let end = this.s.length;
    while (end > this.from && isSpaceOrTab(this.s.charCodeAt(end - 1))) end--;
    this.flush(end);
    resolveEmphasis(this.pending.map((r) => this.runs[r] as DelimiterRun));
    for (const run of this.runs) {
      // micromark quirk: an opener run that NUL follows ends its chunk, and when matching took part
      // of it, its text still reads to the chunk's end, the taken characters included.
      const length = run.length > 0 && this.s.charCodeAt(run.end) === 0 ? run.length + run.usedAsOpener : run.length;
      this.parts[run.part] = String.fromCharCode(run.marker).repeat(length);
    }
    return this.parts.join('').replace(/\0/g, '\uFFFD');
  }

  private flush(to: number): void {
    if (to > this.from) this.parts.push(this.s.slice(this.from, to));
    this.from = Math.max(this.from, to);
  }
}
