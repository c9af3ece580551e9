import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBlockersTable } from '../../server/src/cli/formatBlockers';
import { analyzerFor, cleanKb, json, PACKET } from '../helpers/kb';

const LATER = 'kb/fix7-p0-production-phase-packet-2026-07-01/production-readiness-blocker-map.json';
const EARLIER = 'kb/fix7-p0-scoping-packet-2026-05-01/production-readiness-blocker-map.json';

function blockerMap(date: string, blockers: object[], resolved: string[] = []): string {
  return json({ doc: 'fix7-p0-production-readiness-blocker-map', date, blockers, resolved_in_this_macro: resolved, production_work_performed: false });
}

function statuses(files: Record<string, string>): Record<string, string> {
  const { analyzer } = analyzerFor(files);
  return Object.fromEntries(analyzer.blockers().map((b) => [b.id, `${b.status} ${b.facts.path}`]));
}

test('a later packet resolves an earlier packet’s blocker through resolved_in_this_macro', () => {
  const files = cleanKb();
  files[LATER] = blockerMap('2026-07-01', [], ['FIX7-P0-PROD-CI-SCOPE-1']);
  const { analyzer } = analyzerFor(files);
  const ci = analyzer.blockers().find((b) => b.id === 'FIX7-P0-PROD-CI-SCOPE-1');
  assert.equal(ci?.status, 'resolved');
  assert.equal(ci?.resolvedBy?.facts.path, LATER);
  assert.equal(ci?.resolvedBy?.how, 'resolved_in_this_macro');
  assert.equal(analyzer.blockers().filter((b) => b.status === 'unresolved').length, 4);
});

test('an earlier map listing the ID does not resolve a later definition', () => {
  const files = cleanKb();
  files[EARLIER] = blockerMap('2026-05-01', [], ['FIX7-P0-PROD-CI-SCOPE-1']);
  assert.match(statuses(files)['FIX7-P0-PROD-CI-SCOPE-1'] ?? '', /^unresolved/);
});

test('the latest definition is the current state: status RESOLVED there resolves it', () => {
  const files = cleanKb();
  files[LATER] = blockerMap('2026-07-01', [{ id: 'FIX7-P0-PROD-CI-SCOPE-1', item: 'scoped', status: 'RESOLVED', blocks: 'production-ci' }]);
  assert.equal(statuses(files)['FIX7-P0-PROD-CI-SCOPE-1'], `resolved ${LATER}`);
});

test('a blocker re-opened in a later map is unresolved again, from the later map', () => {
  const files = cleanKb();
  files[EARLIER] = blockerMap('2026-05-01', [{ id: 'FIX7-P0-PROD-CI-SCOPE-1', item: 'old', status: 'RESOLVED' }]);
  assert.equal(statuses(files)['FIX7-P0-PROD-CI-SCOPE-1'], `unresolved ${PACKET}/production-readiness-blocker-map.json`);
});

test('a map dated the same day as the definition resolves it', () => {
  const files = cleanKb();
  files[LATER] = blockerMap('2026-06-12', [], ['FIX7-P0-PLAN-REALRUN-1']);
  assert.match(statuses(files)['FIX7-P0-PLAN-REALRUN-1'] ?? '', /^resolved/);
});

test('one entry per blocker ID, with the line of its id value', () => {
  const files = cleanKb();
  files[LATER] = blockerMap('2026-07-01', [{ id: 'FIX7-P0-PROD-CI-SCOPE-1', item: 'still open', blocks: 'production-ci' }]);
  const { analyzer } = analyzerFor(files);
  const ci = analyzer.blockers().filter((b) => b.id === 'FIX7-P0-PROD-CI-SCOPE-1');
  assert.equal(ci.length, 1);
  assert.equal(ci[0]?.facts.path, LATER);
  assert.equal(ci[0]?.definedIn.length, 2);
  const text = files[LATER] ?? '';
  assert.equal(ci[0]?.facts.lines.positionAt(ci[0].blocker.span.start).line, text.split('\n').findIndex((l) => l.includes('"FIX7-P0-PROD-CI-SCOPE-1"')));
});

test('the blockers table of a map listing 130,000 blockers is printed (its column widths are not a spread of 130,000 arguments)', () => {
  const { analyzer } = analyzerFor(cleanKb());
  const [one] = analyzer.blockers();
  assert.ok(one);
  // Copies of a real row: what the table does with many rows is the question, not how fast they are analysed.
  const many = Array.from({ length: 130_000 }, (_, i) => ({ ...one, id: `FIX7-P0-B-${i}` }));
  const table = formatBlockersTable(many, false, (p) => p);
  assert.match(table, /^130000 unresolved blockers:/);
  assert.equal(table.split('\n')[3], '  LINE  ID                BLOCKS      ACTOR NEEDED');
});
