/**
 * Dependency keys: the names of what a document's diagnostics read besides its own facts, which
 * the workspace index reports when they move (WorkspaceIndex.replace) and the diagnostics cache
 * files each result under. Both sides build them here, so a key spelled differently on one side
 * (a dependency that would silently never invalidate) is a type error instead.
 *
 * They stay strings, not objects: they are map keys, tens of thousands of them on a large
 * workspace, and a string compares by value.
 */
export type DependencyKey =
  /** The document itself: its facts, and the entries its citers' anchors name. */
  | `doc:${string}`
  /** Whether an ID is defined, and the typo suggestion for an unknown one. */
  | `id:${string}`
  /** Which documents define an ID (so which packets its citers' bare names mean). */
  | `sites:${string}`
  /** Whether an ID is a blocker, and the suggestion for one that is not. */
  | `blocker:${string}`
  /** The reservations of one ticket prefix. */
  | `tickets:${string}`
  /** Any authority lock. */
  | 'locks'
  /** The tree id of one packet folder (a file below it changed): what the seals stated for it read. */
  | `seal:${string}`;

export const docKey = (path: string): DependencyKey => `doc:${path}`;
export const idKey = (id: string): DependencyKey => `id:${id}`;
export const sitesKey = (id: string): DependencyKey => `sites:${id}`;
export const blockerKey = (id: string): DependencyKey => `blocker:${id}`;
export const ticketsKey = (prefix: string): DependencyKey => `tickets:${prefix}`;
export const locksKey: DependencyKey = 'locks';
export const sealKey = (packetFolder: string): DependencyKey => `seal:${packetFolder}`;

const TICKETS = 'tickets:';
const SITES = 'sites:';

/** The ticket prefix a `tickets:` key names (its overlap findings must be recomputed), else undefined. */
export function ticketPrefixOf(key: DependencyKey): string | undefined {
  return key.startsWith(TICKETS) ? key.slice(TICKETS.length) : undefined;
}

/** The ID a `sites:` key names (bare names its packets settled must be settled again), else undefined. */
export function sitesIdOf(key: DependencyKey): string | undefined {
  return key.startsWith(SITES) ? key.slice(SITES.length) : undefined;
}
