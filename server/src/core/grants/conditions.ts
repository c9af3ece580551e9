/**
 * Whether a condition or time word conditions the clause: "if needed" after a comma conditions
 * nothing, "sorry if ..." only its own phrase, "once" after a performed verb counts, "whoever
 * approved" presupposes, and a trailing "once/when/after ..." conditions the cue before it unless
 * its own words are past. The tense sets these read (past, irregular past, present) are here.
 */
import { has, isComma, mentionPhrase, nextToken, prevToken, type Ctx, type Mention } from './mentions';

export const PAST = new Set(['was', 'were', 'had', 'did', 'got']);
// Irregular past forms, so "when we spoke at standup" reads as a past time, not a condition.
const IRREGULAR_PAST = new Set(['spoke', 'met', 'said', 'told', 'saw', 'came', 'went', 'ran', 'took', 'gave', 'made', 'wrote', 'held', 'began', 'left', 'sent', 'found', 'knew', 'heard', 'brought', 'thought', 'stood', 'sat', 'broke', 'caught', 'fell', 'felt', 'kept', 'led', 'lost', 'paid', 'put', 'read', 'rose', 'shut', 'spent', 'struck', 'won', 'woke', 'fell', 'grew', 'drew', 'flew', 'threw', 'became', 'drove', 'sank', 'shrank', 'slid', 'swung', 'hung', 'fought', 'bought', 'sold', 'taught', 'meant', 'built', 'stuck']);
const PRESENT = new Set([
  'is', 'are', 'has', 'have', 'exists', 'exist', 'does', 'do', 'gets', 'becomes', 'will', 'can', 'may', 'shall',
  "'s", 'lands', 'passes', 'completes', 'arrives', 'holds', 'proves', 'returns', 'signs',
  // "a note written after the lock carries a production grant": the present after "after" is a time to come.
  'carries', 'contains', 'records', 'shows', 'lists', 'covers', 'includes', 'grants', 'approves', 'confirms', 'reaches', 'goes',
]);
const NEVER_CONDITIONAL = new Set(['before', 'prior to', 'ahead of', 'until', 'till']);
const FACT_UNLESS_PRESENT = new Set(['after', 'upon']);
const MAX_CONDITION_WORDS = 16;

export const FREE_RELATIVES = new Set(['whoever', 'anyone']);

export function pastVerb(norm: string): boolean {
  return norm.endsWith('ed') || PAST.has(norm) || IRREGULAR_PAST.has(norm);
}

/** A past form inside a clause: an auxiliary, an irregular past, or a word of five letters or more in -ed ("need" is none). */
function pastInClause(w: string): boolean {
  return PAST.has(w) || IRREGULAR_PAST.has(w) || (w.length > 4 && w.endsWith('ed'));
}

// "rollback ready if needed": an "if" with nothing but one of these after it conditions the
// phrase it follows, not the clause ("I already flipped prod to the new reader, rollback ready if needed").
const ELLIPTICAL = new Set(['needed', 'necessary', 'required', 'possible', 'applicable', 'appropriate', 'warranted', 'any', 'so']);

export function ellipticalCondition(ctx: Ctx, m: Mention, b: number): boolean {
  if (m.to !== m.from + 1 || ctx.tokens[m.from]?.norm !== 'if') return false;
  const next = nextToken(ctx, m.from, b);
  if (next === -1 || !ELLIPTICAL.has(ctx.tokens[next]?.norm ?? '')) return false;
  const after = nextToken(ctx, next, b);
  if (after !== -1 && ctx.tokens[after]?.kind !== 'punct') return false;
  // Only after a comma: "approved if needed" still conditions its own verb.
  for (let j = prevToken(ctx, m.from, 0), steps = 0; j !== -1 && steps < 4; j = prevToken(ctx, j, 0), steps++) {
    if (ctx.tokens[j]?.raw === ',' || ctx.tokens[j]?.raw === ';') return true;
    if (has(ctx.cover[j], 'cue')) return false;
  }
  return false;
}

/** "performed once on 11-29", "ran once, at 02:00": a performed verb, "once", then a date, a time or the end of the phrase. */
export function onceAsCount(ctx: Ctx, i: number, a: number, b: number): boolean {
  const p = prevToken(ctx, i, a);
  if (!ctx.cover[p]?.tags.some((t) => t.kind === 'cue' && t.cue === 'perf')) return false;
  const n = nextToken(ctx, i, b);
  const t = ctx.tokens[n];
  if (n === -1 || !t || t.kind === 'punct' || t.kind === 'number') return true;
  return (t.norm === 'on' || t.norm === 'at' || t.norm === 'in') && ctx.tokens[nextToken(ctx, n, b)]?.kind === 'number';
}

// Words after which an "if" still opens a condition on the clause that follows ("and if the proof lands, ...").
const CONDITION_OPENERS = new Set(['that', 'and', 'but', 'so', 'then', 'or', 'even', 'only', 'because', 'since', 'while', 'although', 'though', 'which', 'who', 'now', 'and/or']);

/**
 * "sorry if this is obvious, the owner did approve ...": an "if" after a word that takes it as
 * a complement, closed by a comma, conditions only its own phrase. After a cue it is still the
 * cue's condition ("approved if the checks pass").
 */
export function complementIf(ctx: Ctx, m: Mention, a: number, comma: number): boolean {
  if (m.to !== m.from + 1 || ctx.tokens[m.from]?.norm !== 'if' || !isComma(ctx, comma)) return false;
  const p = prevToken(ctx, m.from, a);
  const pt = ctx.tokens[p];
  if (p === -1 || !pt || pt.kind !== 'word' || CONDITION_OPENERS.has(pt.norm)) return false;
  const pm = ctx.cover[p];
  if (has(pm, 'cue') || has(pm, 'modal') || has(pm, 'trigger') || has(pm, 'action')) return false;
  for (let j = m.to; j < comma; j++) if (has(ctx.cover[j], 'cue') || has(ctx.cover[j], 'action')) return false;
  return true;
}

/**
 * "REAL_RUN approved, go when ready": a condition whose own verb stands between it and the
 * comma after the cue conditions that verb, not the cue ("approved, once the proof lands" does).
 */
export function ownPhraseCondition(ctx: Ctx, m: Mention, a: number): boolean {
  let words = 0;
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 6; j = prevToken(ctx, j, a), steps++) {
    const c = ctx.cover[j];
    if (has(c, 'cue') || has(c, 'action') || has(c, 'trigger')) return false;
    if (isComma(ctx, j)) return words > 0;
    if (ctx.tokens[j]?.kind === 'word' && !has(c, 'adverb')) words++;
  }
  return false;
}

/** After a cue: "once/when X is ..." conditions it, "after the review" reports a fact. */
function modalBefore(ctx: Ctx, a: number, i: number): boolean {
  for (let j = a; j < i; j++) if (has(ctx.cover[j], 'modal')) return true;
  return false;
}

/**
 * "Three weeks after we cut the kiosks over, the queue times dropped", "queue times dropped
 * after we cut over": an "after" clause with no present word, beside a main clause whose verb is
 * past and which holds no modal or trigger, reports a fact; "after we cut over, we will watch"
 * and "after we cut over, proceed" condition.
 */
export function afterPastClause(ctx: Ctx, m: Mention, a: number, comma: number, b: number): boolean {
  if (!FACT_UNLESS_PRESENT.has(mentionPhrase(ctx, m))) return false;
  for (let i = m.to; i < comma; i++) if (PRESENT.has(ctx.tokens[i]?.norm ?? '') || has(ctx.cover[i], 'modal')) return false;
  // The main clause follows the comma ("Two days after we cut over, refunds fell") or precedes "after".
  return comma < b ? pastMainClause(ctx, comma + 1, b) : pastMainClause(ctx, a, m.from);
}

/** A main clause whose verb is past and which holds no modal, trigger or present word. */
function pastMainClause(ctx: Ctx, from: number, to: number): boolean {
  let past = false;
  for (let i = from; i < to; i++) {
    const c = ctx.cover[i];
    const w = ctx.tokens[i]?.norm ?? '';
    if (has(c, 'modal') || has(c, 'trigger') || PRESENT.has(w)) return false;
    // "proceed" is no past.
    if (pastInClause(w) && !w.endsWith('eed')) past = true;
  }
  return past;
}

export function isTrailingCondition(ctx: Ctx, m: Mention, a: number, end: number): boolean {
  const phrase = mentionPhrase(ctx, m);
  if (NEVER_CONDITIONAL.has(phrase)) return false;
  // "may proceed once approved": after a permission, a participle with no subject of its own stays a condition.
  if (has(ctx.cover[m.to], 'cue') && ctx.cover[m.to]?.from === m.to && modalBefore(ctx, a, m.from)) return true;
  let present = false;
  let past = false;
  for (let i = m.to; i < Math.min(end, m.to + MAX_CONDITION_WORDS); i++) {
    const w = ctx.tokens[i]?.norm ?? '';
    if (PRESENT.has(w)) present = true;
    if (pastInClause(w)) past = true;
  }
  return FACT_UNLESS_PRESENT.has(phrase) ? present : present || !past;
}
