import { append } from './append';
import { checkEvidence } from './checks/evidence';
import { checkGrantClaims } from './checks/grants';
import { checkSeals, sealDependencyKeys, type SealInputs } from './checks/seals';
import { checkUnreservedTickets } from './checks/tickets';
import { checkUnknownIds } from './checks/unknownIds';
import { codeInfo } from './codes';
import { blockerKey, docKey, idKey, locksKey, ticketsKey, type DependencyKey } from './dependencyKeys';
import type { DocumentFacts, Finding } from './facts/types';
import type { ResolvedReferences } from './index/references';
import type { WorkspaceIndex } from './index/workspaceIndex';
import { count, MAX_FINDINGS_PER_DOCUMENT } from './limits';
import type { Settings } from './settings';
import { severityByName } from './severity';
import { applySuppressions } from './suppressions';
import type { Diagnostic } from './types';

/** What one document's diagnostics are computed from, besides its own facts. */
export interface DiagnosticsInputs {
  readonly index: WorkspaceIndex;
  readonly severities: Settings['severities'];
  /** `.govlens.json`'s facts are its findings only: no cross-document check reads it. */
  readonly isConfiguration: (facts: DocumentFacts) => boolean;
  readonly factsOf: (path: string) => DocumentFacts | undefined;
  readonly referencesOf: (facts: DocumentFacts) => ResolvedReferences;
  readonly governingLocks: (facts: DocumentFacts) => DocumentFacts[];
  readonly canonical: (name: string) => string | undefined;
  /** ticket-range-overlap findings by document, for one prefix (cached per prefix). */
  readonly overlapsOf: (prefix: string) => ReadonlyMap<string, Finding[]>;
  readonly onError: (path: string, error: unknown) => void;
  /** What the seal check reads (spec §8); without it no seal is checked. */
  readonly seals?: SealInputs;
}

/** A note always parses; a packet document that does not reports its syntax errors only. */
const parses = (facts: DocumentFacts): boolean => facts.kind === 'note' || !facts.broken;

const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * A document's diagnostics: its local findings and the cross-document checks, as Diagnostics
 * (severity overrides applied, suppressions honoured, capped), in document order. `complete`
 * is false when a check threw: the result is then not worth keeping.
 */
export function computeDiagnostics(facts: DocumentFacts, inputs: DiagnosticsInputs): { diagnostics: Diagnostic[]; complete: boolean } {
  const { index } = inputs;
  const findings = [...facts.local];
  let complete = true;
  // Each cross-document check reads other documents and asks the host about paths: one that
  // throws (a host failing, a bug on strange input) loses its own findings, not the others'.
  const run = (check: () => Iterable<Finding>) => {
    try {
      append(findings, check());
    } catch (error) {
      complete = false;
      inputs.onError(facts.path, error);
    }
  };
  if (parses(facts) && !inputs.isConfiguration(facts)) {
    run(() => checkUnknownIds(facts, index));
    run(() => checkEvidence(inputs.referencesOf(facts), index, inputs.factsOf));
    run(() => checkUnreservedTickets(facts, index));
    run(() => overlapsOf(facts, inputs));
    run(() => checkGrantClaims(facts, inputs.governingLocks(facts), inputs.canonical));
    const seals = inputs.seals;
    if (seals) run(() => checkSeals(facts, () => inputs.referencesOf(facts), seals));
  }
  const diagnostics = findings.map((f) => toDiagnostic(facts, f, inputs)).filter((d): d is Diagnostic => d !== undefined);
  const sorted = applySuppressions(facts, diagnostics).sort(byPosition);
  return { diagnostics: capped(facts, sorted, inputs), complete };
}

/**
 * What a document's diagnostics read besides its own facts, as keys the index reports when
 * they move: the IDs it cites (defined or not, and the suggestion for unknown ones), the
 * ticket prefixes it mentions or reserves, the locks when it makes claims, and the
 * documents whose entries its evidence anchors name.
 */
export function dependencyKeys(facts: DocumentFacts, inputs: Pick<DiagnosticsInputs, 'isConfiguration' | 'referencesOf' | 'seals'>): DependencyKey[] {
  const keys = new Set([docKey(facts.path)]);
  for (const ref of facts.idRefs) keys.add(idKey(ref.id));
  // A resolved_in_this_macro entry that is no blocker reads whether the ID is defined at all.
  if (facts.kind === 'production-readiness-blocker-map') for (const ref of facts.resolvedRefs) keys.add(blockerKey(ref.id)).add(idKey(ref.id));
  for (const ticket of facts.tickets) if (ticket.valid) keys.add(ticketsKey(ticket.range.prefix));
  if (facts.kind === 'ticket-reservations') for (const reservation of facts.reservations) keys.add(ticketsKey(reservation.range.prefix));
  if (facts.claims.length > 0) keys.add(locksKey);
  if (parses(facts) && !inputs.isConfiguration(facts)) {
    for (const { ref, resolution } of inputs.referencesOf(facts).evidence) if (ref.anchor && resolution.kind === 'file') keys.add(docKey(resolution.path));
    // A seal reads its packet's tree id: only the documents stating one for a packet go stale when a file below it changes.
    const seals = inputs.seals;
    if (seals) for (const key of sealDependencyKeys(facts, () => inputs.referencesOf(facts), seals)) keys.add(key);
  }
  return [...keys];
}

/** ticket-range-overlap findings on this document's reservations, computed per prefix. */
function overlapsOf(facts: DocumentFacts, inputs: DiagnosticsInputs): Finding[] {
  if (facts.kind !== 'ticket-reservations') return [];
  const findings: Finding[] = [];
  for (const prefix of new Set(facts.reservations.map((r) => r.range.prefix))) append(findings, inputs.overlapsOf(prefix).get(facts.path) ?? []);
  return findings;
}

/**
 * At most MAX_FINDINGS_PER_DOCUMENT findings, and one that counts the rest: thousands of
 * findings on one document help nobody, and every host would carry them on every pass. The
 * most severe are kept (an error never hides behind a thousand hints), each in document order.
 */
function capped(facts: DocumentFacts, diagnostics: Diagnostic[], inputs: DiagnosticsInputs): Diagnostic[] {
  if (diagnostics.length <= MAX_FINDINGS_PER_DOCUMENT) return diagnostics;
  const kept = [...diagnostics].sort((a, b) => a.severity - b.severity).slice(0, MAX_FINDINGS_PER_DOCUMENT).sort(byPosition);
  const left = diagnostics.length - kept.length;
  const summary = toDiagnostic(
    facts,
    {
      code: 'too-many-findings',
      span: { start: 0, end: 0 },
      message: `This document has ${count(diagnostics.length)} findings; the ${count(kept.length)} most severe are shown and ${count(left)} are not. Fix the ones shown (or split the document) to see the rest.`,
    },
    inputs,
  );
  return summary ? [summary, ...kept] : kept;
}

/** A finding as a Diagnostic, at its level (an override, else the code's), or undefined when its code is off. */
function toDiagnostic(facts: DocumentFacts, finding: Finding, inputs: Pick<DiagnosticsInputs, 'severities' | 'factsOf'>): Diagnostic | undefined {
  const override = inputs.severities[finding.code];
  if (override === 'off') return undefined;
  const diagnostic: Diagnostic = {
    range: facts.lines.range(finding.span.start, finding.span.end),
    severity: override ? severityByName[override] : codeInfo[finding.code].severity,
    code: finding.code,
    source: 'govlens',
    message: finding.message,
  };
  const related = finding.related?.flatMap((r) => {
    const lines = r.path === facts.path ? facts.lines : inputs.factsOf(r.path)?.lines;
    return lines ? [{ path: r.path, range: lines.range(r.span.start, r.span.end), message: r.message }] : [];
  });
  if (related?.length) diagnostic.relatedInformation = related;
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}
