import type { AuthorityDelta } from './delta';

/** The object of spec §9, field for field (plus the stale seals and the events that hold): CI jobs parse it. */
export function deltaOutput(delta: AuthorityDelta, base: string, head: string): { version: 1; base: string; head: string } & AuthorityDelta {
  return { version: 1, base, head, ...delta };
}
