/**
 * A secret as a thing delivered: "the vendor's certificate finally arrived", "the production TLS
 * certificate was issued" say the certificate exists, not that a production secret was changed;
 * "the certificate was rotated" or "the secrets change was approved" still claim.
 */
import type { ActionRef } from './actions';
import { mentionPhrase, startingAt, type Ctx } from './mentions';

const THINGS = new Set(['certificate', 'certificates', 'key', 'keys', 'token', 'tokens', 'password', 'passwords', 'signing key', 'signing keys', 'api key', 'api keys', 'secret', 'secrets', 'credentials']);
const DELIVERY = new Set(['arrived', 'received', 'issued', 'obtained', 'secured', 'came through', 'in hand', 'on file', 'is on file', 'delivered']);

export function deliveredThing(ctx: Ctx, ref: ActionRef, cue: { readonly from: number; readonly to: number }): boolean {
  if (!DELIVERY.has(ctx.tokens.slice(cue.from, cue.to).map((t) => t.norm).join(' '))) return false;
  if (ref.action === 'secrets-change') return THINGS.has(mentionPhrase(ctx, ref.core));
  // "the production TLS certificate was issued": production only says which certificate.
  if (ref.action !== 'production') return false;
  for (let j = ref.to, steps = 0; j < ctx.tokens.length && steps < 3; j++, steps++) {
    const m = startingAt(ctx, j);
    if (m && THINGS.has(mentionPhrase(ctx, m))) return true;
    if (ctx.tokens[j]?.kind !== 'word') return false;
  }
  return false;
}
