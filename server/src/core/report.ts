import type { Analysis } from './analysis';
import type { BlockerStatus } from './index/blockerStatus';
import { severityNames, type SeverityName } from './severity';
import type { Diagnostic, Range } from './types';

export interface FileDiagnostics {
  path: string;
  diagnostics: Diagnostic[];
}

export interface WorkspaceReport {
  /** Documents analysed, those that failed to parse included. */
  files: number;
  results: FileDiagnostics[];
  blockers: BlockerStatus[];
}

/** The whole workspace at once: what `govlens check` and "Check Workspace" report. */
export function analyzeWorkspace(analysis: Analysis): WorkspaceReport {
  const documents = analysis.documents();
  const results = documents.map((path) => ({ path, diagnostics: analysis.diagnostics(path) })).filter((r) => r.diagnostics.length > 0);
  return { files: documents.length, results, blockers: analysis.blockers() };
}

/** A diagnostic as `govlens check --format json` gives it (spec §7), and as the authority delta compares it. */
export interface FindingRow {
  file: string;
  range: Range;
  severity: SeverityName;
  code: string;
  message: string;
}

export function findingRows(results: readonly FileDiagnostics[]): FindingRow[] {
  return results.flatMap(({ path, diagnostics }) => diagnostics.map((d) => ({ file: path, range: d.range, severity: severityNames[d.severity], code: d.code, message: d.message })));
}

/** The fields every blocker listing shows (spec §7), missing strings as "". */
export interface BlockerRow {
  id: string;
  status: 'unresolved' | 'resolved';
  file: string;
  line: number;
  blocks: string;
  actor_needed: string;
}

export function blockerRow(status: BlockerStatus): BlockerRow {
  return {
    id: status.id,
    status: status.status,
    file: status.facts.path,
    line: status.facts.lines.positionAt(status.blocker.span.start).line,
    blocks: status.blocker.blocks ?? '',
    actor_needed: status.blocker.actor_needed ?? '',
  };
}
