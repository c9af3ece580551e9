/**
 * A cue as the binding reads it (`binding.ts`): its token range, how it asserts (a grant word, a
 * report of the act, a present permission, a status value), which side of it its action stands
 * on, and what it carries (its own action, the verb a modal governs, a lifted restriction).
 */
import type { ActionRef } from './actions';

export type CueClass = 'grant' | 'perf' | 'permission' | 'status';
export type Voice = 'back' | 'fwd';

export interface CueRef {
  readonly from: number;
  readonly to: number;
  readonly cls: CueClass;
  readonly voice: Voice;
  /** Intransitive or predicative: never reaches forward ("activation followed"). */
  readonly backwardOnly: boolean;
  /** A past form ("approved") can report a fact inside "after ..."; "grants" or "GO" cannot. */
  readonly past: boolean;
  /** The cue is its own action ("activated", "went live"). */
  readonly self?: ActionRef;
  /** The verb a permission modal governs ("may activate"). */
  readonly target?: ActionRef;
  /** Removes a restriction ("the hold was dropped"): the clause's blocking words are what it lifts. */
  readonly lift?: boolean;
}
