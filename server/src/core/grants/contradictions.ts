/**
 * Later contradictions: after a contrast ("but", "however"), the same action named again under a
 * negation, or a denied "it" ("she never cleared it", "treat it as not approved"), takes back a
 * claim that ends before the contrast.
 */
import { has, isComma, nextToken, prevToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const CONTRASTING = new Set(['but', 'however', 'yet']);

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
      continue;
    }
    const m = ctx.cover[i];
    if (m && m.from === i) for (const tag of m.tags) if (tag.kind === 'action') since.add(tag.action);
    // "the keys were rotated in prod, but treat it as not done": a production word's claim is production's.
    if (m && m.from === i && has(m, 'prodWord')) since.add('production');
    if (contrast === -1) continue;
    if (before.size > 0 && deniedPronoun(ctx, i, s)) for (const action of before) out.set(action, contrast);
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
    } else if (pending.size > 0 && m?.tags.some((tag) => tag.kind === 'neg' && tag.neg === 'verbal')) {
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
  const cue = prevToken(ctx, i, s.from);
  const neg = cue === -1 ? -1 : prevToken(ctx, ctx.cover[cue]?.from ?? cue, s.from);
  if (neg !== -1 && has(ctx.cover[cue], 'cue') && ctx.cover[neg]?.tags.some((t) => t.kind === 'neg' && t.neg === 'verbal')) return true;
  const as = nextToken(ctx, i, s.to);
  if (as === -1 || ctx.tokens[as]?.norm !== 'as') return false;
  const refusal = ctx.cover[nextToken(ctx, as, s.to)];
  return refusal?.tags.some((t) => (t.kind === 'trigger' && t.trigger === 'blocking') || (t.kind === 'neg' && t.neg === 'verbal')) ?? false;
}
