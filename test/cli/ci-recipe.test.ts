import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deltaRepository, LATER_LOCK } from '../helpers/deltaRepo';
import { git } from '../helpers/git';

// The recipe is documentation that runs: each govlens command it names is run here as the
// workflow would run it, so a renamed flag or event breaks this test, not a user's CI.
const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/govlens');
const workflow = fs.readFileSync(path.join(repo, 'examples/ci/governance.yml'), 'utf8');

/** Each step's `run:` script, single-line or a `|` block, by the step's indentation (no YAML parser is a dependency). */
function runScripts(text: string): string[] {
  const lines = text.split('\n');
  const scripts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)(?:- )?run: ?(.*)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, indent = '', rest = ''] = match;
    if (rest !== '|') {
      scripts.push(rest);
      continue;
    }
    const body: string[] = [];
    while (i + 1 < lines.length && ((lines[i + 1] ?? '').startsWith(`${indent}  `) || (lines[i + 1] ?? '').trim() === '')) body.push((lines[++i] ?? '').trim());
    scripts.push(body.join('\n'));
  }
  return scripts;
}

/** The govlens invocations of the scripts: their words up to a redirection or `||`. */
function govlensCommands(scripts: readonly string[]): string[][] {
  return scripts.flatMap((s) => s.split('\n')).filter((l) => l.startsWith('govlens ')).map((l) => (l.split(/\s+(?:>|\|\|)\s+/)[0] ?? '').split(/\s+/).slice(1));
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-ci-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('the workflow runs on pull requests and their labels, uploads SARIF and holds production grants for the owner-approved label', () => {
  assert.match(workflow, /^on:\n {2}pull_request:\n {4}types: \[opened, synchronize, reopened, labeled, unlabeled\]$/m);
  assert.match(workflow, /uses: github\/codeql-action\/upload-sarif@v3\n\s+with:\n\s+sarif_file: govlens\.sarif/);
  assert.match(workflow, /security-events: write/);
  assert.match(workflow, /pull-requests: write/);
  assert.match(workflow, /fetch-depth: 0/);
  assert.match(workflow, /if: \$\{\{ !cancelled\(\) && !contains\(github\.event\.pull_request\.labels\.\*\.name, 'owner-approved'\) \}\}\n\s+run: govlens diff origin\/main HEAD --fail-on production-grant-added/);
  assert.match(workflow, /gh pr comment "\$PR" .*--body-file authority-delta\.md/);
  assert.deepEqual(govlensCommands(runScripts(workflow)), [
    ['check', '--format', 'sarif'],
    ['diff', 'origin/main', 'HEAD', '--format', 'markdown'],
    ['diff', 'origin/main', 'HEAD', '--fail-on', 'production-grant-added'],
  ]);
});

test('its commands, run in a pull request\'s checkout: SARIF, a Markdown delta naming the grant, and the gate failing', () => {
  const root = deltaRepository(path.join(scratch, 'repo'));
  // A pull request's checkout: the base branch as origin/main, the change at HEAD.
  git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD~1');
  const results = govlensCommands(runScripts(workflow)).map((args) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }));
  const [check, delta, gate] = results;
  assert.equal(check?.status, 0, check?.stderr);
  const sarif = JSON.parse(check?.stdout ?? '') as { version: string; runs: unknown[] };
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs.length, 1);
  assert.equal(delta?.status, 0, delta?.stderr);
  assert.ok(delta?.stdout.includes(`| added | \`${LATER_LOCK}\` | \`AUTHORIZE_REAL_RUN_PRODUCTION\` | **production** | \`REAL_RUN\` |`), delta?.stdout);
  assert.equal(gate?.status, 1, 'a production grant without the label fails the job');

  // The same commands on a change that grants nothing: the gate passes.
  git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  const quiet = spawnSync(process.execPath, [bin, 'diff', 'origin/main', 'HEAD', '--fail-on', 'production-grant-added'], { cwd: root, encoding: 'utf8' });
  assert.equal(quiet.status, 0, quiet.stderr);
});
