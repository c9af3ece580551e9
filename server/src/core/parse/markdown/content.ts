/**
 * The text of one paragraph or heading as the inline scanner reads it: its lines without
 * their container prefixes (`> `, list indentation), each followed by its own line ending,
 * plus the map from offsets in that text back to offsets in the document.
 */

/** One line's share of the content: document offsets `[start, end)`, its line ending included except on the last line. */
export interface ContentSegment {
  start: number;
  end: number;
  /** Columns of a tab that the container prefix only partly took: spaces before `start` (micromark keeps them). */
  indent?: number;
  /** The document column where the segment (its indent first) starts, for tab stops; 0 when omitted. */
  column?: number;
}

export class InlineContent {
  /** The content text (a slice of the document when no container prefix interrupts it). */
  readonly text: string;
  // Where each segment starts in `text` (its indent first) and in the document; one entry when contiguous.
  private readonly starts: number[];
  private readonly indents: number[];
  private readonly origins: number[];
  private readonly columns: number[] = [];

  constructor(source: string, segments: readonly ContentSegment[]) {
    const first = segments[0] ?? { start: 0, end: 0 };
    let contiguous = !first.indent;
    for (let i = 1; i < segments.length; i++) if (segments[i]?.start !== segments[i - 1]?.end || segments[i]?.indent) contiguous = false;
    if (contiguous) {
      this.text = source.slice(first.start, segments.at(-1)?.end ?? first.end);
      this.starts = [0];
      this.indents = [0];
      this.origins = [first.start];
      return;
    }
    const parts: string[] = [];
    this.starts = [];
    this.indents = [];
    this.origins = [];
    let length = 0;
    for (const segment of segments) {
      const indent = segment.indent ?? 0;
      this.starts.push(length);
      this.indents.push(indent);
      this.origins.push(segment.start);
      this.columns.push(segment.column ?? 0);
      parts.push(' '.repeat(indent), source.slice(segment.start, segment.end));
      length += indent + segment.end - segment.start;
    }
    this.text = parts.join('');
  }

  /** The document offset of the character at `offset` in the content (a tab's leftover columns map to just after it). */
  at(offset: number): number {
    const i = this.segmentOf(offset);
    return (this.origins[i] ?? 0) + Math.max(0, offset - (this.starts[i] ?? 0) - (this.indents[i] ?? 0));
  }

  /** The document column of the line start at `offset` in the content (0 when it starts none). */
  columnAt(offset: number): number {
    const i = this.segmentOf(offset);
    return this.starts[i] === offset ? (this.columns[i] ?? 0) : 0;
  }

  /** Whether `offset` is one of a segment's indent columns (spaces that are not in the document). */
  isIndent(offset: number): boolean {
    const i = this.segmentOf(offset);
    return offset - (this.starts[i] ?? 0) < (this.indents[i] ?? 0);
  }

  /** The document offset that ends a span ending at `offset` in the content (just after its last character). */
  endAt(offset: number): number {
    return offset === 0 ? this.at(0) : this.at(offset - 1) + 1;
  }

  private segmentOf(offset: number): number {
    const starts = this.starts;
    if (starts.length === 1) return 0;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
