/**
 * The learned reading: a second opinion on a sentence no rule form claims, for the phrasings
 * the rules have not met ("the secrets swap on prod went fine", "the owner agreed to the
 * repoint"). A logistic model over the sentence's words and the vocabulary tags the rules
 * already compute (action, cue, negation, trigger kinds, and which side of the action each
 * sits on), trained by `scripts/train-grants.ts` on the project's labelled corpora.
 *
 * It only ever adds a claim, and only where the rules would have read the action as standing
 * (not negated, hedged, excluded or outside production), so every scope the rules rule out
 * stays ruled out. It reads only sentences holding an action and a cue source, the prefilter's
 * condition (`prefilter.ts`), so the prefilter stays sound.
 */
import type { Ctx, Mention } from './mentions';
import type { Tag } from './lexicon';
import type { Sentence } from './sentences';

export interface ReadingModel {
  readonly version: 1;
  /** A sentence is read as a claim when the model's probability is at least this. */
  readonly threshold: number;
  /** Feature → weight; `bias` is the intercept. Absent features weigh 0. */
  readonly weights: Readonly<Record<string, number>>;
}

export interface Reading {
  readonly probability: number;
  /** The non-action unit that weighs most for a claim, as a token range (the claim's cue). */
  readonly cue: { readonly from: number; readonly to: number } | undefined;
}

interface Unit {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly mention?: Mention;
}

/** Tag names as features: cue and trigger kinds are kept apart, word classes are not needed. */
function tagName(t: Tag): string {
  switch (t.kind) {
    case 'cue':
      return `cue:${t.cue}`;
    case 'neg':
      return `neg:${t.neg}`;
    case 'trigger':
      return `tr:${t.trigger}`;
    case 'action':
      return `action:${t.form}`;
    default:
      return t.kind;
  }
}

function unitKey(ctx: Ctx, m: Mention): string {
  if (m.tags.some((t) => t.kind === 'action')) return 'ACT';
  if (m.tags.some((t) => t.kind === 'prodWord')) return 'PROD';
  if (m.tags.some((t) => t.kind === 'nonprod')) return 'NONPROD';
  let key = '';
  for (let i = m.from; i < m.to; i++) if (!ctx.noise[i]) key += (key ? ' ' : '') + (ctx.tokens[i]?.norm ?? '');
  return key;
}

/**
 * The sentence's features, each once: its units (words, with actions, production words and
 * non-production places each one symbol, numbers and identifiers by kind), adjacent pairs of
 * units, and each tag kind with the side of the first action it sits on. Linear in the sentence.
 */
export function sentenceFeatures(ctx: Ctx, s: Sentence): { features: string[]; units: Unit[] } {
  const units: Unit[] = [];
  const features = new Set<string>(['bias']);
  let actionSeen = false;
  for (let i = s.from; i < s.to; i++) {
    if (ctx.noise[i]) continue;
    const m = ctx.cover[i];
    if (m && m.from === i) {
      const key = unitKey(ctx, m);
      for (const t of m.tags) {
        const name = tagName(t);
        features.add(`T:${name}`);
        features.add(`${actionSeen ? 'A>' : 'A<'}${name}`);
      }
      if (key === 'ACT') actionSeen = true;
      units.push({ key, from: m.from, to: m.to, mention: m });
      i = m.to - 1;
      continue;
    }
    if (m) continue;
    const t = ctx.tokens[i];
    if (!t) continue;
    const key = t.kind === 'number' ? '#' : t.kind === 'opaque' ? 'ID' : t.norm;
    units.push({ key, from: i, to: i + 1 });
  }
  units.forEach((u, k) => {
    features.add(`u:${u.key}`);
    if (k > 0) features.add(`b:${units[k - 1]!.key}|${u.key}`);
  });
  return { features: [...features], units };
}

export function probability(model: ReadingModel, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The sentence's probability of claiming, and its cue: of the mentions `isCue` accepts, the
 * one whose word weighs most towards a claim (the first when none weighs for one).
 */
export function readSentence(ctx: Ctx, s: Sentence, model: ReadingModel, isCue: (m: Mention) => boolean): Reading {
  const { features, units } = sentenceFeatures(ctx, s);
  let cue: Unit | undefined;
  let best = -Infinity;
  for (const u of units) {
    if (!u.mention || !isCue(u.mention)) continue;
    const w = model.weights[`u:${u.key}`] ?? 0;
    if (w > best) {
      best = w;
      cue = u;
    }
  }
  return { probability: probability(model, features), cue: cue && { from: cue.from, to: cue.to } };
}
