/**
 * The production-gated actions a clause names. "production" before a specific action only
 * scopes it ("production cutover" is the cutover); before a non-action noun it is a modifier
 * ("production blockers"); after "in"/"to" it says where, unless nothing else is named.
 */
import type { ActionForm } from './lexicon';
import { has, mentionPhrase, nextToken, prevToken, startingAt, tagOf, type Ctx, type Mention } from './mentions';

export interface ActionRef {
  /** Token range, including a merged "production" modifier or object. */
  from: number;
  to: number;
  /** The action's own words. */
  readonly core: Mention;
  readonly action: string;
  readonly form: ActionForm;
  /** The action's own words scope it to production ("production apply", "cut over production"). */
  explicitProd: boolean;
  readonly fromProdWord: boolean;
  /** "in production", "to production": the place, set when the preposition says so. */
  readonly destPreposition: string | undefined;
}

export interface ClauseActions {
  readonly refs: readonly ActionRef[];
  /** The clause mentions production itself, so weak words ("apply") and staging markers read against it. */
  readonly hasProduction: boolean;
  /** "in production", "to production": the clause places something in production. */
  readonly placesInProduction: boolean;
}

export function resolveActions(ctx: Ctx, a: number, b: number): ClauseActions {
  const refs: ActionRef[] = [];
  for (let i = a; i < b; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    i = m.to - 1;
    if (has(m, 'prodWord') || has(m, 'prodModifier')) {
      const j = nextToken(ctx, m.to - 1, b);
      const n = j === -1 ? undefined : startingAt(ctx, j);
      if (has(n, 'head') || has(n, 'nonprod')) continue; // "production blockers", "production dry run"
      // "prod migration scripts", "production object-birth pipeline": a compound ending in a head.
      const k = j === -1 ? -1 : nextToken(ctx, j, b);
      if (j !== -1 && !ctx.cover[j] && ctx.tokens[j]?.kind === 'word' && k !== -1 && has(startingAt(ctx, k), 'head')) continue;
      const nAct = tagOf(n, 'action');
      if (n && nAct && !isPresentVerb(ctx, n, a, b)) {
        i = n.to - 1;
        if (headFollows(ctx, n, b) || nonProductionBefore(ctx, m.from, a)) continue;
        refs.push({ from: m.from, to: n.to, core: n, action: nAct.action, form: nAct.form, explicitProd: true, fromProdWord: true, destPreposition: undefined });
        continue;
      }
      const p = prevToken(ctx, m.from, a);
      const last = refs[refs.length - 1];
      if (last && p !== -1 && last.to === p + 1 && !last.fromProdWord && last.form !== 'weak') {
        // "cut over production", "apply QT001 production": the object scopes the action.
        last.to = m.to;
        last.explicitProd = true;
        continue;
      }
      let q = p;
      while (q !== -1 && has(ctx.cover[q], 'det')) q = prevToken(ctx, q, a);
      const dest = q !== -1 && has(ctx.cover[q], 'dest') ? ctx.tokens[q]?.norm : undefined;
      if (nonProductionBefore(ctx, m.from, a)) continue;
      // "does not extend to production", "never against prod": a place denied is no place.
      if (dest !== undefined && negatedBefore(ctx, q, a)) continue;
      // "the rollback design for production": production only qualifies a non-action noun.
      if (dest !== undefined && has(ctx.cover[prevToken(ctx, q, a)], 'head')) continue;
      refs.push({ from: m.from, to: m.to, core: m, action: 'production', form: 'noun', explicitProd: true, fromProdWord: true, destPreposition: dest });
      continue;
    }
    const act = tagOf(m, 'action');
    if (!act || codeCompound(ctx, m) || beforePrefix(ctx, m) || keysAsAuthority(ctx, m, a, b)) continue;
    if (isPresentVerb(ctx, m, a, b) || headFollows(ctx, m, b) || nonProductionBefore(ctx, m.from, a) || nonProductionAfter(ctx, m, b)) continue;
    refs.push({ from: m.from, to: m.to, core: m, action: act.action, form: act.form, explicitProd: false, fromProdWord: false, destPreposition: undefined });
  }

  const hasProduction = refs.some((r) => r.fromProdWord);
  const placesInProduction = refs.some((r) => r.destPreposition !== undefined && r.destPreposition !== 'of');
  const named = refs.filter((r) => r.form !== 'weak' || r.explicitProd || hasProduction);
  const specific = named.some((r) => r.destPreposition === undefined);
  // "Activation is permitted in production" claims activation; production is only where.
  return { refs: named.filter((r) => r.destPreposition === undefined || !specific), hasProduction, placesInProduction };
}

/** "permits the cutover" is the grant verb, "the permits" the action. */
export function isPresentVerb(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  if (tagOf(m, 'cue')?.cue !== 'present') return false;
  const j = nextToken(ctx, m.to - 1, b);
  const p = prevToken(ctx, m.from, a);
  const n = j === -1 ? undefined : ctx.cover[j];
  const before = p === -1 ? undefined : ctx.cover[p];
  const objectFollows = has(n, 'det') || has(n, 'action') || has(n, 'prodWord') || has(n, 'prodModifier');
  return objectFollows && !has(before, 'det') && !has(before, 'action');
}

function headFollows(ctx: Ctx, m: Mention, b: number): boolean {
  // "post-REAL_RUN review" names the event the review follows; "OPT-4 (owner, ...)" ends at the bracket.
  if (m.tags.some((t) => t.kind === 'cue' && t.cue === 'event')) return false;
  let j = nextToken(ctx, m.to - 1, b);
  // "the cutover test plan", "the go-live communications plan": a compound ending in a head, as after a production word.
  const k = j === -1 ? -1 : nextToken(ctx, j, b);
  if (j !== -1 && !ctx.cover[j] && ctx.tokens[j]?.kind === 'word' && !ctx.tokens[j]?.upper && k !== -1 && has(startingAt(ctx, k), 'head') && !has(startingAt(ctx, k), 'restriction')) j = k;
  // "the REAL_RUN gate" is a restriction on REAL_RUN, which a lift can remove.
  if (j === -1 || !has(startingAt(ctx, j), 'head') || has(startingAt(ctx, j), 'restriction')) return false;
  for (let k = m.to; k < j; k++) if (ctx.tokens[k]?.raw === '(' || ctx.tokens[k]?.raw === '[') return false;
  // "REAL_RUN owner grant recorded": the owner is who granted, the grant is the head.
  if (GRANTERS.has(ctx.tokens[j]?.norm ?? '')) {
    const g = startingAt(ctx, nextToken(ctx, (startingAt(ctx, j)?.to ?? j + 1) - 1, b));
    if (has(g, 'grantNoun') || has(g, 'cue')) return false;
  }
  return true;
}

const GRANTERS = new Set(['owner', 'owners']);

/** "the pre-cutover count": a time before the action, which names no action done. */
function beforePrefix(ctx: Ctx, m: Mention): boolean {
  const t = ctx.tokens[m.from];
  const p = ctx.tokens[m.from - 1];
  return t !== undefined && p !== undefined && t.inCompound === true && p.end + 1 === t.start && (p.norm === 'pre' || p.norm === 'pre-');
}

/** "#ldg2-cutover", "v2-rollout": a code glued to the word makes it a name (a channel, a build), not the action. */
const KEYS = new Set(['keys']);
const KEYS_OF = new Set(['to', 'for']);

/** "has the keys for the prod cutover", "handed Dario the keys to prod": the keys are the authority, not secrets changed. */
function keysAsAuthority(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  if (!KEYS.has(mentionPhrase(ctx, m)) || !KEYS_OF.has(ctx.tokens[nextToken(ctx, m.to - 1, b)]?.norm ?? '')) return false;
  let p = prevToken(ctx, m.from, a);
  if (p !== -1 && has(ctx.cover[p], 'det')) p = prevToken(ctx, p, a);
  // "handed Dario the keys": the receiver between the verb and the keys.
  if (p !== -1 && !ctx.cover[p] && ctx.tokens[p]?.kind === 'word') p = prevToken(ctx, p, a);
  return p !== -1 && has(ctx.cover[p], 'possess');
}

function codeCompound(ctx: Ctx, m: Mention): boolean {
  const t = ctx.tokens[m.from];
  if (!t?.inCompound) return false;
  const before = ctx.tokens[m.from - 1];
  const after = ctx.tokens[m.to];
  const partner = before && before.inCompound && before.end + 1 === t.start ? before : after && after.inCompound && after.start === (ctx.tokens[m.to - 1]?.end ?? 0) + 1 ? after : undefined;
  return partner !== undefined && /\d/.test(partner.raw) && /\D/.test(partner.raw);
}

/** "REAL_RUN dry-run", "cutover rehearsal": the action names what was rehearsed; "repointed the staging hostname": a verb's object is placed outside production. */
function nonProductionAfter(ctx: Ctx, m: Mention, b: number): boolean {
  let j = nextToken(ctx, m.to - 1, b);
  const verb = tagOf(m, 'action')?.form;
  if (verb === 'verb' || verb === 'performed') while (j !== -1 && has(ctx.cover[j], 'det') && !has(ctx.cover[j], 'neg')) j = nextToken(ctx, j, b);
  return j !== -1 && has(startingAt(ctx, j), 'nonprod');
}

/** A negation within three words before a place preposition ("not to production"). */
function negatedBefore(ctx: Ctx, at: number, a: number): boolean {
  let p = prevToken(ctx, at, a);
  for (let steps = 0; p !== -1 && steps < 3; steps++) {
    if (has(ctx.cover[p], 'neg')) return true;
    p = prevToken(ctx, ctx.cover[p]?.from ?? p, a);
  }
  return false;
}

/** "staging permit", "dry run of QT001/apply": a non-production marker right before the action. */
function nonProductionBefore(ctx: Ctx, from: number, a: number): boolean {
  let p = prevToken(ctx, from, a);
  for (let skips = 0; p !== -1 && skips < 2; skips++) {
    const c = ctx.cover[p];
    if (!(has(c, 'det') || ctx.tokens[p]?.norm === 'of')) break;
    p = prevToken(ctx, c ? c.from : p, a);
  }
  return p !== -1 && has(ctx.cover[p], 'nonprod');
}
