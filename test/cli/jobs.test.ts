import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateWorkspace, writeWorkspace } from '../../tools/kbGenerator';
import { runGovlens, scratchFolder } from '../helpers/govlensCli';

// `govlens check --jobs N` reads documents on N threads; nothing it prints may depend on N.
// Every comparison is against --jobs 1, which reads on the main thread alone.
const repo = path.resolve(__dirname, '../..');
const temporary = scratchFolder('govlens-jobs-');
const govlens = runGovlens;

function generated(name: string, docs: number): string {
  const dir = path.join(temporary, name);
  writeWorkspace(dir, generateWorkspace({ docs, seed: 3 }));
  return dir;
}

/**
 * A generated workspace whose `.govlens.json` adds cue words only it knows and a size limit
 * some documents pass: a worker that read under other settings would print other findings.
 */
function configured(): string {
  const dir = generated('configured', 300);
  fs.writeFileSync(path.join(dir, '.govlens.json'), JSON.stringify({ grantCues: ['zorbled'], performanceCues: ['frobnicated'], maxFileSizeMB: 0.004 }));
  for (let i = 0; i < 200; i++) {
    fs.writeFileSync(path.join(dir, 'knowledge', `vocabulary-${i}.md`), `# Note ${i}\n\nThe production deploy was zorbled by ops.\n\nWe frobnicated the production cutover.\n`);
  }
  return dir;
}

const formats = ['text', 'json', 'sarif'];

function assertSameAsOneThread(dir: string, ...extra: string[]): void {
  for (const format of formats) {
    const one = govlens(dir, 'check', '.', '--format', format, '--jobs', '1', ...extra);
    const two = govlens(dir, 'check', '.', '--format', format, '--jobs', '2', ...extra);
    const byDefault = govlens(dir, 'check', '.', '--format', format, ...extra);
    assert.ok(one.status === 0 || one.status === 1, one.stderr);
    for (const run of [two, byDefault]) {
      assert.equal(run.stdout, one.stdout, `${dir} --format ${format}`);
      assert.equal(run.status, one.status);
      assert.equal(run.stderr, one.stderr);
    }
  }
}

describe('govlens check --jobs', () => {
  test('the example KB and the every-code fixture print the same on one thread and on two', () => {
    assertSameAsOneThread(path.join(repo, 'examples/kb'));
    assertSameAsOneThread(path.join(repo, 'test/fixtures/every-code'));
  });

  test('a generated workspace prints the same on one thread and on two', () => {
    const dir = generated('plain', 400);
    assertSameAsOneThread(dir);
    assert.equal(govlens(dir, 'check', '.', '--jobs', '2').status, 1, 'the planted defects are found');
  });

  test('workers read under the main thread\'s .govlens.json: its vocabulary and its size limit', () => {
    const dir = configured();
    assertSameAsOneThread(dir);
    const text = govlens(dir, 'check', '.', '--jobs', '2').stdout;
    assert.match(text, /vocabulary-199\.md:3:5: error implied-production-grant: "production deploy was zorbled"/);
    assert.match(text, /file-too-large/);
  });

  test('--cache reads what it must on the pool: the same output and the same counts, cold and after an edit', () => {
    const dir = generated('cached', 300);
    const cached = (jobs: string, location: string) => govlens(dir, 'check', '.', '--cache', '--debug-cache', '--cache-location', path.join(temporary, location), '--jobs', jobs);
    const fresh = govlens(dir, 'check', '.', '--jobs', '1');
    const [one, two] = [cached('1', 'one'), cached('2', 'two')];
    for (const run of [one, two]) {
      assert.equal(run.stdout, fresh.stdout);
      assert.equal(run.status, fresh.status);
    }
    assert.equal(two.stderr, one.stderr);
    const note = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.md')) ?? '';
    fs.appendFileSync(path.join(dir, note), '\nOne more line.\n');
    const edited = govlens(dir, 'check', '.', '--jobs', '1');
    const [oneWarm, twoWarm] = [cached('1', 'one'), cached('2', 'two')];
    for (const run of [oneWarm, twoWarm]) assert.equal(run.stdout, edited.stdout);
    assert.equal(twoWarm.stderr, oneWarm.stderr);
  });

  test('a --jobs that is not a whole number of threads, 1 or more, is a usage error', () => {
    for (const value of ['0', '-1', 'abc', '1.5', '']) {
      const run = govlens(repo, 'check', 'examples/kb', `--jobs=${value}`);
      assert.equal(run.status, 2, value);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, value === '' ? /^govlens: --jobs needs a value/ : /^govlens: --jobs needs a whole number of threads, 1 or more: got '/);
    }
    assert.equal(govlens(repo, 'check', 'examples/kb', '--jobs').status, 2);
    assert.match(govlens(repo, 'blockers', 'examples/kb', '--jobs', '2').stderr, /--jobs goes with govlens check/);
  });
});
