import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerFor, cleanKb, describeAll, expectClean, expectOnly, NOTE } from '../helpers/kb';

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
  const plain = withNote('The switchover was blessed by the owner.');
  expectClean(plain);
  const config = JSON.stringify({ actionAliases: { cutover: ['switchover'] }, grantCues: ['blessed'] });
  expectOnly(withNote('The switchover was blessed by the owner.', config), NOTE, 'implied-production-grant', 'switchover was blessed', 'for cutover');
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
  const { analyzer, workspace } = analyzerFor(withNote('The switchover was blessed.'));
  assert.deepEqual(analyzer.diagnostics(NOTE), []);
  workspace.set(CONFIG, JSON.stringify({ actionAliases: { cutover: ['switchover'] }, grantCues: ['blessed'] }));
  assert.deepEqual(analyzer.diagnostics(NOTE).map((d) => d.code), ['implied-production-grant']);
  workspace.delete(CONFIG);
  assert.deepEqual(analyzer.diagnostics(NOTE), []);
});
