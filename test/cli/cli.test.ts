import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/run';
import { DiagnosticCodes } from '../../server/src/core/codes';
import { validateSarif } from '../helpers/sarif';
import { validateAgainstSchema } from '../helpers/validate-json';
import { git } from '../helpers/git';

// These tests run the built CLI exactly as a user or CI does: `npm run test:cli` builds first.
const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/govlens');
const checkSchema = path.join(repo, 'test/schemas/check-output.schema.json');
const blockersSchema = path.join(repo, 'test/schemas/blockers-output.schema.json');
const sealSchema = path.join(repo, 'test/schemas/seal-output.schema.json');
const EXAMPLE = 'examples/kb';
const BROKEN = 'test/fixtures/every-code';

function govlens(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function parse(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    assert.fail(`not JSON:\n${stdout}`);
  }
}

describe('govlens check', () => {
  test('the example KB: no findings but the seal-mismatch of the seed note\'s seal (a reconstruction is not the sealed bytes), exit 0', () => {
    const run = govlens('check', EXAMPLE);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.pop(), '1 finding (1 warning) in 8 files.');
    assert.equal(lines.length, 1);
    for (const line of lines) assert.match(line, /^examples\/kb\/\S+:\d+:\d+: warning seal-mismatch: "packet tree 72b24b8a…" does not match fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12, whose files now hash to tree [0-9a-f]{40} /);
    assert.equal(lines.filter((l) => l.includes('owner-operator-note-2026-06-12.md:24:')).length, 1, 'the seed note\'s seal');
    assert.equal(run.stderr, '');
  });

  test('the example KB as JSON matches spec §7, with all seven blockers unresolved', () => {
    const run = govlens('check', EXAMPLE, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const output = parse(run.stdout) as { root: string; files: number; diagnostics: unknown[]; blockers: { id: string; status: string; file: string; line: number }[] };
    assert.deepEqual(validateAgainstSchema(checkSchema, output), []);
    assert.equal(output.root, EXAMPLE);
    assert.equal(output.files, 8);
    assert.deepEqual(output.diagnostics.map((d) => (d as { code: string }).code), ['seal-mismatch']);
    assert.equal(output.blockers.length, 7);
    assert.ok(output.blockers.every((b) => b.status === 'unresolved'));
    const first = output.blockers[0];
    assert.deepEqual(first, {
      id: 'FIX7-P0-PROD-BIRTH-SURFACE-1',
      status: 'unresolved',
      file: 'knowledge/dev/reports/architecture/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12/production-readiness-blocker-map.json',
      line: 7,
      blocks: 'production',
      actor_needed: 'owner + operator (scope the exact production surface; not invented)',
    });
    const text = fs.readFileSync(path.join(repo, EXAMPLE, first.file), 'utf8').split('\n');
    assert.ok(text[first.line]?.includes('"id": "FIX7-P0-PROD-BIRTH-SURFACE-1"'));
  });

  test('a broken KB: every code it shows, compiler-style lines, a summary, exit 1', () => {
    const run = govlens('check', BROKEN);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop();
    assert.equal(summary, '19 findings (13 errors, 3 warnings, 1 information, 2 hints) in 10 files.');
    for (const line of lines) assert.match(line, /^test\/fixtures\/every-code\/\S+:\d+:\d+: (error|warning|information|hint) [a-z-]+: .+$/);
    // too-many-findings needs 1,001 findings in one document, which would bury the fixture: its own test is below.
    for (const code of DiagnosticCodes.filter((c) => c !== 'too-many-findings')) assert.ok(lines.some((l) => l.includes(` ${code}: `)), `no ${code} in:\n${run.stdout}`);
    // The path printed opens from where the command ran.
    const [file, line] = (lines[0] ?? '').split(':');
    assert.ok(fs.existsSync(path.join(repo, file ?? '')), file);
    assert.ok(Number(line) > 0);
  });

  test('a broken KB as JSON: valid against the §7 schema, lines 0-based', () => {
    const run = govlens('check', BROKEN, '--format=json');
    assert.equal(run.status, 1);
    const output = parse(run.stdout) as { diagnostics: { file: string; range: { start: { line: number; character: number } }; code: string }[] };
    assert.deepEqual(validateAgainstSchema(checkSchema, output), []);
    const anchor = output.diagnostics.find((d) => d.code === 'evidence-missing-anchor');
    assert.ok(anchor);
    const text = fs.readFileSync(path.join(repo, BROKEN, anchor.file), 'utf8').split('\n');
    assert.equal(text[anchor.range.start.line]?.slice(anchor.range.start.character, anchor.range.start.character + 'surface 11'.length), 'surface 11');
  });

  test('SARIF for the broken KB passes the SARIF Multitool with GitHub ingestion rules', async () => {
    const run = govlens('check', BROKEN, '--format', 'sarif');
    assert.equal(run.status, 1);
    const log = parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.deepEqual(
      log.runs[0]?.tool.driver.rules.map((r) => r.id),
      [...DiagnosticCodes],
    );
    const uri = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
    assert.ok(uri.startsWith('test/fixtures/every-code/') && fs.existsSync(path.join(repo, uri)), uri);
    const validation = await validateSarif(run.stdout);
    assert.deepEqual(validation.errors, [], validation.raw);
    assert.ok(validation.ok);
  });

  test('SARIF for the example KB (its seals only) is valid too', async () => {
    const run = govlens('check', EXAMPLE, '--format', 'sarif');
    assert.equal(run.status, 0);
    const validation = await validateSarif(run.stdout);
    assert.deepEqual(validation.errors, [], validation.raw);
  });
});

describe('govlens blockers', () => {
  test('a table of the seven unresolved blockers', () => {
    const run = govlens('blockers', EXAMPLE);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^7 unresolved blockers/);
    for (const id of ['FIX7-P0-PROD-BIRTH-SURFACE-1', 'FIX7-P0-PROD-CI-SCOPE-1', 'FIX7-P0-DRYRUN-PROD-ROLLBACK-1', 'FIX7-P0-PLAN-REALRUN-1', 'FIX7-P0-PLAN-SEPARATE-AUTH-1', 'FIX7-P0-PROD-OPT4-1', 'FIX7-P0-OPERATOR-INPUT-1']) {
      assert.match(run.stdout, new RegExp(`^ +\\d+ +${id} `, "m"));
    }
  });

  test('JSON: the unresolved blockers, valid against the schema', () => {
    const run = govlens('blockers', EXAMPLE, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const output = parse(run.stdout) as { blockers: unknown[] };
    assert.deepEqual(validateAgainstSchema(blockersSchema, output), []);
    assert.equal(output.blockers.length, 7);
  });

  test('a blocker a later packet resolves is left out, and shown with --all', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-cli-'));
    try {
      fs.cpSync(path.join(repo, EXAMPLE), dir, { recursive: true });
      const later = path.join(dir, 'knowledge/dev/reports/architecture/fix7-p0-follow-up-packet-2026-07-01');
      fs.mkdirSync(later);
      fs.writeFileSync(
        path.join(later, 'production-readiness-blocker-map.json'),
        JSON.stringify({ doc: 'fix7-p0-production-readiness-blocker-map', date: '2026-07-01', blockers: [], resolved_in_this_macro: ['FIX7-P0-PROD-CI-SCOPE-1'], production_work_performed: false }),
      );
      const unresolved = parse(govlens('blockers', dir, '--format', 'json').stdout) as { blockers: { id: string }[] };
      assert.equal(unresolved.blockers.length, 6);
      assert.ok(!unresolved.blockers.some((b) => b.id === 'FIX7-P0-PROD-CI-SCOPE-1'));
      const all = govlens('blockers', dir, '--all');
      assert.match(all.stdout, /^7 blockers \(6 unresolved\)/);
      assert.match(all.stdout, /FIX7-P0-PROD-CI-SCOPE-1\s+resolved/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('govlens seal', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-seal-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const PACKET = 'knowledge/dev/reports/architecture/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12';

  /** The example KB and some files more, committed to a fresh repository of the given object format. */
  const committed = (name: string, objectFormat: 'sha1' | 'sha256', files: Record<string, string> = {}) => {
    const root = path.join(scratch, name);
    fs.cpSync(path.join(repo, EXAMPLE), root, { recursive: true });
    for (const [relative, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), text);
    }
    git(root, 'init', '-q', `--object-format=${objectFormat}`);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'kb');
    return root;
  };

  test("the example KB: its packet's id as git rev-parse prints it once committed, one line and a summary", () => {
    const root = committed('example', 'sha1');
    const run = govlens('seal', root);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const tree = git(root, 'rev-parse', `HEAD:${PACKET}`);
    assert.equal(run.stdout, `${tree}  ${root}/${PACKET}  (6 files)\n1 packet; tree ids in git's SHA-1 object format.\n`);
  });

  test('JSON as spec §8 gives it: every packet (nested, DIR itself) relative to DIR, sorted, valid against the schema', () => {
    const root = committed('several', 'sha1', {
      [`${PACKET}/.github/sealed-by.md`]: 'hidden files are part of the tree\n',
      'b-packet/blocker-map.json': '{}\n',
      'b-packet/a-packet/x.json': '{}\n',
      'b-packet/notes/readme.txt': 'not a document, but in the tree\n',
      'packets/only-folders/a-packet/y.json': '{}\n',
    });
    const run = govlens('seal', root, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const output = parse(run.stdout) as { root: string; packets: { path: string; tree: string; files: number }[] };
    assert.deepEqual(validateAgainstSchema(sealSchema, output), []);
    assert.equal(output.root, root);
    const expected = ['b-packet', 'b-packet/a-packet', PACKET, 'packets/only-folders/a-packet'].map((p) => ({ path: p, tree: git(root, 'rev-parse', `HEAD:${p}`), files: git(root, 'ls-tree', '-r', 'HEAD', `${p}/`).split('\n').length }));
    assert.deepEqual(output.packets, expected);
    assert.equal(output.packets.find((p) => p.path === 'b-packet')?.files, 3);
    // DIR itself a packet folder: its path is ".", its id the commit's tree.
    const inner = path.join(root, 'b-packet');
    const self = parse(govlens('seal', inner, '--format=json').stdout) as { root: string; packets: { path: string; tree: string }[] };
    assert.deepEqual(validateAgainstSchema(sealSchema, self), []);
    assert.deepEqual(self.packets.map((p) => [p.path, p.tree]), [['.', git(root, 'rev-parse', 'HEAD:b-packet')], ['a-packet', git(root, 'rev-parse', 'HEAD:b-packet/a-packet')]]);
  });

  test('"sealFormat": "git-sha256" gives the ids of a SHA-256 repository; "off" cannot seal (exit 2)', () => {
    const root = committed('sha256', 'sha256', { '.govlens.json': '{"sealFormat": "git-sha256"}\n' });
    const run = govlens('seal', root, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const output = parse(run.stdout) as { packets: { path: string; tree: string }[] };
    assert.deepEqual(validateAgainstSchema(sealSchema, output), []);
    assert.deepEqual(output.packets.map((p) => p.tree), [git(root, 'rev-parse', `HEAD:${PACKET}`)]);
    assert.equal(output.packets[0]?.tree.length, 64);
    assert.match(govlens('seal', root).stdout, /SHA-256 object format/);
    fs.writeFileSync(path.join(root, '.govlens.json'), '{"sealFormat": "off"}\n');
    const off = govlens('seal', root);
    assert.equal(off.status, 2);
    assert.equal(off.stdout, '');
    assert.match(off.stderr, /"sealFormat": "off"/);
  });

  test('the id follows the bytes: an uncommitted edit changes it, and git agrees once it is committed', () => {
    const root = committed('edited', 'sha1');
    const before = govlens('seal', root, '--format', 'json').stdout;
    fs.appendFileSync(path.join(root, PACKET, 'precondition-checklist.json'), '\n');
    const after = parse(govlens('seal', root, '--format', 'json').stdout) as { packets: { tree: string }[] };
    assert.notEqual(after.packets[0]?.tree, (parse(before) as { packets: { tree: string }[] }).packets[0]?.tree);
    git(root, 'commit', '-q', '-am', 'edit');
    assert.equal(after.packets[0]?.tree, git(root, 'rev-parse', `HEAD:${PACKET}`));
  });

  test('a packet whose id cannot be computed is named on stderr and left out: exit 1, the others printed', () => {
    const root = path.join(scratch, 'huge');
    fs.cpSync(path.join(repo, EXAMPLE), root, { recursive: true });
    fs.mkdirSync(path.join(root, 'huge-packet'));
    fs.writeFileSync(path.join(root, 'huge-packet/x.json'), '{}\n');
    // Sparse: 300 MiB that take no disk, over the limit a seal is computed over, never read.
    fs.writeFileSync(path.join(root, 'huge-packet/blob.bin'), '');
    fs.truncateSync(path.join(root, 'huge-packet/blob.bin'), 300 * 1024 * 1024);
    const run = govlens('seal', root, '--format', 'json');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^govlens: no tree id for .*huge-packet: its files hold \d+ bytes, more than the \d+ a seal is computed over\n$/);
    const output = parse(run.stdout) as { packets: { path: string }[] };
    assert.deepEqual(output.packets.map((p) => p.path), [PACKET]);
  });

  test('no packets: an empty list, exit 0', () => {
    const root = path.join(scratch, 'empty');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'note.md'), '# A note\n');
    assert.deepEqual(parse(govlens('seal', root, '--format', 'json').stdout), { version: 1, root, packets: [] });
    assert.equal(govlens('seal', root).stdout, 'No packets.\n');
  });
});

describe('usage errors exit 2 with one line on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['check', EXAMPLE, '--frobnicate'], /unknown option '--frobnicate'/],
    ['an unknown format', ['check', EXAMPLE, '--format', 'xml'], /unknown format 'xml'/],
    ['SARIF for blockers', ['blockers', EXAMPLE, '--format', 'sarif'], /does not support --format sarif/],
    ['an unknown command', ['lint', EXAMPLE], /unknown command 'lint'/],
    ['a missing folder', ['check', 'no/such/folder'], /cannot analyse 'no\/such\/folder': no such folder/],
    ['a file instead of a folder', ['check', 'package.json'], /cannot analyse 'package.json': not a folder/],
    ['two folders', ['check', EXAMPLE, EXAMPLE], /one folder at a time/],
    ['SARIF for seal', ['seal', EXAMPLE, '--format', 'sarif'], /govlens seal does not support --format sarif/],
    ['--all with seal', ['seal', EXAMPLE, '--all'], /--all goes with govlens blockers/],
    ['seal of a missing folder', ['seal', 'no/such/folder'], /cannot analyse 'no\/such\/folder': no such folder/],
    ['seal of two folders', ['seal', EXAMPLE, EXAMPLE], /one folder at a time/],
  ];
  for (const [name, args, message] of cases) {
    test(name, () => {
      const run = govlens(...args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    });
  }

  test('--help documents commands, formats, exit status and every code', () => {
    const run = govlens('--help');
    assert.equal(run.status, 0);
    for (const word of ['govlens check', 'govlens blockers', 'govlens seal', 'git rev-parse', 'sealFormat', '--format', 'sarif', 'Exit status', '--all', ...DiagnosticCodes]) assert.ok(run.stdout.includes(word), word);
  });
});

/** Any control character but the line feeds that end lines: C0, DEL, C1. */
const hasControls = (text: string) => [...text].some((c) => {
  const n = c.charCodeAt(0);
  return (n < 0x20 && c !== '\n') || (n >= 0x7f && n <= 0x9f);
});

describe('inputs that used to crash the CLI with no output (issue 13)', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-cli-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  // The example's seals are tested above; here they would only add their five warnings to each result.
  const kbWith = (name: string, files: Record<string, string>) => {
    const root = path.join(scratch, name);
    fs.cpSync(path.join(repo, EXAMPLE), root, { recursive: true });
    fs.writeFileSync(path.join(root, '.govlens.json'), '{"sealFormat": "off"}\n');
    for (const [relative, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), text);
    }
    return root;
  };

  test('a .govlens.json of 130,000 wrong-typed idPrefixes: exit 1, valid JSON, 100 schema errors and one that counts the rest', () => {
    const root = kbWith('config', { '.govlens.json': JSON.stringify({ idPrefixes: Array.from({ length: 130_000 }, (_, i) => i) }) });
    const run = govlens('check', root, '--format', 'json');
    assert.equal(run.status, 1, run.stderr);
    const output = parse(run.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
    assert.deepEqual(validateAgainstSchema(checkSchema, output), []);
    const config = output.diagnostics.filter((d) => d.file === '.govlens.json');
    assert.equal(config.length, 101);
    assert.match(config[100]?.message ?? '', /129,900 more schema errors in \.govlens\.json are not listed/);
  });

  test('a note citing a path 12,000 folders deep: exit 1, evidence-missing-file', () => {
    const root = kbWith('deep', { 'knowledge/deep.md': `# Deep\n\nEvidence: ${'a/'.repeat(12_000)}x.json\n` });
    const run = govlens('check', root, '--format', 'json');
    assert.equal(run.status, 1, run.stderr);
    const output = parse(run.stdout) as { diagnostics: { file: string; code: string }[] };
    assert.deepEqual(output.diagnostics.map((d) => `${d.file} ${d.code}`), ['knowledge/deep.md evidence-missing-file']);
  });

  test('sparse notes of 1 and 3 GiB (nothing on disk) are measured, not read: file-too-large for each, exit 0', () => {
    const root = kbWith('sparse', { 'knowledge/huge-1.md': '', 'knowledge/fix7-p0-huge-packet/production-readiness-blocker-map.json': '' });
    fs.truncateSync(path.join(root, 'knowledge/huge-1.md'), 1024 ** 3);
    fs.truncateSync(path.join(root, 'knowledge/fix7-p0-huge-packet/production-readiness-blocker-map.json'), 3 * 1024 ** 3);
    const run = govlens('check', root, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const output = parse(run.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
    assert.deepEqual(output.diagnostics.map((d) => `${d.file} ${d.code}`).sort(), ['knowledge/fix7-p0-huge-packet/production-readiness-blocker-map.json file-too-large', 'knowledge/huge-1.md file-too-large']);
    assert.ok(output.diagnostics.every((d) => /is (1024|3072)\.0 MB on disk, over the 5\.0 MB size limit/.test(d.message)), JSON.stringify(output.diagnostics));
  });

  test('file names and values go into each output escaped for it: no forged line, no terminal control, SARIF URIs percent-encoded', async () => {
    // A name with a line break that forges a finding, an ESC sequence, an OSC title, a C1 control; a space, #, ? and % for the URIs.
    const forged = 'x.md:1:1: error unknown-id: all clear\nforged';
    const names = [`knowledge/${forged}.md`, 'knowledge/esc\u001b[31mred\u001b[0m.md', 'knowledge/osc\u001b]0;pwned\u0007.md', 'knowledge/c1\u009b31m.md', 'knowledge/a b#?%.md'];
    const root = kbWith('names', Object.fromEntries(names.map((n) => [n, 'FIX7-P0-NOT-DEFINED-1\n'])));
    const run = govlens('check', root);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, names.length + 1, run.stdout);
    assert.ok(lines.slice(0, -1).every((l) => /\.md:1:1: error unknown-id: FIX7-P0-NOT-DEFINED-1 is not defined/.test(l)), run.stdout);
    assert.ok(!hasControls(run.stdout), JSON.stringify(run.stdout));
    assert.ok(run.stdout.includes('all clear\\nforged.md:1:1: error') && run.stdout.includes('esc\\x1b[31mred'), run.stdout);

    const sarif = govlens('check', root, '--format', 'sarif');
    const log = parse(sarif.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = (log.runs[0]?.results ?? []).map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri ?? '');
    assert.equal(uris.length, names.length);
    for (const uri of uris) {
      assert.match(uri, /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/, `${uri} is not a percent-encoded URI reference`);
      assert.ok(fs.existsSync(path.join(repo, decodeURIComponent(uri))), uri);
    }
    assert.ok(uris.some((u) => u.endsWith('/a%20b%23%3F%25.md')), uris.join('\n'));
    const validation = await validateSarif(sarif.stdout);
    assert.deepEqual(validation.errors, [], validation.raw);
  });

  test('the blockers table escapes what a blocker map says', () => {
    const map = { doc: 'x-production-readiness-blocker-map', date: '2026-06-12', blockers: [{ id: 'FIX7-P0-FORGED-1', blocks: 'prod\n  99  FIX7-P0-FAKE-1  nothing', actor_needed: '\u001b]0;pwned\u0007owner' }], resolved_in_this_macro: [], production_work_performed: false };
    const root = kbWith('table', { 'knowledge/fix7-p0-x-packet/production-readiness-blocker-map.json': JSON.stringify(map) });
    const run = govlens('blockers', root);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!hasControls(run.stdout), JSON.stringify(run.stdout));
    assert.ok(!run.stdout.split('\n').some((l) => l.trimStart().startsWith('99')), run.stdout);
    assert.ok(run.stdout.includes('prod\\n  99'), run.stdout);
  });

  test('a note with 1,200 findings: the 1,000 most severe and one too-many-findings counting the other 200', () => {
    const root = kbWith('many', { 'knowledge/many.md': `# Many\n\n${Array.from({ length: 1_200 }, (_, i) => `FIX7-P0-NOWHERE-${i}`).join('\n')}\n` });
    const run = govlens('check', root);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n').filter((l) => l.includes('knowledge/many.md:'));
    assert.equal(lines.length, 1_001);
    assert.match(lines[0] ?? '', /many\.md:1:1: information too-many-findings: This document has 1,200 findings; the 1,000 most severe are shown and 200 are not\./);
  });

  test('anything that stops a run (here, output that cannot be written) exits 2 with the reason, not 1', () => {
    const errors: string[] = [];
    const status = runCli(['check', path.join(repo, EXAMPLE)], {
      stdout: () => {
        throw new Error('EPIPE: broken pipe, write');
      },
      stderr: (text) => errors.push(text),
      cwd: repo,
      version: '0.0.0',
    });
    assert.equal(status, 2);
    assert.deepEqual(errors, [`govlens: cannot analyse '${path.join(repo, EXAMPLE)}': EPIPE: broken pipe, write\n`]);
  });
});
