import { append } from '../append';
/**
 * Clauses inside a sentence, and status forms (`Production: AUTHORIZED`, `REAL_RUN — APPROVED`,
 * `| cutover | GO |`) read as one unit whose value, not the subject's wording, decides.
 */
import { clauseAfterColon } from './colonClause';
import { longestPhrase, type Trie } from './lexicon';
import { has, isComma, nextToken, prevToken, tagOf, type Ctx } from './mentions';
import type { Sentence } from './sentences';

export interface StatusValue {
  /** Token range of the value phrase ("NOT GRANTED", "APPROVED"). */
  readonly from: number;
  readonly to: number;
  readonly granted: boolean;
}

export interface StatusForm {
  readonly subjectFrom: number;
  readonly subjectTo: number;
  readonly value: StatusValue;
}

export interface Clause {
  readonly from: number;
  readonly to: number;
  readonly status?: StatusForm;
}

// `Subject: VALUE` separators; a comma is not one, it joins lists.
const SOFT = new Set([':', '—', '–', '―', '−', '-', '=', '|', '→']);
const HARD = new Set([';', '；']);
const SUBORDINATORS = new Set(['although', 'though', 'whereas', 'while', 'whilst', 'because']);
const CONSEQUENCE_OR_CONTRAST = new Set(['so', 'yet']);
const CONCESSIVE = new Set(['despite', 'notwithstanding']);

/** The concessive word opens its part: at the sentence's start or after a comma, an "and" between. */
function concessionOpens(ctx: Ctx, i: number, start: number): boolean {
  // Not an aside inside a clause ("has not, despite three reminders, signed off"): its verb is still to come.
  const p = prevToken(ctx, i, start);
  if (p === -1) return true;
  return ctx.tokens[p]?.norm === 'and' && isComma(ctx, prevToken(ctx, p, start));
}

const VALUE_PRONOUNS = new Set(['it', 'them', 'this', 'that', 'these', 'those', 'your', 'our', 'my', 'his', 'her', 'their']);

interface Segment {
  readonly from: number;
  readonly to: number;
}

interface Unit {
  from: number;
  to: number;
  readonly status: StatusForm;
}

export function splitClauses(ctx: Ctx, s: Sentence, statusTrie: Trie): Clause[] {
  const out: Clause[] = [];
  for (const piece of hardPieces(ctx, s)) append(out, statusUnits(ctx, piece, statusTrie));
  return out;
}

function hardPieces(ctx: Ctx, s: Sentence): Segment[] {
  const pieces: Segment[] = [];
  let start = s.from;
  // "Having applied QT001 to production, Minh paused the queue": the participle is its own clause.
  let participle = ctx.tokens[nextToken(ctx, s.from - 1, s.to)]?.norm === 'having';
  let subordinate = false;
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    const m = ctx.cover[i];
    // ", so the migration was applied": a consequence is a clause of its own.
    // ", yet the owner signed the go-live": a contrast after a comma opens a clause of its own ("not yet" stays one).
    const so = isComma(ctx, i) && CONSEQUENCE_OR_CONTRAST.has(ctx.tokens[nextToken(ctx, i, s.to)]?.norm ?? '');
    if ((participle && isComma(ctx, i)) || so || newSubjectAfterAnd(ctx, i, start, s.to) || placeEndsAt(ctx, i, start, s.to) || sequenceEndsAt(ctx, i, start, s.to)) {
      participle = false;
      pieces.push({ from: start, to: i });
      start = i + 1;
    } else if (t && t.kind === 'punct' && (HARD.has(t.raw) || clauseAfterColon(ctx, i, start, s.to))) {
      pieces.push({ from: start, to: i });
      start = i + 1;
    } else if (t && CONCESSIVE.has(t.norm) && concessionOpens(ctx, i, start)) {
      // "and despite not having the staging proof she wanted, Marta cleared ...": the concession ends at its comma.
      pieces.push({ from: start, to: i });
      start = i;
      subordinate = true;
    } else if (m && m.from === i && has(m, 'terminator') && !parenthetical(ctx, m.from, m.to, s.to)) {
      pieces.push({ from: start, to: i });
      start = m.to;
      i = m.to - 1;
      // "Although none of the staging checks apply, the activation took place": the subordinate clause ends at its comma.
      // "Even though the rollback proof was still TBD, the owner approved": "even" may come first.
      const first = nextToken(ctx, s.from - 1, s.to);
      const opens = first === m.from || (ctx.tokens[first]?.norm === 'even' && nextToken(ctx, first, s.to) === m.from);
      if (SUBORDINATORS.has(ctx.tokens[m.from]?.norm ?? '') && opens) subordinate = true;
    } else if (subordinate && isComma(ctx, i)) {
      subordinate = false;
      pieces.push({ from: start, to: i });
      start = i + 1;
    }
  }
  pieces.push({ from: start, to: s.to });
  return pieces.filter((p) => p.to > p.from);
}

/**
 * "the owner's go on the cutover stands and the window is unchanged": "and" before a new
 * subject (a determiner, at most three words, then its be or have verb) after a clause with a
 * verb of its own joins two statements; each keeps its own scopes.
 */
function newSubjectAfterAnd(ctx: Ctx, i: number, start: number, hi: number): boolean {
  if (ctx.tokens[i]?.norm !== 'and') return false;
  const d = nextToken(ctx, i, hi);
  if (d === -1 || !has(ctx.cover[d], 'det')) return false;
  let verb = false;
  for (let j = nextToken(ctx, d, hi), words = 0; j !== -1 && words < 4; j = nextToken(ctx, j, hi), words++) {
    const c = ctx.cover[j];
    if (has(c, 'be') || has(c, 'have')) {
      verb = true;
      break;
    }
    // "and the prod cutover was approved": the subject may be the action itself.
    if (ctx.tokens[j]?.kind === 'punct' || (c && !has(c, 'head') && !has(c, 'det') && !has(c, 'action') && !has(c, 'prodWord'))) return false;
  }
  if (!verb) return false;
  // "Rehearsal 3 passed in staging, and ...": a verb in a past form ends the first clause too.
  for (let j = start; j < i; j++) {
    const c = ctx.cover[j];
    if (has(c, 'cue') || has(c, 'be') || tagOf(c, 'action')?.form === 'performed' || (!c && /^[a-z]{3,}ed$/.test(ctx.tokens[j]?.norm ?? ''))) return true;
  }
  return false;
}

/**
 * "The registrar looked at the rehearsal numbers on Thursday, and on Friday ... she gave the
 * word": ", and" after a clause placed outside production starts one that is not, when an
 * action follows.
 */
function placeEndsAt(ctx: Ctx, i: number, start: number, hi: number): boolean {
  if (!isComma(ctx, i) || ctx.tokens[nextToken(ctx, i, hi)]?.norm !== 'and') return false;
  if (!sideOf(ctx, start, i).outside) return false;
  // "approved the staging rehearsal, and the production cutover" shares its verb: only a clause with its own cue starts here.
  const after = sideOf(ctx, i + 1, hi);
  return !after.outside && after.action && after.cue;
}

/** What a stretch of a sentence holds: a non-production word, an action, a cue word, a performed form, a negation or trigger. */
function sideOf(ctx: Ctx, from: number, to: number): { outside: boolean; action: boolean; cue: boolean; performed: boolean; hedged: boolean } {
  const side = { outside: false, action: false, cue: false, performed: false, hedged: false };
  for (let j = from; j < to; j++) {
    const c = ctx.cover[j];
    if (!c) continue;
    side.outside ||= has(c, 'nonprod');
    side.action ||= has(c, 'action') || has(c, 'prodWord');
    side.cue ||= has(c, 'cue');
    side.performed ||= tagOf(c, 'action')?.form === 'performed';
    side.hedged ||= has(c, 'neg') || has(c, 'trigger');
  }
  return side;
}

/**
 * "We tested in staging and then repointed prod", "We cut over at 01:00 and then re-ran the
 * reconciliation in the sandbox": "and then" (", then") between two events, one placed outside
 * production and the other naming an action with a cue, joins two clauses, so the place of one
 * does not move the other. Only when nothing before it conditions, plans or negates, which would
 * reach over both.
 */
function sequenceEndsAt(ctx: Ctx, i: number, start: number, hi: number): boolean {
  const t = ctx.tokens[i]?.norm;
  if (t !== 'and' && !isComma(ctx, i)) return false;
  let n = nextToken(ctx, i, hi);
  if (isComma(ctx, i) && ctx.tokens[n]?.norm === 'and') n = nextToken(ctx, n, hi);
  if (ctx.tokens[n]?.norm !== 'then') return false;
  const claims = (x: ReturnType<typeof sideOf>) => x.action && (x.cue || x.performed) && !x.outside;
  const before = sideOf(ctx, start, i);
  if (before.hedged) return false;
  const after = sideOf(ctx, n + 1, hi);
  return (before.outside && claims(after)) || (claims(before) && after.outside && !after.hedged);
}

/** ", however," between commas is an aside, not a new clause: "the repoint, however, went through". */
function parenthetical(ctx: Ctx, from: number, to: number, hi: number): boolean {
  const before = ctx.tokens[from - 1];
  const after = nextToken(ctx, to - 1, hi);
  return before !== undefined && isComma(ctx, from - 1) && after !== -1 && isComma(ctx, after);
}

function isSoftSeparator(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || t.kind !== 'punct' || ctx.noise[i] || !SOFT.has(t.raw)) return false;
  if (t.raw === ':' || t.raw === '-') {
    // 03:10, 2026-06-12 written apart, and hyphens glued to a word are not separators.
    const before = ctx.tokens[i - 1];
    const after = ctx.tokens[i + 1];
    const glued = (before !== undefined && before.end === t.start) && (after !== undefined && after.start === t.end);
    if (glued && (t.raw === '-' || (before.kind === 'number' && after.kind === 'number'))) return false;
    // "--dry-run": a command-line flag's dashes lead into the word.
    if (t.raw === '-' && after !== undefined && after.start === t.end && (after.raw === '-' || after.kind === 'word')) return false;
  }
  // "02:00–04:00": a dash between glued numbers is a range.
  if ((t.raw === '–' || t.raw === '—') && ctx.tokens[i - 1]?.kind === 'number' && ctx.tokens[i + 1]?.kind === 'number' && ctx.tokens[i - 1]?.end === t.start && ctx.tokens[i + 1]?.start === t.end) return false;
  return true;
}

function statusUnits(ctx: Ctx, piece: Segment, statusTrie: Trie): Clause[] {
  const segs: Segment[] = [];
  const seps: number[] = [];
  let start = piece.from;
  for (let i = piece.from; i < piece.to; i++) {
    if (!isSoftSeparator(ctx, i)) continue;
    segs.push({ from: start, to: i });
    seps.push(i);
    start = i + 1;
  }
  segs.push({ from: start, to: piece.to });

  const consumed = new Uint8Array(segs.length);
  const units: Unit[] = [];
  let lastUnit: Unit | undefined;
  let lastValueSeg = -1;
  for (let k = 1; k < segs.length; k++) {
    const left = segs[k - 1];
    const right = segs[k];
    const sep = seps[k - 1];
    if (!left || !right || sep === undefined) continue;
    const value = statusValue(ctx, right, statusTrie, false);
    if (value) {
      let subjectFrom = left.from;
      if (lastUnit && lastValueSeg === k - 1) {
        // "Production: APPROVED, REAL_RUN: PENDING": the last value segment holds the next subject.
        let comma = -1;
        for (let i = sep - 1; i >= lastUnit.status.value.to; i--) if (isComma(ctx, i)) { comma = i; break; }
        subjectFrom = comma >= 0 ? comma + 1 : lastUnit.status.value.to;
        lastUnit.to = comma >= 0 ? comma : lastUnit.status.value.to;
      }
      lastUnit = { from: subjectFrom, to: right.to, status: { subjectFrom, subjectTo: sep, value } };
      units.push(lastUnit);
      consumed[k - 1] = 1;
      consumed[k] = 1;
      lastValueSeg = k;
      continue;
    }
    const leading = consumed[k - 1] ? undefined : statusValue(ctx, left, statusTrie, true);
    // "none: the owner already cleared activation" labels a clause with a cue of its own; it is no subject.
    if (leading && nextToken(ctx, sep, right.to) !== -1 && (leading.granted || !holdsCue(ctx, right))) {
      // "APPROVED: production cutover" — the value first, the subject after.
      units.push({ from: left.from, to: right.to, status: { subjectFrom: sep + 1, subjectTo: right.to, value: leading } });
      consumed[k - 1] = 1;
      consumed[k] = 1;
    }
    lastUnit = undefined;
    lastValueSeg = -1;
  }

  const out: Clause[] = [];
  segs.forEach((seg, k) => {
    if (!consumed[k] && seg.to > seg.from) out.push(seg);
  });
  for (const u of units) out.push({ from: u.from, to: u.to, status: u.status });
  return out.sort((x, y) => x.from - y.from);
}

/**
 * The status value opening `seg` (after adverbs such as "now"), or undefined. With `whole`,
 * the value must be all the segment holds.
 */
function statusValue(ctx: Ctx, seg: Segment, trie: Trie, whole: boolean): StatusValue | undefined {
  let i = nextToken(ctx, seg.from - 1, seg.to);
  while (i !== -1 && has(ctx.cover[i], 'adverb') && !isStatusWord(ctx, trie, i, seg.to)) i = nextToken(ctx, i, seg.to);
  if (i === -1) return undefined;
  // "rotation done", "cutover complete": the action named again before its status.
  for (let k = 0; k < 2 && !whole && i !== -1 && has(ctx.cover[i], 'action') && !isStatusWord(ctx, trie, i, seg.to); k++) {
    i = nextToken(ctx, (ctx.cover[i]?.to ?? i + 1) - 1, seg.to);
  }
  if (i === -1) return undefined;
  let from = i;
  let granted: boolean | undefined;
  let to = i;
  const m = ctx.cover[i];
  const t = ctx.tokens[i];
  if (t && (t.norm === 'not' || (m && m.from === i && has(m, 'neg') && !isStatusWord(ctx, trie, i, seg.to)))) {
    // "NOT GRANTED", "not performed", "never approved": a negated value is a withheld one.
    granted = false;
    to = m && m.from === i ? m.to : i + 1;
    const j = nextToken(ctx, to - 1, seg.to);
    const len = j === -1 ? 0 : statusLength(ctx, trie, j, seg.to);
    if (len > 0) to = j + len;
    else if (j !== -1 && ctx.tokens[j]?.kind === 'word') to = j + 1;
  } else {
    const len = statusLength(ctx, trie, i, seg.to);
    if (len === 0) return undefined;
    granted = statusGranted(ctx, trie, i, seg.to);
    from = i;
    to = i + len;
  }
  const after = nextToken(ctx, to - 1, seg.to);
  if (whole && after !== -1) return undefined;
  if (after !== -1) {
    const next = ctx.tokens[after];
    if (next && (has(ctx.cover[after], 'det') || VALUE_PRONOUNS.has(next.norm)) && !next.upper) return undefined;
  }
  return { from, to, granted };
}

function holdsCue(ctx: Ctx, seg: Segment): boolean {
  for (let i = seg.from; i < seg.to; i++) if (has(ctx.cover[i], 'cue')) return true;
  return false;
}

function isStatusWord(ctx: Ctx, trie: Trie, i: number, hi: number): boolean {
  return statusLength(ctx, trie, i, hi) > 0;
}

function statusLength(ctx: Ctx, trie: Trie, i: number, hi: number): number {
  return longestPhrase(trie, ctx.tokens, i, hi)?.length ?? 0;
}

/** Whether the longest status phrase at `i` is a granted one. */
function statusGranted(ctx: Ctx, trie: Trie, i: number, hi: number): boolean {
  return longestPhrase(trie, ctx.tokens, i, hi)?.tags[0]?.kind === 'cue';
}
