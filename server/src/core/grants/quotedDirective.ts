/**
 * A quoted directive as a permission cue ('Proceed with the repoint,', "Rotate the prod secrets
 * now."): an order to act opening a quotation, not a quoted status or a JSON key or value.
 */
import { has, tagOf, type Ctx, type Mention } from './mentions';
import { OPENING_QUOTES } from './tokens';


/** The quoted word at `open`..`close` is a JSON key (a colon after it) or a value (after a key's colon). */
function jsonString(ctx: Ctx, open: number, close: number): boolean {
  if (ctx.tokens[close]?.raw !== '"') return false;
  if (ctx.tokens[close + 1]?.raw === ':') return true;
  return ctx.tokens[open - 1]?.raw === ':' && ctx.tokens[open - 2]?.raw === '"';
}

/** 'Proceed with the repoint,' / "Rotate the prod secrets now.": a quoted order to act. */
export function quotedImperative(ctx: Ctx, m: Mention, a: number): boolean {
  if (!(has(m, 'permVerb') || tagOf(m, 'action')?.form === 'verb')) return false;
  const q = m.from - 1;
  if (q < a) return false;
  const quote = ctx.tokens[q];
  if (!quote || !OPENING_QUOTES.has(quote.raw) || quote.end !== ctx.tokens[m.from]?.start) return false;
  // "repoint approved too" quotes a status, not an order.
  if (has(ctx.cover[m.to], 'cue')) return false;
  // {"action": "repoint", ...}: a JSON key or value names a field, it orders nothing.
  if (jsonString(ctx, q, m.to)) return false;
  // An opening quote follows a space, a colon or the start; a closing one ends a word.
  const before = ctx.text.charAt(quote.start - 1);
  return before === '' || /[\s:([—–-]/.test(before);
}
