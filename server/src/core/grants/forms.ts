/**
 * Sentence-level forms that decide a claim before (or instead of) its clauses: task boxes,
 * table rows, a question answered "yes", a counterfactual, a claim reported and then denied,
 * a negated subject at the head of the sentence, a list under a positive header.
 *
 * Each works on one sentence's tokens with the mentions already matched; each is one pass
 * over the sentence (or the sentence and the one after it), so linear in its length.
 */
import { resolveActions, type ActionRef } from './actions';
import { has, isComma, nextToken, prevToken, startingAt, tagOf, type Ctx, type Mention } from './mentions';
import { clauseScopes, DISPUTING, verballyNegated, type ClauseScopes } from './scopes';
import type { Sentence } from './sentences';

// Kept in step with the prefilter's TICK, which lets every text holding one through.
const TICKED = new Set(['☑', '✅', '✔', '✓', '🗹']);
const UNTICKED = new Set(['☐', '⬜', '❌', '✗', '✘', '🔲']);

/** `- [x]` / `☑` ticked, `- [ ]` / `☐` open, at the head of the sentence's line; the token index of the mark. */
export function taskBox(ctx: Ctx, s: Sentence): { readonly ticked: boolean; readonly at: number; readonly anywhere?: boolean } | undefined {
  // "- repoint ✔ (prod)", "Activation: ✔ cleared": a tick mark in a short line ticks it too.
  const reach = s.to - s.from <= 14 ? s.to : Math.min(s.to, s.from + 6);
  for (let i = s.from; i < reach; i++) if (TICKED.has(ctx.tokens[i]?.raw ?? '')) return { ticked: true, at: i, anywhere: true };
  for (let i = s.from; i < Math.min(s.to, s.from + 4); i++) {
    const t = ctx.tokens[i];
    if (!t) return undefined;
    if (TICKED.has(t.raw)) return { ticked: true, at: i };
    if (UNTICKED.has(t.raw)) return { ticked: false, at: i };
    if (t.raw === '[') {
      const inner = ctx.tokens[i + 1];
      if (inner?.raw === ']') return { ticked: false, at: i };
      if (inner && (inner.norm === 'x' || inner.raw === '✓') && ctx.tokens[i + 2]?.raw === ']') return { ticked: true, at: i };
      return undefined;
    }
    if (!(t.kind === 'punct')) return undefined;
  }
  return undefined;
}

/** "Had the cutover gone ahead, ..." / "Were REAL_RUN granted, ...": an inverted condition. */
export function counterfactual(ctx: Ctx, s: Sentence): boolean {
  const first = nextToken(ctx, s.from - 1, s.to);
  const w = ctx.tokens[first]?.norm;
  if (w !== 'had' && w !== 'were' && w !== 'should') return false;
  const second = nextToken(ctx, first, s.to);
  // "Had to roll back", "Had no grant": not an inversion.
  const n = ctx.tokens[second]?.norm;
  return n !== undefined && n !== 'to' && !has(ctx.cover[second], 'neg') && ctx.tokens[second]?.kind !== 'punct';
}


// Subjects that negate the whole predicate however far away it stands.
const NEGATED_SUBJECTS = new Set(['nobody', 'no one', 'no-one', 'none', 'nothing', 'never', 'neither']);
const NEGATED_OPENERS = [['at', 'no'], ['not', 'once'], ['at', 'no', 'time'], ['not', 'a', 'single'], ['none', 'of'], ['in', 'no']];

/**
 * "Nobody on the thread, including ..., has ever approved the cutover"; "At no point ... was
 * REAL_RUN authorized": the end of the stretch a sentence-initial negated subject covers (the
 * first `;` or contrastive terminator), or -1.
 */
export function negatedHead(ctx: Ctx, s: Sentence): number {
  const start = nextToken(ctx, s.from - 1, s.to);
  if (start === -1) return -1;
  // "Three weeks on, nobody can show ...": a short opening phrase and its comma come first.
  const lead = leadComma(ctx, start, s.to);
  for (const first of lead === -1 ? [start] : [start, nextToken(ctx, lead, s.to)]) {
    if (first === -1) continue;
    const end = negatedStretch(ctx, s, first);
    if (end !== -1) return end;
  }
  return -1;
}

// The most words an opening phrase before a negated subject may hold ("Three weeks on, nobody ...").
const MAX_LEAD_PHRASE_WORDS = 5;

/** The comma ending a short opening phrase that names no action and holds no cue or colon, or -1. */
function leadComma(ctx: Ctx, from: number, hi: number): number {
  for (let i = from, words = 0; i < hi && words <= MAX_LEAD_PHRASE_WORDS; i++) {
    if (isComma(ctx, i)) return i;
    const c = ctx.cover[i];
    if (ctx.tokens[i]?.raw === ':' || c?.tags.some((t) => t.kind === 'action' || t.kind === 'prodWord' || t.kind === 'cue')) return -1;
    if (ctx.tokens[i]?.kind === 'word') words++;
  }
  return -1;
}

const WH = new Set(['who', 'when', 'where', 'why', 'how', 'which']);

function negatedStretch(ctx: Ctx, s: Sentence, first: number): number {
  const m = startingAt(ctx, first);
  const words = ctx.tokens.slice(first, first + 3).map((t) => t.norm);
  const phrase = m ? ctx.tokens.slice(m.from, m.to).map((t) => t.norm).join(' ') : words[0] ?? '';
  const opens = NEGATED_SUBJECTS.has(phrase) || NEGATED_SUBJECTS.has(words[0] ?? '') || NEGATED_OPENERS.some((o) => o.every((w, k) => words[k] === w));
  if (!opens) return -1;
  // "Nobody can tell me who ran the production migration": the question word presupposes the run.
  for (let i = nextToken(ctx, (m?.to ?? first + 1) - 1, s.to), steps = 0; i !== -1 && steps < 4; i = nextToken(ctx, i, s.to), steps++) {
    if (WH.has(ctx.tokens[i]?.norm ?? '')) return -1;
  }
  // "None: the owner already cleared activation": the word labels what follows, it negates nothing.
  if (ctx.tokens[nextToken(ctx, (m?.to ?? first + 1) - 1, s.to)]?.raw === ':') return -1;
  // "Nobody disputes that the repoint was approved": a negated denial affirms.
  if (DISPUTING.has(ctx.tokens[nextToken(ctx, (m?.to ?? first + 1) - 1, s.to)]?.norm ?? '')) return -1;
  for (let i = first; i < s.to; i++) {
    const t = ctx.tokens[i];
    // "Nobody objected, so the owner's go stands", "No one objected, and the registrar then signed": the consequence or a new subject is a clause of its own.
    // "Nothing production was touched tonight, except that the certificates were rotated": the exception is asserted.
    if (t?.raw === ';' || has(startingAt(ctx, i), 'terminator') || (t?.raw === ',' && (ctx.tokens[nextToken(ctx, i, s.to)]?.norm === 'so' || newSubjectAfter(ctx, nextToken(ctx, i, s.to), s.to))) || exceptThat(ctx, i, s.to)) return i;
    // "Nothing blocks the repoint any longer" negates the block, not the action.
    if (tagOf(startingAt(ctx, i), 'cue')?.cue === 'unblock') return -1;
  }
  return s.to;
}

function exceptThat(ctx: Ctx, i: number, hi: number): boolean {
  return ctx.tokens[i]?.norm === 'except' && (ctx.tokens[nextToken(ctx, i, hi)]?.norm === 'that' || ctx.tokens[nextToken(ctx, i, hi)]?.norm === 'for');
}

/** "and the registrar signed": "and", then a determiner or a name, then the subject's own words. */
function newSubjectAfter(ctx: Ctx, i: number, hi: number): boolean {
  if (i === -1 || ctx.tokens[i]?.norm !== 'and') return false;
  const d = nextToken(ctx, i, hi);
  return d !== -1 && (has(ctx.cover[d], 'det') || PERSON.has(ctx.tokens[d]?.norm ?? '')) && !has(ctx.cover[d], 'neg');
}

// "it was not.", "that did not happen": a subject pronoun, a negated auxiliary, and the end of the thought.
const PRONOUN = new Set(['it', 'that', 'this', 'which']);
const AUX = new Set(['was', 'were', 'is', 'did', 'has', 'had']);

// "the registrar says she did not": a person denies doing it.
const PERSON = new Set(['she', 'he', 'they', 'i', 'we']);
const DID = new Set(['did', 'has', 'have', 'had']);

export function ellipticalDenial(ctx: Ctx, i: number, hi: number): number {
  const w = (k: number) => ctx.tokens[k]?.norm ?? '';
  if (PERSON.has(w(i)) && DID.has(w(i + 1)) && (w(i + 2) === 'not' || w(i + 2) === 'never') && (i + 3 >= hi || ctx.tokens[i + 3]?.kind === 'punct')) return i;
  if (!PRONOUN.has(w(i))) return -1;
  // "it never ran", "it was never approved"
  if (w(i + 1) === 'never') return i;
  if (!AUX.has(w(i + 1)) || (w(i + 2) !== 'not' && w(i + 2) !== 'never')) return -1;
  // "it was not.", "It was not approved, and ...", "It was not approved then and is still PENDING": the denial ends within a few words.
  for (let j = i + 3, words = 0; j < hi && words <= 3; j++) {
    const t = ctx.tokens[j];
    if (!t || t.kind === 'punct' || t.norm === 'and' || t.norm === 'but') return i;
    words++;
  }
  return hi - i <= 6 ? i : -1;
}

/** A negation within five words before `i` ("nobody has disputed", "was never denied", "nobody on the team disputes"). */
function negatedBefore(ctx: Ctx, i: number, from: number): boolean {
  for (let j = prevToken(ctx, i, from), steps = 0; j !== -1 && steps < 5; j = prevToken(ctx, j, from), steps++) {
    if (has(ctx.cover[j], 'neg')) return true;
  }
  return false;
}

/** The token where a sentence's report starts ("somebody posted ..."), or -1. */
export function reportStart(ctx: Ctx, s: Sentence): number {
  for (let i = s.from; i < s.to; i++) if (has(startingAt(ctx, i), 'report')) return i;
  return -1;
}

/**
 * "GPT's summary said 'REAL_RUN: GO' — that was wrong": a reporting word, then a denial.
 * The token range of what the denial retracts, or undefined.
 */
export function retracted(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  const doubted = doubtedReport(ctx, s);
  if (doubted) return doubted;
  let report = -1;
  for (let i = s.from; i < s.to; i++) {
    if (report !== -1 && (ellipticalDenial(ctx, i, s.to) !== -1 || redirected(ctx, i, s.to))) return { from: report, to: i };
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (report === -1 && has(m, 'report')) report = m.from;
    // "nobody has disputed the minutes" upholds the report.
    else if (report !== -1 && has(m, 'denial') && !negatedBefore(ctx, m.from, s.from)) return { from: report, to: m.from };
    i = m.to - 1;
  }
  return undefined;
}

// "That referred to the sandbox kiosk, not production": what the report was about, placed elsewhere.
const REFERRING = new Set(['referred', 'refers', 'meant', 'means', 'concerned', 'concerns']);

/** A pronoun opening `i`, a verb of referring, and a place outside production before `hi`. */
export function redirected(ctx: Ctx, i: number, hi: number): boolean {
  if (!PRONOUN.has(ctx.tokens[i]?.norm ?? '')) return false;
  const verb = nextToken(ctx, i, hi);
  if (verb === -1 || !REFERRING.has(ctx.tokens[verb]?.norm ?? '')) return false;
  for (let j = verb + 1; j < hi; j++) {
    const t = ctx.tokens[j];
    if (t?.raw === ';' || t?.raw === '.') return false;
    if (has(startingAt(ctx, j), 'nonprod')) return true;
  }
  return false;
}

// Of the denials, those that can only say a statement is untrue; "no such delegation" denies the right, not the report.
const UNTRUE = new Set(['wrong', 'incorrect', 'untrue', 'mistaken', 'inaccurate', 'erroneous', 'false', 'not correct', 'not accurate', 'retracted', 'nothing of the kind', 'nothing of the sort', 'no such thing']);

/** A sentence that calls something untrue, not itself negated ("you confirmed you had approved nothing of the kind"). */
export function deniedIn(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    const phrase = ctx.tokens.slice(m.from, m.to).map((t) => t.norm).join(' ');
    if (has(m, 'denial') && UNTRUE.has(phrase) && !negatedBefore(ctx, m.from, s.from)) return true;
    i = m.to - 1;
  }
  return false;
}

/**
 * "The cutover was approved — or so the draft said before legal struck the line; the owner
 * never signed": "or so" turns what precedes into a report, and a denial or negation after the
 * report retracts it. Without one the report stands (a relayed claim is a claim).
 */
function doubtedReport(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  for (let i = s.from; i + 1 < s.to; i++) {
    if (ctx.tokens[i]?.norm !== 'or' || ctx.tokens[i + 1]?.norm !== 'so') continue;
    let report = -1;
    for (let j = i + 2; j < s.to && j < i + 8 && report === -1; j++) if (has(startingAt(ctx, j), 'report')) report = j;
    if (report === -1) return undefined;
    for (let j = report + 1; j < s.to; j++) {
      const m = startingAt(ctx, j);
      if (has(m, 'denial') || has(m, 'neg')) return { from: s.from, to: i };
    }
    return undefined;
  }
  return undefined;
}

const QA_LABELS = new Set(['q', 'question', 'a', 'answer']);

/** The first token of `s` past a "Q:", "A:" or "Answer —" label, or -1. */
export function pastLabel(ctx: Ctx, s: Sentence): number {
  const i = nextToken(ctx, s.from - 1, s.to);
  const sep = i === -1 ? -1 : nextToken(ctx, i, s.to);
  if (!QA_LABELS.has(ctx.tokens[i]?.norm ?? '') || !/^[:—–-]$/.test(ctx.tokens[sep]?.raw ?? '')) return i;
  return nextToken(ctx, sep, s.to);
}

/** "Was the cutover performed? Yes, at 01:40.": the answer sentence opens with an affirmative and hedges nothing. */
export function answeredYes(ctx: Ctx, answer: Sentence | undefined): number {
  if (!answer) return -1;
  const i = pastLabel(ctx, answer);
  const m = i === -1 ? undefined : startingAt(ctx, i);
  if (!has(m, 'affirm')) return -1;
  for (let j = i; j < answer.to; j++) {
    const c = startingAt(ctx, j);
    if (c && (has(c, 'neg') || c.tags.some((tag) => tag.kind === 'trigger' && tag.trigger !== 'request'))) return -1;
  }
  return i;
}

/** The positive header of "Approved actions: REAL_RUN, QT001/apply" (cue token range), or undefined. */
export function positiveHeader(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number; readonly colon: number } | undefined {
  let colon = -1;
  let words = 0;
  for (let i = s.from; i < s.to && words <= 6; i++) {
    const t = ctx.tokens[i];
    if (!t) break;
    if (t.raw === ':' && !ctx.noise[i]) {
      colon = i;
      break;
    }
    if (t.kind !== 'punct') words++;
  }
  if (colon === -1 || words === 0 || words > 6) return undefined;
  let cue: { from: number; to: number } | undefined;
  for (let i = s.from; i < colon; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (has(m, 'neg') || has(m, 'trigger') || has(m, 'nonprod') || has(m, 'option') || (has(m, 'action') && !has(m, 'prodWord'))) return undefined;
    const c = tagOf(m, 'cue');
    if (c && c.cue !== 'lift' && c.cue !== 'event') cue ??= { from: m.from, to: m.to };
    i = m.to - 1;
  }
  return cue ? { ...cue, colon } : undefined;
}

/**
 * The actions in [a, b) that stand: not negated, excluded, hedged or outside production.
 * `scopes`: the range's scopes when the caller has them already.
 */
export function standingActions(ctx: Ctx, a: number, b: number, scopes?: ClauseScopes): ActionRef[] {
  const { refs, hasProduction, placesInProduction } = resolveActions(ctx, a, b);
  if (refs.length === 0) return [];
  const sc = scopes ?? clauseScopes(ctx, a, b, []);
  if (sc.cancelled || (sc.nonProductionPlace && !placesInProduction)) return [];
  return refs.filter((r) => {
    const at = r.core.from - a;
    return !sc.negated[at] && !sc.excluded[at] && !sc.hedged[at] && !(sc.nonProduction && !hasProduction && !r.explicitProd) && r.core.from < sc.predicateNegation;
  });
}

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

/** `"production_work_performed": true` quoted in prose: the flag's token and its value's, or undefined. */
export function flagSetTrue(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  for (let i = s.from; i < s.to; i++) {
    if (!has(startingAt(ctx, i), 'flag')) continue;
    let j = i + 1;
    while (j < s.to && ctx.tokens[j]?.kind === 'punct' && /^["'“”:=]$/.test(ctx.tokens[j]?.raw ?? '')) j++;
    if (j > i + 1 && ctx.tokens[j]?.norm === 'true') return { from: i, to: j + 1 };
  }
  return undefined;
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


/**
 * A production action as the subject of a past effect ("The QT001 apply to prod left 3 rows
 * needing cleanup"): the sentence presupposes it happened. The action and the verb's token.
 */
export function eventSubject(ctx: Ctx, s: Sentence): { readonly ref: ActionRef; readonly verb: number } | undefined {
  const first = nextToken(ctx, s.from - 1, s.to);
  const refs = standingActions(ctx, s.from, s.to);
  const ref = refs[0];
  if (!ref || ref.action === 'production') return undefined;
  // The subject opens the sentence: at most a determiner before it.
  for (let i = first; i !== -1 && i < ref.from; i = nextToken(ctx, i, s.to)) if (!has(ctx.cover[i], 'det')) return undefined;
  let j = nextToken(ctx, ref.to - 1, s.to);
  let production = ref.explicitProd;
  // "in prod", "to production": where it happened.
  for (let steps = 0; j !== -1 && steps < 3 && (has(ctx.cover[j], 'prep') || has(ctx.cover[j], 'det') || has(ctx.cover[j], 'prodWord')); steps++) {
    if (has(ctx.cover[j], 'prodWord')) production = true;
    j = nextToken(ctx, (ctx.cover[j]?.to ?? j + 1) - 1, s.to);
  }
  if (!production || j === -1 || !has(startingAt(ctx, j), 'effect')) return undefined;
  return { ref, verb: j };
}

/**
 * A production action as the agent of a past participle ("surfaces touched by the production
 * cutover on 11-30", "rows left behind by the prod REAL_RUN"): what it did presupposes that it
 * happened. Production must be named with the action. The action and the participle's token.
 */
export function agentEvent(ctx: Ctx, s: Sentence): { readonly ref: ActionRef; readonly verb: number } | undefined {
  // Tried on every sentence no clause claims: the scopes only where a "by" can introduce the agent.
  let by = false;
  for (let i = s.from; i < s.to && !by; i++) by = ctx.tokens[i]?.norm === 'by';
  if (!by) return undefined;
  const sc = clauseScopes(ctx, s.from, s.to, []);
  for (const ref of standingActions(ctx, s.from, s.to, sc)) {
    if (!ref.explicitProd || ref.action === 'production') continue;
    let by = prevToken(ctx, ref.from, s.from);
    while (by !== -1 && has(ctx.cover[by], 'det')) by = prevToken(ctx, by, s.from);
    if (by === -1 || ctx.tokens[by]?.norm !== 'by') continue;
    const verb = prevToken(ctx, by, s.from);
    const v = ctx.tokens[verb];
    if (!v || v.kind !== 'word' || !(/^[a-z]{3,}ed$/.test(v.norm) || IRREGULAR_PARTICIPLES.has(v.norm) || has(ctx.cover[verb], 'effect'))) continue;
    // "approved by the production cutover board" names a body, not the event.
    if (has(ctx.cover[verb], 'cue') && tagOf(ctx.cover[verb], 'cue')?.cue !== 'perf') continue;
    // "No surface was touched by the production cutover", "to be touched by": the participle itself is denied or planned.
    if (sc.negated[verb - s.from] || sc.hedged[verb - s.from] || verb > sc.predicateNegation || verballyNegated(ctx, verb, s.from)) continue;
    return { ref, verb };
  }
  return undefined;
}

const IRREGULAR_PARTICIPLES = new Set(['left', 'made', 'written', 'broken', 'hit', 'caught', 'brought', 'run', 'done', 'taken', 'shown', 'seen']);

const QUOTED = /(^|[\s(:[—–-])(["“'‘])([^"“”'‘’\n]{1,160}?)(["”'’])(?=[\s.,;:)!?\]—–-]|$)/g;
const CODE_SPAN = /`[^`\n]*`/g;
const LAST_WORD = /([\p{L}.]+)[\s:]*$/u;
const FIRST_WORD = /^\s*([\p{L}]+)/u;
const LOCAL_ID = /^[A-Z]{1,6}-\d{1,4}:?$/;

/**
 * Text that is mentioned, not asserted, blanked with spaces of the same length: code spans
 * (a JSON string or a single sentence keeps its backticks), and a quoted span right after a
 * word like "phrase" or "template", or right before one like "line" ("the note's
 * 'production: authorized' line"). One pass of each expression, linear in the text.
 */
export function maskMentioned(text: string, metaNouns: ReadonlySet<string>): string {
  let out = text;
  if (out.includes('`')) out = out.replace(CODE_SPAN, (m) => ' '.repeat(m.length));
  if (!/["“'‘]/.test(out)) return out;
  return out.replace(QUOTED, (whole: string, lead: string, open: string, inner: string, close: string, at: number) => {
    const word = LAST_WORD.exec(out.slice(Math.max(0, at - 40), at + lead.length))?.[1];
    // 'PC-4 "cutover separately authorized" is FAIL': the quoted wording of an entry.
    if (LOCAL_ID.test(out.slice(Math.max(0, at - 12), at + lead.length).trimEnd().split(/\s/).pop() ?? '')) return lead + ' '.repeat(open.length + inner.length + close.length);
    const before = word?.toLowerCase();
    const after = FIRST_WORD.exec(out.slice(at + whole.length, at + whole.length + 40))?.[1]?.toLowerCase();
    if (!(before && metaNouns.has(before)) && !(after && metaNouns.has(after))) return whole;
    return lead + ' '.repeat(open.length + inner.length + close.length);
  });
}

const CONSEQUENCE = new Set(['so', 'but', 'yet', 'whereas']);

/**
 * "Enrolment rows migrated to prod: 0 / 48,212": a progress count of zero as the value says
 * nothing was done. A colon, then 0 of a total (or 0%).
 */
export function zeroProgress(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i + 2 < s.to; i++) {
    if (ctx.tokens[i]?.raw !== ':') continue;
    const zero = ctx.tokens[i + 1];
    const next = ctx.tokens[i + 2];
    if (zero?.kind === 'number' && /^0(?:\/\d[\d,]*)?$/.test(zero.raw) && (zero.raw !== '0' || next?.raw === '/' || next?.raw === '%' || next?.norm === 'of')) return true;
  }
  return false;
}

/**
 * "REAL_RUN approved — staging environment only", "but only against the staging Directus":
 * a non-production marker beside "only" scopes the whole sentence away from production.
 */
export function onlyOutsideProduction(ctx: Ctx, s: Sentence): boolean {
  // "the drill ran only on the prod clone; the owner approved the repoint regardless", "rehearsed on
  // the staging zone only, so the repoint Owen approved today ...": one clause's place, not the sentence's.
  for (let i = s.from; i < s.to; i++) if (ctx.tokens[i]?.raw === ';') return false;
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m || !has(m, 'nonprod')) continue;
    if (onlyBeside(ctx, m, s)) return !consequenceAfter(ctx, m.to, s.to);
    i = m.to - 1;
  }
  return false;
}

/** "sim only", "staging only", "staging environment only", "only against the staging Directus". */
function onlyBeside(ctx: Ctx, m: Mention, s: Sentence): boolean {
  if (ctx.tokens[m.to - 1]?.norm === 'only') return true;
  for (let n = nextToken(ctx, m.to - 1, s.to), k = 0; n !== -1 && k < 2; n = nextToken(ctx, n, s.to), k++) {
    if (ctx.tokens[n]?.norm === 'only') return true;
    if (ctx.tokens[n]?.kind === 'punct') break;
  }
  for (let p = prevToken(ctx, m.from, s.from), k = 0; p !== -1 && k < 4; p = prevToken(ctx, p, s.from), k++) {
    if (ctx.tokens[p]?.norm === 'only') return true;
  }
  return false;
}

/** ", so ...", ", but ..." after the place: the next clause is not placed by it. */
function consequenceAfter(ctx: Ctx, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isComma(ctx, i) && CONSEQUENCE.has(ctx.tokens[nextToken(ctx, i, to)]?.norm ?? '')) return true;
  return false;
}

// Log output: a success word, and nothing that says the step failed or only rehearsed.
const LOG_SUCCESS = new Set(['ok', 'success', 'succeeded', 'committed', 'done', 'complete', 'completed', 'applied', 'finished', 'rotated', 'deployed', 'live']);
const LOG_FAILURE = new Set(['fail', 'failed', 'failure', 'error', 'errors', 'skipped', 'skip', 'aborted', 'abort', 'denied', 'blocked', 'rejected', 'refused', 'noop', 'no-op', 'dry-run', 'dryrun', 'cancelled', 'canceled', 'timeout', 'halted', 'paused', 'pending', 'queued', 'scheduled', 'rolled', 'reverted', 'warn', 'simulated']);

/**
 * A log line ("deploy: prod 2026-07-22 SUCCESS v1.9.0", "REAL_RUN env=prod ... OK"): it has
 * the shape of tool output (a `key=value`, an ellipsis, an arrow, a bracketed time stamp, or
 * an upper-case result word), names a gated action and production, and reports success. The
 * token of the success word, or -1.
 */
export function logSuccess(ctx: Ctx, s: Sentence): number {
  let shaped = false;
  let success = -1;
  let production = false;
  let action = false;
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (!t) continue;
    if (LOG_FAILURE.has(t.norm) || has(ctx.cover[i], 'nonprod') || has(ctx.cover[i], 'neg')) return -1;
    if (t.raw === '=' || t.raw === '>' || (t.raw === '.' && ctx.tokens[i + 1]?.raw === '.' && ctx.tokens[i + 2]?.raw === '.') || t.raw === '→') shaped = true;
    if (t.raw === '[' && ctx.tokens[i + 1]?.kind === 'number') shaped = true;
    // "step 7/7 complete", "traffic 100%": progress counters are tool output too.
    if (t.raw === '%' || (t.kind === 'number' && /^\d+\/\d+$/.test(t.raw))) shaped = true;
    if (LOG_SUCCESS.has(t.norm) && (t.upper || shaped || success === -1)) {
      if (t.upper && t.raw.length > 1) shaped = true;
      if (success === -1 || t.upper) success = i;
    }
    const c = ctx.cover[i];
    if (has(c, 'prodWord') || /(?:^|[-/.=])(?:prod|production)(?:$|[-/.])/.test(t.norm)) production = true;
    if (c && c.tags.some((tag) => tag.kind === 'action' && tag.action !== 'production')) action = true;
  }
  return shaped && production && action ? success : -1;
}

// Words that pick an option: "the owner picked option B", "Option 2 — SELECTED", "went with #2".
// The vocabulary's choice markers decide, except these: "per option 2" cites, "will choose" has not yet, "accepted the risk" is no pick.
const NOT_A_DECISION = new Set(['per', 'choose', 'accepted']);
// "took" and "taken" pick an option only where one is named ("option 2 (authorize production) — taken").
const NEEDS_OPTION = new Set(['taken', 'took']);

function hasOption(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i < s.to; i++) if (has(ctx.cover[i], 'option')) return true;
  return false;
}

/**
 * "The owner picked option B: proceed with REAL_RUN", "Option 2 (deploy to prod) — SELECTED
 * by owner": a choice made, not negated or hedged. The choice's token range, or undefined.
 */
export function choiceMade(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    const phrase = ctx.tokens.slice(m.from, m.to).map((t) => t.norm).join(' ');
    if (has(m, 'choice') && !NOT_A_DECISION.has(phrase) && (!NEEDS_OPTION.has(phrase) || hasOption(ctx, s))) {
      const p = prevToken(ctx, m.from, s.from);
      const pm = p === -1 ? undefined : ctx.cover[p];
      if (has(pm, 'neg') || has(pm, 'trigger') || has(pm, 'modal')) return undefined;
      // The choice's own part of the sentence: "(c) hold; the owner chose (a)" holds a HOLD that was not chosen.
      let a = m.from;
      while (a > s.from && ctx.tokens[a - 1]?.raw !== ';') a--;
      let b = m.to;
      while (b < s.to && ctx.tokens[b]?.raw !== ';') b++;
      const sc = clauseScopes(ctx, a, b, []);
      if (sc.cancelled || sc.hedged[m.from - a] || sc.negated[m.from - a] || m.from > sc.predicateNegation) return undefined;
      return { from: m.from, to: m.to };
    }
    i = m.to - 1;
  }
  return undefined;
}

// A production state only an action explains (spec §5: doing it implies it was allowed):
// "the objects alias now points at objects_v3 in production", "Production is serving v1.9.0".
const NOVELTY = /^(?:now|new|newly|since|fully|100%|active|activated|enabled|v\d[\w.]*|\d+\.\d+(?:\.\d+)?)$/;
const UNCHANGED = new Set(['still', 'unchanged', 'untouched', 'remains', 'remain', 'remained', 'stays', 'stayed', 'yet', 'inactive', 'disabled', 'unmodified', 'original', 'previous', 'prior', 'rollback', 'reverted', 'back']);
const STATE_ACTIONS: readonly [string, RegExp][] = [
  ['secrets-change', /^(?:credentials?|secrets?|passwords?|keys?|vault|certificates?|tokens?)$/],
  ['repoint', /^(?:alias|aliases|idx[\w-]*|index|indices)$/],
  ['activation', /^(?:active|activated|enabled|flag|blueprint)$/],
  ['production-mutation', /^(?:rows?|objects?|born|records?|schema|tables?|collections?|directus|pg|postgres|registry|birth_registry|migrated|migrations?)$/],
  ['cutover', /^(?:dns|traffic|cluster|balancer|requests|resolves|handled|primary)$/],
  ['go-live', /^(?:release|releases|users|tenants|version|build|live|v\d[\w.]*|\d+\.\d+(?:\.\d+)?)$/],
];

const FULL_SHARE = new Set(['at', 'to', '→', '->', '=']);

/** The state verb's token range and the action its state implies, or undefined. */
export function productionState(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number; readonly action: string } | undefined {
  // "Traffic to the legacy pusher is zero; all notifications now go through v3 in production": each part is a state of its own.
  let from = s.from;
  for (let i = s.from; i <= s.to; i++) {
    if (i < s.to && ctx.tokens[i]?.raw !== ';') continue;
    const state = statePart(ctx, from, i);
    if (state) return { ...state, action: state.action === 'production' ? stateAction(ctx, s.from, s.to) : state.action };
    from = i + 1;
  }
  return undefined;
}

function statePart(ctx: Ctx, a: number, b: number): { readonly from: number; readonly to: number; readonly action: string } | undefined {
  const s = { from: a, to: b };
  let verb: { from: number; to: number } | undefined;
  let production = false;
  let role = false;
  let novelty = false;
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (!t) continue;
    const c = ctx.cover[i];
    if (UNCHANGED.has(t.norm) || has(c, 'neg') || has(c, 'nonprod') || t.raw === '?') return undefined;
    if (t.norm === '0%' || (t.norm === '0' && ctx.tokens[i + 1]?.raw === '%')) return undefined;
    // Production named, or a production store written to ("birth rows", "Directus").
    if (has(c, 'prodWord') || has(c, 'prodModifier') || c?.tags.some((tag) => tag.kind === 'action' && tag.action === 'production-mutation')) production = true;
    if (NOVELTY.test(t.norm) || (t.norm === '100' && ctx.tokens[i + 1]?.raw === '%')) novelty = true;
    // "card_controls_v2 is at 100% in prod", "flag → 100% (all users, prod)": a rollout's full share is its state.
    if (!verb && t.norm === '100' && ctx.tokens[i + 1]?.raw === '%' && FULL_SHARE.has(ctx.tokens[prevToken(ctx, i, s.from)]?.norm ?? '')) verb = { from: prevToken(ctx, i, s.from), to: i + 2 };
    if (!verb && c && c.from === i && has(c, 'state')) {
      verb = { from: c.from, to: c.to };
      // "the cloud SIS is now the system of record": the role named is production's own.
      if (ctx.tokens[c.to - 1]?.norm === 'record' || ctx.tokens[c.to - 1]?.norm === 'primary') production = role = true;
      // "on for everyone": the state says it is new to all.
      if (ctx.tokens[c.to - 1]?.norm === 'everyone' || ctx.tokens[c.to]?.norm === 'everyone') novelty = true;
    }
  }
  if (!verb || !production || !novelty) return undefined;
  const sc = clauseScopes(ctx, s.from, s.to, []);
  if (sc.cancelled || sc.hedged[verb.from - s.from] || verb.from > sc.predicateNegation) return undefined;
  // Taking over production's role is the cutover.
  return { ...verb, action: role ? 'cutover' : 'production' };
}

/** The action a production state implies, from the words of the whole sentence ("Old signing key retired; every prod pod now reads ..."). */
function stateAction(ctx: Ctx, a: number, b: number): string {
  for (const [action, words] of STATE_ACTIONS) {
    for (let i = a; i < b; i++) if (words.test(ctx.tokens[i]?.norm ?? '')) return action;
  }
  return 'production';
}
