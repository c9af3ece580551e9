/**
 * A hedging lead ("What a production phase would need", "Next steps:", "Open questions"): a short
 * heading or lead line holding a future, requirement, request, question or option word, so the
 * list items under it state what is needed or planned, not what happened. Hosts ask it of the
 * line before a list (`GrantDetector.hedgesList`).
 */
import type { Lexicon } from './lexicon';
import { has, nextToken, startingAt } from './mentions';
import { readText } from './readText';
import { FORWARD } from './scopes';

// A lead longer than this is prose of its own, not a label for the list under it.
const MAX_LEAD_WORDS = 14;

/** Whether `original` is such a lead (the module header says what one is). */
export function hedgingLead(original: string, lex: Lexicon, runsOn: ReadonlySet<string>): boolean {
  // A long paragraph is no lead: counted on the raw text, before anything is tokenized.
  if (original.split(/\s+/, MAX_LEAD_WORDS + 2).filter(Boolean).length > MAX_LEAD_WORDS) return false;
  const read = readText(original, lex, runsOn);
  if (!read) return false;
  const { ctx } = read;
  let words = 0;
  let hedge = false;
  let negated = false;
  let namesAction = false;
  let first: string | undefined;
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (ctx.tokens[i]?.kind === 'word' && ++words > MAX_LEAD_WORDS) return false;
    first ??= ctx.tokens[i]?.kind === 'word' ? ctx.tokens[i]?.norm : undefined;
    const m = startingAt(ctx, i);
    // "Status after the thread", "State before the cutover": a time that places a record, not a condition.
    if (first !== undefined && RECORD_LEADS.has(first) && m && m.from === i && PLACING_TIMES.has(ctx.tokens[i]?.norm ?? '')) continue;
    // "What this means (my reading, please correct)": a request to check the writer's reading asks nothing of the items.
    if (m && ctx.tokens[i]?.norm === 'please' && CHECKING.has(ctx.tokens[nextToken(ctx, i, ctx.tokens.length)]?.norm ?? '')) continue;
    if (m?.tags.some((t) => t.kind === 'option' || (t.kind === 'trigger' && FORWARD.has(t.trigger)))) hedge = true;
    // "What was deliberately NOT done", "Resolutions tabled (none adopted)": the items under a denied lead did not happen.
    if (m?.tags.some((t) => t.kind === 'neg')) negated = true;
    if (has(m, 'action')) namesAction = true;
  }
  return hedge || (negated && !namesAction);
}

// Not "check", "verify" or "confirm": a list one is asked to verify is in doubt.
const CHECKING = new Set(['correct', 'comment', 'note', 'see', 'read']);
const RECORD_LEADS = new Set(['status', 'state', 'result', 'results', 'outcome', 'outcomes', 'summary', 'situation', 'position']);
const PLACING_TIMES = new Set(['after', 'before', 'following', 'since', 'as of']);
