/**
 * "the scratch trial database", "a throwaway payout schema", "the training vault": a system
 * whose modifier says it is kept for practice or tests is outside production, whatever words
 * sit between the two (one at most). The vocabulary lists the common pairs ("scratch database");
 * this names the rest by their parts, so a new system's name needs no new entry.
 */
import type { Tag } from './lexicon';
import { has, type Ctx } from './mentions';
import type { Sentence } from './sentences';

const NON_PRODUCTION: readonly Tag[] = [{ kind: 'nonprod' }];

const PRACTICE = new Set(['scratch', 'throwaway', 'dummy', 'test', 'training', 'lab', 'bench', 'practice', 'disposable', 'ephemeral']);
const SYSTEMS = new Set([
  'database', 'databases', 'db', 'dbs', 'schema', 'schemas', 'table', 'tables', 'cluster', 'clusters', 'environment', 'environments',
  'env', 'tenant', 'tenants', 'instance', 'instances', 'server', 'servers', 'copy', 'copies', 'branch', 'vault', 'vaults', 'bucket',
  'buckets', 'account', 'accounts', 'node', 'nodes', 'host', 'hosts', 'box', 'vm', 'vms', 'stack', 'namespace', 'project', 'org',
]);
// At most this many plain words between the modifier and the system ("scratch trial database").
const MAX_BETWEEN = 1;

function plainWord(ctx: Ctx, i: number): boolean {
  return ctx.tokens[i]?.kind === 'word' && ctx.cover[i] === undefined && ctx.noise[i] === 0;
}

// "Dev confirmed …", "per Dev's message": a person named Dev, not the dev tier, when the word is
// written as a name and stands as a subject or an owner rather than as a place.
const NAME_LIKE = new Set(['dev']);
const PLACE_BEFORE = new Set(['in', 'on', 'to', 'into', 'from', 'onto', 'against', 'the', 'a']);
const SAYING = new Set(['said', 'says', 'wrote', 'writes', 'told', 'asked', 'thinks', 'ran', 'did', 'has', 'had', 'was']);

/** Unmarks a capitalised "Dev" used as a person's name (one pass; only single-word mentions). */
export function unmarkNamedPeople(ctx: Ctx, s: Sentence): void {
  for (let i = s.from; i < s.to; i++) {
    const t = ctx.tokens[i];
    const m = ctx.cover[i];
    if (!t || !m || m.from !== i || m.to !== i + 1 || !NAME_LIKE.has(t.norm) || t.upper || !t.capital) continue;
    const before = ctx.tokens[i - 1];
    if (before && PLACE_BEFORE.has(before.norm)) continue;
    const next = ctx.tokens[i + 1];
    const possessive = /[’']s$/.test(t.raw) || next?.raw === "'s" || next?.raw === '’s';
    // "Dev confirmed", "Dev said": a person's past verb; "Dev rollout done", "Dev deploy" name the tier's work.
    const subject = next !== undefined && next.kind === 'word' && !has(ctx.cover[i + 1], 'action') && (next.norm.endsWith('ed') || SAYING.has(next.norm));
    if (possessive || subject) ctx.cover[i] = undefined;
  }
}

/** Marks each modifier-and-system pair of the sentence as one non-production mention (one pass). */
export function markNonProductionPlaces(ctx: Ctx, s: Sentence): void {
  for (let i = s.from; i < s.to; i++) {
    if (!plainWord(ctx, i) || !PRACTICE.has(ctx.tokens[i]!.norm)) continue;
    // "rebuilt from scratch": an idiom, no place.
    if (ctx.tokens[i - 1]?.norm === 'from') continue;
    for (let j = i + 1; j < s.to && j <= i + 1 + MAX_BETWEEN && plainWord(ctx, j); j++) {
      if (!SYSTEMS.has(ctx.tokens[j]!.norm)) continue;
      const mention = { from: i, to: j + 1, tags: NON_PRODUCTION };
      for (let k = i; k <= j; k++) ctx.cover[k] = mention;
      i = j;
      break;
    }
  }
}
