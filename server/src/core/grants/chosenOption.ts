/**
 * A labelled option chosen: "Options were (a) repoint tonight, (b) hold; the owner chose (a)".
 */
import { resolveActions, type ActionRef } from './actions';
import { nextToken, type Ctx } from './mentions';
import { clauseScopes } from './scopes';
import type { Sentence } from './sentences';

/** The label token `i` between brackets ("(a)", "(2)"): the label, or undefined. */
function labelAt(ctx: Ctx, i: number): string | undefined {
  const t = ctx.tokens[i];
  if (ctx.tokens[i - 1]?.raw !== '(' || ctx.tokens[i + 1]?.raw !== ')' || !t || t.raw.length > 2) return undefined;
  return t.norm;
}

/**
 * The actions of the option whose label follows the choice word, as the sentence listed it
 * before ("(a) repoint tonight, (b) ..."), up to the next label: undefined when the choice names
 * no label or the label was not listed. Bounded by the sentence.
 */
export function chosenOption(ctx: Ctx, s: Sentence, after: number): ActionRef[] | undefined {
  let i = nextToken(ctx, after - 1, s.to);
  if (ctx.tokens[i]?.norm === 'option') i = nextToken(ctx, i, s.to);
  const label = i === -1 ? undefined : labelAt(ctx, i);
  if (!label) return undefined;
  for (let j = s.from; j < i; j++) {
    if (labelAt(ctx, j) !== label) continue;
    const from = j + 2;
    let end = from;
    while (end < i && labelAt(ctx, end + 1) === undefined && ctx.tokens[end]?.raw !== ';') end++;
    const { refs } = resolveActions(ctx, from, end);
    const sc = clauseScopes(ctx, from, end, []);
    return refs.filter((r) => !sc.negated[r.core.from - from] && !(sc.nonProduction && !r.explicitProd));
  }
  return undefined;
}
