/**
 * Later contradictions: after a contrast ("but", "however"), the same action named again under a
 * negation, or a denied "it" ("she never cleared it", "treat it as not approved"), takes back a
 * claim that ends before the contrast.
 */
import { has, isComma, nextToken, prevToken, tagOf, type Ctx } from './mentions';
import { FORWARD } from './scopes';
import type { Sentence } from './sentences';

export const CONTRASTING = new Set(['but', 'however', 'yet', 'while', 'whereas']);
const DASHES = new Set(['—', '–']);
const NOTHING = new Set(['nothing', 'none']);

/**
 * "The digest lists go-live as DONE, but ... the go-live has not occurred": after a contrast,
 * the same action named again under a negation takes back a claim that ends before the
 * contrast. For each action, the offset of the last contrast so followed; one pass.
 */
export function laterContradictions(ctx: Ctx, s: Sentence): Map<string, number> {
  const out = new Map<string, number>();
  let contrast = -1;
  const pending = new Set<string>();
  // Every action named before the latest contrast: a denial of "it" after the contrast takes them all back.
  const before = new Set<string>();
  const since = new Set<string>();
  // ", and she has not given it": a coordinate clause denying "it" takes back what came before, as a contrast does.
  let coordinate = -1;
  const beforeCoordinate = new Set<string>();
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (!t) continue;
    if (t.norm === 'and' && isComma(ctx, prevToken(ctx, i, s.from))) {
      coordinate = t.start;
      for (const a of since) beforeCoordinate.add(a);
      for (const a of before) beforeCoordinate.add(a);
    }
    if (coordinate !== -1 && beforeCoordinate.size > 0 && deniedPronoun(ctx, i, s)) for (const action of beforeCoordinate) out.set(action, Math.max(out.get(action) ?? -1, coordinate));
    // "...; the owner later showed no REAL_RUN had started": a later part of the sentence may take it back too.
    if (CONTRASTING.has(t.norm) || t.raw === ';') {
      contrast = t.start;
      pending.clear();
      for (const a of since) before.add(a);
      since.clear();
      // "09:12 secrets rotation in prod vault started; 09:14 aborted on HSM error": the next entry of the timeline stops it.
      if (t.raw === ';' && abortedNext(ctx, i + 1, s.to)) for (const action of before) out.set(action, contrast);
      continue;
    }
    // "That the live setpoint push is cleared: it is not": an elliptical denial after a colon or a contrast takes back all before it.
    const p = prevToken(ctx, i, s.from);
    if (p !== -1 && (ctx.tokens[p]?.raw === ':' || ctx.tokens[p]?.raw === ';' || DASHES.has(ctx.tokens[p]?.raw ?? '') || CONTRASTING.has(ctx.tokens[p]?.norm ?? '')) && bareDenial(ctx, i, s.to)) {
      for (const action of [...before, ...since]) out.set(action, ctx.tokens[p]?.start ?? t.start);
    }
    const m = ctx.cover[i];
    if (m && m.from === i) for (const tag of m.tags) if (tag.kind === 'action') since.add(tag.action);
    // "the keys were rotated in prod, but treat it as not done": a production word's claim is production's.
    if (m && m.from === i && has(m, 'prodWord')) since.add('production');
    if (contrast === -1) continue;
    if (before.size > 0 && (deniedPronoun(ctx, i, s) || (t.norm === 'it' && stillBlocked(ctx, nextToken(ctx, i, s.to))))) for (const action of before) out.set(action, contrast);
    // "..., but we have no log or row count to confirm it": nothing to show it happened takes back what was said before.
    if (before.size > 0 && t.norm === 'no' && nothingToConfirm(ctx, i, s.to)) for (const action of before) out.set(action, contrast);
    // "..., but the CMIO says she has approved nothing": the cue's object denied takes back all before the contrast.
    if (before.size > 0 && m && m.from === i && has(m, 'cue') && NOTHING.has(ctx.tokens[nextToken(ctx, m.to - 1, s.to)]?.norm ?? '')) for (const action of before) out.set(action, contrast);
    // "...; the owner later showed no REAL_RUN had started": the action named again under "no".
    // Not "no production grant": that speaks of the grant.
    const after = ctx.cover[nextToken(ctx, (m?.to ?? i + 1) - 1, s.to)];
    if (m && m.from === i && has(m, 'action') && !has(after, 'head') && !has(after, 'grantNoun') && ctx.cover[prevToken(ctx, i, s.from)]?.tags.some((tag) => tag.kind === 'neg' && tag.neg === 'determiner')) {
      for (const tag of m.tags) if (tag.kind === 'action') out.set(tag.action, contrast);
      continue;
    }
    // "the cutover report is not filed" speaks of the report.
    if (m && m.from === i && has(m, 'action') && !has(ctx.cover[nextToken(ctx, m.to - 1, s.to)], 'head')) {
      for (const tag of m.tags) if (tag.kind === 'action') pending.add(tag.action);
    } else if (pending.size > 0 && (m?.tags.some((tag) => tag.kind === 'neg' && tag.neg === 'verbal') || stillBlocked(ctx, i))) {
      for (const action of pending) out.set(action, contrast);
      pending.clear();
    }
  }
  return out;
}

/**
 * "she never cleared it", "treat it as not approved": `it` at `i`, after a negated cue or
 * before "as" and a refusal, denies what the sentence named before it.
 */
function deniedPronoun(ctx: Ctx, i: number, s: Sentence): boolean {
  if (ctx.tokens[i]?.norm !== 'it') return false;
  // "the CTO has corrected it to HOLD": the record set back to a block.
  const setter = prevToken(ctx, i, s.from);
  const to = nextToken(ctx, i, s.to);
  if (SETTING.has(ctx.tokens[setter]?.norm ?? '') && ctx.tokens[to]?.norm === 'to' && ctx.cover[nextToken(ctx, to, s.to)]?.tags.some((t) => t.kind === 'trigger' && t.trigger === 'blocking')) return true;
  const cue = prevToken(ctx, i, s.from);
  const neg = cue === -1 ? -1 : prevToken(ctx, ctx.cover[cue]?.from ?? cue, s.from);
  if (neg !== -1 && has(ctx.cover[cue], 'cue') && ctx.cover[neg]?.tags.some((t) => t.kind === 'neg' && t.neg === 'verbal')) return true;
  const as = nextToken(ctx, i, s.to);
  if (as === -1 || ctx.tokens[as]?.norm !== 'as') return false;
  const refusal = ctx.cover[nextToken(ctx, as, s.to)];
  return refusal?.tags.some((t) => (t.kind === 'trigger' && t.trigger === 'blocking') || (t.kind === 'neg' && t.neg === 'verbal')) ?? false;
}

const SETTING = new Set(['corrected', 'changed', 'reverted', 'reset', 'set', 'returned', 'downgraded']);

// "but it is still blocked by ...", "but the go-live remains gated": a block that still holds.
const STILL_VERBS = new Set(['is', 'are', 'remains', 'remain', 'stays', 'stay']);
// "blocked by", "gated on" open a condition too; after "still" they say the block holds.
const BLOCKED = new Set(['blocked', 'gated']);

/** Whether `i` opens "is still blocked", "remains blocked", "still blocked": a blocking word the adverb or verb says still holds. */
function stillBlocked(ctx: Ctx, i: number): boolean {
  let j = i;
  let held = false;
  for (let steps = 0; steps < 3 && j >= 0 && j < ctx.tokens.length; steps++, j++) {
    const norm = ctx.tokens[j]?.norm ?? '';
    if (norm === 'still' || STILL_VERBS.has(norm)) {
      held ||= norm !== 'is' && norm !== 'are';
      continue;
    }
    const block = ctx.cover[j]?.tags.some((t) => t.kind === 'trigger' && (t.trigger === 'blocking' || (t.trigger === 'both' && BLOCKED.has(norm)))) ?? false;
    return held && block;
  }
  return false;
}

const CONFIRMING = new Set(['confirm', 'verify', 'support', 'prove', 'show']);
const MAX_CONFIRM_GAP = 6;

/** "no log or row count to confirm it": "no", a few words, then "to confirm" (or verify, prove, show). */
function nothingToConfirm(ctx: Ctx, i: number, to: number): boolean {
  for (let j = nextToken(ctx, i, to), steps = 0; j !== -1 && steps < MAX_CONFIRM_GAP; j = nextToken(ctx, j, to), steps++) {
    if (ctx.tokens[j]?.kind === 'punct') return false;
    if (ctx.tokens[j]?.norm === 'to' && CONFIRMING.has(ctx.tokens[nextToken(ctx, j, to)]?.norm ?? '')) return true;
  }
  return false;
}

const NONE_GIVEN = new Set(['nothing', 'none', 'no']);
// Words between "no" and the grant word ("nothing production-gated was approved", "no approval was given").
const MAX_NONE_GAP = 4;

/**
 * "...; nothing production-gated was approved", "...; the Head has since stated that no approval
 * was given": after a semicolon or a contrast, a denial that any grant was made. The offset of the
 * semicolon or contrast, or -1; the grants reported before it are taken back (the work done is not).
 */
export function deniedApprovalAfter(ctx: Ctx, s: Sentence): number {
  let contrast = -1;
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (!t) continue;
    if (t.raw === ';' || CONTRASTING.has(t.norm)) {
      contrast = t.start;
      continue;
    }
    if (contrast === -1 || !NONE_GIVEN.has(t.norm)) continue;
    for (let j = nextToken(ctx, i, s.to), steps = 0; j !== -1 && steps < MAX_NONE_GAP; j = nextToken(ctx, j, s.to), steps++) {
      const c = ctx.cover[j];
      if ((tagOf(c, 'cue')?.cue === 'grant' || has(c, 'grantNoun')) && deniesEveryGrant(ctx, i, s.to)) return contrast;
      if (ctx.tokens[j]?.kind === 'punct' || (has(c, 'action') && !has(c, 'prodWord'))) break;
    }
  }
  return -1;
}

/** The denial's part, to its semicolon or the sentence's end, names no action of its own and asks for nothing ("no approval was needed for the repoint" does not deny). */
function deniesEveryGrant(ctx: Ctx, from: number, to: number): boolean {
  for (let j = from; j < to && ctx.tokens[j]?.raw !== ';'; j++) {
    const c = ctx.cover[j];
    if ((has(c, 'action') && !has(c, 'prodWord')) || c?.tags.some((t) => t.kind === 'trigger' && FORWARD.has(t.trigger))) return false;
  }
  return true;
}


const UNTOUCHED = new Set(['untouched', 'unchanged', 'unaffected', 'unmodified']);
// Nouns production may head before its state ("the production chain was untouched"), and the verbs that link it.
const PLACES = new Set(['chain', 'environment', 'system', 'systems', 'cluster', 'clusters', 'database', 'databases', 'db', 'data', 'stack', 'side', 'estate', 'hosts', 'servers', 'tenant', 'itself', 'instance', 'site']);
const STAYED = new Set(['stayed', 'remained', 'remains', 'stays', 'left']);
const MAX_UNTOUCHED_GAP = 4;

/**
 * "...; production is untouched", "... and the production chain was untouched": production said
 * to be as it was, after the sentence's report of work. The token where it starts, or -1; what a
 * sentence did before it happened elsewhere (its grants still stand).
 */
export function untouchedProduction(ctx: Ctx, s: Sentence): number {
  for (let i = s.from; i < s.to; i++) {
    if (!has(ctx.cover[i], 'prodWord')) continue;
    for (let j = nextToken(ctx, (ctx.cover[i]?.to ?? i + 1) - 1, s.to), steps = 0; j !== -1 && steps < MAX_UNTOUCHED_GAP; j = nextToken(ctx, j, s.to), steps++) {
      const t = ctx.tokens[j];
      if (!t || t.kind !== 'word') break;
      if (UNTOUCHED.has(t.norm)) return i;
      // "production latency is unchanged" speaks of a metric: only production's own places and links between.
      if (!(has(ctx.cover[j], 'be') || has(ctx.cover[j], 'adverb') || STAYED.has(t.norm) || PLACES.has(t.norm))) break;
    }
  }
  return -1;
}

const ABORTED = new Set(['aborted', 'cancelled', 'canceled', 'abandoned', 'halted', 'failed', 'reverted', 'backed']);

/** A timeline entry that opens with its time stamp and an abort word ("09:14 aborted on HSM error"). */
function abortedNext(ctx: Ctx, from: number, to: number): boolean {
  for (let j = from; j < to && j < from + 6; j++) {
    const t = ctx.tokens[j];
    if (!t) return false;
    if (t.kind === 'number' || t.raw === ':') continue;
    return ABORTED.has(t.norm);
  }
  return false;
}

const DENYING_PRONOUNS = new Set(['it', 'that', 'this']);
const DENYING_AUX = new Set(['is', 'was', 'has', 'had', 'did', 'does']);
const CONTRACTED_AUX = new Set(["isn't", "wasn't", "hasn't", "hadn't", "didn't", "doesn't"]);

/** "it is not", "it was not, and ...": a pronoun, an auxiliary and "not" with nothing after them, so they deny the whole statement before. */
function bareDenial(ctx: Ctx, i: number, to: number): boolean {
  const w = (k: number) => ctx.tokens[k]?.norm ?? '';
  if (!DENYING_PRONOUNS.has(w(i))) return false;
  // "it is not", "— it isn't yet, but ...": the auxiliary and "not", or the two in one word.
  let k = DENYING_AUX.has(w(i + 1)) && w(i + 2) === 'not' ? i + 3 : CONTRACTED_AUX.has(w(i + 1)) ? i + 2 : -1;
  if (k === -1) return false;
  // "it isn't yet, but ...": a bare "yet" ends it too; "it is not yet done" denies only the doing.
  if (w(k) === 'yet' && (k + 1 >= to || ctx.tokens[k + 1]?.kind === 'punct')) k++;
  const after = ctx.tokens[k];
  return k >= to || after?.kind === 'punct' || after?.norm === 'and' || after?.norm === 'but';
}
