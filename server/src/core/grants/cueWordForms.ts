/**
 * The form a cue word takes where it stands, and what that makes of it: a hyphenated participle
 * before an action ("owner-approved cutover"), a participle after be/have ("was run"), a
 * headline that drops the auxiliary ("Production cutover complete."), a performed phrasal verb
 * ("cut over" after a subject), a participle used as an adjective ("written approval"), and
 * the cue's voice: passive or predicative reads back, a subject before it reads forward.
 */
import type { ActionRef } from './actions';
import type { CueRef } from './cueRef';
import { has, isComma, nextToken, prevToken, tagOf, type Ctx, type Mention } from './mentions';

/** "owner-approved cutover", "already-executed REAL_RUN": a hyphenated participle right before an action. */
export function compoundParticiple(ctx: Ctx, m: Mention, b: number, byCore: ReadonlyMap<Mention, ActionRef>): CueRef | undefined {
  const tag = tagOf(m, 'cue');
  if (!tag || (tag.cue !== 'grant' && tag.cue !== 'perf')) return undefined;
  const j = nextToken(ctx, m.to - 1, b);
  const n = j === -1 ? undefined : ctx.cover[j];
  let ref = n ? byCore.get(n) : undefined;
  if (!ref && n && has(n, 'prodWord')) {
    const k = nextToken(ctx, n.to - 1, b);
    const nn = k === -1 ? undefined : ctx.cover[k];
    ref = nn ? byCore.get(nn) : undefined;
  }
  return ref ? { from: m.from, to: m.to, cls: tag.cue === 'perf' ? 'perf' : 'grant', voice: 'fwd', backwardOnly: false, past: true, target: ref } : undefined;
}

/** "was run", "has been given": the form is a participle only after be/have. */
export function auxiliaryBefore(ctx: Ctx, m: Mention, a: number): boolean {
  for (let j = prevToken(ctx, m.from, a), steps = 0; j !== -1 && steps < 4; steps++) {
    const c = ctx.cover[j];
    if (has(c, 'be') || has(c, 'have')) return true;
    if (!has(c, 'adverb')) return false;
    j = prevToken(ctx, c ? c.from : j, a);
  }
  return false;
}

/** "Production cutover complete." — a note's headline drops the auxiliary. */
export function headline(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const norm = ctx.tokens[m.from]?.norm;
  if (norm === 'run' || norm === 'given') return false;
  const p = prevToken(ctx, m.from, a);
  const c = p === -1 ? undefined : ctx.cover[p];
  const n = nextToken(ctx, m.to - 1, b);
  return (has(c, 'action') || has(c, 'prodWord')) && (n === -1 || ctx.tokens[n]?.kind === 'punct');
}

/** "cut over" after a subject or auxiliary is past tense; after "to" or a modal it is the bare action. */
export function performedHere(ctx: Ctx, m: Mention, a: number): boolean {
  const p = prevToken(ctx, m.from, a);
  if (p === -1) return false;
  const c = ctx.cover[p];
  const t = ctx.tokens[p];
  if (!t || t.kind === 'punct') return false;
  if (has(c, 'be') || has(c, 'have')) return true;
  if (t.norm === 'to' || has(c, 'modal') || has(c, 'neg') || has(c, 'trigger') || has(c, 'det')) return false;
  return !has(c, 'prep') && !has(c, 'function');
}

// Simple past forms are never adjectives: "REAL_RUN ran end to end".
export const SIMPLE_PAST = new Set(['ran', 'wrote', 'began', 'went', 'did', 'took', 'gave', 'came', 'worked']);

/** "written approval", "authorized operator": a participle before a plain noun describes it. */
export function adjectival(ctx: Ctx, m: Mention, b: number): boolean {
  const j = m.to;
  if (j >= b || ctx.noise[j]) return false;
  const t = ctx.tokens[j];
  if (!t || t.kind !== 'word' || t.norm.endsWith('ly')) return false;
  // "the renewed RTGS core": after a determiner, a grant word qualifying a name grants nothing ("the rotated HSM key" still reports the rotation).
  if (t.upper || t.capital) return tagOf(m, 'cue')?.cue === 'grant' && has(ctx.cover[prevToken(ctx, m.from, 0)], 'det') && !ctx.cover[j] && ctx.tokens[j + 1]?.kind === 'word';
  const c = ctx.cover[j];
  if (!c) return true;
  // "the owner's written cutover grant": the action qualifies the noun the participle qualifies.
  const noun = c.to < b ? ctx.cover[c.to] : undefined;
  if (has(c, 'action') && !has(c, 'prodWord') && noun && noun.from === c.to && !has(noun, 'action') && (has(noun, 'grantNoun') || has(noun, 'head'))) return true;
  return c.tags.every((tag) => tag.kind === 'head' || tag.kind === 'grantNoun' || tag.kind === 'nonprod');
}

/** Passive or predicative ("was approved", "Cutover authorized") reads back; a subject before it reads forward. */
export function voiceOf(ctx: Ctx, m: Mention, a: number): 'back' | 'fwd' {
  let j = prevToken(ctx, m.from, a);
  for (let steps = 0; j !== -1 && steps < 8; steps++) {
    const c = ctx.cover[j];
    const t = ctx.tokens[j];
    const skip = (): number => prevToken(ctx, c ? c.from : j, a);
    if (!t) break;
    if (has(c, 'be')) return 'back';
    if (has(c, 'have')) return 'fwd';
    if (has(c, 'adverb') || has(c, 'det') || has(c, 'neg')) {
      j = skip();
      continue;
    }
    if (isComma(ctx, j) || t.norm === 'and' || t.norm === 'or') {
      j = skip();
      continue;
    }
    if (has(c, 'cue') || has(c, 'action') || has(c, 'prodWord') || has(c, 'prodModifier') || has(c, 'grantNoun')) return 'back';
    if (t.kind === 'punct' || has(c, 'prep') || has(c, 'function') || has(c, 'trigger') || has(c, 'nonprod')) return 'back';
    return 'fwd';
  }
  return 'back';
}
