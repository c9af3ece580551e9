/**
 * Field roles in packet documents (spec §5): a JSON string is read for grant claims with the
 * role of its field. Prose is read as prose; a record field (a lock's grant and withheld
 * entries, a status, a class, an ID) is never a claim; a checklist `item` is a condition whose
 * truth is its check's `status`.
 */
import type { DocumentKind } from './types';

export type FieldRole =
  | { readonly kind: 'prose' }
  | { readonly kind: 'record' }
  /** A blocker's next action: what someone is to do, so a grant verb in the present tense there is the step to take. */
  | { readonly kind: 'step' }
  /** A checklist item: asserted when the check passes, its negation asserted when it fails. */
  | { readonly kind: 'condition'; readonly holds: 'yes' | 'no' | 'unknown'; readonly status: string };

const PROSE: FieldRole = { kind: 'prose' };
const RECORD: FieldRole = { kind: 'record' };
const STEP: FieldRole = { kind: 'step' };

// Names and dates identify; they state nothing.
const IDENTIFYING = new Set(['id', 'doc', 'date', 'plan_ref', 'range', 'n']);
// In a lock's grant entry only these are prose (a grant's evidence can report who said what).
const GRANT_PROSE = new Set(['evidence', 'note']);
const STATUS_FIELDS: Partial<Record<string, ReadonlySet<string>>> = {
  checks: new Set(['status']),
  blockers: new Set(['status']),
  surfaces: new Set(['class']),
  plans: new Set(['status']),
  reservations: new Set(['status']),
};

const PASSES = /^(?:pass(?:ed)?|ok|yes|true|done|met|green|verified)$/i;
const FAILS = /^(?:fail(?:ed)?|no|false|not[ _-]?met|red)$/i;

/**
 * The role of a string at `field`: at the top level (`array` undefined), or in an element of
 * the top-level `array` whose own fields are read through `entryField`.
 */
export function fieldRole(
  kind: DocumentKind,
  array: string | undefined,
  field: string | undefined,
  entryField: (name: string) => string | undefined,
): FieldRole {
  if (field === undefined) return PROSE;
  if (IDENTIFYING.has(field)) return RECORD;
  if (array === undefined) return PROSE;
  if (kind === 'delegation-and-authority-lock') {
    if (array === 'withheld') return RECORD;
    if (array === 'grants') return GRANT_PROSE.has(field) ? PROSE : RECORD;
  }
  if (STATUS_FIELDS[array]?.has(field)) return RECORD;
  if (array === 'checks' && field === 'item') {
    const status = (entryField('status') ?? '').trim();
    return { kind: 'condition', status, holds: PASSES.test(status) ? 'yes' : FAILS.test(status) ? 'no' : 'unknown' };
  }
  if (array === 'reservations' && (field === 'apply_now' || field === 'folded')) return RECORD;
  if (array === 'blockers' && field === 'next_action') return STEP;
  return PROSE;
}
