/**
 * When a revocation word revokes nothing in a clause: revoking what a change replaced is part of
 * the change ("rotated the key, old version revoked"), and a list of revocations runs on under
 * one negation ("has not been withdrawn, suspended or superseded").
 */
import { has, isComma, prevToken, type Ctx, type Mention } from './mentions';

const REPLACED = new Set(['old', 'previous', 'former', 'prior', 'legacy', 'outgoing']);

/** "old version revoked", "the previous keys were revoked": at most three words back, a word for what was replaced. */
export function replacedRevoked(ctx: Ctx, m: Mention, a: number): boolean {
  for (let j = prevToken(ctx, m.from, a), k = 0; j !== -1 && k < 4; j = prevToken(ctx, j, a), k++) {
    if (REPLACED.has(ctx.tokens[j]?.norm ?? '')) return true;
    // "the previous REAL_RUN approval was withdrawn": what was revoked is a grant.
    const c = ctx.cover[j];
    const artefact = c?.tags.some((t) => t.kind === 'action' && t.action === 'secrets-change') === true; // "old password revoked"
    if (ctx.tokens[j]?.kind === 'punct' || has(c, 'grantNoun') || (has(c, 'action') && !artefact) || has(c, 'cue') || has(c, 'prodWord')) return false;
  }
  return false;
}

/** "withdrawn, suspended or superseded": `i` continues a list ending at `end` with only commas and conjunctions between. */
export function listedAfter(ctx: Ctx, i: number, end: number, a: number): boolean {
  if (end < 0) return false;
  for (let j = prevToken(ctx, i, a); j !== -1 && j >= end; j = prevToken(ctx, j, a)) {
    const norm = ctx.tokens[j]?.norm ?? '';
    if (!(isComma(ctx, j) || norm === 'or' || norm === 'and' || norm === 'nor')) return false;
  }
  return true;
}
