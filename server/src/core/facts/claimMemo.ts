import type { GrantClaim, GrantDetector } from '../grants/detector';

/**
 * The grant detector with its answers remembered per text, for the life of one configuration.
 *
 * A knowledge base repeats its prose: the same status lines, evidence notes, option lists and
 * JSON string values stand in thousands of documents (on the generated 10,000-document KB the
 * detector is asked 268,381 times about 61,406 distinct texts). The detector is a pure
 * function of the text once its vocabulary is compiled, so a repeated text gets the claims it
 * got before: the same objects, which nobody mutates (`GrantClaim` is readonly and
 * `claimsIn` copies each into a new fact).
 *
 * Bounded: at most `maxEntries` texts and `maxChars` characters of them; when either would be
 * passed the memory is emptied and starts again (a simple bound; the texts that repeat come
 * back at once). Keys are flat copies, so a remembered text never keeps the whole document it
 * was sliced from alive.
 */
export function rememberingDetector(detector: GrantDetector, maxEntries = 100_000, maxChars = 16_000_000): GrantDetector {
  const claimsByText = new Map<string, readonly GrantClaim[]>();
  let chars = 0;
  const remembering = (text: string): GrantClaim[] => {
    const known = claimsByText.get(text);
    // The detector's type promises a mutable array; the remembered one is handed out frozen
    // in all but type, which every caller treats as read-only.
    if (known) return known as GrantClaim[];
    const claims = detector(text);
    if (claimsByText.size >= maxEntries || chars + text.length > maxChars) {
      claimsByText.clear();
      chars = 0;
    }
    claimsByText.set(flatCopy(text), claims.length === 0 ? NO_CLAIMS : claims);
    chars += text.length;
    return claims;
  };
  return Object.assign(remembering, { mentions: detector.mentions, hedgesList: detector.hedgesList });
}

const NO_CLAIMS: readonly GrantClaim[] = Object.freeze([]);

// A string sliced from a larger one may share its parent's storage in V8; concatenating the
// characters afresh gives a key of its own length. Only new keys pay for it.
function flatCopy(text: string): string {
  return text.length < 16 ? text : JSON.parse(JSON.stringify(text)) as string;
}
