/**
 * A negated subject at the head of a sentence ("Nobody on the thread ... has ever approved the
 * cutover", "At no point ... was REAL_RUN authorized", after a short opening phrase too: "Three
 * weeks on, nobody can show ..."): it negates the predicate however far away it stands, up to
 * the first `;`, contrastive terminator, consequence or new subject. The detector drops the
 * claims that start inside that stretch.
 */
import { has, isComma, mentionPhrase, nextToken, startingAt, tagOf, type Ctx } from './mentions';
import { PERSON } from './deniedReports';
import { DISPUTING } from './negationScope';
import type { Sentence } from './sentences';

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
  const phrase = m ? mentionPhrase(ctx, m) : words[0] ?? '';
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
    // "Nothing production was touched tonight, except that the certificates were rotated", "Nothing was touched except the
    // production key": the exception is asserted (`exceptedAction.ts`).
    if (t?.raw === ';' || has(startingAt(ctx, i), 'terminator') || (t?.raw === ',' && (ctx.tokens[nextToken(ctx, i, s.to)]?.norm === 'so' || newSubjectAfter(ctx, nextToken(ctx, i, s.to), s.to))) || t?.norm === 'except') return i;
    // "Nothing blocks the repoint any longer" negates the block, not the action.
    if (tagOf(startingAt(ctx, i), 'cue')?.cue === 'unblock') return -1;
  }
  return s.to;
}

/** "and the registrar signed": "and", then a determiner or a name, then the subject's own words. */
function newSubjectAfter(ctx: Ctx, i: number, hi: number): boolean {
  if (i === -1 || ctx.tokens[i]?.norm !== 'and') return false;
  const d = nextToken(ctx, i, hi);
  return d !== -1 && (has(ctx.cover[d], 'det') || PERSON.has(ctx.tokens[d]?.norm ?? '')) && !has(ctx.cover[d], 'neg');
}
