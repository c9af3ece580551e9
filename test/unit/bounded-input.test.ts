/**
 * Issue 13, items 1–3: small inputs that used to cost far more than themselves. A note citing
 * a path 12,000 folders deep, a bare name shared by thousands of files, a `.govlens.json` of
 * 130,000 wrong items: each must give a bounded, useful answer, and a check that fails on one
 * document must cost only that document.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { WorkspaceIndex } from '../../server/src/core/index/workspaceIndex';
import { analyzeWorkspace } from '../../server/src/core/report';
import { createLanguageService } from '../../server/src/core/service';
import type { PathKind } from '../../server/src/core/workspace';
import { cleanKb, NOTE } from '../helpers/kb';

const deepPath = (folders: number) => `${'a/'.repeat(folders)}x.json`;

describe('a path thousands of folders deep (item 1)', () => {
  test('the index answers without recursion, asking the host about the first unknown folder only', () => {
    const asked: string[] = [];
    const index = new WorkspaceIndex(['kb/note.md'], ['kb/note.md'], [], (p) => {
      asked.push(p);
      return 'missing';
    });
    assert.equal(index.stat(`kb/${deepPath(100_000)}`), 'missing');
    assert.deepEqual(asked, ['kb/a']);
  });

  test('below a path that leaves the workspace everything is outside, and nothing below it is asked about', () => {
    const asked: string[] = [];
    const index = new WorkspaceIndex(['kb/note.md'], ['kb/note.md'], [], (p) => {
      asked.push(p);
      return p === 'kb/root' ? 'outside' : 'file';
    });
    assert.equal(index.stat('kb/root/etc/hostname'), 'outside');
    assert.equal(index.stat('kb/root/etc/no-such-file'), 'outside');
    assert.deepEqual(asked, ['kb/root']);
  });

  test('a 24 KB note citing a 12,000-folder path gets evidence-missing-file, like any missing path', () => {
    const files = cleanKb();
    files[NOTE] = `# Note\n\nEvidence: ${deepPath(12_000)}\n`;
    const analyzer = new Analyzer(new InMemoryWorkspace(files));
    const found = analyzer.diagnostics(NOTE);
    assert.deepEqual(found.map((d) => d.code), ['evidence-missing-file']);
    assert.ok(found[0] && found[0].message.length < 1_000, 'the message repeats the whole path more than once');
  });
});

/** The clean KB whose stat throws for one path, as a host bug or a dying disk would. */
class FailingStat extends InMemoryWorkspace {
  override stat(path: string): PathKind {
    if (path.includes('poison')) throw new Error('injected failure in stat');
    return super.stat(path);
  }
}

describe('a cross-document check that throws costs only its document (item 1)', () => {
  const files = cleanKb();
  files['kb/poisoned-note.md'] = '# Poisoned\n\nFIX7-P0-NOT-DEFINED-1 cites kb/poison/x.json.\n';
  files['kb/other-note.md'] = '# Other\n\nFIX7-P0-ALSO-UNDEFINED-1.\n';

  test('its other findings stay, the failure is reported, and the rest of the workspace is analysed', () => {
    const errors: string[] = [];
    const analyzer = new Analyzer(new FailingStat(files), {}, { onError: (path, error) => errors.push(`${path}: ${String(error)}`) });
    const report = analyzeWorkspace(analyzer);
    const codesOf = (p: string) => report.results.find((r) => r.path === p)?.diagnostics.map((d) => d.code) ?? [];
    assert.deepEqual(codesOf('kb/poisoned-note.md'), ['unknown-id']);
    assert.deepEqual(codesOf('kb/other-note.md'), ['unknown-id']);
    assert.ok(errors.some((e) => e.startsWith('kb/poisoned-note.md: ') && e.includes('injected failure in stat')), errors.join('\n'));
  });
});

describe('a name thousands of files share, cited thousands of times (item 2)', () => {
  const FILES = 3_000;
  const REFS = 6_000;
  const build = () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < FILES; i++) files[`data/d${i}/0.md`] = '';
    files['kb/note.md'] = `# Note\n\n${Array.from({ length: REFS }, () => '…/0.md').join('\n')}\n`;
    return files;
  };

  test('each finding names at most 5 candidates and says how many more; the document reports at most 1,000 findings and one summary', () => {
    const analyzer = new Analyzer(new InMemoryWorkspace(build()));
    const found = analyzer.diagnostics('kb/note.md');
    const ambiguous = found.filter((d) => d.code === 'evidence-ambiguous-file');
    assert.equal(ambiguous.length, 1_000);
    const first = ambiguous[0];
    assert.ok(first);
    assert.match(first.message, /^…\/0\.md matches 3,000 files \(data\/d0\/0\.md, data\/d1\/0\.md, data\/d10\/0\.md, data\/d100\/0\.md, data\/d1000\/0\.md and 2,995 more\); write a longer path/);
    assert.ok(ambiguous.every((d) => Array.isArray(d.data?.candidates) && d.data.candidates.length <= 5));
    const summary = found.filter((d) => d.code === 'too-many-findings');
    assert.equal(summary.length, 1);
    assert.match(summary[0]?.message ?? '', /6,000 findings; the 1,000 most severe are shown and 5,000 are not/);
    assert.ok(JSON.stringify(found).length < 1_000_000, `${JSON.stringify(found).length} characters of diagnostics`);
  });

  test('code actions and the hover card offer at most 5 of the candidates', () => {
    const workspace = new InMemoryWorkspace(build());
    const analyzer = new Analyzer(workspace);
    const service = createLanguageService(analyzer, { linkTo: (p) => `file:///${p}` });
    const d = analyzer.diagnostics('kb/note.md').find((x) => x.code === 'evidence-ambiguous-file');
    assert.ok(d);
    // A client may send any data back: 3,000 candidates must not make 3,000 actions.
    const sent = { ...d, data: { candidates: Array.from({ length: FILES }, (_, i) => `data/d${i}/0.md`) } };
    const actions = service.codeActions('kb/note.md', d.range, [sent]).filter((a) => a.kind === 'quickfix');
    assert.equal(actions.length, 5);
    const hover = service.hover('kb/note.md', d.range.start);
    assert.ok(hover);
    assert.equal((hover.contents.match(/^- /gm) ?? []).length, 5);
    assert.match(hover.contents, /and 2,995 more/);
  });
});
