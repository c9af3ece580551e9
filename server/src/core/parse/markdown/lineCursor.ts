/**
 * A position in one line, in characters and in columns. Container prefixes and indentation
 * are measured in columns with tab stops of 4; a tab that a prefix only partly uses leaves
 * "virtual" columns behind, which count as spaces for what follows (micromark's -1 codes),
 * while the offset is already past the tab.
 */
import { SPACE, TAB, isSpaceOrTab } from './chars';

export interface Line {
  /** 0-based. */
  number: number;
  start: number;
  /** Before the line ending. */
  end: number;
  /** After the line ending. */
  next: number;
  /** After the last character that is not a space or tab (`start` for a blank line). */
  blankFrom: number;
}

export interface CursorState {
  pos: number;
  /** Columns consumed on the line. */
  col: number;
  /** Columns left of a tab the cursor is inside (the offset is past it). */
  virtual: number;
}

export class LineCursor {
  pos: number;
  private col = 0;
  private virtual = 0;
  // Per marker, where the line's trailing run of that marker and spaces starts.
  private suffixes: Map<number, number> | undefined;

  constructor(
    private readonly text: string,
    readonly line: Line,
  ) {
    this.pos = line.start;
  }

  /** The column of the cursor (of its first pending virtual column, if any). */
  get column(): number {
    return this.col;
  }

  /** Nothing left on the line, not even a tab's leftover column. */
  get exhausted(): boolean {
    return this.virtual === 0 && this.pos >= this.line.end;
  }

  save(): CursorState {
    return { pos: this.pos, col: this.col, virtual: this.virtual };
  }

  restore(state: CursorState): void {
    this.pos = state.pos;
    this.col = state.col;
    this.virtual = state.virtual;
  }

  /** The next character's code, a space for a virtual column, NaN at the line end. */
  peek(): number {
    if (this.virtual > 0) return SPACE;
    return this.pos < this.line.end ? this.text.charCodeAt(this.pos) : NaN;
  }

  peekIsSpace(): boolean {
    return this.virtual > 0 || (this.pos < this.line.end && isSpaceOrTab(this.text.charCodeAt(this.pos)));
  }

  /** Consumes one column of whitespace (a tab's first column moves the offset past it). */
  consumeSpace(): void {
    if (this.virtual > 0) {
      this.virtual--;
    } else if (this.text.charCodeAt(this.pos) === TAB) {
      this.virtual = 3 - (this.col % 4);
      this.pos++;
    } else {
      this.pos++;
    }
    this.col++;
  }

  /** Consumes up to `max` columns of whitespace; returns how many. */
  consumeSpaces(max: number): number {
    let count = 0;
    while (count < max && this.peekIsSpace()) {
      this.consumeSpace();
      count++;
    }
    return count;
  }

  /** Consumes one character that is not whitespace. */
  consumeChar(): void {
    this.pos++;
    this.col++;
  }

  /** The columns of whitespace from here, without consuming them. */
  indentColumns(): number {
    let col = this.col + this.virtual;
    for (let i = this.pos; i < this.line.end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === SPACE) col++;
      else if (c === TAB) col += 4 - (col % 4);
      else break;
    }
    return col - this.col;
  }

  /** Whether only spaces and tabs remain on the line. */
  restIsBlank(): boolean {
    return this.pos >= this.line.blankFrom;
  }

  /**
   * Whether a thematic break (`***`, `- - -`) starts at the cursor. Answered from the line's
   * suffix of markers and spaces, so that a line of many list markers (`- - - … a`) costs
   * linear time, not a scan to its end per marker.
   */
  atThematicBreak(): boolean {
    const marker = this.peek();
    if (marker !== 42 && marker !== 45 && marker !== 95) return false;
    this.suffixes ??= new Map();
    let from = this.suffixes.get(marker);
    if (from === undefined) {
      from = this.line.end;
      while (from > this.line.start && (this.text.charCodeAt(from - 1) === marker || isSpaceOrTab(this.text.charCodeAt(from - 1)))) from--;
      this.suffixes.set(marker, from);
    }
    if (this.pos < from) return false;
    let count = 0;
    for (let i = this.pos; i < this.line.end && count < 3; i++) if (this.text.charCodeAt(i) === marker) count++;
    return count >= 3;
  }
}
