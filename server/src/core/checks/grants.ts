import type { ClaimFact, DocumentFacts, Finding, Grant } from '../facts/types';
import { isBroken, lockRecord } from '../facts/anyKind';
import { basename } from '../paths';
import { quotedPhrase } from '../grants/claim';

/** Maps a lock's action names and a claim's action onto one vocabulary. */
export type Canonical = (name: string) => string | undefined;

// A grant entry whose status says it is not in force records no grant (a revoked or proposed
// production grant must not clear a claim); a grant with no status, or ACTIVE/GRANTED, is in force.
const NOT_IN_FORCE = /^(?:revoked|rescinded|withdrawn|proposed|draft|requested|pending|expired|suspended|superseded|denied|rejected|inactive|void|cancell?ed|hold|on[ _-]hold)$/i;

export function inForce(grant: Grant): boolean {
  return grant.status === undefined || !NOT_IN_FORCE.test(grant.status.trim());
}

/** Does this lock hold a production grant covering `action` (spec §3.2)? */
export function lockGrants(lock: DocumentFacts, action: string, canonical: Canonical): boolean {
  return (
    !isBroken(lock) &&
    lockRecord(lock).grants.some((g) => inForce(g) && canonical(g.scope) === 'production' && g.actions.some((a) => covers(canonical(a) ?? a, action)))
  );
}

/**
 * implied-production-grant (spec §5): a claim is fine when a governing lock has a grant of
 * scope "production" listing the claimed action, or "production" itself, which covers every
 * production action. A lock that does not parse grants nothing. One finding per claim, listing
 * every action of it that no lock grants.
 */
export function checkGrantClaims(facts: DocumentFacts, locks: readonly DocumentFacts[], canonical: Canonical): Finding[] {
  const findings: Finding[] = [];
  for (const claim of facts.claims) {
    const missing = claim.actions.filter((action) => !locks.some((lock) => lockGrants(lock, action, canonical)));
    if (missing.length > 0) findings.push(finding(claim, missing, facts, locks, canonical));
  }
  return findings;
}

function covers(granted: string, action: string): boolean {
  return granted === 'production' || granted === action;
}

function finding(claim: ClaimFact, missing: readonly string[], facts: DocumentFacts, locks: readonly DocumentFacts[], canonical: Canonical): Finding {
  const list = missing.join(', ');
  const what = claim.phrase.startsWith('"production_work_performed"')
    ? `${claim.phrase} records production work as done`
    : `"${quotedPhrase(claim.phrase)}" asserts a production grant for ${list}`;
  const data = { action: claim.action, actions: missing };
  if (locks.length === 0) {
    return {
      code: 'implied-production-grant',
      span: claim.span,
      message: `${what}, but no authority lock governs this ${facts.kind === 'note' ? 'note' : 'document'}, so nothing is granted; reword it as pending or blocked, or cite the packet whose delegation-and-authority-lock.json grants it.`,
      data,
    };
  }
  const withheld = missing.flatMap((action) => {
    const w = findWithheld(action, locks, canonical);
    return w ? [w] : [];
  });
  const unique = [...new Map(withheld.map((w) => [w.entry, w])).values()];
  const readable = locks.filter((l) => !isBroken(l));
  const names = [...new Set(locks.map((l) => basename(l.path)))].join(', ');
  const lockSays =
    readable.length === 0
      ? `${names} does not parse, so it grants nothing`
      : `${names} grants none${withheldText(unique)}`;
  const record = missing.length === 1 && missing[0] === 'production' ? 'the production grant' : `a production grant for ${list}`;
  return {
    code: 'implied-production-grant',
    span: claim.span,
    message: `${what}, but ${lockSays}; reword it as pending or blocked, or record ${record} in the lock.`,
    related:
      unique.length > 0
        ? unique.map((w) => ({ path: w.lock.path, span: w.entry.span, message: `withheld: ${w.entry.action}${w.entry.needs ? ` (needs ${w.entry.needs})` : ''}` }))
        : locks.map((l) => ({ path: l.path, span: { start: 0, end: 0 }, message: 'the governing authority lock' })),
    data: { ...data, locks: locks.map((l) => l.path) },
  };
}

function withheldText(held: readonly { entry: { action: string; needs?: string } }[]): string {
  if (held.length === 0) return '';
  if (held.length === 1) {
    const needs = held[0]?.entry.needs;
    return ` (withheld${needs ? ` until ${needs}` : ''})`;
  }
  return ` (withheld: ${held.map((w) => `${w.entry.action}${w.entry.needs ? ` until ${w.entry.needs}` : ''}`).join('; ')})`;
}

/** The withheld entry for this action, else the one for production as a whole. */
function findWithheld(action: string, locks: readonly DocumentFacts[], canonical: Canonical) {
  for (const wanted of [action, 'production']) {
    for (const lock of locks) {
      const entry = lockRecord(lock).withheld.find((w) => (canonical(w.action) ?? w.action) === wanted);
      if (entry) return { lock, entry };
    }
  }
  return undefined;
}
