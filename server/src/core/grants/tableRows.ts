/**
 * Table rows and record lines: a Markdown table row (`| repoint | owner | APPROVED |`) or a
 * dash-separated record line ("activation — owner — GRANTED 2026-11-29") whose granted status
 * cell claims the actions of the other cells, while any not-granted cell (FAIL, PENDING) settles
 * the row as claiming nothing; and the row's cells, each read as a sentence of its own when no
 * cell holds a status.
 */
import type { ActionRef } from './actions';
import { longestPhrase, type Lexicon } from './lexicon';
import { has, nextToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';
import { TICKED, UNTICKED } from './taskBox';

/**
 * A Markdown table row: `| repoint | owner | APPROVED |`. A cell whose value is a granted
 * status claims the actions of the other cells; any not-granted cell (FAIL, PENDING) claims
 * nothing. The granted cell's token range, or undefined when the row claims nothing.
 */
export function tableRowValue(ctx: Ctx, s: Sentence, statusAt: (i: number, hi: number) => 'granted' | 'not' | undefined): { readonly from: number; readonly to: number } | undefined {
  if (ctx.tokens[s.from]?.raw !== '|') return recordLineValue(ctx, s, statusAt);
  let granted: { from: number; to: number } | undefined;
  for (const { from, to: i } of tableCells(ctx, s)) {
    let j = from;
    while (j < i && (ctx.tokens[j]?.kind === 'punct' || TICKED.has(ctx.tokens[j]?.raw ?? '')) && !UNTICKED.has(ctx.tokens[j]?.raw ?? '')) {
      if (TICKED.has(ctx.tokens[j]?.raw ?? '')) granted ??= { from: j, to: j + 1 };
      j++;
    }
    if (j < i && UNTICKED.has(ctx.tokens[j]?.raw ?? '')) return undefined;
    if (j < i) {
      const at = cellValueAt(ctx, j, i, statusAt);
      const verdict = statusAt(at, i);
      // A RAID log's "Closed" says the item is finished, whichever way it went: it decides nothing.
      if (verdict === 'not' && !(ctx.tokens[at]?.norm === 'closed' && at + 1 === i)) return undefined;
      if (verdict === 'granted') granted ??= { from: at, to: at + 1 };
    }
  }
  return granted;
}

/** Whether `next` is a table's delimiter row (`|---|:---:|`), which makes the row before it the header: column names, never a claim. */
export function delimiterRow(ctx: Ctx, next: Sentence | undefined): boolean {
  if (!next || ctx.tokens[next.from]?.raw !== '|') return false;
  let dash = false;
  for (let i = next.from; i < next.to; i++) {
    const raw = ctx.tokens[i]?.raw;
    if (raw === '-' || raw === '—' || raw === '–') dash = true;
    else if (raw !== '|' && raw !== ':') return false;
  }
  return dash;
}

/** A Markdown table row's non-empty cells (the row opens with "|"), each as a sentence. Linear in the row. */
export function tableCells(ctx: Ctx, s: Sentence): Sentence[] {
  const cells: Sentence[] = [];
  let from = s.from + 1;
  for (let i = s.from + 1; i <= s.to; i++) {
    if (i < s.to && ctx.tokens[i]?.raw !== '|') continue;
    if (i > from) cells.push({ from, to: i, question: false });
    from = i + 1;
  }
  return cells;
}

/**
 * Where a cell's value starts: past a short label ("Owner: proceed (signed 11-28)") or past a
 * first status and its dash ("Closed — done 12-01 03:05"), when what follows is a status.
 */
function cellValueAt(ctx: Ctx, j: number, end: number, statusAt: (i: number, hi: number) => 'granted' | 'not' | undefined): number {
  for (let k = j; k < end && k <= j + 2; k++) {
    const raw = ctx.tokens[k]?.raw;
    if (raw !== ':' && raw !== '—' && raw !== '–') continue;
    const next = nextToken(ctx, k, end);
    if (next !== -1 && statusAt(next, end) === 'granted' && (raw === ':' || statusAt(j, k) !== undefined)) return next;
  }
  return j;
}

// "activation — owner — GRANTED 2026-11-29": a record line of dash-separated fields.
const FIELD_DASH = new Set(['—', '–', '|']);

function recordLineValue(ctx: Ctx, s: Sentence, statusAt: (i: number, hi: number) => 'granted' | 'not' | undefined): { readonly from: number; readonly to: number } | undefined {
  const seps: number[] = [];
  for (let i = s.from; i < s.to; i++) if (FIELD_DASH.has(ctx.tokens[i]?.raw ?? '')) seps.push(i);
  if (seps.length < 2) return undefined;
  let granted: { from: number; to: number } | undefined;
  const bounds = [s.from - 1, ...seps, s.to];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const j = nextToken(ctx, bounds[k] ?? s.from, bounds[k + 1] ?? s.to);
    if (j === -1) continue;
    const verdict = statusAt(j, bounds[k + 1] ?? s.to);
    if (verdict === 'not') return undefined;
    if (verdict === 'granted' && k > 0) granted ??= { from: j, to: j + 1 };
  }
  return granted;
}

/** "| read-only preflight on prod-pg-01 | PASS |": the cell naming the action also places it outside production. */
export function cellOutsideProduction(ctx: Ctx, s: Sentence, ref: ActionRef): boolean {
  let from = ref.from;
  while (from > s.from && ctx.tokens[from - 1]?.raw !== '|') from--;
  let to = ref.to;
  while (to < s.to && ctx.tokens[to]?.raw !== '|') to++;
  for (let i = from; i < to; i++) if (has(ctx.cover[i], 'nonprod')) return true;
  return false;
}

/** The verdict of the status phrase opening token `i` ("GRANTED 08-20", "FAIL", "not granted"). */
const NEEDED = new Set(['needed', 'required', 'pending', 'requested', 'outstanding']);

export function statusVerdict(ctx: Ctx, lex: Lexicon, i: number, hi: number): 'granted' | 'not' | undefined {
  const t = ctx.tokens[i];
  if (!t) return undefined;
  if (t.norm === 'not' || t.norm === 'no' || t.norm === 'never') return 'not';
  const phrase = longestPhrase(lex.status, ctx.tokens, i, hi);
  if (!phrase) return undefined;
  // "owner OK needed first": the value named as what is still needed.
  if (NEEDED.has(ctx.tokens[nextToken(ctx, i + phrase.length - 1, hi)]?.norm ?? '')) return 'not';
  return phrase.tags[0]?.kind === 'cue' ? 'granted' : 'not';
}
