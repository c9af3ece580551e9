import type { ClaimFact, DocumentFacts, Finding } from '../facts/types';
import { basename } from '../paths';

/** Maps a lock's action names and a claim's action onto one vocabulary. */
export type Canonical = (name: string) => string | undefined;

/**
 * implied-production-grant (spec §5): a claim is fine when a governing lock has a grant of
 * scope "production" listing the claimed action, or "production" itself, which covers every
 * production action. A lock that does not parse grants nothing.
 */
export function checkGrantClaims(facts: DocumentFacts, locks: readonly DocumentFacts[], canonical: Canonical): Finding[] {
  const findings: Finding[] = [];
  for (const claim of facts.claims) {
    if (isGranted(claim.action, locks, canonical)) continue;
    findings.push(finding(claim, facts, locks, canonical));
  }
  return findings;
}

function isGranted(action: string, locks: readonly DocumentFacts[], canonical: Canonical): boolean {
  return locks.some(
    (lock) =>
      !lock.broken &&
      lock.grants.some((g) => canonical(g.scope) === 'production' && g.actions.some((a) => covers(canonical(a) ?? a, action))),
  );
}

function covers(granted: string, action: string): boolean {
  return granted === 'production' || granted === action;
}

function finding(claim: ClaimFact, facts: DocumentFacts, locks: readonly DocumentFacts[], canonical: Canonical): Finding {
  const what = claim.phrase.startsWith('"production_work_performed"')
    ? `${claim.phrase} records production work as done`
    : `"${claim.phrase}" asserts a production grant for ${claim.action}`;
  if (locks.length === 0) {
    return {
      code: 'implied-production-grant',
      span: claim.span,
      message: `${what}, but no authority lock governs this ${facts.kind === 'note' ? 'note' : 'document'}, so nothing is granted; reword it as pending or blocked, or cite the packet whose delegation-and-authority-lock.json grants it.`,
      data: { action: claim.action },
    };
  }
  const withheld = findWithheld(claim.action, locks, canonical);
  const readable = locks.filter((l) => !l.broken);
  const names = [...new Set(locks.map((l) => basename(l.path)))].join(', ');
  const lockSays =
    readable.length === 0
      ? `${names} does not parse, so it grants nothing`
      : `${names} grants none${withheld ? ` (withheld${withheld.entry.needs ? ` until ${withheld.entry.needs}` : ''})` : ''}`;
  return {
    code: 'implied-production-grant',
    span: claim.span,
    message: `${what}, but ${lockSays}; reword it as pending or blocked, or record ${claim.action === 'production' ? 'the production grant' : `a production grant for ${claim.action}`} in the lock.`,
    related: withheld
      ? [{ path: withheld.lock.path, span: withheld.entry.span, message: `withheld: ${withheld.entry.action}${withheld.entry.needs ? ` (needs ${withheld.entry.needs})` : ''}` }]
      : locks.map((l) => ({ path: l.path, span: { start: 0, end: 0 }, message: 'the governing authority lock' })),
    data: { action: claim.action, locks: locks.map((l) => l.path) },
  };
}

/** The withheld entry for this action, else the one for production as a whole. */
function findWithheld(action: string, locks: readonly DocumentFacts[], canonical: Canonical) {
  for (const wanted of [action, 'production']) {
    for (const lock of locks) {
      const entry = lock.withheld.find((w) => (canonical(w.action) ?? w.action) === wanted);
      if (entry) return { lock, entry };
    }
  }
  return undefined;
}
