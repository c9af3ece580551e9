/**
 * Container blocks: block quotes (`>`) and lists (`-`, `*`, `+`, `1.`, `1)`), as micromark
 * opens and continues them at the start of each line. As in micromark, a list is one
 * container whose state describes its current item; a new item of the same list continues
 * the container and closes what the previous item held (`closeFlow`).
 */
import { isAsciiDigit } from './chars';
import type { LineCursor } from './lineCursor';

export interface QuoteContainer {
  kind: 'quote';
}

export interface ListContainer {
  kind: 'list';
  ordered: boolean;
  /** `-`, `*`, `+`, or the `.` / `)` after an ordered item's number. */
  marker: number;
  /** Columns the current item's content is indented by. */
  size: number;
  /** The line where the current item started without content (micromark's initialBlankLine), or -1. */
  blankStart: number;
  /** A line that was blank after the outer prefixes (`> `) continued the item since (micromark's furtherBlankLines). */
  blankSince: boolean;
  /**
   * A block quote holds this list. If not, every blank line continues it, so blank lines need
   * not visit it: `LineContext.lastBlank` tells whether one came since `blankStart`.
   */
  quoteBelow: boolean;
  /** Set when this line starts a new item: the previous item's open block ends. */
  closeFlow: boolean;
}

export type Container = QuoteContainer | ListContainer;

/** What continuing a list needs to know about the lines so far. */
export interface LineContext {
  /** The current line's number. */
  line: number;
  /** The number of the last blank line (which every list not inside a quote continued). */
  lastBlank: number;
}

/**
 * A container that starts at the cursor (after at most three columns of indentation).
 * `interrupt`: the line would otherwise continue a paragraph, so a list must not start
 * empty, nor with a number other than 1. On failure the cursor is where it was.
 */
export function startContainer(cursor: LineCursor, interrupt: boolean, context: LineContext): Container | undefined {
  const saved = cursor.save();
  const indent = cursor.consumeSpaces(3);
  const container = cursor.peek() === 62 ? startQuote(cursor) : startItem(cursor, undefined, interrupt, indent, context);
  if (!container) cursor.restore(saved);
  return container;
}

/** A line blank after the outer prefixes continues every list (taking up to its indentation); a quote needs its `>`. */
export function continueOnBlankLine(cursor: LineCursor, container: Container): boolean {
  if (container.kind === 'quote') return false;
  container.closeFlow = false;
  if (container.blankStart >= 0) container.blankSince = true;
  cursor.consumeSpaces(container.size);
  return true;
}

/** Whether a line with content continues `container`; consumes its prefix. The caller restores the cursor on failure. */
export function continueContainer(cursor: LineCursor, container: Container, context: LineContext): boolean {
  if (container.kind === 'quote') {
    cursor.consumeSpaces(3);
    return cursor.peek() === 62 && startQuote(cursor) !== undefined;
  }
  container.closeFlow = false;
  // An item that started empty and then saw a blank line is over.
  const ended = container.blankStart >= 0 && (container.blankSince || (!container.quoteBelow && context.lastBlank > container.blankStart));
  container.blankStart = -1;
  container.blankSince = false;
  if (!ended && cursor.peekIsSpace()) {
    const saved = cursor.save();
    if (cursor.consumeSpaces(container.size) === container.size) return true;
    cursor.restore(saved);
  }
  // Not in the current item: maybe the next item of the same list.
  container.closeFlow = true;
  const indent = cursor.consumeSpaces(3);
  return startItem(cursor, container, false, indent, context) !== undefined;
}

function startQuote(cursor: LineCursor): QuoteContainer {
  cursor.consumeChar();
  if (cursor.peekIsSpace()) cursor.consumeSpace();
  return { kind: 'quote' };
}

/**
 * A list item marker at the cursor, then its spacing (micromark's `tokenizeListStart`).
 * `list`: the list it would continue (same marker required), undefined for a new list.
 */
function startItem(cursor: LineCursor, list: ListContainer | undefined, interrupt: boolean, indent: number, context: LineContext): ListContainer | undefined {
  const code = cursor.peek();
  const ordered = list ? list.ordered : !(code === 42 || code === 43 || code === 45);
  let width: number;
  let marker: number;
  if (!ordered) {
    if (list ? code !== list.marker : !(code === 42 || code === 43 || code === 45)) return undefined;
    if ((code === 42 || code === 45) && cursor.atThematicBreak()) return undefined;
    cursor.consumeChar();
    width = 1;
    marker = code;
  } else {
    if (!isAsciiDigit(code) || (interrupt && code !== 49)) return undefined;
    let digits = 0;
    while (isAsciiDigit(cursor.peek()) && ++digits < 10) cursor.consumeChar();
    marker = cursor.peek();
    if (interrupt && digits >= 2) return undefined;
    if (list ? marker !== list.marker : marker !== 46 && marker !== 41) return undefined;
    cursor.consumeChar();
    width = digits + 1;
  }
  // A new list's `quoteBelow` is set when it is pushed.
  const item: ListContainer = list ?? { kind: 'list', ordered, marker, size: 0, blankStart: -1, blankSince: false, quoteBelow: false, closeFlow: false };
  if (cursor.restIsBlank()) {
    if (interrupt) return undefined;
    item.blankStart = context.line;
    item.blankSince = false;
    item.size = indent + width + 1;
    return item;
  }
  // One to four columns of spacing; with five or more, the content is indented code after one.
  const saved = cursor.save();
  const spacing = cursor.consumeSpaces(4);
  if (spacing > 0 && !cursor.peekIsSpace()) {
    item.size = indent + width + spacing;
    return item;
  }
  cursor.restore(saved);
  if (!cursor.peekIsSpace()) return undefined;
  cursor.consumeSpace();
  item.size = indent + width + 1;
  return item;
}
