/**
 * A sentence scoped away from production as a whole by "only" beside a non-production marker
 * ("REAL_RUN approved — staging environment only", "only against the staging Directus"), unless
 * a `;` or a consequence (", so ...", ", but ...") makes the place one clause's, not the sentence's.
 */
import { has, isComma, nextToken, prevToken, startingAt, type Ctx, type Mention } from './mentions';
import type { Sentence } from './sentences';

const CONSEQUENCE = new Set(['so', 'but', 'yet', 'whereas']);

/**
 * "REAL_RUN approved — staging environment only", "but only against the staging Directus":
 * a non-production marker beside "only" scopes the whole sentence away from production.
 */
export function onlyOutsideProduction(ctx: Ctx, s: Sentence): boolean {
  // "the drill ran only on the prod clone; the owner approved the repoint regardless", "rehearsed on
  // the staging zone only, so the repoint Owen approved today ...": one clause's place, not the sentence's.
  for (let i = s.from; i < s.to; i++) if (ctx.tokens[i]?.raw === ';') return false;
  let production = false;
  let envOutside = false;
  for (let i = s.from; i < s.to; i++) {
    const m = startingAt(ctx, i);
    if (!m) continue;
    if (has(m, 'prodWord') || has(m, 'prodModifier')) production = true;
    if (!has(m, 'nonprod')) continue;
    if (onlyBeside(ctx, m, s)) return !consequenceAfter(ctx, m.to, s.to);
    // "mode=DRY_RUN target=prod-ledger status=completed": a dry run's record changed nothing, wherever it ran.
    if (keyBefore(ctx, m, s, MODE_KEYS)) return true;
    if (keyBefore(ctx, m, s, ENV_KEYS)) envOutside = true;
    i = m.to - 1;
  }
  // `{"action": "repoint", "status": "DONE", "env": "staging"}`, `env=staging`: a record's environment field places all of it.
  return envOutside && !production;
}

const ENV_KEYS = new Set(['env', 'environment', 'target_env', 'stage', 'tier']);
const MODE_KEYS = new Set(['mode', 'run_mode', 'runmode']);

/** `"env": "staging"`, `env=staging`, `mode=DRY_RUN`: the marker is the value of one of `keys`. */
function keyBefore(ctx: Ctx, m: Mention, s: Sentence, keys: ReadonlySet<string>): boolean {
  let p = prevToken(ctx, m.from, s.from);
  for (let k = 0; p !== -1 && k < 3 && ctx.tokens[p]?.kind === 'punct'; k++) p = prevToken(ctx, p, s.from);
  return p !== -1 && keys.has(ctx.tokens[p]?.norm ?? '');
}

/** "sim only", "staging only", "staging environment only", "only against the staging Directus". */
function onlyBeside(ctx: Ctx, m: Mention, s: Sentence): boolean {
  if (ctx.tokens[m.to - 1]?.norm === 'only') return true;
  for (let n = nextToken(ctx, m.to - 1, s.to), k = 0; n !== -1 && k < 2; n = nextToken(ctx, n, s.to), k++) {
    if (ctx.tokens[n]?.norm === 'only') return true;
    if (ctx.tokens[n]?.kind === 'punct') break;
  }
  // "Not only staging but also production was migrated": the "only" of "not only" adds, it does not restrict.
  for (let p = prevToken(ctx, m.from, s.from), k = 0; p !== -1 && k < 4; p = prevToken(ctx, p, s.from), k++) {
    if (ctx.tokens[p]?.norm === 'only' && !has(ctx.cover[p], 'pseudo')) return true;
  }
  return false;
}

/** ", so ...", ", but ..." after the place: the next clause is not placed by it. */
function consequenceAfter(ctx: Ctx, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isComma(ctx, i) && CONSEQUENCE.has(ctx.tokens[nextToken(ctx, i, to)]?.norm ?? '')) return true;
  return false;
}

/**
 * "Repointing done, but only on the lab collector; the prod ingestion still reads from legacy":
 * in a sentence that semicolons part, each part scoped away from production on its own. The
 * parts' token ranges; one pass over the sentence and one per part.
 */
export function partsOutsideProduction(ctx: Ctx, s: Sentence): { readonly from: number; readonly to: number }[] {
  const out: { from: number; to: number }[] = [];
  let from = s.from;
  for (let i = s.from; i <= s.to; i++) {
    if (i < s.to && ctx.tokens[i]?.raw !== ';') continue;
    if (from === s.from && i === s.to) return out; // no semicolon: the whole sentence is read as such
    const part = { from, to: i, question: s.question };
    if (onlyOutsideProduction(ctx, part)) out.push(part);
    from = i + 1;
  }
  return out;
}
