/**
 * A log line that reports success ("deploy: prod 2026-07-22 SUCCESS v1.9.0", "REAL_RUN env=prod
 * ... OK"): tool output's shape, a gated action, production, a success word and no failure word.
 * The small closed sets of success and failure words guard this form only.
 */
import { has, type Ctx } from './mentions';
import type { Sentence } from './sentences';

// Log output: a success word, and nothing that says the step failed or only rehearsed.
const LOG_SUCCESS = new Set(['ok', 'success', 'succeeded', 'committed', 'done', 'complete', 'completed', 'applied', 'finished', 'rotated', 'deployed', 'live']);
const LOG_FAILURE = new Set(['fail', 'failed', 'failure', 'error', 'errors', 'skipped', 'skip', 'aborted', 'abort', 'denied', 'blocked', 'rejected', 'refused', 'noop', 'no-op', 'dry-run', 'dryrun', 'cancelled', 'canceled', 'timeout', 'halted', 'paused', 'pending', 'queued', 'scheduled', 'rolled', 'reverted', 'warn', 'simulated']);

/**
 * A log line ("deploy: prod 2026-07-22 SUCCESS v1.9.0", "REAL_RUN env=prod ... OK"): it has
 * the shape of tool output (a `key=value`, an ellipsis, an arrow, a bracketed time stamp, or
 * an upper-case result word), names a gated action and production, and reports success. The
 * token of the success word, or -1.
 */
export function logSuccess(ctx: Ctx, s: Sentence): number {
  let shaped = false;
  let success = -1;
  let production = false;
  let action = false;
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    if (!t) continue;
    if (LOG_FAILURE.has(t.norm) || has(ctx.cover[i], 'nonprod') || has(ctx.cover[i], 'neg')) return -1;
    if (t.raw === '=' || t.raw === '>' || (t.raw === '.' && ctx.tokens[i + 1]?.raw === '.' && ctx.tokens[i + 2]?.raw === '.') || t.raw === '→') shaped = true;
    if (t.raw === '[' && ctx.tokens[i + 1]?.kind === 'number') shaped = true;
    // "step 7/7 complete", "traffic 100%": progress counters are tool output too.
    if (t.raw === '%' || (t.kind === 'number' && /^\d+\/\d+$/.test(t.raw))) shaped = true;
    if (LOG_SUCCESS.has(t.norm) && (t.upper || shaped || success === -1)) {
      if (t.upper && t.raw.length > 1) shaped = true;
      if (success === -1 || t.upper) success = i;
    }
    const c = ctx.cover[i];
    if (has(c, 'prodWord') || /(?:^|[-/.=])(?:prod|production)(?:$|[-/.])/.test(t.norm)) production = true;
    if (c && c.tags.some((tag) => tag.kind === 'action' && tag.action !== 'production')) action = true;
  }
  return shaped && production && action ? success : -1;
}
