import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import type { DocumentFacts } from '../../server/src/core/facts/types';
import { InMemoryWorkspace } from '../../server/src/core/inMemoryWorkspace';
import { analyzeWorkspace } from '../../server/src/core/report';
import { sealRefsOf } from '../../server/src/core/seal/sealRefs';
import { createLanguageService } from '../../server/src/core/service';
import { gitTreeId } from '../../server/src/core/seal/treeId';
import { Severity } from '../../server/src/core/severity';
import type { TreeEntry } from '../../server/src/core/workspace';

const A = 'kb/alpha-packet';
const B = 'kb/beta-packet';
const map = (doc: string) => JSON.stringify({ doc: `${doc}-production-readiness-blocker-map`, date: '2026-06-12', blockers: [], resolved_in_this_macro: [], production_work_performed: false }, null, 2);

/** An in-memory workspace that counts how often each folder's files are listed for a tree id. */
class CountingWorkspace extends InMemoryWorkspace {
  readonly listed = new Map<string, number>();
  /** The tests' own expected ids are computed unseen. */
  quiet = false;
  override listTree(folder: string): readonly TreeEntry[] | undefined {
    if (!this.quiet) this.listed.set(folder, (this.listed.get(folder) ?? 0) + 1);
    return super.listTree(folder);
  }
}

function kb(files: Record<string, string> = {}): CountingWorkspace {
  return new CountingWorkspace({
    [`${A}/production-readiness-blocker-map.json`]: map('alpha'),
    [`${A}/notes.txt`]: 'not a document, but part of the tree\n',
    [`${B}/production-readiness-blocker-map.json`]: map('beta'),
    ...files,
  });
}

function idOf(workspace: CountingWorkspace, folder: string, format: 'git-sha1' | 'git-sha256' = 'git-sha1'): string {
  workspace.quiet = true;
  const result = gitTreeId(workspace, folder, format);
  workspace.quiet = false;
  assert.ok('id' in result);
  return result.id;
}

function sealFindings(workspace: InMemoryWorkspace, path: string) {
  return new Analyzer(workspace).diagnostics(path).filter((d) => d.code.startsWith('seal-'));
}

function note(text: string): DocumentFacts {
  const workspace = new InMemoryWorkspace({ 'n.md': text });
  const facts = new Analyzer(workspace).factsOf('n.md');
  assert.ok(facts);
  return facts;
}

describe('seal references', () => {
  test('the three forms, 7 to 64 hex digits, an elision or none; the span is the hex alone', () => {
    const text = 'Evidence packet tree 72b24b8a…; tree 0123456789abcdef0123456789abcdef01234567. Sealed at ABCDEF1... and tree 1234567.\n';
    const refs = sealRefsOf(note(text));
    assert.deepEqual(
      refs.map((r) => [r.hex, text.slice(r.span.start, r.span.end), text.slice(r.statement.start, r.statement.end), r.elided]),
      [
        ['72b24b8a', '72b24b8a', 'packet tree 72b24b8a…', true],
        ['0123456789abcdef0123456789abcdef01234567', '0123456789abcdef0123456789abcdef01234567', 'tree 0123456789abcdef0123456789abcdef01234567', false],
        ['ABCDEF1', 'ABCDEF1', 'Sealed at ABCDEF1...', true],
        ['1234567', '1234567', 'tree 1234567', false],
      ],
    );
  });

  test('not seals: too short or too long, inside a word, a word of hex letters, code, comments, link targets', () => {
    const text = [
      'tree 72b24b8 is a seal but tree 72b24b and tree ' + 'a1'.repeat(33) + ' are not.',
      'The subtree 1234567 and the tree defaced here, the tree 1234567z.',
      'In code `tree 7654321` and <!-- tree 7654321 --> and [a link](tree%201234567.md).',
      '',
      '    tree 7777777 in an indented code block',
      '',
    ].join('\n');
    assert.deepEqual(sealRefsOf(note(text)).map((r) => r.hex), ['72b24b8']);
  });

  test('in packet documents: string values, never keys; escapes keep the span on the hex', () => {
    const text = '{"doc": "x-production-readiness-blocker-map", "tree 1111111": "packet tree \\u0037222222…", "list": ["sealed at 3333333"]}';
    const workspace = new InMemoryWorkspace({ [`${A}/production-readiness-blocker-map.json`]: text });
    const facts = new Analyzer(workspace).factsOf(`${A}/production-readiness-blocker-map.json`);
    assert.ok(facts);
    assert.deepEqual(sealRefsOf(facts).map((r) => [r.hex, text.slice(r.span.start, r.span.end)]), [['7222222', '\\u0037222222'], ['3333333', '3333333']]);
  });
});

describe('seal-mismatch and seal-unresolved', () => {
  test('a note citing one packet: its current id, a prefix of it, upper-case or elided, matches; anything else is seal-mismatch on the hex, naming both ids', () => {
    const workspace = kb();
    const id = idOf(workspace, A);
    for (const stated of [id, `${id.slice(0, 7)}…`, `${id.slice(0, 12).toUpperCase()}...`]) {
      workspace.set('kb/note.md', `See [the map](alpha-packet/production-readiness-blocker-map.json); packet tree ${stated}.\n`);
      assert.deepEqual(sealFindings(workspace, 'kb/note.md'), [], stated);
    }
    const wrong = id.startsWith('0') ? '1234567' : '0234567';
    const text = `See [the map](alpha-packet/production-readiness-blocker-map.json); packet tree ${wrong}….\n`;
    workspace.set('kb/note.md', text);
    const [finding, ...rest] = sealFindings(workspace, 'kb/note.md');
    assert.deepEqual(rest, []);
    assert.ok(finding);
    assert.equal(finding.code, 'seal-mismatch');
    assert.equal(finding.severity, Severity.Warning);
    const at = text.indexOf(wrong);
    assert.deepEqual(finding.range, { start: { line: 0, character: at }, end: { line: 0, character: at + 7 } });
    assert.match(finding.message, new RegExp(`^"packet tree ${wrong}…" does not match alpha-packet, whose files now hash to tree ${id} \\(git, SHA-1\\): the packet's bytes differ from those sealed\\. Restore the sealed files, or have the owner re-seal`));
  });

  test('a note citing two packets: the one its sentence names, else its paragraph, else seal-unresolved listing them', () => {
    const workspace = kb();
    const alpha = idOf(workspace, A).slice(0, 10);
    const beta = idOf(workspace, B).slice(0, 10);
    const cites = 'Cites alpha-packet/production-readiness-blocker-map.json and beta-packet/production-readiness-blocker-map.json.';
    const cases: [string, string[]][] = [
      // The sentence cites alpha: alpha's id matches, beta's does not.
      [`${cites}\n\nThe alpha map alpha-packet/production-readiness-blocker-map.json is sealed at ${alpha}. Unrelated.\n`, []],
      [`${cites}\n\nThe alpha map alpha-packet/production-readiness-blocker-map.json is sealed at ${beta}. Unrelated.\n`, ['seal-mismatch']],
      // The folder's name written in the sentence names it too.
      [`${cites}\n\nThe beta-packet folder: tree ${beta}.\n`, []],
      // The paragraph names one though the sentence does not.
      [`${cites}\n\nSee beta-packet/production-readiness-blocker-map.json. It is sealed: tree ${beta}.\n`, []],
      // Both in the sentence, or neither anywhere near: which packet cannot be told.
      [`${cites} Sealed at ${alpha}.\n`, ['seal-unresolved']],
      [`${cites}\n\nEverything was sealed at ${alpha}.\n`, ['seal-unresolved']],
    ];
    for (const [text, codes] of cases) {
      workspace.set('kb/note.md', text);
      const found = sealFindings(workspace, 'kb/note.md');
      assert.deepEqual(found.map((d) => d.code), codes, text);
      if (codes[0] === 'seal-unresolved') {
        assert.equal(found[0]?.severity, Severity.Hint);
        assert.match(found[0]?.message ?? '', /could seal any of the 2 packets this note cites \(alpha-packet, beta-packet\), and neither its sentence nor its paragraph names just one\. Cite a file of the sealed packet in the same sentence/);
      }
    }
  });

  test('a note citing no packet: seal-unresolved, unless it lies in a packet itself', () => {
    const workspace = kb({ 'kb/note.md': 'All sealed at 1234567.\n', [`${A}/readme.md`]: 'sealed at 1234567\n' });
    const [finding] = sealFindings(workspace, 'kb/note.md');
    assert.equal(finding?.code, 'seal-unresolved');
    assert.match(finding?.message ?? '', /names no packet: this note cites no file of any packet\. Cite a file of the sealed packet/);
    assert.deepEqual(sealFindings(workspace, `${A}/readme.md`).map((d) => d.code), idOf(workspace, A).startsWith('1234567') ? [] : ['seal-mismatch']);
  });

  test('a packet document seals its own packet, which it is part of: the message says where a seal can stand', () => {
    const workspace = kb();
    workspace.set(`${A}/precondition-checklist.json`, JSON.stringify({ doc: 'a-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-1', status: 'PASS', evidence: 'evidence packet tree 72b24b8a…' }] }));
    const [finding, ...rest] = sealFindings(workspace, `${A}/precondition-checklist.json`);
    assert.deepEqual(rest, []);
    assert.equal(finding?.code, 'seal-mismatch');
    assert.match(finding?.message ?? '', new RegExp(`does not match alpha-packet, whose files now hash to tree ${idOf(workspace, A)} .* A packet document is part of the tree it would seal`));
  });

  test('sealFormat: git-sha256 compares with the SHA-256 id; a 64-digit seal under SHA-1 says which setting; off checks nothing', () => {
    const sha256 = kb({ '.govlens.json': '{"sealFormat": "git-sha256"}' });
    const id = idOf(sha256, A, 'git-sha256');
    sha256.set('kb/note.md', `alpha-packet/production-readiness-blocker-map.json: tree ${id}\n`);
    assert.deepEqual(sealFindings(sha256, 'kb/note.md'), []);
    const sha1 = kb({ 'kb/note.md': `alpha-packet/production-readiness-blocker-map.json: tree ${id}\n` });
    const [finding] = sealFindings(sha1, 'kb/note.md');
    assert.equal(finding?.code, 'seal-mismatch');
    assert.match(finding?.message ?? '', /A 64-digit id is longer than a SHA-1 one: if the repository uses SHA-256, set "sealFormat": "git-sha256" in \.govlens\.json\./);
    const off = kb({ '.govlens.json': '{"sealFormat": "off"}', 'kb/note.md': 'alpha-packet/production-readiness-blocker-map.json: tree 1234567\nSealed at 7654321.\n' });
    assert.deepEqual(sealFindings(off, 'kb/note.md'), []);
    assert.equal(new Analyzer(off).treeIdOf(A), undefined);
    assert.deepEqual(off.listed, new Map());
  });

  test('a suppression comment and a severity override apply to seals as to every code', () => {
    const text = 'alpha-packet/production-readiness-blocker-map.json\n\n<!-- govlens-disable-next-line seal-mismatch: the sealed bytes are in the archive -->\nSealed at 0000000.\n';
    assert.deepEqual(sealFindings(kb({ 'kb/note.md': text }), 'kb/note.md'), []);
    const analyzer = new Analyzer(kb({ 'kb/note.md': 'alpha-packet/production-readiness-blocker-map.json: sealed at 0000000\n' }), { severities: { 'seal-mismatch': 'error' } });
    assert.deepEqual(analyzer.diagnostics('kb/note.md').map((d) => [d.code, d.severity]), [['seal-mismatch', Severity.Error]]);
  });
});

describe('what a seal reads, and when it is read again', () => {
  test('a tree id is computed once; only a change below its packet computes it again, and only the documents sealing that packet are re-checked', () => {
    const workspace = kb({
      'kb/alpha-note.md': 'alpha-packet/production-readiness-blocker-map.json: sealed at 0000000\n',
      'kb/beta-note.md': 'beta-packet/production-readiness-blocker-map.json: sealed at 0000000\n',
      'kb/other-note.md': 'alpha-packet/production-readiness-blocker-map.json, no seal here\n',
    });
    const analyzer = new Analyzer(workspace);
    const first = new Map(['kb/alpha-note.md', 'kb/beta-note.md', 'kb/other-note.md'].map((p) => [p, analyzer.diagnostics(p)]));
    assert.deepEqual(Object.fromEntries(workspace.listed), { [A]: 1, [B]: 1 });
    const before = first.get('kb/alpha-note.md')?.[0]?.message ?? '';

    // A file of alpha that is no document (bytes, made executable): alpha's id moves, beta's does not.
    workspace.setBytes(`${A}/notes.txt`, Uint8Array.of(0x6e, 0x65, 0x77, 0x0a), { executable: true });
    const again = new Map([...first.keys()].map((p) => [p, analyzer.diagnostics(p)]));
    assert.deepEqual(Object.fromEntries(workspace.listed), { [A]: 2, [B]: 1 });
    assert.notEqual(again.get('kb/alpha-note.md'), first.get('kb/alpha-note.md'), 'the note sealing alpha is checked again');
    assert.notEqual(again.get('kb/alpha-note.md')?.[0]?.message, before);
    assert.ok(again.get('kb/alpha-note.md')?.[0]?.message.includes(idOf(workspace, A)));
    assert.equal(again.get('kb/beta-note.md'), first.get('kb/beta-note.md'), 'the note sealing beta is not');
    assert.equal(again.get('kb/other-note.md'), first.get('kb/other-note.md'), 'a note citing alpha without a seal is not');

    // An edit outside every packet reads no packet again.
    workspace.set('kb/other-note.md', 'edited\n');
    for (const p of first.keys()) analyzer.diagnostics(p);
    assert.deepEqual(Object.fromEntries(workspace.listed), { [A]: 2, [B]: 1 });

    // And the incremental answer is the fresh one.
    const fresh = new Analyzer(workspace);
    for (const p of first.keys()) assert.deepEqual(analyzer.diagnostics(p), fresh.diagnostics(p), p);
  });

  test('the issue\'s bar: a note stating the true prefix is clean; one byte changed in the packet makes that prefix stale, one warning on its line', () => {
    const workspace = kb();
    const id = idOf(workspace, A);
    const text = `# Owner note\n\nEvidence: alpha-packet/production-readiness-blocker-map.json; packet tree ${id.slice(0, 8)}….\n`;
    workspace.set('kb/note.md', text);
    const analyzer = new Analyzer(workspace);
    assert.deepEqual(analyzer.diagnostics('kb/note.md'), []);

    // One byte of a packet file flipped, its length kept: the same analyzer now finds the seal stale.
    const bytes = new TextEncoder().encode('not a document, but part of the tree\n');
    bytes[0] = 0x4e;
    workspace.setBytes(`${A}/notes.txt`, bytes);
    assert.notEqual(idOf(workspace, A), id);
    const findings = analyzer.diagnostics('kb/note.md');
    assert.deepEqual(findings.map((d) => [d.code, d.severity, d.range.start.line]), [['seal-mismatch', Severity.Warning, 2]]);
    assert.equal(text.split('\n')[2]?.slice(findings[0]?.range.start.character, findings[0]?.range.end.character), id.slice(0, 8));
    assert.deepEqual(findings, new Analyzer(workspace).diagnostics('kb/note.md'), 'the incremental answer is the fresh one');
  });

  test('the whole workspace report carries seal findings like any other', () => {
    const report = analyzeWorkspace(new Analyzer(kb({ 'kb/note.md': 'alpha-packet/production-readiness-blocker-map.json: sealed at 0000000\n' })));
    assert.deepEqual(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.code}`)), ['kb/note.md seal-mismatch']);
  });
});

describe('hover and quick fix on a seal', () => {
  const position = (text: string, needle: string) => {
    const before = text.slice(0, text.indexOf(needle));
    const lines = before.split('\n');
    return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
  };

  test('the hover shows the packet, the current id and whether the seal matches it', () => {
    const workspace = kb();
    const id = idOf(workspace, A);
    const text = `alpha-packet/production-readiness-blocker-map.json: sealed at ${id.slice(0, 9)}…, and later sealed at 0000000.\n`;
    workspace.set('kb/note.md', text);
    const service = createLanguageService(new Analyzer(workspace), { linkTo: (p) => `file:///${p}` });
    const good = service.hover('kb/note.md', position(text, id.slice(0, 9)));
    assert.match(good?.contents ?? '', new RegExp(`^\\*\\*Seal\\*\\* \`${id.slice(0, 9)}\`… · packet \`alpha-packet\` · \\*\\*matches\\*\\*\\n\\nCurrent tree id: \`${id}\` \\(git, SHA-1; 2 files\\)`));
    assert.deepEqual(good?.range, { start: position(text, id.slice(0, 9)), end: { line: 0, character: position(text, id.slice(0, 9)).character + 9 } });
    const bad = service.hover('kb/note.md', position(text, '0000000'));
    assert.match(bad?.contents ?? '', /· \*\*does not match\*\*[\s\S]*The packet's bytes differ from those sealed/);
  });

  test('the quick fix restates the current id with as many digits, titled as the owner\'s act, never preferred; none in a packet document', () => {
    const workspace = kb();
    const id = idOf(workspace, A);
    const text = 'alpha-packet/production-readiness-blocker-map.json: packet tree 0000000000…\n';
    workspace.set('kb/note.md', text);
    const analyzer = new Analyzer(workspace);
    const service = createLanguageService(analyzer, { linkTo: (p) => p });
    const diagnostics = analyzer.diagnostics('kb/note.md');
    const [action, ...rest] = service.codeActions('kb/note.md', diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics);
    assert.deepEqual(rest, []);
    assert.equal(action?.title, `Re-seal as tree ${id.slice(0, 10)}… (the owner's act: only if the owner seals these bytes)`);
    assert.equal(action?.isPreferred, undefined);
    assert.deepEqual(action?.edit, { 'kb/note.md': [{ range: diagnostics[0]?.range, newText: id.slice(0, 10) }] });
    // Applied, the seal matches.
    workspace.set('kb/note.md', text.replace('0000000000', id.slice(0, 10)));
    assert.deepEqual(sealFindings(workspace, 'kb/note.md'), []);

    workspace.set(`${A}/precondition-checklist.json`, JSON.stringify({ doc: 'a-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-1', status: 'PASS', evidence: 'packet tree 0000000…' }] }));
    const inPacket = new Analyzer(workspace);
    const found = inPacket.diagnostics(`${A}/precondition-checklist.json`).filter((d) => d.code === 'seal-mismatch');
    assert.equal(found.length, 1);
    assert.deepEqual(createLanguageService(inPacket, { linkTo: (p) => p }).codeActions(`${A}/precondition-checklist.json`, found[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, found), []);
  });
});
