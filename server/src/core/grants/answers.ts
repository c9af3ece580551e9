/**
 * A question's answer: the label an answer may open with ("Q:", "A:", "Answer —") and an answer
 * that opens with an affirmative and hedges nothing ("Was the cutover performed? Yes, at
 * 01:40."), which asserts what the question asks. `dialogue.ts` holds the rest of the exchange.
 */
import { has, nextToken, startingAt, type Ctx } from './mentions';
import type { Sentence } from './sentences';
import { CLOSING_QUOTES, OPENING_QUOTES } from './tokens';

const QA_LABELS = new Set(['q', 'question', 'a', 'answer', 're']);

/** The first token of `s` past a "Q:", "A:" or "Answer —" label, or -1. */
export function pastLabel(ctx: Ctx, s: Sentence): number {
  const i = pastTimeStamp(ctx, s);
  const replied = pastReplyTo(ctx, i, s);
  if (replied !== -1) return replied;
  const sep = i === -1 ? -1 : nextToken(ctx, i, s.to);
  if (!QA_LABELS.has(ctx.tokens[i]?.norm ?? '') || !/^[:—–-]$/.test(ctx.tokens[sep]?.raw ?? '')) return i;
  // "Re: 'Are we clear to activate the export?'": the question quoted after its label.
  const n = nextToken(ctx, sep, s.to);
  return n !== -1 && OPENING_QUOTES.has(ctx.tokens[n]?.raw ?? '') ? nextToken(ctx, n, s.to) : n;
}

const DASHES = new Set(['—', '–', '-']);

const REPLY_WORDS = new Set(['answer', 'reply', 'response', 'replied', 'answered', 'responded']);
// "Owner reply to '…'": the speaker's words before the reply word.
const MAX_LEAD_WORDS = 3;

/** "Answer to 'is OPT-4 granted?'", "Owner reply to 'repoint the DNS?'": the quoted question's first token, or -1. */
function pastReplyTo(ctx: Ctx, first: number, s: Sentence): number {
  for (let i = first, words = 0; i !== -1 && words <= MAX_LEAD_WORDS; i = nextToken(ctx, i, s.to), words++) {
    if (!REPLY_WORDS.has(ctx.tokens[i]?.norm ?? '')) continue;
    const to = nextToken(ctx, i, s.to);
    // The quote is noise to `nextToken`: it is the token right after "to".
    if (to === -1 || ctx.tokens[to]?.norm !== 'to' || !OPENING_QUOTES.has(ctx.tokens[to + 1]?.raw ?? '')) return -1;
    return nextToken(ctx, to + 1, s.to);
  }
  return -1;
}

/** "11-20 08:12 — Q: …": a log's time stamp and its dash before a label; the label's token, or the first token. */
function pastTimeStamp(ctx: Ctx, s: Sentence): number {
  let first = nextToken(ctx, s.from - 1, s.to);
  // "| REAL_RUN for November billing? | Yes. |": a question and its answer in a row's cells.
  if (first !== -1 && ctx.tokens[first]?.raw === '|') first = nextToken(ctx, first, s.to);
  let i = first;
  for (let steps = 0; i !== -1 && steps < 8; steps++) {
    const t = ctx.tokens[i];
    if (!t || !(t.kind === 'number' || t.raw === ':' || DASHES.has(t.raw))) break;
    i = nextToken(ctx, i, s.to);
  }
  return i !== -1 && i !== first && QA_LABELS.has(ctx.tokens[i]?.norm ?? '') ? i : first;
}

/**
 * The first token of an answer past its label: "A:", and the one who answers ("— Owner: yes",
 * "Marta: ok go"), a speaker being one capitalised word or "owner" before a colon.
 */
function pastSpeaker(ctx: Ctx, s: Sentence): number {
  let i = nextToken(ctx, s.from - 1, s.to);
  // "…?' — Owner: yes": the quoted question's closing mark, then the dash before the speaker.
  // "Answer to '…?': Yes": or the colon before the answer. (A quote is noise to `nextToken`.)
  const closed = CLOSING_QUOTES.has(ctx.tokens[s.from]?.raw ?? '');
  if (i !== -1 && CLOSING_QUOTES.has(ctx.tokens[i]?.raw ?? '')) i = nextToken(ctx, i, s.to);
  if (i !== -1 && (DASHES.has(ctx.tokens[i]?.raw ?? '') || (closed && ctx.tokens[i]?.raw === ':'))) i = nextToken(ctx, i, s.to);
  const t = ctx.tokens[i];
  const sep = i === -1 ? -1 : nextToken(ctx, i, s.to);
  if (t && t.kind === 'word' && (QA_LABELS.has(t.norm) || t.norm === 'owner' || t.capital) && ctx.tokens[sep]?.raw === ':') return nextToken(ctx, sep, s.to);
  return closed ? i : pastLabel(ctx, s);
}

/** "Was the cutover performed? Yes, at 01:40.": the answer sentence opens with an affirmative and hedges nothing. */
export function answeredYes(ctx: Ctx, answer: Sentence | undefined): number {
  if (!answer) return -1;
  const i = pastSpeaker(ctx, answer);
  const m = i === -1 ? undefined : startingAt(ctx, i);
  // "Summit Express cutover? | GO.": a status word written as one is an answer too.
  if (!has(m, 'affirm') && !m?.tags.some((tag) => tag.kind === 'cue' && tag.cue === 'upper') && !bareGo(ctx, i, answer)) return -1;
  for (let j = i; j < answer.to; j++) {
    const c = startingAt(ctx, j);
    // "yes, but only on staging": an answer placed outside production affirms nothing of it.
    if (c && (has(c, 'neg') || has(c, 'nonprod') || c.tags.some((tag) => tag.kind === 'trigger' && tag.trigger !== 'request'))) return -1;
  }
  return i;
}

/** "…?': go", "Q: repoint tonight? — go ahead.": a lone "go" answers yes. */
function bareGo(ctx: Ctx, i: number, answer: Sentence): boolean {
  if (i === -1 || ctx.tokens[i]?.norm !== 'go' || ctx.cover[i]) return false;
  let n = nextToken(ctx, i, answer.to);
  if (ctx.tokens[n]?.norm === 'ahead') n = nextToken(ctx, n, answer.to);
  return n === -1 || ctx.tokens[n]?.raw === '.' || ctx.tokens[n]?.raw === '!' || ctx.tokens[n]?.raw === ',';
}

const GRANT_VERBS = new Set(['approve', 'authorize', 'authorise', 'clear', 'sanction', 'greenlight', 'green-light', 'ok', 'okay', 'allow', 'sign']);

/** "Approve the gate cutover?": a question that opens with a verb of granting asks for the grant. */
export function opensWithGrant(ctx: Ctx, s: Sentence): boolean {
  const i = pastLabel(ctx, s);
  return i !== -1 && GRANT_VERBS.has(ctx.tokens[i]?.norm ?? '');
}

// Tags a verbless question may carry: it names the thing asked about and nothing else.
const NAMING = new Set(['action', 'prodWord', 'prodModifier', 'det', 'prep', 'dest', 'head']);
const MAX_NAMING_WORDS = 8;

/**
 * "REAL_RUN for November billing?", "| Summit Express cutover? |": a question that opens with
 * the action, or names one with no verb at all, asks whether it may go ahead. Bounded by
 * {@link MAX_NAMING_WORDS} tokens.
 */
export function asksForAction(ctx: Ctx, s: Sentence): boolean {
  const i = pastLabel(ctx, s);
  if (i === -1) return false;
  if (has(ctx.cover[i], 'action')) return true;
  let action = false;
  for (let j = i, words = 0; j < s.to; j++) {
    const t = ctx.tokens[j];
    if (!t || t.raw === '?') break;
    if (t.kind === 'punct') continue;
    if (++words > MAX_NAMING_WORDS) return false;
    const c = ctx.cover[j];
    if (c && !c.tags.every((tag) => NAMING.has(tag.kind))) return false;
    if (c) {
      action ||= has(c, 'action');
      j = c.to - 1;
    }
  }
  return action;
}

