/**
 * "the scratch trial database", "a throwaway payout schema", "the training vault": a system
 * whose modifier says it is kept for practice or tests is outside production, whatever words
 * sit between the two (one at most). The vocabulary lists the common pairs ("scratch database");
 * this names the rest by their parts, so a new system's name needs no new entry.
 */
import type { Tag } from './lexicon';
import type { Ctx } from './mentions';
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
