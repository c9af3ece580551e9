/**
 * The actions of a token range that stand: named, and not negated, excluded, hedged or placed
 * outside production by the range's scopes. Every sentence form that claims an action without
 * a clause of its own (a task box, a table row, a log line, a choice, an answer) takes its
 * actions from here, so the scopes rule out for them what they rule out for a clause.
 */
import { resolveActions, type ActionRef } from './actions';
import type { Ctx } from './mentions';
import { clauseScopes, type ClauseScopes } from './scopes';

/**
 * The actions in [a, b) that stand: not negated, excluded, hedged or outside production.
 * `scopes`: the range's scopes when the caller has them already.
 */
export function standingActions(ctx: Ctx, a: number, b: number, scopes?: ClauseScopes): ActionRef[] {
  const { refs, hasProduction, placesInProduction } = resolveActions(ctx, a, b);
  if (refs.length === 0) return [];
  const sc = scopes ?? clauseScopes(ctx, a, b, []);
  if (sc.cancelled || (sc.nonProductionPlace && !placesInProduction)) return [];
  return refs.filter((r) => {
    const at = r.core.from - a;
    return !sc.negated[at] && !sc.excluded[at] && !sc.hedged[at] && !(sc.nonProduction && !hasProduction && !r.explicitProd) && sc.predicateNegated[at] !== 1;
  });
}
