import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/core/analyzer';
import { analyzeWorkspace } from '../../server/src/core/report';
import { NodeFileSystemWorkspace } from '../../server/src/node/fsWorkspace';
import { Severity } from '../../server/src/core/severity';

const root = path.resolve(__dirname, '../../examples/kb');

/**
 * The example is a reconstruction, not the sealed bytes: the seed note's "evidence packet tree
 * 72b24b8a…" is a seal-mismatch warning (spec §6: the one finding a faithful rendering of the
 * seeds has), and nothing else is a finding. Never faked into a match.
 */
const SEALS = ['knowledge/dev/reports/architecture/fix7-p0-post-no-production-execution-owner-operator-note-2026-06-12.md:24'];

function findings(report: ReturnType<typeof analyzeWorkspace>, prefix = ''): string[] {
  return report.results.flatMap((r) => r.diagnostics.map((d) => `${prefix}${r.path}:${d.range.start.line + 1} ${d.severity === Severity.Warning ? 'warning' : d.severity} ${d.code} ${/^"packet tree 72b24b8a…" does not match fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12, whose files now hash to tree [0-9a-f]{40} /.test(d.message)}`));
}

test('the shipped example KB: no findings but its seals (a reconstruction is not the sealed bytes), and the seed’s seven unresolved blockers', () => {
  const analyzer = new Analyzer(new NodeFileSystemWorkspace(root));
  const report = analyzeWorkspace(analyzer);
  assert.deepEqual(findings(report), SEALS.map((s) => `${s} warning seal-mismatch true`));
  assert.equal(report.files, 8);
  assert.deepEqual(
    report.blockers.filter((b) => b.status === 'unresolved').map((b) => b.id),
    [
      'FIX7-P0-PROD-BIRTH-SURFACE-1',
      'FIX7-P0-PROD-CI-SCOPE-1',
      'FIX7-P0-DRYRUN-PROD-ROLLBACK-1',
      'FIX7-P0-PLAN-REALRUN-1',
      'FIX7-P0-PLAN-SEPARATE-AUTH-1',
      'FIX7-P0-PROD-OPT4-1',
      'FIX7-P0-OPERATOR-INPUT-1',
    ],
  );
});

test('the example is analysed alike from a subfolder: the footer resolves by suffix', () => {
  const sub = path.join(root, 'knowledge/dev');
  const analyzer = new Analyzer(new NodeFileSystemWorkspace(sub));
  const report = analyzeWorkspace(analyzer);
  assert.deepEqual(findings(report, 'knowledge/dev/'), SEALS.map((s) => `${s} warning seal-mismatch true`));
});

test('the example blocker map is seed 003 verbatim', async () => {
  const { readFileSync, existsSync } = await import('node:fs');
  const seed = path.resolve(__dirname, '../fixtures/seeds/003_7a55496c566e8b6a.txt');
  assert.ok(existsSync(seed), `seed missing at ${seed}`);
  // The seed is a rendered KB page: the JSON object sits between the page's header and footer.
  const page = readFileSync(seed, 'utf8');
  const seedJson = page.slice(page.indexOf('{'), page.lastIndexOf('}') + 1);
  const mapPath = path.join(root, 'knowledge/dev/reports/architecture/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12/production-readiness-blocker-map.json');
  assert.deepEqual(JSON.parse(readFileSync(mapPath, 'utf8')), JSON.parse(seedJson));
});
