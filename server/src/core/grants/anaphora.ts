/**
 * Clauses that speak of an action named elsewhere in the sentence: a relative clause (", which
 * the CAB approved"), a pronoun ("she approved it") or a pro-verb ("Kenji did").
 */
import { resolveActions, type ActionRef } from './actions';
import type { GrantClaim } from './claim';
import type { Clause } from './clauses';
import { has, isComma, nextToken, prevToken, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const OBJECT_PRONOUNS = new Set(['it', 'them']);

/** Claims whose cue ends inside ", which ...," are {@link GrantClaim.embedded}. */
export function markRelative(ctx: Ctx, s: Sentence, claims: GrantClaim[]): GrantClaim[] {
  const spans: [number, number][] = [];
  for (let i = s.from + 1; i < s.to; i++) {
    if (ctx.tokens[i]?.norm !== 'which' || !isComma(ctx, i - 1)) continue;
    let end = i + 1;
    while (end < s.to && !isComma(ctx, end)) end++;
    spans.push([ctx.tokens[i]!.start, ctx.tokens[end - 1]?.end ?? ctx.text.length]);
    i = end;
  }
  if (spans.length === 0) return claims;
  // The spans are disjoint and in order: a binary search per claim.
  const inside = (x: number): boolean => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = spans[mid]!;
      if (x <= a) hi = mid - 1;
      else if (x > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
  return claims.map((c) => (inside(c.end) ? { ...c, embedded: true } : c));
}

interface AnaphoricSpan extends Clause {
  readonly antecedent: ActionRef;
  /** ", which ...": a relative clause, not a clause with a pronoun. */
  readonly relative: boolean;
}

/** "I did not run QT001/apply; Kenji did, at 01:00Z": "did" after its subject, ending its clause, stands for the verb before. */
function proVerb(ctx: Ctx, i: number, clause: Clause): boolean {
  if (ctx.tokens[i]?.norm !== 'did' || i === clause.from) return false;
  const n = nextToken(ctx, i, clause.to);
  return n === -1 || ctx.tokens[n]?.kind === 'punct' || ctx.tokens[n]?.norm === 'so';
}

const RELATIVE_SUBJECTS = new Set(['we', 'they', 'she', 'he', 'i', 'you']);

/** "the go-live that the owner authorised", "the key which Priya rotated": "that" or "which" with no comma before, then the clause's subject. */
function restrictiveRelative(ctx: Ctx, i: number, clause: Clause): boolean {
  const norm = ctx.tokens[i]?.norm;
  if ((norm !== 'that' && norm !== 'which') || i === clause.from || isComma(ctx, i - 1)) return false;
  const n = nextToken(ctx, i, clause.to);
  const t = ctx.tokens[n];
  return t !== undefined && t.kind === 'word' && (has(ctx.cover[n], 'det') || RELATIVE_SUBJECTS.has(t.norm) || (t.capital && !ctx.cover[n]));
}

const OPENERS = new Set(['and', 'but', 'so', 'yes']);

/**
 * "The go-live has not been postponed; it happened on schedule", "supposed to be repointed on
 * 11-27; it was.": "it" opening its clause, then a performance word or an auxiliary that ends
 * the clause, stands for the action named before.
 */
function subjectPronoun(ctx: Ctx, i: number, clause: Clause): boolean {
  if (ctx.tokens[i]?.norm !== 'it') return false;
  const p = prevToken(ctx, i, clause.from);
  if (p !== -1 && !OPENERS.has(ctx.tokens[p]?.norm ?? '')) return false;
  const n = nextToken(ctx, i, clause.to);
  return n !== -1 && (ctx.cover[n]?.tags.some((tag) => tag.kind === 'cue' && tag.cue === 'perf') ?? false);
}

/**
 * The action heading the noun phrase that ends at `comma`: it ends within a word of it ("the
 * permit step,") and is no preposition's object ("the HOLD on activation," is about the hold).
 */
function headBefore(ctx: Ctx, s: Sentence, comma: number, ref: ActionRef | undefined): ActionRef | undefined {
  if (!ref) return undefined;
  let words = 0;
  for (let j = ref.to; j < comma; j++) if (ctx.tokens[j]?.kind !== 'punct') words++;
  if (words > 1) return undefined;
  let p = prevToken(ctx, ref.from, s.from);
  while (p !== -1 && (has(ctx.cover[p], 'det') || ctx.tokens[p]?.kind === 'number')) p = prevToken(ctx, p, s.from);
  if (p === -1 || !has(ctx.cover[p], 'prep')) return ref;
  // "does not object to the repoint, which was authorised": the preposition is the verb's, the action its object.
  return VERB_PREPOSITIONS.has(ctx.tokens[prevToken(ctx, p, s.from)]?.norm ?? '') ? ref : undefined;
}

const VERB_PREPOSITIONS = new Set(['object', 'objects', 'objected', 'agree', 'agrees', 'agreed', 'consent', 'consents', 'consented', 'referred', 'refers', 'proceed', 'proceeded']);

/**
 * Where a clause speaks of an action named before it without naming it again: a relative
 * clause after a comma ("the 11-29 cutover, which the CAB approved") or a cue whose object is
 * a pronoun ("she approved it"). The antecedent is the last action named before, in the sentence
 * or, for a pronoun in a sentence naming none, in the sentence before.
 */
export function anaphoricSpans(ctx: Ctx, s: Sentence, clauses: readonly Clause[], previous?: Sentence): AnaphoricSpan[] {
  const out: AnaphoricSpan[] = [];
  // The sentence's actions, resolved once; each lookup walks forward from the last (positions only grow).
  let refs: readonly ActionRef[] | undefined;
  let k = 0;
  let last: ActionRef | undefined;
  const before = (i: number): ActionRef | undefined => {
    refs ??= resolveActions(ctx, s.from, s.to).refs;
    while (k < refs.length && refs[k]!.to <= i) last = refs[k++];
    return last;
  };
  for (const clause of clauses) for (let i = clause.from; i < clause.to; i++) {
    const t = ctx.tokens[i];
    if (t?.norm === 'which' && i > clause.from && isComma(ctx, prevToken(ctx, i, clause.from))) {
      const antecedent = headBefore(ctx, s, prevToken(ctx, i, clause.from), before(i));
      let end = i + 1;
      while (end < clause.to && !isComma(ctx, end)) end++;
      if (antecedent) out.push({ from: i + 1, to: end, antecedent, relative: true });
      i = end;
    } else if (restrictiveRelative(ctx, i, clause) && before(i)?.to === i) {
      // "no objection to the go-live that the owner authorised on 11-29": what the relative clause
      // says of its action is a fact, whatever the clause around it negates or needs.
      let end = i + 1;
      while (end < clause.to && !isComma(ctx, end)) end++;
      out.push({ from: i + 1, to: end, antecedent: before(i)!, relative: true });
      i = end;
    } else if (t && ((OBJECT_PRONOUNS.has(t.norm) && i > clause.from && has(ctx.cover[prevToken(ctx, i, clause.from)], 'cue')) || proVerb(ctx, i, clause) || subjectPronoun(ctx, i, clause))) {
      // "The cutover was blocked at 08:00. The owner unblocked it at 09:00.": with no action in its
      // own sentence, a pronoun's antecedent is the last action the sentence before named, and the
      // claim is the pronoun's ("unblocked it"), not a span across both sentences.
      const own = before(clause.from);
      // A subject "it" reaches back a sentence only when it opens its own ("We tested the script; it ran cleanly" is the script).
      const reaches = OBJECT_PRONOUNS.has(t.norm) && (!subjectPronoun(ctx, i, clause) || nextToken(ctx, s.from - 1, s.to) === i);
      const earlier = !own && previous && reaches && refs!.length === 0 ? resolveActions(ctx, previous.from, previous.to).refs.at(-1) : undefined;
      const antecedent = own ?? (earlier && { ...earlier, from: i, to: i + 1 });
      if (antecedent) out.push({ from: clause.from, to: clause.to, antecedent, relative: false });
      break;
    }
  }
  return out;
}
