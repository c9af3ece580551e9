import type { Blocker, DocumentFacts } from '../facts/types';

export interface BlockerStatus {
  id: string;
  status: 'unresolved' | 'resolved';
  /** The map holding the latest definition. */
  facts: DocumentFacts;
  blocker: Blocker;
  /** Every map that defines this ID, oldest first. */
  definedIn: DocumentFacts[];
  /** How it was resolved: the map whose resolved_in_this_macro lists it, or its own status. */
  resolvedBy?: { facts: DocumentFacts; how: 'status' | 'resolved_in_this_macro' };
}

const byDateThenPath = (a: DocumentFacts, b: DocumentFacts) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path);

/**
 * Spec §3.1: the latest definition (by map date) is the current state; it is resolved when
 * it says RESOLVED, or when a map dated on or after it lists the ID in resolved_in_this_macro.
 */
export function computeBlockerStatus(maps: readonly DocumentFacts[]): Map<string, BlockerStatus> {
  const ordered = [...maps].sort(byDateThenPath);
  const definitions = new Map<string, { facts: DocumentFacts; blocker: Blocker }[]>();
  for (const facts of ordered) {
    for (const blocker of facts.blockers) {
      const list = definitions.get(blocker.id) ?? [];
      list.push({ facts, blocker });
      definitions.set(blocker.id, list);
    }
  }
  // Maps listing each ID in resolved_in_this_macro, oldest first: one pass, not one per blocker.
  const resolvers = new Map<string, DocumentFacts[]>();
  for (const facts of ordered) {
    for (const ref of facts.resolvedRefs) {
      const list = resolvers.get(ref.id) ?? [];
      if (list[list.length - 1] !== facts) list.push(facts);
      resolvers.set(ref.id, list);
    }
  }
  const result = new Map<string, BlockerStatus>();
  for (const [id, list] of definitions) {
    const latest = list[list.length - 1];
    if (!latest) continue;
    const status: BlockerStatus = { id, status: 'unresolved', facts: latest.facts, blocker: latest.blocker, definedIn: list.map((d) => d.facts) };
    if (latest.blocker.status === 'RESOLVED') {
      status.status = 'resolved';
      status.resolvedBy = { facts: latest.facts, how: 'status' };
    } else {
      const since = latest.facts.date ?? '';
      const resolver = resolvers.get(id)?.find((m) => (m.date ?? '') >= since);
      if (resolver) {
        status.status = 'resolved';
        status.resolvedBy = { facts: resolver, how: 'resolved_in_this_macro' };
      }
    }
    result.set(id, status);
  }
  return result;
}
