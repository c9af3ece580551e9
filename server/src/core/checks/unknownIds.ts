import type { DocumentFacts, Finding } from '../facts/types';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** unknown-id: references nothing defines, and resolved_in_this_macro entries that are no blocker. */
export function checkUnknownIds(facts: DocumentFacts, index: WorkspaceIndex): Finding[] {
  const findings: Finding[] = [];
  for (const ref of facts.idRefs) {
    if (index.definitions.has(ref.id)) continue;
    const near = index.closestId(ref.id);
    findings.push({
      code: 'unknown-id',
      span: ref.span,
      message: near
        ? `${ref.id} is not defined anywhere in the workspace; did you mean ${near}? Otherwise define it in a blocker map, checklist or plan.`
        : `${ref.id} is not defined anywhere in the workspace; define it (a blocker, check, plan or surface plan_ref) or correct the ID.`,
      data: near ? { replacement: near } : undefined,
    });
  }
  if (facts.kind === 'production-readiness-blocker-map') {
    for (const ref of facts.resolvedRefs) {
      if (index.blockers.has(ref.id)) continue;
      const near = index.closestBlocker(ref.id);
      const definedElsewhere = index.definitions.has(ref.id);
      findings.push({
        code: 'unknown-id',
        span: ref.span,
        message:
          (definedElsewhere
            ? `${ref.id} is listed as resolved, but it is not a blocker in any blocker map (it is defined, but not as a blocker)`
            : `${ref.id} is listed as resolved, but no blocker map defines it`) +
          (near ? `; did you mean ${near}?` : '; list only blocker IDs in resolved_in_this_macro.'),
        data: near ? { replacement: near } : undefined,
      });
    }
  }
  return findings;
}
