import { blockerRow, findingRows, type BlockerRow, type FindingRow } from '../core/report';
import type { BlockerStatus } from '../core/index/blockerStatus';
import type { PrintableReport } from './printableReport';

/** The object of spec §7, field for field: tests outside the project parse it. */
export interface CheckOutput {
  version: 1;
  root: string;
  files: number;
  diagnostics: FindingRow[];
  blockers: BlockerRow[];
}

export function checkOutput(report: PrintableReport, root: string): CheckOutput {
  return {
    version: 1,
    root,
    files: report.files,
    diagnostics: findingRows(report.results),
    blockers: report.blockers,
  };
}

export function blockersOutput(blockers: BlockerStatus[], root: string): { version: 1; root: string; blockers: BlockerRow[] } {
  return { version: 1, root, blockers: blockers.map(blockerRow) };
}

/** One packet of `govlens seal --format json` (spec §8): its folder relative to DIR ('.' for DIR itself), full hex tree id, blob count. */
export interface SealRow {
  path: string;
  tree: string;
  files: number;
}

export function sealOutput(packets: SealRow[], root: string): { version: 1; root: string; packets: SealRow[] } {
  return { version: 1, root, packets };
}
