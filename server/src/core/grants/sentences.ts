/**
 * Sentence boundaries in a Markdown paragraph or a JSON string value. A soft-wrapped line
 * continues its sentence; a list item, a blank line or a new capitalised status line does not.
 */
import { isNoiseChar, type Ctx } from './mentions';

export interface Sentence {
  readonly from: number;
  readonly to: number;
  /** Ends in "?": nothing in it is asserted. */
  readonly question: boolean;
}

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'no', 'approx', 'ca', 'cf', 'ref', 'rev', 'ver', 'incl', 'dept', 'corp', 'inc', 'ltd', 'jr', 'sr']);
const FINAL = new Set(['.', '!', '?', '…', '。']);
const LIST_BULLETS = new Set(['-', '*', '+', '•', '◦', '‣', '▪', '–', '—', '·']);
const CLOSERS = /[\s)"'*_\]”’`]/;
// Headings, block quotes and table rows start a new sentence whatever the line before.
const LINE_MARKS = new Set(['#', '>', '|']);

/**
 * Marks noise tokens (Markdown punctuation, list markers) in `ctx.noise` and returns the
 * sentences. `continuesLine(norm)` says whether a line ending in that word runs on.
 */
export function splitSentences(ctx: Ctx, continuesLine: (norm: string) => boolean): Sentence[] {
  const { tokens, text, noise } = ctx;
  const out: Sentence[] = [];
  let start = 0;
  let lastContent = -1;

  const close = (end: number, question: boolean): void => {
    if (lastContent >= start) out.push({ from: start, to: end, question });
    start = end;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const lineStart = i === 0 || t.newlines > 0;
    if (lineStart && i > start) {
      const prev = lastContent >= start ? tokens[lastContent] : undefined;
      const marker = isListMarker(ctx, i) || LINE_MARKS.has(t.raw);
      const first = firstContent(ctx, i);
      const capitalised = first !== undefined && first.kind !== 'punct' && (first.capital || first.upper);
      const runsOn = prev !== undefined && (prev.norm === ',' || prev.raw === '(' || continuesLine(prev.norm));
      if (t.newlines >= 2 || marker || ((capitalised || stamped(ctx, i)) && !runsOn)) close(i, false);
    }
    if (lineStart && isListMarker(ctx, i)) {
      noise[i] = 1;
      if (tokens[i]?.kind === 'number') noise[i + 1] = 1;
      continue;
    }
    if (noise[i]) continue; // the "." of a "1." marker
    if (t.kind === 'punct' && isNoiseChar(t.raw)) {
      noise[i] = 1;
      continue;
    }
    if (t.kind === 'punct' && FINAL.has(t.raw)) {
      const after = text.charAt(t.end);
      // "Ines R.", "Dr. Okafor": an initial's or a title's dot ends nothing; nor does a dot inside a table row.
      const before = tokens[i - 1];
      if (t.raw === '.' && i > 0 && before?.end === t.start && (/^\p{Lu}$/u.test(before.raw) || TITLES.has(before.norm) || tokens[start]?.raw === '|')) {
        lastContent = i;
        continue;
      }
      // "REAL_RUN env=prod ... OK": an ellipsis inside a line is a pause, not an end.
      if (t.raw === '.' && text.charAt(t.start - 1) === '.' && after === ' ' && /[^\s]/.test(text.charAt(t.end + 1)) && text.charAt(t.end + 1) !== '\n') {
        lastContent = i;
        continue;
      }
      if (after === '' || CLOSERS.test(after) || t.raw !== '.') {
        close(i + 1, t.raw === '?');
        continue;
      }
    }
    lastContent = i;
  }
  close(tokens.length, false);
  return out;
}

const CLOCK_HOURS = /^\d{1,2}$/;
const CLOCK_MINUTES = /^\d{2}$/;
const DATE = /^\d{1,4}-\d{1,2}(?:-\d{1,2})?$/;
const ISO_STAMP = /^\d{4}-\d{2}-\d{2}T\d/;

/**
 * A line opening with a time or a date ("02:07  repointed ...", "[09:40] lena: ...",
 * "2026-11-29T03:02Z INFO ..."): a log or timeline entry, a sentence of its own like a
 * capitalised line, even when the lines are soft-wrapped into one paragraph.
 */
function stamped(ctx: Ctx, i: number): boolean {
  const { tokens } = ctx;
  let k = i;
  if (tokens[k]?.raw === '[' || tokens[k]?.raw === '(') k++;
  const t = tokens[k];
  if (!t) return false;
  if (t.kind === 'opaque') return ISO_STAMP.test(t.raw);
  if (t.kind !== 'number') return false;
  if (DATE.test(t.raw)) return true;
  const colon = tokens[k + 1];
  const minutes = tokens[k + 2];
  return CLOCK_HOURS.test(t.raw) && colon?.raw === ':' && colon.start === t.end && minutes?.start === colon.end && CLOCK_MINUTES.test(minutes.raw);
}

function firstContent(ctx: Ctx, i: number): { kind: string; capital: boolean; upper: boolean } | undefined {
  for (let k = i; k < ctx.tokens.length; k++) {
    const t = ctx.tokens[k];
    if (!t || (k > i && t.newlines > 0)) return undefined;
    if (!(t.kind === 'punct' && isNoiseChar(t.raw))) return t;
  }
  return undefined;
}

function isListMarker(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t) return false;
  const followedBySpace = (end: number): boolean => /\s/.test(ctx.text.charAt(end));
  if (t.kind === 'punct' && LIST_BULLETS.has(t.raw)) return followedBySpace(t.end);
  if (t.kind === 'number' && /^\d{1,3}$/.test(t.raw)) {
    const next = ctx.tokens[i + 1];
    return next !== undefined && next.start === t.end && (next.raw === '.' || next.raw === ')') && followedBySpace(next.end);
  }
  return false;
}
