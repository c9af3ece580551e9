import { Severity } from './severity';

/** Stable diagnostic codes (spec §6). Tests outside the project match on these strings. */
export const DiagnosticCodes = [
  'json-syntax',
  'schema',
  'unknown-id',
  'duplicate-id',
  'evidence-missing-file',
  'evidence-ambiguous-file',
  'evidence-missing-anchor',
  'evidence-status-mismatch',
  'path-outside-workspace',
  'ticket-range-invalid',
  'ticket-range-overlap',
  'ticket-unreserved',
  'implied-production-grant',
  'seal-mismatch',
  'seal-unresolved',
  'file-too-large',
  'too-many-findings',
] as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[number];

export interface CodeInfo {
  severity: Severity;
  /** One line, for SARIF rules and the README table. */
  summary: string;
}

export const codeInfo: Record<DiagnosticCode, CodeInfo> = {
  'json-syntax': { severity: Severity.Error, summary: 'A packet document is not valid JSON (comments, trailing commas, truncation, a repeated key, nesting over 256 levels).' },
  schema: { severity: Severity.Error, summary: 'A packet document of a known kind breaks its schema.' },
  'unknown-id': { severity: Severity.Error, summary: 'A governance ID is referenced that nothing in the workspace defines.' },
  'duplicate-id': { severity: Severity.Error, summary: 'The same ID is defined twice in one document.' },
  'evidence-missing-file': { severity: Severity.Error, summary: 'An evidence reference, Markdown link or footer path names no existing file.' },
  'evidence-ambiguous-file': { severity: Severity.Hint, summary: 'A bare file name or …/ suffix matches several workspace files.' },
  'evidence-missing-anchor': { severity: Severity.Error, summary: 'The cited file exists but the cited entry (surface N, PC-7, RB-PROD, forbidden surfaces) is not in it.' },
  'evidence-status-mismatch': { severity: Severity.Warning, summary: "The stated status differs from the cited entry's status or class." },
  'path-outside-workspace': { severity: Severity.Error, summary: 'A referenced path resolves outside the workspace folder; it is never read.' },
  'ticket-range-invalid': { severity: Severity.Error, summary: 'A malformed or reversed ticket range.' },
  'ticket-range-overlap': { severity: Severity.Error, summary: 'Two ticket reservations in the workspace overlap.' },
  'ticket-unreserved': { severity: Severity.Warning, summary: 'A ticket or ticket range that no reservation covers.' },
  'implied-production-grant': { severity: Severity.Error, summary: 'Text implies a production grant that the governing authority lock does not contain.' },
  'seal-mismatch': { severity: Severity.Warning, summary: "A stated packet tree id is not a prefix of the packet's current tree id: its bytes differ from those sealed." },
  'seal-unresolved': { severity: Severity.Hint, summary: 'A seal whose packet cannot be told (or whose tree id cannot be computed).' },
  'file-too-large': { severity: Severity.Information, summary: 'A document larger than the size limit is not analysed.' },
  'too-many-findings': { severity: Severity.Information, summary: 'A document has more than 1,000 findings: the 1,000 most severe are reported, and this one counts the rest.' },
};
