/**
 * How much one document may make the engine say. Each answer stays proportional to what the
 * author can read: a bare name that 3,000 files share names five of them and counts the rest,
 * and a document with 6,000 findings shows the 1,000 most severe and says how many it left out.
 */

/** Candidate files a message, a hover card or a list of quick fixes names. */
export const MAX_CANDIDATES = 5;

/** Quick fixes offered for a cited entry that is not in its file: the nearest few. */
export const MAX_ANCHOR_FIXES = 3;

/** Findings one document reports; beyond them, one too-many-findings finding counts the rest. */
export const MAX_FINDINGS_PER_DOCUMENT = 1_000;

/** Schema findings one document (or `.govlens.json`) reports; one more counts the rest. */
export const MAX_SCHEMA_FINDINGS = 100;

/** `a, b, c, d, e and 2,995 more`: at most `max` items, and how many were left out. */
export function shortList(items: readonly string[], max = MAX_CANDIDATES): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${count(items.length - max)} more` : shown;
}

/** A count as authors read it: 2,995. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
