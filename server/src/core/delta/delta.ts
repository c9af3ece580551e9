import type { AuthoritySnapshot, FindingRow, GrantFacts, GrantRow, SealRow } from './snapshot';

/** The conditions `--fail-on` can name (spec §9). */
export const DeltaEvents = ['production-grant-added', 'findings-introduced', 'blocker-reopened'] as const;
export type DeltaEvent = (typeof DeltaEvents)[number];

/** A grant whose entry differs between the revisions: its state now, and `before` it. */
export interface ChangedGrant extends GrantRow {
  before: { scope: string; actions: string[]; status?: string };
}

/** What changed in authority between two revisions (spec §9), in the order it is printed. */
export interface AuthorityDelta {
  grants: { added: GrantRow[]; removed: GrantRow[]; changed: ChangedGrant[] };
  blockers: { added: string[]; resolved: string[]; reopened: string[]; removed: string[] };
  findings: { introduced: FindingRow[]; fixed: FindingRow[] };
  /** Seals that matched their packet at the base and no longer do at the head. */
  seals: { stale: SealRow[] };
  /** The events that hold, in DeltaEvents order. */
  events: DeltaEvent[];
}

const grantKey = (g: GrantRow) => `${g.lock}\0${g.id}`;
// A finding is the same one when it says the same thing about the same file: its line moves
// with every edit above it, so positions are not part of its identity.
const findingKey = (f: FindingRow) => `${f.file}\0${f.code}\0${f.message}`;
const sealKey = (s: SealRow) => `${s.file}\0${s.seal}\0${s.packet ?? ''}`;

export function authorityDelta(base: AuthoritySnapshot, head: AuthoritySnapshot): AuthorityDelta {
  const grants = grantDelta(base.grants, head.grants);
  const blockers = blockerDelta(base.blockers, head.blockers);
  const findings = { introduced: unmatched(head.findings, base.findings, findingKey), fixed: unmatched(base.findings, head.findings, findingKey) };
  const matchedBefore = new Set(base.seals.filter((s) => s.verdict === 'match').map(sealKey));
  const stale = head.seals.filter((s) => s.verdict === 'mismatch' && matchedBefore.has(sealKey(s)));

  const events: DeltaEvent[] = [];
  if (grants.productionAdded) events.push('production-grant-added');
  if (findings.introduced.length > 0) events.push('findings-introduced');
  if (blockers.reopened.length > 0) events.push('blocker-reopened');
  return { grants: grants.rows, blockers, findings, seals: { stale }, events };
}

function grantDelta(base: readonly GrantFacts[], head: readonly GrantFacts[]): { rows: AuthorityDelta['grants']; productionAdded: boolean } {
  const before = new Map(base.map((g) => [grantKey(g), g]));
  const after = new Map(head.map((g) => [grantKey(g), g]));
  const added: GrantFacts[] = [];
  const changed: { now: GrantFacts; was: GrantFacts }[] = [];
  let productionAdded = false;
  for (const [key, now] of after) {
    const was = before.get(key);
    if (was === undefined) {
      added.push(now);
      productionAdded ||= now.production;
    } else if (was.scope !== now.scope || was.status !== now.status || !sameActions(was.actions, now.actions)) {
      changed.push({ now, was });
      // Production authority grows when a grant enters production scope or force, or gains an action there.
      productionAdded ||= now.production && (!was.production || now.actions.some((a) => !was.actions.includes(a)));
    }
  }
  const removed = base.filter((g) => !after.has(grantKey(g)));
  return {
    rows: {
      added: productionFirst(added).map(row),
      removed: productionFirst(removed).map(row),
      changed: productionFirst(changed.map((c) => ({ ...c, production: c.now.production || c.was.production }))).map(({ now, was }) => ({ ...row(now), before: beforeOf(was) })),
    },
    productionAdded,
  };
}

function blockerDelta(base: AuthoritySnapshot['blockers'], head: AuthoritySnapshot['blockers']): AuthorityDelta['blockers'] {
  const before = new Map(base.map((b) => [b.id, b.status]));
  const after = new Map(head.map((b) => [b.id, b.status]));
  const delta: AuthorityDelta['blockers'] = { added: [], resolved: [], reopened: [], removed: [] };
  for (const [id, status] of after) {
    const was = before.get(id);
    if (was === undefined) delta.added.push(id);
    else if (was === 'unresolved' && status === 'resolved') delta.resolved.push(id);
    else if (was === 'resolved' && status === 'unresolved') delta.reopened.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) delta.removed.push(id);
  return delta;
}

/** The rows of `from` that `against` has fewer of, compared by key as multisets (a finding stated twice is two). */
function unmatched<T>(from: readonly T[], against: readonly T[], key: (row: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const row of against) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  const out: T[] = [];
  for (const row of from) {
    const left = counts.get(key(row)) ?? 0;
    if (left > 0) counts.set(key(row), left - 1);
    else out.push(row);
  }
  return out;
}

/** Production grants first (a reviewer reads those before anything else), otherwise as listed: by lock path, then entry order. */
function productionFirst<T extends { production: boolean }>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => r.production), ...rows.filter((r) => !r.production)];
}

function sameActions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function row(g: GrantRow): GrantRow {
  const out: GrantRow = { lock: g.lock, id: g.id, scope: g.scope, actions: [...g.actions] };
  if (g.status !== undefined) out.status = g.status;
  return out;
}

function beforeOf(g: GrantRow): ChangedGrant['before'] {
  const out: ChangedGrant['before'] = { scope: g.scope, actions: [...g.actions] };
  if (g.status !== undefined) out.status = g.status;
  return out;
}
