import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { formatDeltaMarkdown } from '../../server/src/core/delta/markdown';
import { formatDeltaText } from '../../server/src/cli/formatDeltaText';
import type { AuthorityDelta } from '../../server/src/core/delta/delta';

// What a pull request can put in a lock, a map or a file name, aimed at the comment it is printed in.
const hostile = 'x` | **y** | [pwn](https://evil.example) <img src=x> @owner\n# Heading';
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const delta: AuthorityDelta = {
  grants: { added: [{ lock: `kb/${hostile}/lock.json`, id: hostile, scope: 'production', actions: [hostile] }], removed: [], changed: [] },
  blockers: { added: [hostile], resolved: [], reopened: [], removed: [] },
  findings: { introduced: [{ file: hostile, range, severity: 'error', code: 'unknown-id', message: hostile }], fixed: [] },
  seals: { stale: [] },
  events: ['production-grant-added', 'findings-introduced'],
};

test('markdown: workspace text stays inert: no link, image, HTML, heading or extra table cell; mentions defused', () => {
  const markdown = formatDeltaMarkdown(delta, 'origin/main', 'HEAD', (p) => p);
  const kinds = new Set<string>();
  const walk = (node: { type: string; children?: unknown[] }) => {
    kinds.add(node.type);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(fromMarkdown(markdown) as { type: string; children?: unknown[] });
  for (const kind of ['link', 'image', 'html']) assert.ok(!kinds.has(kind), `${kind} in:\n${markdown}`);
  assert.equal(markdown.split('\n').filter((l) => l.startsWith('#')).length, 4, 'only the comment\'s own headings');
  const row = markdown.split('\n').find((l) => l.startsWith('| added |')) ?? '';
  assert.equal(row.replace(/\\\|/g, '').split('|').length - 2, 5, row);
  // A mention inside a code span pings nobody; in prose it must be broken.
  assert.ok(!/@owner/.test(markdown.replace(/`[^`]*`/g, '')), markdown);
});

test('text: one line per change whatever the workspace says', () => {
  const text = formatDeltaText(delta, 'origin/main', 'HEAD', (p) => p);
  assert.ok(!text.includes('\n# Heading'));
  assert.match(text, /\\n# Heading/);
});

test('markdown: a grant\'s status is in its row, so a revocation or a grant not in force reads as one', () => {
  // A production grant revoked: scope and actions alike, only the status changed. Without the
  // status the row would read "production REAL_RUN (was production: REAL_RUN)", no change at all.
  const grant = { lock: 'kb/p/lock.json', id: 'G', scope: 'production', actions: ['REAL_RUN'] };
  const statuses: AuthorityDelta = {
    grants: {
      added: [{ ...grant, id: 'PROPOSED_ONE', status: 'PROPOSED' }],
      removed: [],
      changed: [{ ...grant, status: 'REVOKED', before: { scope: 'production', actions: ['REAL_RUN'] } }, { ...grant, id: 'BACK', before: { scope: 'production', actions: ['REAL_RUN'], status: 'REVOKED' } }],
    },
    blockers: { added: [], resolved: [], reopened: [], removed: [] },
    findings: { introduced: [], fixed: [] },
    seals: { stale: [] },
    events: ['production-grant-added'],
  };
  const rows = formatDeltaMarkdown(statuses, 'a', 'b', (p) => p).split('\n').filter((l) => l.startsWith('| added |') || l.startsWith('| changed |'));
  assert.deepEqual(rows, [
    '| added | `kb/p/lock.json` | `PROPOSED_ONE` | **production** (`PROPOSED`) | `REAL_RUN` |',
    '| changed | `kb/p/lock.json` | `G` | **production** (`REVOKED`) | `REAL_RUN` (was `production`: `REAL_RUN`) |',
    '| changed | `kb/p/lock.json` | `BACK` | **production** | `REAL_RUN` (was `production` (`REVOKED`): `REAL_RUN`) |',
  ]);
});
