/**
 * The inline scanner: one left-to-right pass over a paragraph's or heading's content, as
 * micromark's text tokenizer makes it. It records what the prose mask blanks (code spans,
 * autolinks, raw HTML) and the links and images it forms, with document offsets; for a
 * heading it also spells the plain text (what mdast-util-to-string gives: headingText.ts).
 * The constructs it meets are read by their own files: code spans (codeSpans.ts), `<…>`
 * (inlineHtml.ts), a link's resource and label (linkSyntax.ts), `&…;` (entities.ts).
 *
 * Links follow CommonMark's bracket rules: a `]` closes the nearest open `[` or `![`; an
 * inline destination `(…)` makes a link, a label that names a definition makes a reference
 * (`[a][ref]`, `[ref][]`, `[ref]`); a link deactivates the `[` openers before it (links do
 * not nest); an image swallows what its label held (mdast keeps only its alt text).
 */
import { CR, LF, isAsciiPunctuation, isLineEnding, isSpaceOrTab } from './chars';
import { BacktickRuns, codeValue } from './codeSpans';
import type { InlineContent } from './content';
import { characterReference } from './entities';
import { HeadingText } from './headingText';
import { CloserSearch, htmlValue, parseAutolink, parseHtmlText } from './inlineHtml';
import { afterLineEnding, normalizeLabel, parseLabel, parseResource, type Reach } from './linkSyntax';

/** A link or image with an inline destination, in document offsets (the mdast node's position). */
export interface InlineLinkNode {
  kind: 'link' | 'image';
  start: number;
  end: number;
  /** Where the label's last inline node ends (mdast: the last child's end; start + 1 when empty). */
  labelEnd: number;
  url: string;
  /** The destination holds a named reference the entity table cannot decode: not reported. */
  uncertain: boolean;
}

/** What the inline pass found, in document offsets; spans as flat [start, end, start, end, …]. */
export interface InlineFindings {
  /** Code spans and autolinks. */
  blanks: number[];
  /** Raw HTML (blanked, and searched for comments). */
  html: number[];
  links: InlineLinkNode[];
}

interface Opener {
  at: number;
  image: boolean;
  /** Removed: a `]` found no link for it. */
  balanced: boolean;
  // What had been recorded when it opened: an image drops everything its label added.
  blanks: number;
  html: number;
  links: number;
  /** Heading text: its part (emptied when it forms a link) and the delimiter runs before it. */
  part: number;
  runs: number;
}

const BACKSLASH = 92;
const BACKTICK = 96;

/**
 * Scans `content`; returns the plain text when `spell` (headings), else ''.
 * `defined` holds the normalized labels of the document's definitions.
 */
export function scanInline(content: InlineContent, defined: ReadonlySet<string>, out: InlineFindings, spell: boolean): string {
  const s = content.text;
  const n = s.length;
  const search = new CloserSearch(s);
  const openers: Opener[] = [];
  // Link openers below this index are inactive: a link formed after them (links do not nest).
  let activeFrom = 0;
  let backticks: BacktickRuns | undefined;
  let escapedUpTo = -1;
  // How far failed attempts read: see `Reach` and `lastChildEnd`.
  const reach: Reach = { at: -1 };
  const unclosedTitles = new Map<number, number>();
  // Characters other than whitespace before each offset, made on first use (`couldBeDefined`).
  let solid: Int32Array | undefined;
  const text = spell ? new HeadingText(s) : undefined;

  // Where the scan stops: \ ` < ! [ ] always; & * _ and line endings only when spelling a heading.
  // The rest is plain text, which the regular expression skips natively.
  const special = spell ? /[\\`<![\]&*_\n\r]/g : /[\\`<![\]]/g;
  let i = 0;
  while (i < n) {
    special.lastIndex = i;
    if (!special.test(s)) break;
    i = special.lastIndex - 1;
    const code = s.charCodeAt(i);
    switch (code) {
      case BACKSLASH: {
        const next = s.charCodeAt(i + 1);
        if (isLineEnding(next)) {
          // A hard break: mdast's break node, empty in the text, and the line ending goes with it.
          if (text) i = text.hardBreak(i, afterLineEnding(s, i + 1));
          else i++;
        } else if (isAsciiPunctuation(next)) {
          text?.replace(i, i + 2, s[i + 1] ?? '');
          i += 2;
          escapedUpTo = i;
        } else {
          i++;
        }
        break;
      }
      case BACKTICK: {
        let runEnd = i + 1;
        while (s.charCodeAt(runEnd) === BACKTICK) runEnd++;
        // A run cannot open right after a backtick, unless that one was escaped.
        if (i > 0 && s.charCodeAt(i - 1) === BACKTICK && escapedUpTo !== i) {
          i = runEnd;
          break;
        }
        backticks ??= new BacktickRuns(s);
        const close = backticks.next(runEnd, runEnd - i);
        if (close < 0) {
          // micromark read on to the end looking for the closing run.
          reach.at = n;
          i = runEnd;
          break;
        }
        const end = close + runEnd - i;
        out.blanks.push(content.at(i), content.endAt(end));
        text?.replace(i, end, codeValue(content, runEnd, close));
        i = end;
        break;
      }
      case 60: {
        const autolink = parseAutolink(s, i);
        if (autolink > 0) {
          out.blanks.push(content.at(i), content.endAt(autolink));
          text?.replace(i, autolink, s.slice(i + 1, autolink - 1));
          i = autolink;
          break;
        }
        const html = parseHtmlText(s, i, search, reach);
        if (html > 0) {
          out.html.push(content.at(i), content.endAt(html));
          text?.replace(i, html, htmlValue(content, i, html));
          i = html;
          break;
        }
        i++;
        break;
      }
      case 33:
      case 91: {
        const image = code === 33;
        if (image && s.charCodeAt(i + 1) !== 91) {
          i++;
          break;
        }
        const width = image ? 2 : 1;
        const part = text ? text.opener(i, i + width) : 0;
        activeFrom = Math.min(activeFrom, openers.length);
        openers.push({ at: i, image, balanced: false, blanks: out.blanks.length, html: out.html.length, links: out.links.length, part, runs: text?.runCount() ?? 0 });
        i += width;
        break;
      }
      case 93:
        i = labelEnd(i);
        break;
      case 38: {
        const reference = characterReference(s, i);
        if (reference && text) {
          text.replace(i, reference.end, reference.value);
          i = reference.end;
        } else {
          i++;
        }
        break;
      }
      case 42:
      case 95: {
        let runEnd = i + 1;
        while (s.charCodeAt(runEnd) === code) runEnd++;
        text?.delimiterRun(i, runEnd, code);
        i = runEnd;
        break;
      }
      default:
        // A line ending (only special when spelling a heading).
        i = text ? text.lineEnding(i) : i + 1;
    }
  }
  return text ? text.finish() : '';

  /** At a `]`: form a link or image with the nearest opener, or leave the `]` as text. Returns where to go on. */
  function labelEnd(close: number): number {
    while (openers.length > 0 && openers.at(-1)?.balanced) openers.pop();
    activeFrom = Math.min(activeFrom, openers.length);
    const opener = openers.at(-1);
    if (!opener) return close + 1;
    if (!opener.image && openers.length - 1 < activeFrom) {
      opener.balanced = true;
      return close + 1;
    }
    const labelStart = opener.at + (opener.image ? 2 : 1);
    const isDefined = defined.size > 0 && couldBeDefined(labelStart, close) && defined.has(normalizeLabel(s.slice(labelStart, close)));
    const after = close + 1;
    const next = s.charCodeAt(after);
    let end = -1;
    let resource: { url: string; uncertain: boolean } | undefined;
    if (next === 40) {
      const parsed = parseResource(s, after, reach, unclosedTitles);
      if (parsed) {
        end = parsed.end;
        resource = parsed;
      } else if (isDefined) {
        end = after;
      }
    } else if (next === 91) {
      const full = parseLabel(s, after, reach);
      if (full > 0 && defined.has(normalizeLabel(s.slice(after + 1, full - 1)))) {
        end = full;
      } else {
        // A label read and then refused (no such definition) was read all the same.
        if (full > 0) reach.at = Math.max(reach.at, full);
        if (isDefined && s.charCodeAt(after + 1) === 93) end = after + 2;
      }
    } else if (isDefined) {
      end = after;
    }
    if (end < 0) {
      opener.balanced = true;
      return close + 1;
    }
    openers.pop();
    if (opener.image) {
      // mdast keeps an image's alt text only: nothing its label held is visited.
      out.blanks.length = opener.blanks;
      out.html.length = opener.html;
      out.links.length = opener.links;
    } else {
      activeFrom = openers.length;
    }
    if (resource) {
      out.links.push({
        kind: opener.image ? 'image' : 'link',
        start: content.at(opener.at),
        end: content.endAt(end),
        labelEnd: lastChildEnd(labelStart, close),
        url: resource.url,
        uncertain: resource.uncertain,
      });
    }
    text?.formLink(opener.part, opener.runs, close, end);
    return end;
  }

  /**
   * Whether `[from, to)` has few enough characters besides whitespace to normalize into a
   * definition's label (a label holds at most 1,000 characters; the bound keeps a margin):
   * nested labels are then never sliced whole, which would cost quadratic time.
   */
  function couldBeDefined(from: number, to: number): boolean {
    if (!solid) {
      solid = new Int32Array(n + 1);
      for (let k = 0; k < n; k++) {
        const c = s.charCodeAt(k);
        solid[k + 1] = (solid[k] ?? 0) + (c === 32 || c === 9 || c === LF || c === CR ? 0 : 1);
      }
    }
    return (solid[to] ?? 0) - (solid[from] ?? 0) <= 1100;
  }

  /**
   * Where mdast's last child of a label ends: at the `]`, unless the label ends with a line
   * ending and indentation, which no text node covers: then the node ends with the line
   * ending's token, which is just after it, or, when a failed attempt had read past it, at
   * the next line's content (micromark re-reads it after learning that line's prefix).
   */
  function lastChildEnd(labelStart: number, close: number): number {
    if (close === labelStart) return content.at(labelStart - 1) + 1;
    let k = close;
    while (k > labelStart && isSpaceOrTab(s.charCodeAt(k - 1))) k--;
    if (k > labelStart && isLineEnding(s.charCodeAt(k - 1))) {
      const lineEnding = k >= 2 && s.charCodeAt(k - 1) === LF && s.charCodeAt(k - 2) === CR ? k - 2 : k - 1;
      return reach.at > lineEnding ? content.at(k) : content.endAt(k);
    }
    return content.endAt(close);
  }
}
