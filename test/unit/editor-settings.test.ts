import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ID_PREFIX_PATTERN, TICKET_PREFIX_PATTERN } from '../../server/src/core/settings';
import { toCoreSettings } from '../../server/src/lsp/editorSettings';
import configSchema from '../../schemas/govlens-config.schema.json';
import pkg from '../../package.json';
import { analyzerFor, cleanKb, describeAll, json, NOTE, PACKET } from '../helpers/kb';

describe('governanceLens.* editor settings', () => {
  test('every setting maps onto the core settings', () => {
    const { settings, problems } = toCoreSettings({
      packetFolderGlob: '*-pkt',
      noteGlob: 'notes/**/*.md',
      lockPath: './locks\\delegation-and-authority-lock.json',
      severity: { 'unknown-id': 'warning', 'evidence-ambiguous-file': 'off' },
      maxFileSizeMB: 2,
      idPrefixes: ['FIX7-P0'],
      ticketPrefixes: ['TKT', 'OPS'],
      evidenceExtensions: ['.json', 'md', 'yaml'],
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      packetFolderGlob: '*-pkt',
      noteGlob: 'notes/**/*.md',
      lockPath: 'locks/delegation-and-authority-lock.json',
      severities: { 'unknown-id': 'warning', 'evidence-ambiguous-file': 'off' },
      maxFileSize: 2 * 1024 * 1024,
      idPrefixes: ['FIX7-P0'],
      ticketPrefixes: ['TKT', 'OPS'],
      evidenceExtensions: ['json', 'md', 'yaml'],
    });
  });

  test('a value of the wrong type is reported and left at its default; the rest applies', () => {
    const { settings, problems } = toCoreSettings({ noteGlob: '', maxFileSizeMB: -1, ticketPrefixes: 'TKT', severity: { 'unknown-id': 'loud', 'no-such-code': 'error', schema: 'hint' }, lockPath: 3 });
    assert.deepEqual(settings, { severities: { schema: 'hint' } });
    assert.equal(problems.length, 6, problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('governanceLens.noteGlob must be a non-empty glob')));
    assert.ok(problems.some((p) => p.includes('unknown code "no-such-code"')));
    assert.ok(problems.some((p) => p.includes('governanceLens.severity.unknown-id must be error, warning, information, hint or off')));
  });

  test('nothing, or not an object: the defaults', () => {
    assert.deepEqual(toCoreSettings(undefined), { settings: {}, problems: [] });
    assert.deepEqual(toCoreSettings('x').settings, {});
    assert.equal(toCoreSettings([1]).problems.length, 1);
  });
});

describe('lock path override', () => {
  const claim = '\nREAL_RUN granted for the migration, see precondition-checklist.json.\n';
  const lock = (actions: string[]) => json({ doc: 'org-lock', date: '2026-06-01', grants: [{ id: 'G-1', scope: 'production', actions }], withheld: [] });

  test('a lock outside any packet, named anything, governs every document when set', () => {
    const files = cleanKb();
    files[NOTE] += claim;
    files['governance/org-lock.json'] = lock(['REAL_RUN']);
    const without = analyzerFor(files);
    assert.ok(describeAll(without.analyzer, files).some((d) => d.includes('implied-production-grant')));
    const { analyzer } = analyzerFor(files, { lockPath: 'governance/org-lock.json' });
    assert.deepEqual(describeAll(analyzer, files), []);
  });

  test('an override naming a missing file grants nothing', () => {
    const files = cleanKb();
    files[NOTE] += claim;
    files[`${PACKET}/delegation-and-authority-lock.json`] = lock(['REAL_RUN']);
    assert.deepEqual(describeAll(analyzerFor(files).analyzer, files), []);
    const { analyzer } = analyzerFor(files, { lockPath: 'governance/missing-lock.json' });
    assert.deepEqual(describeAll(analyzer, files).map((d) => d.split(' ')[1]), ['implied-production-grant']);
  });
});

describe('file size limit', () => {
  test('a document over the limit is not analysed and says why, at its start', () => {
    const files = cleanKb();
    files['kb/archive.md'] = `# Archive\n\nFIX7-P0-NOWHERE-1 ${'x'.repeat(3000)}\n`;
    const { analyzer } = analyzerFor(files, { maxFileSize: 2048 });
    const [only, ...rest] = analyzer.diagnostics('kb/archive.md');
    assert.equal(rest.length, 0);
    assert.equal(only?.code, 'file-too-large');
    assert.equal(only?.severity, 3);
    assert.deepEqual(only?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(only?.message ?? '', /archive\.md is 0\.003 MB, over the 0\.002 MB size limit, so it is not analysed/);
    assert.deepEqual(analyzerFor(files).analyzer.diagnostics('kb/archive.md').map((d) => d.code), ['unknown-id']);
  });

  test('.govlens.json sets the limit too', () => {
    const files = cleanKb();
    files['.govlens.json'] = json({ maxFileSizeMB: 0.001 });
    const { analyzer } = analyzerFor(files);
    assert.ok(analyzer.diagnostics(`${PACKET}/production-readiness-blocker-map.json`).some((d) => d.code === 'file-too-large'));
  });
});

describe('ID and ticket prefixes from editor settings are checked like .govlens.json (issue 13, item 6)', () => {
  test('a prefix that is not capitals, digits and hyphens is reported and the default kept', () => {
    for (const bad of [['FIX7"P0'], ['FIX7\\P0'], ['FIX7\nP0'], ['fix7-p0'], ['']]) {
      const { settings, problems } = toCoreSettings({ idPrefixes: bad, ticketPrefixes: bad });
      assert.equal(settings.idPrefixes, undefined, JSON.stringify(bad));
      assert.equal(settings.ticketPrefixes, undefined, JSON.stringify(bad));
      assert.equal(problems.length, 2, JSON.stringify(problems));
      assert.match(problems[0] ?? '', /governanceLens\.idPrefixes must be a list of prefixes such as FIX7-P0 \(capitals, digits and hyphens\)/);
    }
    assert.deepEqual(toCoreSettings({ idPrefixes: ['FIX7-P0'], ticketPrefixes: ['TKT'] }), { settings: { idPrefixes: ['FIX7-P0'], ticketPrefixes: ['TKT'] }, problems: [] });
  });

  test('the patterns are the ones the .govlens.json schema and package.json declare', () => {
    const schema = configSchema.properties;
    assert.equal(schema.idPrefixes.items.pattern, ID_PREFIX_PATTERN.source);
    assert.equal(schema.ticketPrefixes.items.pattern, TICKET_PREFIX_PATTERN.source);
    const contributed = pkg.contributes.configuration.properties;
    assert.equal(contributed['governanceLens.idPrefixes'].items.pattern, ID_PREFIX_PATTERN.source);
    assert.equal(contributed['governanceLens.ticketPrefixes'].items.pattern, TICKET_PREFIX_PATTERN.source);
  });
});
