/**
 * The cap on the language server's old space (`--max-old-space-size`), which the client passes
 * when it starts the server. Without one, V8 sizes its heap reserve to the machine (about 4 GB
 * here) and lets garbage pile up between collections, so the server's RSS climbs across edits
 * though what it holds does not (README, Performance). Pure, so the scaling is unit-tested.
 */

/** The setting, read by the client only: 0 = scaled to the workspace, -1 = no cap (V8's own), N = N MB. */
export const MaxOldSpaceSetting = 'server.maxOldSpaceMB';

/**
 * The scaling, from the benchmark's live heap after a full collection (scripts/bench/heap-probe.mjs,
 * server-memory.ts) on the generated workspaces: 51 MB at 1,000 documents, 309 MB at 10,000, that
 * is about 29 KB a document over a ~22 MB base (100,000: see README, Performance). The cap gives
 * each file 45 KB, about 1.5 times that: a cap well above the live heap holds nothing back (at
 * 10,000 documents V8 had about 1.4 times the live heap in use after indexing), and one at it
 * spends the server's time collecting. A floor keeps a small workspace from collecting all the time.
 */
const BASE_MB = 96;
const PER_DOCUMENT_KB = 45;
const FLOOR_MB = 256;
/** A cap above this is no cap that matters: V8's own limit on a 64-bit machine is about 4 GB. */
const CEILING_MB = 8192;
/** Below this an explicit value is a typo (a value in GB?): it is raised, not obeyed. */
const EXPLICIT_MINIMUM_MB = 128;

/**
 * The old-space cap in MB for a workspace of `documents` candidate files (JSON and Markdown), or
 * undefined for none. `setting` is the raw value of governanceLens.server.maxOldSpaceMB; anything
 * but a number means automatic.
 */
export function oldSpaceCapMB(documents: number, setting: unknown): number | undefined {
  if (typeof setting === 'number' && Number.isFinite(setting) && setting !== 0) {
    if (setting < 0) return undefined;
    return Math.round(Math.min(CEILING_MB, Math.max(EXPLICIT_MINIMUM_MB, setting)));
  }
  const count = Number.isFinite(documents) && documents > 0 ? documents : 0;
  const scaled = BASE_MB + (count * PER_DOCUMENT_KB) / 1024;
  return Math.round(Math.min(CEILING_MB, Math.max(FLOOR_MB, scaled)));
}

/** The Node arguments that carry the cap to the server process. */
export function oldSpaceArgs(capMB: number | undefined): string[] {
  return capMB === undefined ? [] : [`--max-old-space-size=${capMB}`];
}
