import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import { readConfig } from '../../server/src/core/config';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { analyzerFor, cleanKb, describeAll, expectClean, expectOnly, NOTE, PACKET } from '../helpers/kb';

const CONFIG = '.govlens.json';

function withNote(body: string, config?: string): Record<string, string> {
  const files = cleanKb();
  files[NOTE] = `# Note\n\n${body}\n`;
  if (config !== undefined) files[CONFIG] = config;
  return files;
}

test('without a config file the defaults apply', () => {
  expectOnly(withNote('Cutover authorized.'), NOTE, 'implied-production-grant', 'Cutover authorized');
});

test('action aliases and cue words extend the detector', () => {
  const plain = withNote('The changeover was blessed by the owner.');
  expectClean(plain);
  const config = JSON.stringify({ actionAliases: { cutover: ['changeover'] }, grantCues: ['blessed'] });
  expectOnly(withNote('The changeover was blessed by the owner.', config), NOTE, 'implied-production-grant', 'changeover was blessed', 'for cutover');
});

test('ID prefixes narrow what counts as a governance ID', () => {
  const body = 'Tracked as ACME-P1-OTHER-1.';
  expectOnly(withNote(body), NOTE, 'unknown-id', 'ACME-P1-OTHER-1');
  expectClean(withNote(body, JSON.stringify({ idPrefixes: ['FIX7-P0'] })));
});

test('a bad value is reported at the value and ignored; the rest of the file still applies', () => {
  const config = JSON.stringify({ idPrefixes: 'FIX7-P0', grantCues: ['blessed'], colour: 'red' }, null, 2);
  const files = withNote('Cutover blessed. Tracked as ACME-P1-OTHER-1.', config);
  const { analyzer } = analyzerFor(files);
  assert.deepEqual(describeAll(analyzer, files).sort(), [
    `${CONFIG}: schema "\\"FIX7-P0\\""`,
    `${CONFIG}: schema "\\"colour\\""`,
    `${NOTE}: implied-production-grant "Cutover blessed"`,
    `${NOTE}: unknown-id "ACME-P1-OTHER-1"`,
  ]);
});

test('a config that does not parse gets json-syntax, and the defaults apply', () => {
  const files = withNote('Cutover authorized.', '{ "grantCues": ["blessed"], }');
  const { analyzer } = analyzerFor(files);
  assert.deepEqual(describeAll(analyzer, files).sort(), [`${CONFIG}: json-syntax ","`, `${NOTE}: implied-production-grant "Cutover authorized"`]);
});

test('editing the config re-reads every document with the new settings', () => {
  const { analyzer, workspace } = analyzerFor(withNote('The changeover was blessed.'));
  assert.deepEqual(analyzer.diagnostics(NOTE), []);
  workspace.set(CONFIG, JSON.stringify({ actionAliases: { cutover: ['changeover'] }, grantCues: ['blessed'] }));
  assert.deepEqual(analyzer.diagnostics(NOTE).map((d) => d.code), ['implied-production-grant']);
  workspace.delete(CONFIG);
  assert.deepEqual(analyzer.diagnostics(NOTE), []);
});

describe('a .govlens.json of 130,000 wrong items (issue 13, item 3)', () => {
  const huge = JSON.stringify({ idPrefixes: Array.from({ length: 130_000 }, (_, i) => i) });

  test('reads with at most 100 schema findings and one that counts the rest; the defaults stay in force', () => {
    const config = readConfig(huge);
    assert.equal(config.findings.length, 101);
    assert.ok(config.findings.every((f) => f.code === 'schema'));
    assert.match(config.findings[100]?.message ?? '', /129,900 more schema errors in \.govlens\.json are not listed \(130,000 in all\)/);
    assert.equal(config.settings.idPrefixes, undefined);
  });

  test('the analyzer opens the workspace and reports them on the file', () => {
    const files = withNote('Tracked as ACME-P1-OTHER-1.', huge);
    const { analyzer } = analyzerFor(files);
    assert.equal(analyzer.diagnostics(CONFIG).length, 101);
    assert.deepEqual(analyzer.diagnostics(NOTE).map((d) => d.code), ['unknown-id']);
  });

  test('a packet document of 130,000 wrong items gets the same bounded list', () => {
    const files = cleanKb();
    const MAP = `${PACKET}/production-readiness-blocker-map.json`;
    files[MAP] = JSON.stringify({ doc: 'x-production-readiness-blocker-map', date: '2026-06-12', blockers: Array.from({ length: 130_000 }, (_, i) => i), resolved_in_this_macro: [], production_work_performed: false });
    const { analyzer } = analyzerFor(files);
    const schema = analyzer.diagnostics(MAP).filter((d) => d.code === 'schema');
    assert.equal(schema.length, 101);
    assert.match(schema.at(-1)?.message ?? '', /129,900 more schema errors in production-readiness-blocker-map\.json are not listed/);
  });

  test('a configuration the host cannot read leaves the defaults in force and says so; the workspace still opens', () => {
    class Unreadable extends InMemoryWorkspace {
      override readFile(path: string) {
        if (path === CONFIG) throw new Error('injected failure reading .govlens.json');
        return super.readFile(path);
      }
    }
    const errors: string[] = [];
    const analyzer = new Analyzer(new Unreadable(withNote('Cutover authorized.', '{}')), {}, { onError: (p, e) => errors.push(`${p}: ${String(e)}`) });
    assert.deepEqual(analyzer.diagnostics(NOTE).map((d) => d.code), ['implied-production-grant']);
    assert.ok(errors.some((e) => e.startsWith(`${CONFIG}: `) && e.includes('injected failure')), errors.join('\n'));
  });
});
