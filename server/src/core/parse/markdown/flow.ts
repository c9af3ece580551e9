/**
 * The leaf blocks, as micromark's flow tokenizer makes them: what a line holds after its
 * container prefixes (blocks.ts matches those) goes to the one open leaf block, paragraph
 * content, fenced or indented code, or an HTML block, or opens one. Closing a block records
 * it: paragraphs and headings with their content (and the definitions leading a paragraph),
 * the spans of code and HTML blocks. That record is the block pass's result.
 */
import { InlineContent, type ContentSegment } from './content';
import { readDefinitions, type DefinitionNode } from './definitions';
import { HtmlEndState, HtmlKind, atxHeading, htmlBlockStart, htmlEndOnLine, isClosingFence, isThematicBreak, openingFence, setextUnderline, type Fence } from './leafStarts';
import type { CursorState, Line, LineCursor } from './lineCursor';

/** A paragraph (depth 0) or heading: its span and the content the inline pass reads. */
export interface TextBlock {
  start: number;
  end: number;
  depth: number;
  content: InlineContent;
}

export interface BlockScan {
  blocks: TextBlock[];
  /** Code blocks, flat [start, end, …]. */
  code: number[];
  /** HTML blocks, flat [start, end, …]. */
  html: number[];
  definitions: DefinitionNode[];
  /** Normalized labels of every definition. */
  defined: Set<string>;
}

type Flow =
  | { kind: 'none' }
  | { kind: 'content'; segments: ContentSegment[]; lastEnd: number }
  | { kind: 'fenced'; start: number; end: number; fence: Fence }
  | { kind: 'indented'; start: number; end: number }
  | { kind: 'html'; start: number; end: number; html: HtmlKind };

const NONE: Flow = { kind: 'none' };

const enum Interruption {
  None,
  Block,
  /** An HTML block of kind 7, which only a lazy line lets interrupt a paragraph. */
  LazyHtml,
}

/** The open leaf block, and what the closed ones were. */
export class LeafFlow {
  readonly result: BlockScan = { blocks: [], code: [], html: [], definitions: [], defined: new Set() };
  private flow: Flow = NONE;

  constructor(private readonly text: string) {}

  /** Whether a leaf block is open: a line that starts a container then interrupts it. */
  get isOpen(): boolean {
    return this.flow.kind !== 'none';
  }

  /** Fenced code and HTML blocks take the whole line: no container starts inside them. */
  get takesWholeLine(): boolean {
    return this.flow.kind === 'fenced' || this.flow.kind === 'html';
  }

  /** Feeds the line (after its container prefixes) to the open leaf block. True when it continued a paragraph. */
  line(cursor: LineCursor, lazy: boolean): boolean {
    const flow = this.flow;
    const line = cursor.line;
    const text = this.text;
    switch (flow.kind) {
      case 'content': {
        if (cursor.restIsBlank()) {
          this.close();
          return false;
        }
        const lineStart = cursor.save();
        if (cursor.indentColumns() >= 4) {
          this.addContentLine(flow, lineStart, line);
          return true;
        }
        cursor.consumeSpaces(Number.POSITIVE_INFINITY);
        const at = cursor.pos;
        const depth = lazy ? 0 : setextUnderline(text, at, line.end);
        if (depth > 0) {
          if (this.finishContent(flow, { depth, end: line.end })) return false;
          return this.freshLine(cursor, lineStart, lazy);
        }
        const interruption = this.interruption(at, line.end, lazy);
        if (interruption !== Interruption.None) {
          this.close();
          this.freshLine(cursor, lineStart, lazy);
          // micromark decides a lazy line's fate before an HTML block of kind 7 has seen the next
          // line, so its paragraph still counts as open across the line: the containers stay.
          return interruption === Interruption.LazyHtml;
        }
        this.addContentLine(flow, lineStart, line);
        return true;
      }
      case 'fenced': {
        if (lazy) break;
        const saved = cursor.save();
        cursor.consumeSpaces(3);
        flow.end = line.end;
        // A tab that the three columns only partly take leaves a column before the fence: no closing.
        if (cursor.peek() === flow.fence.marker && isClosingFence(text, cursor.pos, line.end, flow.fence)) this.close();
        else cursor.restore(saved);
        return false;
      }
      case 'indented': {
        if (lazy) break;
        if (cursor.indentColumns() >= 4) {
          flow.end = line.end;
          return false;
        }
        // A blank line stays inside only if indented code follows it (the end is not moved yet).
        if (cursor.restIsBlank()) return false;
        break;
      }
      case 'html': {
        if (lazy || ((flow.html === HtmlKind.Block || flow.html === HtmlKind.Complete) && cursor.restIsBlank())) break;
        flow.end = line.end;
        if (flow.html !== HtmlKind.Block && flow.html !== HtmlKind.Complete && htmlEndOnLine(text, cursor.pos, line.end, flow.html, HtmlEndState.Continuation)) this.close();
        return false;
      }
      case 'none':
        return this.freshLine(cursor, cursor.save(), lazy);
    }
    this.close();
    return this.freshLine(cursor, cursor.save(), lazy);
  }

  /** Does this line (from its first non-blank character at `at`) end a paragraph, and with what? */
  private interruption(at: number, end: number, lazy: boolean): Interruption {
    const text = this.text;
    switch (text.charCodeAt(at)) {
      case 35:
        return atxHeading(text, at, end) ? Interruption.Block : Interruption.None;
      case 42:
      case 45:
      case 95:
        return isThematicBreak(text, at, end) ? Interruption.Block : Interruption.None;
      case 60: {
        const html = htmlBlockStart(text, at, end, true, lazy);
        return !html ? Interruption.None : html.kind === HtmlKind.Complete ? Interruption.LazyHtml : Interruption.Block;
      }
      case 96:
      case 126:
        return openingFence(text, at, end) ? Interruption.Block : Interruption.None;
      default:
        return Interruption.None;
    }
  }

  /** A line that no open block takes: it opens a leaf block, or nothing when blank. Never a continuation. */
  private freshLine(cursor: LineCursor, lineStart: CursorState, lazy: boolean): false {
    cursor.restore(lineStart);
    const line = cursor.line;
    const text = this.text;
    if (cursor.restIsBlank()) return false;
    const start = cursor.pos;
    if (cursor.indentColumns() >= 4) {
      this.flow = { kind: 'indented', start, end: line.end };
      // micromark asks whether the code's own line was lazy before it goes on: if so, it ends here.
      if (lazy) this.close();
      return false;
    }
    cursor.consumeSpaces(Number.POSITIVE_INFINITY);
    const at = cursor.pos;
    switch (text.charCodeAt(at)) {
      case 35: {
        const heading = atxHeading(text, at, line.end);
        if (heading) {
          const content = new InlineContent(text, [{ start: heading.contentStart, end: heading.contentEnd }]);
          this.result.blocks.push({ start: at, end: line.end, depth: heading.depth, content });
          return false;
        }
        break;
      }
      case 42:
      case 45:
      case 95:
        if (isThematicBreak(text, at, line.end)) return false;
        break;
      case 60: {
        const html = htmlBlockStart(text, at, line.end, false, lazy);
        if (html) {
          // The block starts at the line's indentation (micromark moves it back there).
          this.flow = { kind: 'html', start, end: line.end, html: html.kind };
          if (html.kind !== HtmlKind.Block && html.kind !== HtmlKind.Complete && htmlEndOnLine(text, html.scanFrom, line.end, html.kind, html.state)) this.close();
          return false;
        }
        break;
      }
      case 96:
      case 126: {
        const fence = openingFence(text, at, line.end);
        if (fence) {
          this.flow = { kind: 'fenced', start: at, end: line.end, fence };
          return false;
        }
        break;
      }
    }
    this.flow = { kind: 'content', segments: [], lastEnd: line.end };
    this.addContentLine(this.flow, cursor.save(), line);
    return false;
  }

  private addContentLine(flow: Flow & { kind: 'content' }, from: CursorState, line: Line): void {
    const segment: ContentSegment = { start: from.pos, end: line.next };
    if (from.virtual > 0) segment.indent = from.virtual;
    if (from.col > 0) segment.column = from.col;
    flow.segments.push(segment);
    flow.lastEnd = line.end;
  }

  /** Ends the open leaf block, recording what it was. */
  close(): void {
    const flow = this.flow;
    this.flow = NONE;
    switch (flow.kind) {
      case 'content':
        this.finishContent(flow, undefined);
        break;
      case 'fenced':
      case 'indented':
        this.result.code.push(flow.start, flow.end);
        break;
      case 'html':
        this.result.html.push(flow.start, flow.end);
        break;
    }
  }

  /**
   * Ends paragraph content: its leading definitions, then the paragraph, or a setext heading
   * when an underline ends it. False when an underline found no paragraph (definitions only).
   */
  private finishContent(flow: Flow & { kind: 'content' }, underline: { depth: number; end: number } | undefined): boolean {
    this.flow = NONE;
    const segments = flow.segments;
    const last = segments[segments.length - 1];
    if (last) last.end = flow.lastEnd;
    const content = new InlineContent(this.text, segments);
    const rest = readDefinitions(content, this.result.defined, this.result.definitions);
    if (rest >= content.text.length) return underline === undefined;
    const start = content.at(rest);
    const paragraph = rest === 0 ? content : new InlineContent(this.text, segments.filter((s) => s.end > start).map((s) => (s.start < start || (s.start === start && s.indent) ? { start, end: s.end } : s)));
    this.result.blocks.push({
      // A setext heading spans its definitions too (micromark starts it where the content starts).
      start: underline ? content.at(0) : start,
      end: underline ? underline.end : flow.lastEnd,
      depth: underline ? underline.depth : 0,
      content: paragraph,
    });
    return true;
  }
}
