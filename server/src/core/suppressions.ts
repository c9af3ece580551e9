import { DiagnosticCodes, type DiagnosticCode } from './codes';
import type { DocumentFacts, Suppression } from './facts/types';
import { Severity, type Diagnostic } from './types';

const known = new Set<string>(DiagnosticCodes);

/**
 * `<!-- govlens-disable-next-line CODE: reason -->` silences CODE on the next line. The reason
 * is mandatory: without one nothing is silenced. A suppression without a reason, or one that
 * silences nothing, is itself reported as a hint so stale suppressions do not pile up.
 */
export function applySuppressions(facts: DocumentFacts, diagnostics: Diagnostic[]): Diagnostic[] {
  if (facts.suppressions.length === 0) return diagnostics;
  const used = new Set<Suppression>();
  const kept = diagnostics.filter((d) => {
    const by = facts.suppressions.find((s) => s.reason !== '' && s.line === d.range.start.line && s.codes.includes(d.code));
    if (by) used.add(by);
    return !by;
  });
  for (const s of facts.suppressions) {
    const code = s.codes.find((c): c is DiagnosticCode => known.has(c));
    if (!code || used.has(s)) continue;
    const unknown = s.codes.filter((c) => !known.has(c));
    kept.push({
      range: facts.lines.range(s.span.start, s.span.end),
      severity: Severity.Hint,
      code,
      source: 'govlens',
      message:
        s.reason === ''
          ? `This suppression has no reason, so it silences nothing; write why it is safe: <!-- govlens-disable-next-line ${s.codes.join(', ')}: reason -->.`
          : `This suppression silences nothing: the next line has no ${s.codes.join(' or ')} finding. Remove it.` +
            (unknown.length > 0 ? ` (${unknown.join(', ')} is not a govlens code.)` : ''),
    });
  }
  return kept;
}
