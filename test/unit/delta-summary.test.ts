import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuthorityDelta } from '../../server/src/core/delta/delta';
import { deltaSummary } from '../../server/src/lsp/deltaSummary';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const empty = (): AuthorityDelta => ({
  grants: { added: [], removed: [], changed: [] },
  blockers: { added: [], resolved: [], reopened: [], removed: [] },
  findings: { introduced: [], fixed: [] },
  seals: { stale: [] },
  events: [],
});
const isProduction = (scope: string) => scope === 'production' || scope === 'prod';
const grant = (id: string, scope: string) => ({ lock: 'p/lock.json', id, scope, actions: ['REAL_RUN'] });
const finding = (file: string) => ({ file, range, severity: 'error' as const, code: 'unknown-id', message: 'x' });

test('summary: nothing changed reads "no change"', () => {
  assert.equal(deltaSummary(empty(), isProduction), 'no change');
});

test('summary: production grants first (by the scope test given), then blockers, findings and seals, singular and plural', () => {
  const delta = empty();
  delta.grants.added.push(grant('A', 'prod'), grant('B', 'staging'));
  delta.grants.removed.push(grant('C', 'staging'), grant('D', 'staging'));
  delta.grants.changed.push({ ...grant('E', 'production'), before: { scope: 'staging', actions: [] } });
  delta.blockers.resolved.push('X-P0-A-1', 'X-P0-B-1');
  delta.blockers.reopened.push('X-P0-C-1');
  delta.findings.introduced.push(finding('a.md'));
  delta.findings.fixed.push(finding('a.md'), finding('b.md'));
  delta.seals.stale.push({ file: 'n.md', seal: 'abc', verdict: 'mismatch' });
  assert.equal(deltaSummary(delta, isProduction), '+1 production grant, +1 other grant, −2 grants, 1 grant changed, 2 blockers resolved, 1 blocker reopened, 1 finding introduced, 2 findings fixed, 1 seal gone stale');
});

test('summary: grants outside production are just grants; its length is bounded by the kinds, not the counts', () => {
  const delta = empty();
  for (let i = 0; i < 10_000; i++) delta.grants.added.push(grant(`G${i}`, 'staging'));
  for (let i = 0; i < 10_000; i++) delta.blockers.added.push(`X-P0-N-${i}`);
  const summary = deltaSummary(delta, isProduction);
  assert.equal(summary, '+10000 grants, 10000 blockers added');
});
