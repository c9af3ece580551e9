import type { GrantDetector } from '../grants/detector';
import type { SchemaValidator } from '../schema/validator';
import type { Patterns } from '../settings';
import type { ClaimFact } from './types';
import type { Segment } from '../scan/segment';

/** What reading one document needs, built once per settings by the analyzer. */
export interface FactOptions {
  patterns: Patterns;
  schemas: SchemaValidator;
  detectClaims: GrantDetector;
  /** A file read as the authority lock whatever its name (the host's lock path override). */
  lockPath?: string;
}

/** Grant claims in a segment, located in the document. */
export function claimsIn(segment: Segment, detect: GrantDetector): ClaimFact[] {
  return detect(segment.text).map((c) => ({
    span: { start: segment.offsetOf(c.start), end: segment.offsetOf(c.end) },
    action: c.action,
    actions: c.actions,
    phrase: c.phrase,
    reason: c.reason,
    cue: c.cue,
    cueClass: c.cueClass,
    ...(c.embedded ? { embedded: true as const } : {}),
  }));
}
