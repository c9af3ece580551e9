import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateWorkspace, writeWorkspace } from '../../tools/kbGenerator';
import { runGovlens, scratchFolder, type CliRun } from '../helpers/govlensCli';

// `govlens check --cache` run as a user runs it (`npm run test:cli` builds first). The cache
// must never change what is printed, so every warm run is compared with an uncached one.
const repo = path.resolve(__dirname, '../..');
const temporary = scratchFolder('govlens-cache-');
type Run = CliRun;
const govlens = runGovlens;

/** A cached run with its --debug-cache line read out; stderr holds nothing else. */
function cached(dir: string, ...args: string[]): Run & { stats: Record<string, number>; state: string } {
  const run = govlens(dir, 'check', '.', '--cache', '--debug-cache', ...args);
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  const match = /^govlens: cache (.*): (\d+) files, (\d+) changed, (\d+) documents read, (\d+) checked$/.exec(lines[0] ?? '');
  assert.ok(match, run.stderr);
  const [, state = '', files, changed, read, checked] = match;
  return { ...run, state, stats: { files: Number(files), changed: Number(changed), read: Number(read), checked: Number(checked) } };
}

function copyOf(source: string, name: string): string {
  const dir = path.join(temporary, name);
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

function generated(name: string, docs: number): { dir: string; workspace: ReturnType<typeof generateWorkspace> } {
  const dir = path.join(temporary, name);
  const workspace = generateWorkspace({ docs, seed: 3 });
  writeWorkspace(dir, workspace);
  return { dir, workspace };
}

/** The same run without the cache: what every cached run must print, byte for byte. */
function uncached(dir: string, format: string): Run {
  return govlens(dir, 'check', '.', '--format', format);
}

function assertSame(dir: string, format: string, run: Run): void {
  const fresh = uncached(dir, format);
  assert.equal(run.stdout, fresh.stdout);
  assert.equal(run.status, fresh.status);
}

describe('govlens check --cache', () => {
  test('examples/kb: cold and warm runs print what an uncached run prints, in every format; a warm run reads nothing', () => {
    const dir = copyOf(path.join(repo, 'examples/kb'), 'example');
    for (const format of ['text', 'json', 'sarif']) {
      fs.rmSync(path.join(dir, '.govlens-cache'), { force: true });
      const cold = cached(dir, '--format', format);
      assert.match(cold.state, /^not used \(no cache file yet\), written$/);
      assertSame(dir, format, cold);
      const warm = cached(dir, '--format', format);
      assert.equal(warm.state, 'used, nothing changed, unchanged');
      assert.deepEqual({ read: warm.stats.read, checked: warm.stats.checked }, { read: 0, checked: 0 });
      assertSame(dir, format, warm);
      assert.equal(warm.stdout, cold.stdout);
    }
  });

  test('a generated workspace: identical output cold and warm; an edit re-reads that file and re-checks it and its dependants only', () => {
    const { dir, workspace } = generated('generated', 400);
    const cold = cached(dir, '--format', 'json');
    assertSame(dir, 'json', cold);
    assert.equal(cold.stats.checked, cold.stats.read);
    const warm = cached(dir, '--format', 'json');
    assert.equal(warm.stdout, cold.stdout);
    assert.deepEqual(warm.stats, { ...warm.stats, changed: 0, read: 0, checked: 0 });

    // The benchmark's edit: one character of a blocker ID's definition, which its citers read.
    const { map, edit, dependants } = workspace.manifest.targets;
    // And any document stating a seal of the map's packet: a file below it changed, so its tree id did.
    const packet = path.posix.dirname(map);
    const kept = JSON.parse(fs.readFileSync(path.join(dir, '.govlens-cache.light'), 'utf8')) as { keys: string[]; documents: Record<string, { k?: number[] }> };
    const sealing = Object.entries(kept.documents).filter(([, d]) => d.k?.some((n) => kept.keys[n] === `seal:${packet}`)).map(([p]) => p);
    assert.ok(sealing.length > 0, 'the generator seals packets');
    const file = path.join(dir, map);
    const text = fs.readFileSync(file, 'utf8');
    assert.equal(text.slice(edit.offset, edit.offset + edit.original.length), edit.original);
    fs.writeFileSync(file, text.slice(0, edit.offset) + edit.replacement + text.slice(edit.offset + edit.original.length));
    const edited = cached(dir, '--format', 'json');
    assertSame(dir, 'json', edited);
    assert.notEqual(edited.stdout, cold.stdout);
    assert.equal(edited.state, 'used, written');
    assert.deepEqual({ changed: edited.stats.changed, read: edited.stats.read }, { changed: 1, read: 1 });
    assert.equal(edited.stats.checked, new Set([map, ...dependants, ...sealing]).size, 'the map, the documents citing the ID, those sealing its packet');

    // A note nothing cites: only it.
    const note = [...workspace.files.keys()].find((p) => p.endsWith('.md') && !dependants.includes(p) && !workspace.manifest.defects.some((d) => d.path === p)) ?? '';
    fs.appendFileSync(path.join(dir, note), '\nSee FIX7-P0-NO-SUCH-ID-1 for details.\n');
    const noted = cached(dir, '--format', 'json');
    assertSame(dir, 'json', noted);
    assert.deepEqual({ changed: noted.stats.changed, read: noted.stats.read, checked: noted.stats.checked }, { changed: 1, read: 1, checked: 1 });
    assert.match(noted.stdout, /FIX7-P0-NO-SUCH-ID-1/);

    // A file created: the file list moved, so every document is checked again, none re-read but it.
    fs.writeFileSync(path.join(dir, 'new-note.md'), '# New\n\nCites FIX7-P0-NO-SUCH-ID-2.\n');
    const created = cached(dir, '--format', 'text');
    assertSame(dir, 'text', created);
    assert.equal(created.stats.read, 1);
    assert.equal(created.stats.checked, created.stats.files, 'every document (all the files listed are documents)');
    assertSame(dir, 'text', cached(dir, '--format', 'text'));
  });

  test('a corrupt, truncated, foreign or wrongly shaped cache is ignored and rewritten', () => {
    const dir = copyOf(path.join(repo, 'examples/kb'), 'corrupt');
    const file = path.join(dir, '.govlens-cache');
    const good = cached(dir);
    const valid = fs.readFileSync(file, 'utf8');
    const cases: [string, string, RegExp][] = [
      ['not JSON', 'garbage{', /not JSON/],
      ['truncated', valid.slice(0, valid.length / 2), /not JSON/],
      ['another tool', JSON.stringify({ format: 'eslint', version: 1 }), /not a govlens cache/],
      ['another key', valid.replace(/"key":"[0-9a-f]+"/, '"key":"0000"'), /written for other settings/],
      ['a wrong shape', valid.replace(/"severity":2/, '"severity":"high"'), /wrong shape/],
    ];
    for (const [name, contents, problem] of cases) {
      fs.writeFileSync(file, contents);
      const run = cached(dir);
      assert.match(run.state, problem, name);
      assert.match(run.state, /, written$/, name);
      assert.equal(run.stdout, good.stdout, name);
      assert.equal(cached(dir).state, 'used, nothing changed, unchanged', `${name}: rewritten`);
    }
    // The light facts beside the summary, truncated, while a document changed: they are not trusted either.
    const note = path.join(dir, 'knowledge/dev/reports/architecture/fix7-p0-operative-birth-blueprint-2026-06-12.md');
    const light = `${file}.light`;
    const facts = `${file}.facts`;
    const damage = (target: string, change: (bytes: Buffer) => Buffer, problem: RegExp, name: string) => {
      fs.appendFileSync(note, `\nCites FIX7-P0-NO-SUCH-ID-${name.length}.\n`);
      fs.writeFileSync(target, change(fs.readFileSync(target)));
      const run = cached(dir);
      assert.match(run.state, problem, name);
      assertSame(dir, 'text', run);
      assert.equal(cached(dir).state, 'used, nothing changed, unchanged', `${name}: rewritten`);
    };
    damage(light, (b) => b.subarray(0, 100), /^not used \(facts: not JSON/, 'light truncated');
    damage(light, (b) => Buffer.from(b.toString('utf8').replace(/"at":\[\d+/, '"at":["0"')), /^not used \(facts: wrong shape/, 'a record place of strings');
    damage(light, (b) => Buffer.from(b.toString('utf8').replace(/"k":\[\d+/, '"k":[99999999')), /^not used \(facts: wrong shape/, 'a key number past the table');
    // The heavy records are read only where a check asks: a damaged one is found then, and the
    // run's results are made again without the cache, as an uncached run makes them.
    damage(facts, (b) => b.subarray(0, 100), /^not used \(facts: the facts of .* cannot be read back\), written$/, 'facts truncated');
    damage(facts, (b) => Buffer.from(b.toString('utf8').replace(/"local":\[/g, '"local":[1,')), /^not used \(facts: the facts of .* cannot be read back\), written$/, 'facts rewritten in place');
    damage(facts, () => Buffer.alloc(0), /^not used \(facts: the facts of .* cannot be read back\), written$/, 'facts emptied');
    fs.rmSync(facts);
    fs.appendFileSync(note, '\nCites FIX7-P0-NO-SUCH-ID-0.\n');
    const gone = cached(dir);
    assert.match(gone.state, /^not used \(facts: the facts of .* cannot be read back\), written$/, 'facts removed');
    assertSame(dir, 'text', gone);
  });

  test('an ID defined nearer an unknown one than its kept suggestion: the citing note is checked again and suggests it', () => {
    const dir = copyOf(path.join(repo, 'examples/kb'), 'suggestion');
    const note = path.join(dir, 'knowledge/dev/reports/architecture/fix7-p0-operative-birth-blueprint-2026-06-12.md');
    fs.appendFileSync(note, '\nSee FIX7-P0-PROD-BIRTH-SURFACX-77 here.\n');
    const before = cached(dir);
    assert.match(before.stdout, /FIX7-P0-PROD-BIRTH-SURFACX-77 is not defined .*did you mean FIX7-P0-PROD-BIRTH-SURFACE-1\?/);
    // A second blocker in the map, one letter from the unknown ID; nothing that cited the map's IDs moves.
    const map = path.join(dir, 'knowledge/dev/reports/architecture/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12/production-readiness-blocker-map.json');
    const json = JSON.parse(fs.readFileSync(map, 'utf8')) as Record<string, unknown>;
    const list = Object.values(json).find((v): v is Record<string, unknown>[] => Array.isArray(v) && typeof (v[0] as { id?: unknown } | undefined)?.id === 'string');
    assert.ok(list);
    list.push({ ...list[0], id: 'FIX7-P0-PROD-BIRTH-SURFACX-7' });
    fs.writeFileSync(map, JSON.stringify(json, null, 2));
    const after = cached(dir);
    assertSame(dir, 'text', after);
    assert.match(after.stdout, /did you mean FIX7-P0-PROD-BIRTH-SURFACX-7\?/);
    assert.deepEqual({ changed: after.stats.changed, read: after.stats.read }, { changed: 1, read: 1 });
  });

  test('a cache of another configuration is not used: a .govlens.json edit checks everything again', () => {
    const dir = copyOf(path.join(repo, 'examples/kb'), 'configured');
    cached(dir);
    fs.writeFileSync(path.join(dir, '.govlens.json'), JSON.stringify({ severities: { 'seal-mismatch': 'error' } }));
    const run = cached(dir);
    assert.match(run.state, /^not used \(written for other settings/);
    assertSame(dir, 'text', run);
    assert.equal(run.status, 1);
  });

  test('--cache-location: a file or a folder, outside the checked folder; --cache-strategy content catches an edit that keeps size and mtime', () => {
    const dir = copyOf(path.join(repo, 'examples/kb'), 'located');
    const elsewhere = path.join(temporary, 'caches');
    fs.mkdirSync(elsewhere);
    cached(dir, '--cache-location', `${elsewhere}/`);
    assert.ok(fs.existsSync(path.join(elsewhere, '.govlens-cache')));
    cached(dir, '--cache-location', path.join(elsewhere, 'named'));
    assert.ok(fs.existsSync(path.join(elsewhere, 'named')));
    assert.ok(!fs.existsSync(path.join(dir, '.govlens-cache')));

    const note = path.join(dir, 'knowledge/dev/reports/architecture/fix7-p0-operative-birth-blueprint-2026-06-12.md');
    const before = fs.statSync(note);
    const text = fs.readFileSync(note, 'utf8');
    const sameSize = () => {
      // One ID in the prose turned into another of the same length, the file's times put back.
      const replaced = text.replace(/FIX7-P0-PROD-BIRTH-SURFACE-1/, 'FIX7-P0-PROD-BIRTH-SURFACE-9');
      assert.notEqual(replaced, text);
      fs.writeFileSync(note, replaced);
      fs.utimesSync(note, before.atime, before.mtime);
    };
    const location = ['--cache-location', path.join(elsewhere, 'content')];
    cached(dir, '--cache-strategy', 'content', ...location);
    sameSize();
    const run = cached(dir, '--cache-strategy', 'content', ...location);
    assert.deepEqual({ changed: run.stats.changed, read: run.stats.read }, { changed: 1, read: 1 });
    assertSame(dir, 'text', run);
    assert.match(run.stdout, /FIX7-P0-PROD-BIRTH-SURFACE-9/);
  });

  test('usage: the cache options go with check and need --cache', () => {
    const cases: [string[], RegExp][] = [
      [['blockers', '.', '--cache'], /--cache goes with govlens check/],
      [['check', '.', '--cache-location', 'x'], /--cache-location needs --cache/],
      [['check', '.', '--cache', '--cache-strategy', 'mtime'], /unknown cache strategy 'mtime': use metadata or content/],
      [['check', '.', '--cache', '--cache-location'], /--cache-location needs a value/],
    ];
    for (const [args, message] of cases) {
      const run = govlens(repo, ...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
});
