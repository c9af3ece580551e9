/**
 * Where a non-production word places a clause: "for staging", "in the sandbox" place it outside
 * production; a run's mode ("with --dry-run", "in read-only mode") cancels it wherever it ran;
 * "after the staging run" only dates it.
 */
import { has, isComma, mentionPhrase, nextToken, prevToken, type Ctx, type Mention } from './mentions';

const PLACE_KEYS = new Set(['scope', 'env', 'environment', 'target', 'tier']);
const PLACE_PREPOSITIONS = new Set(['for', 'in', 'on', 'to', 'into', 'within', 'inside', 'against', 'onto']);
export const TIME_PREPOSITIONS = new Set(['before', 'after', 'since', 'until', 'during', 'ahead']);

const MODES = new Set(['dry-run', 'dryrun', 'dry_run', 'dry run', 'read-only', 'readonly', 'read only', 'preflight', 'pre-flight', 'simulated', 'dry-run mode']);
const MODE_OPENERS = new Set(['with', 'as', '-', '(']);
const FLAG_ON = new Set(['true', 'yes', 'on', '1']);

export function runMode(ctx: Ctx, m: Mention, a: number): boolean {
  if (!MODES.has(mentionPhrase(ctx, m))) return false;
  // "(dry_run=true)", "dry-run: yes": the mode set as a flag.
  if ((ctx.tokens[m.to]?.raw === '=' || ctx.tokens[m.to]?.raw === ':') && FLAG_ON.has(ctx.tokens[m.to + 1]?.norm ?? '')) return true;
  const p = prevToken(ctx, m.from, a);
  if (p === -1) return false;
  // "mode=DRY_RUN": the mode field's value.
  if (ctx.tokens[p]?.raw === '=' && ctx.tokens[prevToken(ctx, p, a)]?.norm === 'mode') return true;
  // "in read-only mode"; "ERP in read-only" is the state of another system.
  if (ctx.tokens[p]?.norm === 'in') return ctx.tokens[m.to]?.norm === 'mode' || ctx.tokens.slice(m.from, m.to).some((t) => t.norm === 'mode');
  return MODE_OPENERS.has(ctx.tokens[p]?.norm ?? '');
}

/** "after the replica-lag alarm", "since the staging run": a non-production word dating the clause does not place it. */
export function inTimePhrase(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  for (let steps = 0; p !== -1 && steps < 3; steps++) {
    const c = ctx.cover[p];
    // "has since been revoked", "has since revoked": "since" is the perfect's adverb, the verb a verb.
    if (TIME_PREPOSITIONS.has(ctx.tokens[p]?.norm ?? '')) return !has(ctx.cover[prevToken(ctx, p, a)], 'have');
    if (has(c, 'be')) return false;
    // "ahead of the holiday freeze": the two-word preposition.
    if (ctx.tokens[p]?.norm === 'of' && ctx.tokens[prevToken(ctx, p, a)]?.norm === 'ahead') return true;
    if (!(has(c, 'det') || has(c, 'adverb') || (!c && ctx.tokens[p]?.kind !== 'punct'))) return false;
    p = prevToken(ctx, c ? c.from : p, a);
  }
  return false;
}

/**
 * "After three weeks of parallel runs in the sandbox tenant, the CTO authorized ...": a phrase
 * that opens the clause with a time preposition and ends at a comma dates what follows; the
 * places named inside it are where the earlier work ran. One pass from the clause start to the
 * marker and one to the comma after it.
 */
// Not "during": "During the rehearsal in staging, we repointed DNS" places the repoint in staging.
const EARLIER_OR_LATER = new Set(['before', 'after', 'since', 'ahead']);

export function inLeadingTimePhrase(ctx: Ctx, m: Mention, a: number, b: number): boolean {
  const first = ctx.tokens[a]?.kind === 'word' ? a : nextToken(ctx, a, b);
  if (first === -1 || first >= m.from || !EARLIER_OR_LATER.has(ctx.tokens[first]?.norm ?? '')) return false;
  for (let i = first; i < m.from; i++) if (isComma(ctx, i)) return false;
  for (let i = m.to; i < b; i++) if (isComma(ctx, i)) return true;
  return false;
}

/** "for the dry run", "in staging only": a place preposition within two words before the marker. */
export function placedAfter(ctx: Ctx, m: Mention, a: number): boolean {
  let p = prevToken(ctx, m.from, a);
  // "(scope: staging, actions: repoint)", "env=staging": the place as a field's value.
  if (p !== -1 && (ctx.tokens[p]?.raw === ':' || ctx.tokens[p]?.raw === '=') && PLACE_KEYS.has(ctx.tokens[prevToken(ctx, p, a)]?.norm ?? '')) return true;
  for (let steps = 0; p !== -1 && steps < 3; steps++) {
    const c = ctx.cover[p];
    if (PLACE_PREPOSITIONS.has(ctx.tokens[p]?.norm ?? '')) return true;
    if (!(has(c, 'det') || has(c, 'adverb') || ctx.tokens[p]?.norm === 'only')) return false;
    p = prevToken(ctx, c ? c.from : p, a);
  }
  return false;
}
