/**
 * "Dev confirmed the REAL_RUN was approved", "per Dev's message": a person named like a tier.
 * The vocabulary reads "dev" as the development tier; written as a name, before a past verb or
 * as an owner, and not after a place preposition, it is a person, and its mention is unmarked
 * before any form reads the sentence (one pass).
 */
import { has, type Ctx } from './mentions';
import type { Sentence } from './sentences';

// "Dev confirmed …", "per Dev's message": a person named Dev, not the dev tier, when the word is
// written as a name and stands as a subject or an owner rather than as a place.
const NAME_LIKE = new Set(['dev']);
const PLACE_BEFORE = new Set(['in', 'on', 'to', 'into', 'from', 'onto', 'against', 'the', 'a']);
const SAYING = new Set(['said', 'says', 'wrote', 'writes', 'told', 'asked', 'thinks']);

/** Unmarks a capitalised "Dev" used as a person's name (one pass; only single-word mentions). */
export function unmarkNamedPeople(ctx: Ctx, s: Sentence): void {
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    const m = ctx.cover[i];
    if (!t || !m || m.from !== i || m.to !== i + 1 || !NAME_LIKE.has(t.norm) || t.upper || !t.capital) continue;
    const before = ctx.tokens[i - 1];
    if (before && PLACE_BEFORE.has(before.norm)) continue;
    const next = ctx.tokens[i + 1];
    const possessive = /[’']s$/.test(t.raw) || next?.raw === "'s" || next?.raw === '’s';
    // "Dev confirmed", "Dev said": a person's past verb; "Dev rollout done", "Dev deploy" name the tier's work.
    const subject = next !== undefined && next.kind === 'word' && !has(ctx.cover[i + 1], 'action') && (next.norm.endsWith('ed') || SAYING.has(next.norm));
    if (possessive || subject) ctx.cover[i] = undefined;
  }
}
