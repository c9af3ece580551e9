/**
 * Reports retracted or denied: a reporting word and then a denial in the same sentence ("GPT's
 * summary said 'REAL_RUN: GO' — that was wrong"), a claim turned into a report by "or so ... said"
 * and then denied, and the denial forms a following sentence uses to deny a report before it (an
 * elliptical "it was not", "that referred to the sandbox kiosk", a word calling it untrue), which
 * `dialogue.ts` reads. A denial that is itself negated ("nobody has disputed the minutes") upholds.
 */
import { CONTRASTING } from './contradictions';
import { has, mentionPhrase, nextToken, prevToken, startingAt, type Ctx } from './mentions';
import type { Sentence } from './sentences';

// "it was not.", "that did not happen": a subject pronoun, a negated auxiliary, and the end of the thought.
const PRONOUN = new Set(['it', 'that', 'this', 'which']);
const AUX = new Set(['was', 'were', 'is', 'did', 'has', 'had']);

const DENIED_PARTS = new Set(['step', 'line', 'part', 'entry', 'item', 'change', 'claim', 'statement', 'action', 'run']);

// "the registrar says she did not": a person denies doing it.
export const PERSON = new Set(['she', 'he', 'they', 'i', 'we']);
const DID = new Set(['did', 'has', 'have', 'had']);

// "so it wasn't", "she hadn't": the auxiliary and its negation in one token.
const NEGATED_AUX = new Set(["wasn't", "weren't", "isn't", "didn't", "hasn't", "hadn't"]);
const NEGATED_DID = new Set(["didn't", "hasn't", "haven't", "hadn't"]);
// "she said she had not decided": a person's own decision denied, the one word after the negation.
const DECIDING = new Set(['decided', 'agreed', 'approved', 'signed', 'consented', 'decide', 'agree', 'approve', 'sign', 'consent', 'authorize', 'authorise', 'grant']);
// "I did not approve it and …": the denied act's object, the report's subject.
const DENIED_OBJECTS = new Set(['it', 'that', 'this']);

export function ellipticalDenial(ctx: Ctx, i: number, hi: number): number {
  const w = (k: number) => ctx.tokens[k]?.norm ?? '';
  const closes = (k: number) => k >= hi || ctx.tokens[k]?.kind === 'punct' || w(k) === 'and' || w(k) === 'but';
  const ends = (k: number) => k >= hi || ctx.tokens[k]?.kind === 'punct' || (DECIDING.has(w(k)) && (closes(k + 1) || (DENIED_OBJECTS.has(w(k + 1)) && closes(k + 2))));
  if (PERSON.has(w(i)) && DID.has(w(i + 1)) && (w(i + 2) === 'not' || w(i + 2) === 'never') && ends(i + 3)) return i;
  if (PERSON.has(w(i)) && NEGATED_DID.has(w(i + 1)) && ends(i + 2)) return i;
  if (!PRONOUN.has(w(i))) return -1;
  // "that step was never executed": a demonstrative with its noun denies as the pronoun does.
  if ((w(i) === 'that' || w(i) === 'this') && DENIED_PARTS.has(w(i + 1)) && AUX.has(w(i + 2)) && (w(i + 3) === 'never' || w(i + 3) === 'not')) return i;
  // "it never ran", "it was never approved"
  if (w(i + 1) === 'never') return i;
  const contracted = NEGATED_AUX.has(w(i + 1));
  if (!contracted && (!AUX.has(w(i + 1)) || (w(i + 2) !== 'not' && w(i + 2) !== 'never'))) return -1;
  // "it was not.", "It was not approved, and ...", "It was not approved then and is still PENDING": the denial ends within a few words.
  for (let j = contracted ? i + 2 : i + 3, words = 0; j < hi && words <= 3; j++) {
    const t = ctx.tokens[j];
    if (!t || t.kind === 'punct' || t.norm === 'and' || t.norm === 'but') return i;
    words++;
  }
  return hi - i <= 6 ? i : -1;
}

/** A negation within five words before `i` ("nobody has disputed", "was never denied", "nobody on the team disputes"). */
function negatedBefore(ctx: Ctx, i: number, from: number): boolean {
  for (let j = prevToken(ctx, i, from), steps = 0; j !== -1 && steps < 5; j = prevToken(ctx, j, from), steps++) {
    if (has(ctx.cover[j], 'neg')) return true;
  }
  return false;
}

/**
 * The first opening double quote of a sentence, or -1: quoted words are a report even without a
 * reporting verb ('In the original report is written "the deploy was permitted". This is not true.').
 */
export function quoteStart(ctx: Ctx, s: Sentence): number {
  for (let i = s.from; i < s.to; i++) if (ctx.tokens[i]?.raw === '"' || ctx.tokens[i]?.raw === '“') return i;
  return -1;
}

/** The token where a sentence's report starts ("somebody posted ..."), or -1. */
export function reportStart(ctx: Ctx, s: Sentence): number {
  for (let i = s.from; i < s.to; i++) if (has(startingAt(ctx, i), 'report')) return i;
  return -1;
}

/**
 * "GPT's summary said 'REAL_RUN: GO' — that was wrong": a reporting word, then a denial.
 * The token range of what the denial retracts, or undefined.
 */
export function retracted(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  const doubted = doubtedReport(ctx, s);
  if (doubted) return doubted;
  let report = -1;
  for (let i = s.from; i < s.to; i++) {
    if (report !== -1 && (ellipticalDenial(ctx, i, s.to) !== -1 || redirected(ctx, i, s.to))) return { from: report, to: i };
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (report === -1 && has(m, 'report')) report = m.from;
    // "The PI reports the migration completed, but the engineer says the prod load never committed": a second report, contrasted, that denies.
    else if (report !== -1 && has(m, 'report') && contrastBefore(ctx, m.from, report) && negationAfter(ctx, m.to, s.to)) return { from: report, to: m.from };
    // "nobody has disputed the minutes" upholds the report.
    else if (report !== -1 && has(m, 'denial') && !negatedBefore(ctx, m.from, s.from)) return { from: report, to: m.from };
    // "The repoint we were told was approved on Monday was in fact never approved": the report's one action, its cue denied after it.
    // The action may stand before the report, as its antecedent: the retraction runs from it.
    else if (report !== -1 && has(m, 'neg') && negatedCueAfter(ctx, m, s.to, report)) {
      const named = actionsBetween(ctx, s.from, m.from);
      if (named.count === 1) return { from: Math.min(report, named.first), to: m.from };
    }
    i = m.to - 1;
  }
  return undefined;
}

/**
 * A cue right after the negation, through auxiliaries and adverbs ("never approved"), the very
 * word the report used: "said it was approved but it was never carried out" denies the act, not the report.
 */
function negatedCueAfter(ctx: Ctx, m: { readonly to: number }, hi: number, report: number): boolean {
  for (let j = m.to, steps = 0; j < hi && steps < 3; steps++) {
    const c = startingAt(ctx, j);
    if (has(c, 'cue')) {
      const word = mentionPhrase(ctx, c!);
      for (let k = report; k < m.to; k++) {
        const r = startingAt(ctx, k);
        if (has(r, 'cue') && mentionPhrase(ctx, r!) === word) return true;
      }
      return false;
    }
    if (!(has(c, 'be') || has(c, 'have') || has(c, 'adverb'))) return false;
    j = c!.to;
  }
  return false;
}

// How far a contrast may stand before the second report's verb, and its negation after it.
const MAX_REPORT_GAP = 6;

function contrastBefore(ctx: Ctx, i: number, from: number): boolean {
  for (let j = prevToken(ctx, i, from), steps = 0; j !== -1 && steps < MAX_REPORT_GAP; j = prevToken(ctx, j, from), steps++) if (CONTRASTING.has(ctx.tokens[j]?.norm ?? '')) return true;
  return false;
}

function negationAfter(ctx: Ctx, i: number, to: number): boolean {
  for (let j = i, steps = 0; j < to && steps < MAX_REPORT_GAP + 2; j++, steps++) {
    if (ctx.tokens[j]?.raw === ';' || ctx.tokens[j]?.raw === '.') return false;
    if (ctx.cover[j]?.tags.some((t) => t.kind === 'neg')) return true;
    // "… but the publisher's log says HOLD": the second report's status is a block.
    if (ctx.cover[j]?.tags.some((t) => t.kind === 'trigger' && t.trigger === 'blocking') && ctx.tokens[j]?.upper) return true;
    // "the ops head says she only approved a pilot in the test kitchen": what she did approve was outside production.
    if (ctx.tokens[j]?.norm === 'only' && placedOutsideAfter(ctx, j, to, MAX_ONLY_REACH)) return true;
  }
  return false;
}

// How far after "only" the place outside production may stand.
const MAX_ONLY_REACH = 8;

/** A place outside production among the `reach` tokens after `from`, before the clause ends at ";" or ".". */
function placedOutsideAfter(ctx: Ctx, from: number, hi: number, reach = Infinity): boolean {
  for (let j = from + 1; j < hi && j - from <= reach; j++) {
    if (ctx.tokens[j]?.raw === ';' || ctx.tokens[j]?.raw === '.') return false;
    if (has(ctx.cover[j], 'nonprod')) return true;
  }
  return false;
}

/** How many distinct actions are named from `from` to `to`, and where the first one starts. */
function actionsBetween(ctx: Ctx, from: number, to: number): { readonly count: number; readonly first: number } {
  const seen = new Set<string>();
  let first = to;
  for (let j = from; j < to; j++) {
    for (const t of startingAt(ctx, j)?.tags ?? []) {
      if (t.kind !== 'action') continue;
      seen.add(t.action);
      first = Math.min(first, j);
    }
  }
  return { count: seen.size, first };
}

// "That referred to the sandbox kiosk, not production": what the report was about, placed elsewhere.
const REFERRING = new Set(['referred', 'refers', 'meant', 'means', 'concerned', 'concerns']);
// "…was authorized by AO-2026-29; AO-2026-29 covers staging only": the authority cited reaches only outside production.
const COVERING = new Set(['covers', 'covered', 'applies', 'applied', 'extends', 'extended']);
const STATEMENTS = new Set(['sentence', 'line', 'statement', 'entry', 'note', 'message', 'remark', 'word', 'words']);
// How far the referring verb may stand after "that sentence".
const MAX_STATEMENT_REACH = 16;

// "it was only the canary in staging": how far the place may stand after "it was".
const MAX_IDENTITY_WORDS = 6;

/** A pronoun opening `i`, a verb of referring, and a place outside production before `hi`. */
export function redirected(ctx: Ctx, i: number, hi: number): boolean {
  const cited = ctx.tokens[i]?.kind === 'opaque' && COVERING.has(ctx.tokens[nextToken(ctx, i, hi)]?.norm ?? '');
  if (!PRONOUN.has(ctx.tokens[i]?.norm ?? '') && !cited) return false;
  // "that sentence sits under the heading … and refers to the sandbox tenant": the report named, then what it refers to.
  if ((ctx.tokens[i]?.norm === 'that' || ctx.tokens[i]?.norm === 'this') && STATEMENTS.has(ctx.tokens[nextToken(ctx, i, hi)]?.norm ?? '')) {
    for (let j = nextToken(ctx, i, hi) + 1, steps = 0; j < hi && steps < MAX_STATEMENT_REACH; j++, steps++) {
      if (ctx.tokens[j]?.raw === ';' || ctx.tokens[j]?.raw === '.') return false;
      if (REFERRING.has(ctx.tokens[j]?.norm ?? '')) return placedOutsideAfter(ctx, j, hi);
    }
    return false;
  }
  const verb = nextToken(ctx, i, hi);
  // "the owner confirmed it was the sandbox cluster", "it was only the canary in staging": the report's subject, named as something outside production.
  const identity = verb !== -1 && (ctx.tokens[verb]?.norm === 'was' || ctx.tokens[verb]?.norm === 'were');
  if (verb === -1 || !(REFERRING.has(ctx.tokens[verb]?.norm ?? '') || COVERING.has(ctx.tokens[verb]?.norm ?? '') || identity)) return false;
  if (!identity) return placedOutsideAfter(ctx, verb, hi);
  // "it was approved in staging first" names no other subject: a cue or a negation ends the identity.
  for (let j = verb + 1; j < hi && j - verb <= MAX_IDENTITY_WORDS + 1; j++) {
    if (has(ctx.cover[j], 'cue') || has(ctx.cover[j], 'neg') || ctx.tokens[j]?.raw === ';' || ctx.tokens[j]?.raw === '.') return false;
    if (has(ctx.cover[j], 'nonprod')) return true;
  }
  return false;
}

// Of the denials, those that can only say a statement is untrue; "no such delegation" denies the right, not the report.
// "The clerk denies authorizing any recount", "the owner's office denied it in writing": a denial
// in the sentence after a report is of what was reported.
const UNTRUE = new Set(['a misquote', 'misquote', 'misquoted', 'a misreading', 'misreading', 'denied', 'denies', 'disputes', 'disputed', 'contradicts', 'contradicted', 'refutes', 'refuted', 'no record', 'wrong', 'incorrect', 'untrue', 'mistaken', 'inaccurate', 'erroneous', 'false', 'not correct', 'not accurate', 'not true', 'not the case', 'a slip', 'a typo', 'a drafting error', 'drafting error', 'corrected this', 'corrected that', 'corrected him', 'corrected her', 'corrected the record', 'misspoke', 'i misspoke', 'misstated', 'does not support this', 'does not support that', "doesn't support this", 'not supported by', 'is not supported', 'retracted', 'nothing of the kind', 'nothing of the sort', 'no such thing']);

/** A sentence that calls something untrue, not itself negated ("you confirmed you had approved nothing of the kind"). */
export function deniedIn(ctx: Ctx, s: Sentence): boolean {
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    const phrase = mentionPhrase(ctx, m);
    if (has(m, 'denial') && UNTRUE.has(phrase) && !negatedBefore(ctx, m.from, s.from)) return true;
    i = m.to - 1;
  }
  return false;
}

/**
 * "The cutover was approved — or so the draft said before legal struck the line; the owner
 * never signed": "or so" turns what precedes into a report, and a denial or negation after the
 * report retracts it. Without one the report stands (a relayed claim is a claim).
 */
function doubtedReport(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number } | undefined {
  for (let i = s.from; i + 1 < s.to; i++) {
    if (ctx.tokens[i]?.norm !== 'or' || ctx.tokens[i + 1]?.norm !== 'so') continue;
    let report = -1;
    for (let j = i + 2; j < s.to && j < i + 8 && report === -1; j++) if (has(startingAt(ctx, j), 'report')) report = j;
    if (report === -1) return undefined;
    for (let j = report + 1; j < s.to; j++) {
      const m = startingAt(ctx, j);
      if (has(m, 'denial') || has(m, 'neg')) return { from: s.from, to: i };
    }
    return undefined;
  }
  return undefined;
}
