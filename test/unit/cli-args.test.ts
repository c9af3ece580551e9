import { test } from 'node:test';
import assert from 'node:assert/strict';
import { helpText, parseArgs, UsageError } from '../../server/src/cli/args';
import { DeltaEvents } from '../../server/src/core/delta/delta';

test('diff BASE [HEAD] [DIR]: HEAD defaults to the working tree, DIR to the current folder', () => {
  assert.deepEqual(
    (({ command, base, head, dir, format, failOn }) => ({ command, base, head, dir, format, failOn }))(parseArgs(['diff', 'origin/main'])),
    { command: 'diff', base: 'origin/main', head: 'WORKTREE', dir: '.', format: 'text', failOn: [] },
  );
  const full = parseArgs(['diff', 'HEAD~1', 'HEAD', 'kb', '--format', 'markdown', '--fail-on', 'production-grant-added,blocker-reopened', '--fail-on=production-grant-added']);
  assert.equal(full.head, 'HEAD');
  assert.equal(full.dir, 'kb');
  assert.equal(full.format, 'markdown');
  assert.deepEqual(full.failOn, ['production-grant-added', 'blocker-reopened']);
});

test('diff usage errors say what is wrong and what is accepted', () => {
  const cases: [string[], RegExp][] = [
    [['diff'], /needs a BASE revision/],
    [['diff', 'a', 'b', 'c', 'd'], /unexpected 'd'/],
    [['diff', 'HEAD', '--format', 'sarif'], /does not support --format sarif/],
    [['diff', 'HEAD', '--fail-on', 'nope'], /unknown --fail-on event 'nope'/],
    [['diff', 'HEAD', '--fail-on', ''], /--fail-on needs a list/],
    [['diff', 'HEAD', '--all'], /--all goes with govlens blockers/],
    [['seal', '--fail-on', 'findings-introduced'], /--fail-on goes with govlens diff/],
    [['blockers', '--format', 'markdown'], /does not support --format markdown/],
  ];
  for (const [argv, message] of cases) assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message), argv.join(' '));
});

test('--help documents diff, its formats and every event', () => {
  for (const word of ['govlens diff BASE [HEAD] [DIR]', '--fail-on', 'markdown', 'WORKTREE', ...DeltaEvents]) assert.ok(helpText.includes(word), word);
});
