/**
 * A production state only an action explains (spec §5: doing it implies it was allowed): "the
 * objects alias now points at objects_v3 in production", "Production is serving v1.9.0", a
 * rollout at its full share ("at 100% in prod"). A state word, production named, and a mark of
 * novelty, unnegated and unhedged; the action is read off the sentence's words. The closed sets
 * of novelty and unchanged-state words guard this form only.
 */
import { has, prevToken, type Ctx } from './mentions';
import { clauseScopes } from './scopes';
import type { Sentence } from './sentences';

// A production state only an action explains (spec §5: doing it implies it was allowed):
// "the objects alias now points at objects_v3 in production", "Production is serving v1.9.0".
const NOVELTY = /^(?:now|new|newly|since|fully|100%|active|activated|enabled|v\d[\w.]*|\d+\.\d+(?:\.\d+)?)$/;
const UNCHANGED = new Set(['still', 'unchanged', 'untouched', 'remains', 'remain', 'remained', 'stays', 'stayed', 'yet', 'inactive', 'disabled', 'unmodified', 'original', 'previous', 'prior', 'rollback', 'reverted', 'back']);
const STATE_ACTIONS: readonly [string, RegExp][] = [
  ['secrets-change', /^(?:credentials?|secrets?|passwords?|keys?|vault|certificates?|tokens?)$/],
  ['repoint', /^(?:alias|aliases|idx[\w-]*|index|indices)$/],
  ['activation', /^(?:active|activated|enabled|flag|blueprint)$/],
  ['production-mutation', /^(?:rows?|objects?|born|records?|schema|tables?|collections?|directus|pg|postgres|registry|birth_registry|migrated|migrations?)$/],
  ['cutover', /^(?:dns|traffic|cluster|balancer|requests|resolves|handled|primary)$/],
  ['go-live', /^(?:release|releases|users|tenants|version|build|live|v\d[\w.]*|\d+\.\d+(?:\.\d+)?)$/],
];

const FULL_SHARE = new Set(['at', 'to', '→', '->', '=']);
const PLANNED = new Set(['planned', 'scheduled', 'targeted', 'target', 'proposed', 'pending', 'next']);

/** The state verb's token range and the action its state implies, or undefined. */
export function productionState(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number; readonly action: string } | undefined {
  // "Traffic to the legacy pusher is zero; all notifications now go through v3 in production": each part is a state of its own.
  let from = s.from;
  for (let i = s.from; i <= s.to; i++) {
    if (i < s.to && ctx.tokens[i]?.raw !== ';') continue;
    const state = statePart(ctx, from, i);
    if (state) return { ...state, action: state.action === 'production' ? stateAction(ctx, s.from, s.to) : state.action };
    from = i + 1;
  }
  return undefined;
}

function statePart(ctx: Ctx, a: number, b: number): { readonly from: number; readonly to: number; readonly action: string } | undefined {
  const s = { from: a, to: b };
  let verb: { from: number; to: number } | undefined;
  let production = false;
  let role = false;
  let novelty = false;
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (!t) continue;
    const c = ctx.cover[i];
    if (UNCHANGED.has(t.norm) || has(c, 'neg') || has(c, 'nonprod') || t.raw === '?') return undefined;
    if (t.norm === '0%' || (t.norm === '0' && ctx.tokens[i + 1]?.raw === '%')) return undefined;
    // Production named, or a production store written to ("birth rows", "Directus").
    if (has(c, 'prodWord') || has(c, 'prodModifier') || c?.tags.some((tag) => tag.kind === 'action' && tag.action === 'production-mutation')) production = true;
    if (NOVELTY.test(t.norm) || (t.norm === '100' && ctx.tokens[i + 1]?.raw === '%')) novelty = true;
    // "card_controls_v2 is at 100% in prod", "flag → 100% (all users, prod)": a rollout's full share is its state.
    // "25% → 50% → 100% planned": a rollout's steps to come.
    if (!verb && t.norm === '100' && ctx.tokens[i + 1]?.raw === '%' && FULL_SHARE.has(ctx.tokens[prevToken(ctx, i, s.from)]?.norm ?? '') && !PLANNED.has(ctx.tokens[i + 2]?.norm ?? '')) verb = { from: prevToken(ctx, i, s.from), to: i + 2 };
    if (!verb && c && c.from === i && has(c, 'state')) {
      verb = { from: c.from, to: c.to };
      // "the cloud SIS is now the system of record": the role named is production's own.
      if (ctx.tokens[c.to - 1]?.norm === 'record' || ctx.tokens[c.to - 1]?.norm === 'primary') production = role = true;
      // "on for everyone": the state says it is new to all.
      if (ctx.tokens[c.to - 1]?.norm === 'everyone' || ctx.tokens[c.to]?.norm === 'everyone') novelty = true;
    }
  }
  if (!verb || !production || !novelty) return undefined;
  const sc = clauseScopes(ctx, s.from, s.to, []);
  if (sc.cancelled || sc.hedged[verb.from - s.from] || sc.predicateNegated[verb.from - s.from] === 1) return undefined;
  // Taking over production's role is the cutover.
  return { ...verb, action: role ? 'cutover' : 'production' };
}

/** The action a production state implies, from the words of the whole sentence ("Old signing key retired; every prod pod now reads ..."). */
function stateAction(ctx: Ctx, a: number, b: number): string {
  for (const [action, words] of STATE_ACTIONS) {
    for (let i = a; i < b; i++) if (words.test(ctx.tokens[i]?.norm ?? '')) return action;
  }
  return 'production';
}
