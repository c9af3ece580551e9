/**
 * How far a negating determiner or an exclusion reaches ("no permit, activation or cutover",
 * "Nobody has authorized", "without the owner's sign-off"): the noun phrase after it, through a
 * list, and for determiners the first cue; not past a relative clause about the noun, a denial
 * ("Nobody disputes that ..."), or a restriction's own wording when a lift removes it.
 */
import { has, isComma, mentionPhrase, nextToken, prevToken, startingAt, type Ctx, type Mention } from './mentions';
import { CLOSING_QUOTES, OPENING_QUOTES } from './tokens';

/** Verbs of denial: negating one affirms its complement ("Nobody disputes that the repoint was approved"). */
export const DISPUTING = new Set(['disputes', 'denies', 'doubts', 'questions', 'contests', 'challenges', 'disagrees', 'disputed', 'denied', 'doubted', 'contested', 'challenged', 'objected', 'objects', 'disagreed', 'protested']);

// Negations that stand as a subject ("nobody", "no one"), not a determiner of the next noun.
const NEGATED_PRONOUNS = new Set(['nobody', 'no one', 'no-one', 'none', 'nothing', 'neither']);

/** ", not production", "not REAL_RUN": a bare "not" before an action excludes it. */
function notBeforeAction(ctx: Ctx, m: Mention, b: number): boolean {
  if (ctx.tokens[m.from]?.norm !== 'not' || m.to !== m.from + 1) return false;
  const n = nextToken(ctx, m.from, b);
  const nm = n === -1 ? undefined : ctx.cover[n];
  return has(nm, 'action') || has(nm, 'prodWord') || has(nm, 'prodModifier');
}

const SUBJECT_PRONOUNS = new Set(['we', 'they', 'he', 'she', 'i', 'you', 'it', 'the', 'a', 'an', 'our', 'their', 'his', 'her']);
const ALREADY = new Set(['already', 'previously', 'earlier', 'since']);

/**
 * "no evidence filed for the go-live | the owner approved", "no rollback path for the
 * activation | already performed": a clause about the noun begins, outside the negation.
 */
export function relativeClauseStarts(ctx: Ctx, i: number, a: number): boolean {
  const p = prevToken(ctx, i, a);
  if (p === -1 || !has(ctx.cover[p], 'action')) return false;
  const norm = ctx.tokens[i]?.norm ?? '';
  if (ALREADY.has(norm)) return true;
  return SUBJECT_PRONOUNS.has(norm) && !has(ctx.cover[p], 'prep');
}


/**
 * A negation that states a restriction's content: in brackets after the restriction's noun
 * ("Restriction R-4 (no production firmware changes ...)", at most an ID between) or quoted
 * before it ("the 'no production' restriction"). Bounded by a few tokens each way.
 */
function describesRestriction(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  // Brackets and quotes are noise to the token walks, so the raw neighbours are read here.
  const open = m.from - 1;
  if (open < a) return false;
  if (ctx.tokens[open]?.raw === '(') {
    let j = open - 1;
    if (j >= a && ctx.tokens[j]?.kind === 'opaque') j--;
    return j >= a && has(ctx.cover[j], 'restriction');
  }
  if (!OPENING_QUOTES.has(ctx.tokens[open]?.raw ?? '')) return false;
  for (let j = m.to, steps = 0; j < b && steps < 5; j++, steps++) {
    if (CLOSING_QUOTES.has(ctx.tokens[j]?.raw ?? '')) return j + 1 < b && has(ctx.cover[j + 1], 'restriction');
  }
  return false;
}

// Verbs that take "nothing"/"nobody" as their object ("told nothing", "did nothing", "found none").
const OBJECT_TAKING = new Set(['did', 'do', 'does', 'said', 'says', 'say', 'knew', 'know', 'knows', 'saw', 'see', 'sees', 'found', 'heard', 'got', 'had', 'has', 'have', 'told', 'tell', 'asked', 'changed', 'touched', 'moved', 'wrote', 'ran', 'left', 'broke', 'showed', 'shows']);

/** The negated pronoun stands right after a verb: it is that verb's object, not a subject. */
function objectOfVerb(ctx: Ctx, m: Mention, a: number): boolean {
  const p = prevToken(ctx, m.from, a);
  const t = p === -1 ? undefined : ctx.tokens[p];
  return t !== undefined && t.kind === 'word' && (OBJECT_TAKING.has(t.norm) || has(ctx.cover[p], 'report'));
}

// Plain words a listed noun may take before the list's "or" ("price or", "participant row or").
const MAX_LISTED_WORDS = 3;

/**
 * "line, price or participant row", "line or price row": at a comma or "or" after a plain
 * noun, the list goes on when an "or" ("nor") comes within a few plain words, with no
 * determiner, cue, verb-like mention or punctuation before it.
 */
function nounListGoesOn(ctx: Ctx, i: number, b: number): boolean {
  if (ctx.tokens[i]?.norm === 'or') return true;
  for (let j = i + 1, words = 0; j < b && words <= MAX_LISTED_WORDS; j++) {
    const t = ctx.tokens[j];
    // "no crew_roster, crew_qualifications or pairing row": a non-action noun word continues the list as a plain one does.
    const c = ctx.cover[j];
    // "no listing, status or priority points": a restriction's noun ("status") is a plain noun here too.
    if (!t || t.kind === 'punct' || (c && !c.tags.every((tag) => tag.kind === 'head' || tag.kind === 'restriction'))) return (t?.norm === 'or' || t?.norm === 'nor') && words > 0;
    if (t.norm === 'or' || t.norm === 'nor') return words > 0;
    words++;
  }
  return false;
}

/**
 * Coverage of a negating determiner or an exclusion: the noun phrase after it, through a list
 * of actions ("no permit, activation or cutover"), and for determiners the first cue
 * ("Nobody has authorized"). A comma or "and" after a non-action ends it.
 */
// Verbs whose object may itself be a grant word ("given the GO", "issued the approval").
const GIVING = new Set(['given', 'gave', 'give', 'gives', 'issued', 'issues', 'sent', 'granted', 'grants']);

// Words after "nobody" that open its noun phrase rather than being its verb ("nobody on the team, ...").
const FUNCTION_AFTER_SUBJECT = new Set(['on', 'in', 'at', 'from', 'of', 'with', 'here', 'there', 'else', 'who', 'that', 'which', 'outside', 'inside', 'among', 'but', 'except', 'including', 'at all']);

export function npScope(ctx: Ctx, a: number, b: number, kind: 'determiner' | 'exclusion', maxWords: number, coversCue: boolean, lifting = false): Uint8Array {
  const out = new Uint8Array(b - a);
  let active = false;
  let subject = false;
  let subjectVerb = false;
  let words = 0;
  // 1 once a giving verb's object is being covered: one object, then the scope ends.
  let givenObject = 0;
  for (let i = a; i < b; i++) {
    const m = startingAt(ctx, i);
    const t = ctx.tokens[i];
    if (active && t && relativeClauseStarts(ctx, i, a)) active = false;
    // "none: the owner already cleared activation": a colon opens what the negated word labels.
    if (active && t && t.kind === 'punct' && (t.raw === ':' || t.raw === '—')) active = false;
    if (active && t) {
      if ((isComma(ctx, i) || t.norm === 'or' || t.norm === 'nor') && subject && !(isComma(ctx, i) && subjectVerb)) {
        // "nobody on the team, including Ingrid herself, has written", "nobody read or wrote": a negated subject reaches its verb past an aside or a first verb.
      } else if (isComma(ctx, i) || t.norm === 'and' || t.norm === 'or') {
        const p = prevToken(ctx, i, a);
        const pm = p === -1 ? undefined : ctx.cover[p];
        // "no settlement line, price or participant row was written": a list of nouns the negation spans.
        if (!(has(pm, 'action') || has(pm, 'prodWord') || has(pm, 'neg') || nounListGoesOn(ctx, i, b))) active = false;
      } else if (t.kind !== 'punct' && ++words > maxWords) active = false;
    }
    // "Nobody disputes that the owner approved": the negation is of the dispute.
    if (active && t && DISPUTING.has(t.norm)) {
      out[i - a] = 1;
      active = false;
      continue;
    }
    // "Nothing is blocking the repoint anymore": the negation is of the block.
    if (active && m && m.tags.some((tag) => tag.kind === 'trigger' && tag.trigger === 'blocking')) {
      for (let k = m.from; k < m.to; k++) out[k - a] = 1;
      // "Without the HOLD being lifted": what is excluded reaches through the block to its lift.
      active = kind === 'exclusion';
      i = m.to - 1;
      continue;
    }
    if (active && m && (has(m, 'cue') || has(m, 'modal'))) {
      if (coversCue) for (let k = m.from; k < m.to; k++) out[k - a] = 1;
      // "nobody has yet given the owner's GO": the verb's object is a grant word, negated with it.
      active = coversCue && GIVING.has(mentionPhrase(ctx, m)) && givenObject === 0;
      if (active) givenObject = 1;
      i = m.to - 1;
      continue;
    }
    if (active) out[i - a] = 1;
    if (m && (m.tags.some((tag) => tag.kind === 'neg' && tag.neg === kind) || (kind === 'exclusion' && notBeforeAction(ctx, m, b)))) {
      // "Restriction R-4 (no production firmware changes) was lifted": the negation is what the lifted restriction said.
      if (lifting && describesRestriction(ctx, m, a, b)) {
        i = m.to - 1;
        continue;
      }
      active = true;
      givenObject = 0;
      // "who had been told nothing about the schedule, activated ...": a negated object reaches no verb after it.
      // "nobody, neither the VP nor the vendor, has approved": a negation inside the subject's aside keeps the subject.
      subject = (active && subject) || (NEGATED_PRONOUNS.has(mentionPhrase(ctx, m)) && !objectOfVerb(ctx, m, a));
      // "So that nobody re-opens the question, the registrar approved ...": a negated subject
      // followed at once by its verb has reached it, and the comma after ends it.
      const v = subject ? startingAt(ctx, m.to) : undefined;
      const vt = ctx.tokens[m.to];
      subjectVerb = subject && vt !== undefined && vt.kind === 'word' && (v === undefined ? !FUNCTION_AFTER_SUBJECT.has(vt.norm) : has(v, 'be') || has(v, 'have') || has(v, 'cue'));
      words = 0;
      for (let k = m.from; k < m.to; k++) out[k - a] = 1;
      i = m.to - 1;
    }
  }
  return out;
}
