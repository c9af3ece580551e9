import { DiagnosticCodes, type DiagnosticCode } from './codes';
import type { DocumentFacts, Suppression } from './facts/types';
import { Severity } from './severity';
import type { Diagnostic } from './types';

const known = new Set<string>(DiagnosticCodes);

/** What the "Suppress with a reason" fix inserts for the author to replace; it is no reason. */
export const SUPPRESSION_PLACEHOLDER = 'say why this is not a grant';
// Stand-ins people type for a reason: they say nothing about why.
const STAND_INS = /^(?:<[^>]*>|\.+|reason|why|todo|tbd|fixme|xxx+|n\/a|none|ok|fine|test|ignore|placeholder|wip|later)$/i;
const MIN_REASON_WORDS = 3;

/**
 * A reason that says why: at least three words, not the fix's placeholder or a stand-in
 * ("TODO", "<reason>", "..."). Anything less silences nothing.
 */
export function isReason(reason: string): boolean {
  const text = reason.trim();
  // `<...>` placeholders are stand-ins already; the fix's own placeholder is checked as written.
  if (text === '' || STAND_INS.test(text) || text.toLowerCase() === SUPPRESSION_PLACEHOLDER) return false;
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length >= MIN_REASON_WORDS;
}

/**
 * `<!-- govlens-disable-next-line CODE: reason -->` silences CODE on the next line. The reason
 * is mandatory: without one nothing is silenced. A suppression without a reason, or one that
 * silences nothing, is itself reported as a hint so stale suppressions do not pile up.
 */
export function applySuppressions(facts: DocumentFacts, diagnostics: Diagnostic[]): Diagnostic[] {
  // Only notes have suppression comments.
  if (facts.kind !== 'note' || facts.suppressions.length === 0) return diagnostics;
  const suppressions = facts.suppressions;
  const used = new Set<Suppression>();
  const kept = diagnostics.filter((d) => {
    const by = suppressions.find((s) => isReason(s.reason) && s.line === d.range.start.line && s.codes.includes(d.code));
    if (by) used.add(by);
    return !by;
  });
  for (const s of suppressions) {
    const code = s.codes.find((c): c is DiagnosticCode => known.has(c));
    if (!code || used.has(s)) continue;
    const unknown = s.codes.filter((c) => !known.has(c));
    kept.push({
      range: facts.lines.range(s.span.start, s.span.end),
      severity: Severity.Hint,
      code,
      source: 'govlens',
      message:
        !isReason(s.reason)
          ? s.reason.trim() === ''
            ? `This suppression has no reason, so it silences nothing; write why it is safe: <!-- govlens-disable-next-line ${s.codes.join(', ')}: reason -->.`
            : `"${s.reason.trim().slice(0, 80)}" is not a reason, so this suppression silences nothing; replace it with at least ${MIN_REASON_WORDS} words saying why the line is safe.`
          : `This suppression silences nothing: the next line has no ${s.codes.join(' or ')} finding. Remove it.` +
            (unknown.length > 0 ? ` (${unknown.join(', ')} is not a govlens code.)` : ''),
    });
  }
  return kept;
}
