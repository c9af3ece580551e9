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

test('check --jobs N: a whole number of threads, 1 or more; absent, the CLI takes one per core', () => {
  assert.equal(parseArgs(['check', '--jobs', '3']).jobs, 3);
  assert.equal(parseArgs(['check', 'kb', '--jobs=1']).jobs, 1);
  assert.equal(parseArgs(['check']).jobs, undefined);
  for (const value of ['0', '-1', 'abc', '1e3', '0x10', ' 2']) {
    assert.throws(() => parseArgs(['check', '--jobs', value]), (e: unknown) => e instanceof UsageError && /--jobs needs a whole number of threads/.test(e.message), value);
  }
  assert.throws(() => parseArgs(['seal', '--jobs', '2']), /--jobs goes with govlens check/);
  assert.throws(() => parseArgs(['diff', 'HEAD', '--jobs', '2']), /--jobs goes with govlens check/);
  assert.ok(helpText.includes('--jobs N'));
});
