import type { BlockerRow, FileDiagnostics } from '../core/report';

/** What `govlens check` prints, in every format: from a fresh analysis or as a cache kept it. */
export interface PrintableReport {
  files: number;
  results: FileDiagnostics[];
  blockers: BlockerRow[];
}
