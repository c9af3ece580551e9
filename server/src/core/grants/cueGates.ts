/**
 * The gates a cue word passes before it counts, applied by the rules (`cues.ts`) and, through
 * `passesCueGates`, by the learned reading (`readingInput.ts`), so every rule veto holds for
 * both: a present participle only after a record noun, "covers"/"recorded" only after a grant
 * noun that heads its phrase, "pushed" not to a later time, "is open" only of a gate or lane.
 */
import { has, nextToken, prevToken, startingAt, tagOf, type Ctx, type Mention } from './mentions';

/**
 * The gates a cue word passes in the rules before it counts, for the learned reading to apply
 * the same ones: a present participle only after a record noun ("the e-mail approving it"),
 * "covers"/"recorded" only after a grant noun, "pushed" not to a later time, "is open" only of
 * a gate or lane.
 */
export function passesCueGates(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const tag = tagOf(m, 'cue');
  if (!tag) return true;
  if (tag.cue === 'present' && ctx.tokens[m.from]?.norm.endsWith('ing') && !participleOfRecord(ctx, m, a)) return false;
  if (tag.cue === 'extension' && firstHeadingGrantNoun(ctx, a, b) > m.from) return false;
  if (tag.cue === 'perf' && postponed(ctx, m, b)) return false;
  return !(ctx.tokens[m.to - 1]?.norm === 'open' && !gateBefore(ctx, a, m.from));
}

// "The gate for the repoint is open": a gate or lane that is open lets the action through; a ticket or PR that is open does not.
const GATES = new Set(['gate', 'gates', 'lane', 'lanes']);

export function gateBefore(ctx: Ctx, a: number, i: number): boolean {
  for (let j = a; j < i; j++) if (GATES.has(ctx.tokens[j]?.norm ?? '')) return true;
  return false;
}

// "the cutover had been pushed to the following weekend": pushed to a time, not to production.
const POSTPONING = new Set(['pushed', 'bumped']);
const LATER = new Set([
  'weekend', 'week', 'month', 'tomorrow', 'later', 'following', 'next', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'q1', 'q2', 'q3', 'q4',
]);

export function postponed(ctx: Ctx, m: Mention, b: number): boolean {
  if (!POSTPONING.has(ctx.tokens[m.from]?.norm ?? '') || m.to !== m.from + 1) return false;
  const n = nextToken(ctx, m.from, b);
  const after = ctx.tokens[n]?.norm;
  if (after === 'back' || after === 'out') return true;
  if (after !== 'to') return false;
  for (let j = nextToken(ctx, n, b), k = 0; j !== -1 && k < 3; j = nextToken(ctx, j, b), k++) {
    const t = ctx.tokens[j];
    if (!t) break;
    if (LATER.has(t.norm) || (t.kind === 'number' && /^\d{1,2}-\d{1,2}$/.test(t.raw))) return true;
    if (!has(ctx.cover[j], 'det')) break;
  }
  return false;
}

/**
 * The first grant noun in `from`..`to` that heads its phrase, or Infinity: "the approval
 * workflow ... documented" is about the workflow, "the owner grant for X, recorded" about the grant.
 */
export function firstHeadingGrantNoun(ctx: Ctx, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    i = m.to - 1;
    if (!has(m, 'grantNoun')) continue;
    const n = m.to < to ? ctx.tokens[m.to] : undefined;
    const nc = ctx.cover[m.to];
    if (!(n && n.kind === 'word' && !n.upper && (!nc || has(nc, 'head')))) return m.from;
  }
  return Infinity;
}

// Records that carry a decision: "owner e-mail 11-28 granting the permit" says the e-mail granted it.
const RECORDS = new Set(['mail', 'email', 'e-mail', 'message', 'letter', 'memo', 'minute', 'minutes', 'decision', 'resolution', 'record', 'signature', 'reply', 'comment', 'entry', 'order', 'directive', 'instruction', 'statement', 'notice', 'ruling', 'vote', 'note']);

/** A present participle after a record noun, past its date or reference ("owner e-mail 11-28 granting"). */
export function participleOfRecord(ctx: Ctx, m: Mention, a: number): boolean {
  if (!ctx.tokens[m.from]?.norm.endsWith('ing')) return false;
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 7; j = prevToken(ctx, j, a), steps++) {
    const t = ctx.tokens[j];
    if (!t) return false;
    if (t.kind === 'word' && RECORDS.has(t.norm)) return true;
    if (t.kind === 'word' && !t.upper) return false;
  }
  return false;
}
