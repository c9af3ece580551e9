import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import type { DiagnosticCode } from '../../server/src/core/codes';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import type { Settings } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { Diagnostic, Range } from '../../server/src/core/types';

export const PACKET = 'kb/fix7-p0-demo-packet-2026-06-12';
export const NOTE = 'kb/owner-note.md';

/** A small, clean KB in the seeds' shape; tests override single files to break one thing. */
export function cleanKb(): Record<string, string> {
  return {
    [`${PACKET}/production-readiness-blocker-map.json`]: json({
      doc: 'fix7-p0-production-readiness-blocker-map',
      date: '2026-06-12',
      blockers: [
        { id: 'FIX7-P0-PROD-BIRTH-SURFACE-1', item: 'surface unscoped', evidence: 'mutation-inventory.json surface 5 PRODUCTION_UNKNOWN_NEEDS_SCOPING (FIX7-P0-PLAN-SURFACE-1)', actor_needed: 'operator', blocks: 'production' },
        { id: 'FIX7-P0-PROD-CI-SCOPE-1', item: 'CI scope unknown', evidence: 'mutation-inventory.json surface 10 CONFIG_UNKNOWN_NEEDS_SCOPING (FIX7-P0-PLAN-SURFACE-2)', actor_needed: 'owner + operator', blocks: 'production-ci' },
        { id: 'FIX7-P0-PLAN-REALRUN-1', item: 'REAL_RUN needs its own grant', evidence: 'precondition-checklist.json PC-7 FAIL', actor_needed: 'owner', blocks: 'REAL_RUN' },
        { id: 'FIX7-P0-DRYRUN-PROD-ROLLBACK-1', item: 'rollback not proven', evidence: 'rollback-recovery-design.json RB-PROD TBD; this map', actor_needed: 'operator', blocks: 'production' },
        { id: 'FIX7-P0-OPERATOR-INPUT-1', item: 'operator input', evidence: 'this map; mutation-inventory.json forbidden surfaces', actor_needed: 'operator', blocks: 'production' },
      ],
      resolved_in_this_macro: [],
      production_work_performed: false,
    }),
    [`${PACKET}/precondition-checklist.json`]: json({
      doc: 'fix7-p0-precondition-checklist',
      date: '2026-06-12',
      checks: [
        { id: 'PC-1', item: 'rollback gate', status: 'PASS', evidence: 'rollback-recovery-design.json RB-STAGING PROVEN' },
        { id: 'PC-7', item: 'REAL_RUN grant', status: 'FAIL' },
      ],
    }),
    [`${PACKET}/mutation-inventory.json`]: json({
      doc: 'fix7-p0-mutation-inventory',
      date: '2026-06-12',
      surfaces: [
        { n: 5, name: 'birth pipeline', class: 'PRODUCTION_UNKNOWN_NEEDS_SCOPING', plan_ref: 'FIX7-P0-PLAN-SURFACE-1' },
        { n: 6, name: 'canonicalizer', class: 'FORBIDDEN' },
        { n: 10, name: 'CI enforcement', class: 'CONFIG_UNKNOWN_NEEDS_SCOPING', plan_ref: 'FIX7-P0-PLAN-SURFACE-2' },
      ],
    }),
    [`${PACKET}/rollback-recovery-design.json`]: json({
      doc: 'fix7-p0-rollback-recovery-design',
      date: '2026-06-12',
      plans: [
        { id: 'RB-STAGING', status: 'PROVEN' },
        { id: 'RB-PROD', status: 'TBD' },
      ],
    }),
    [`${PACKET}/ticket-reservations.json`]: json({
      doc: 'fix7-p0-ticket-reservations',
      date: '2026-06-12',
      reservations: [{ range: 'TKT-OBJ-442..461', status: 'PROPOSED', apply_now: false, folded: false }],
    }),
    [NOTE]: [
      '# Owner note',
      '',
      'Reserves TKT-OBJ-442..461 (PROPOSED). Blocked by FIX7-P0-PROD-BIRTH-SURFACE-1.',
      '',
      'Evidence: precondition-checklist.json PC-7 FAIL.',
      '',
      'See …/packet-2026-06-12/production-readiness-blocker-map.json.',
      '',
      'Back to Knowledge Hub kb/owner-note.md',
      '',
    ].join('\n'),
  };
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function analyzerFor(files: Record<string, string>, settings: Partial<Settings> = {}, rootName = 'workspace'): { analyzer: Analyzer; workspace: InMemoryWorkspace } {
  const workspace = new InMemoryWorkspace(files, rootName);
  return { analyzer: new Analyzer(workspace, settings), workspace };
}

export function allDiagnostics(analyzer: Analyzer): { path: string; diagnostic: Diagnostic }[] {
  return analyzer.documents().flatMap((path) => analyzer.diagnostics(path).map((diagnostic) => ({ path, diagnostic })));
}

export function slice(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Every diagnostic in the workspace, as `path: code "covered text"` lines, for readable failures. */
export function describeAll(analyzer: Analyzer, files: Record<string, string>): string[] {
  return allDiagnostics(analyzer).map(({ path, diagnostic }) => `${path}: ${diagnostic.code} ${JSON.stringify(slice(files[path] ?? '', diagnostic.range))}`);
}

/**
 * Asserts the workspace has exactly one diagnostic, of `code`, in `path`, covering
 * exactly `covered`, with a message containing each fragment. Returns it for further checks.
 */
export function expectOnly(files: Record<string, string>, path: string, code: DiagnosticCode, covered: string, ...fragments: string[]): Diagnostic {
  const { analyzer } = analyzerFor(files);
  const all = allDiagnostics(analyzer);
  assert.equal(all.length, 1, `expected one ${code}, got:\n${describeAll(analyzer, files).join('\n')}`);
  const [{ path: actualPath, diagnostic }] = all as [{ path: string; diagnostic: Diagnostic }];
  assert.equal(actualPath, path);
  assert.equal(diagnostic.code, code);
  assert.equal(diagnostic.source, 'govlens');
  assert.equal(slice(files[path] ?? '', diagnostic.range), covered);
  for (const fragment of fragments) assert.ok(diagnostic.message.includes(fragment), `message lacks "${fragment}": ${diagnostic.message}`);
  return diagnostic;
}

export function expectClean(files: Record<string, string>, settings: Partial<Settings> = {}): void {
  const { analyzer } = analyzerFor(files, settings);
  assert.deepEqual(describeAll(analyzer, files), []);
}
