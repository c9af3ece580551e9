/**
 * The block pass: one walk over the lines, as micromark's document and flow tokenizers
 * make it. Containers (block quotes, lists) are a stack matched at the start of each line;
 * what the line holds after their prefixes goes to the one open leaf block ("flow"):
 * paragraph content, fenced or indented code, or an HTML block. The stack is a loop, not
 * recursion, so nesting depth costs nothing but its own prefixes.
 *
 * Results are what the prose mask and the inline pass need: the paragraphs and headings
 * with their content, the spans of code and HTML blocks, and the definitions. The leaf
 * blocks make and record them (flow.ts); this file matches the containers and splits lines.
 */
import { continueContainer, continueOnBlankLine, startContainer, type Container, type LineContext } from './containers';
import { LeafFlow, type BlockScan } from './flow';
import { LineCursor, type Line } from './lineCursor';

export function scanBlocks(text: string): BlockScan {
  const scanner = new BlockScanner(text);
  // A byte order mark is not content. (micromark skips it too, but then counts offsets without it.)
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Line ends by native search; a carriage return is looked for again only once passed.
  let cr = text.indexOf('\r', start);
  for (let number = 0; start < text.length; number++) {
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? (cr < 0 ? text.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
    let blankFrom = end;
    while (blankFrom > start && (text.charCodeAt(blankFrom - 1) === 32 || text.charCodeAt(blankFrom - 1) === 9)) blankFrom--;
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    scanner.line({ number, start, end, next: Math.min(next, text.length), blankFrom });
    start = next;
  }
  scanner.leaves.close();
  return scanner.leaves.result;
}

/** The open containers, outermost first, with the index of the outermost block quote at hand. */
class ContainerStack {
  readonly items: Container[] = [];
  private readonly quotes: number[] = [];

  get length(): number {
    return this.items.length;
  }

  /** How many containers a blank line continues: the lists up to the first quote. */
  get blankReach(): number {
    return this.quotes[0] ?? this.items.length;
  }

  push(container: Container): void {
    if (container.kind === 'quote') this.quotes.push(this.items.length);
    this.items.push(container);
  }

  truncate(length: number): void {
    this.items.length = Math.min(this.items.length, length);
    while ((this.quotes.at(-1) ?? -1) >= length) this.quotes.pop();
  }

  hasQuote(): boolean {
    return this.quotes.length > 0;
  }
}

class BlockScanner {
  readonly leaves: LeafFlow;
  private readonly stack = new ContainerStack();
  private readonly context: LineContext = { line: 0, lastBlank: -1 };

  constructor(private readonly text: string) {
    this.leaves = new LeafFlow(text);
  }

  line(line: Line): void {
    const cursor = new LineCursor(this.text, line);
    // micromark hands the leaf blocks nothing for a last line that its container prefixes use up.
    const lastLine = line.next === line.end;
    const stack = this.stack;
    const context = this.context;
    context.line = line.number;
    let continued = 0;
    if (cursor.restIsBlank()) {
      // Every list up to the first quote continues, taking what indentation there is: walk
      // only while it lasts, so that blank lines under deep nesting cost nothing per level.
      context.lastBlank = line.number;
      const reach = stack.blankReach;
      while (continued < reach && cursor.peekIsSpace()) continueOnBlankLine(cursor, stack.items[continued++] as Container);
      continued = reach;
    }
    while (continued < stack.length) {
      const container = stack.items[continued] as Container;
      const saved = cursor.save();
      const continues = cursor.restIsBlank() ? continueOnBlankLine(cursor, container) : continueContainer(cursor, container, context);
      if (!continues) {
        cursor.restore(saved);
        break;
      }
      continued++;
      if (container.kind === 'list' && container.closeFlow) {
        // A new item of this list: whatever the last item held ends here.
        container.closeFlow = false;
        this.leaves.close();
        stack.truncate(continued);
      }
    }
    let interrupt = false;
    if (continued === stack.length) {
      if (this.leaves.takesWholeLine) {
        if (!(lastLine && cursor.exhausted)) this.leaves.line(cursor, false);
        return;
      }
      interrupt = this.leaves.isOpen;
    }
    const first = startContainer(cursor, interrupt, context);
    if (first) {
      this.leaves.close();
      stack.truncate(continued);
      for (let more: Container | undefined = first; more; more = startContainer(cursor, interrupt, context)) {
        if (more.kind === 'list') more.quoteBelow = stack.hasQuote();
        stack.push(more);
      }
      if (!(lastLine && cursor.exhausted)) this.leaves.line(cursor, false);
      return;
    }
    if (lastLine && cursor.exhausted) return;
    // A lazy line: some container did not continue; only a paragraph may run on into it.
    const lazy = continued !== stack.length;
    if (!this.leaves.line(cursor, lazy) && lazy) stack.truncate(continued);
  }
}
