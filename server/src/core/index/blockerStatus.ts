import type { Blocker, BlockerMapFacts } from '../facts/types';

export interface BlockerStatus {
  id: string;
  status: 'unresolved' | 'resolved';
  /** The map holding the latest definition. */
  facts: BlockerMapFacts;
  blocker: Blocker;
  /** Every map that defines this ID, oldest first. */
  definedIn: BlockerMapFacts[];
  /** How it was resolved: the map whose resolved_in_this_macro lists it, or its own status. */
  resolvedBy?: { facts: BlockerMapFacts; how: 'status' | 'resolved_in_this_macro' };
}

export interface BlockerDefinition {
  facts: BlockerMapFacts;
  blocker: Blocker;
}

/** Maps in the order their statements take effect: by date, then path. */
export const byDateThenPath = (a: BlockerMapFacts, b: BlockerMapFacts) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path);

/**
 * Spec §3.1: the latest definition (by map date) is the current state; it is resolved when
 * it says RESOLVED, or when a map dated on or after it lists the ID in resolved_in_this_macro.
 * `definitions` and `resolvers` are in byDateThenPath order.
 */
export function blockerStatusOf(id: string, definitions: readonly BlockerDefinition[], resolvers: readonly BlockerMapFacts[]): BlockerStatus | undefined {
  const latest = definitions[definitions.length - 1];
  if (!latest) return undefined;
  const status: BlockerStatus = { id, status: 'unresolved', facts: latest.facts, blocker: latest.blocker, definedIn: definitions.map((d) => d.facts) };
  if (latest.blocker.status === 'RESOLVED') {
    status.status = 'resolved';
    status.resolvedBy = { facts: latest.facts, how: 'status' };
  } else {
    const since = latest.facts.date ?? '';
    const resolver = resolvers.find((m) => (m.date ?? '') >= since);
    if (resolver) {
      status.status = 'resolved';
      status.resolvedBy = { facts: resolver, how: 'resolved_in_this_macro' };
    }
  }
  return status;
}
