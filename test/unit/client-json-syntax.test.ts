/**
 * Issue 13, item 13: a JSON syntax error showed twice in VS Code, from its own JSON support
 * and from us. The client leaves ours out where VS Code's validation reports the same problem;
 * the server says which kind each json-syntax finding is, and the CLI keeps them all.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutDuplicateJsonSyntax, type JsonDocumentState } from '../../client/src/jsonSyntax';
import { analyzerFor, cleanKb, PACKET } from '../helpers/kb';

const MAP = `${PACKET}/production-readiness-blocker-map.json`;
const open: JsonDocumentState = { open: true, languageId: 'json', validatedByVSCode: true };

/** A workspace whose blocker map holds `text`, and the json-syntax diagnostics of the map, as the server sends them. */
function syntaxDiagnostics(text: string) {
  const { analyzer } = analyzerFor({ ...cleanKb(), [MAP]: text });
  return analyzer.diagnostics(MAP).filter((d) => d.code === 'json-syntax');
}

describe('json-syntax findings in VS Code (issue 13, item 13)', () => {
  test('the server tags each json-syntax finding with its kind', () => {
    assert.deepEqual(syntaxDiagnostics('{"doc": "x", // note\n "date": "2026-06-12",}').map((d) => d.data?.syntax), ['syntax', 'syntax']);
    assert.deepEqual(syntaxDiagnostics('{"doc": "x", "doc": "y"}').map((d) => d.data?.syntax), ['duplicate-key']);
    assert.deepEqual(syntaxDiagnostics('  \n').map((d) => d.data?.syntax), ['empty']);
    assert.deepEqual(syntaxDiagnostics('['.repeat(300)).map((d) => d.data?.syntax), ['depth']);
  });

  test('in an open JSON document VS Code validates, only what its validation does not report is kept', () => {
    const comment = syntaxDiagnostics('{"doc": "x", // note\n "date": "2026-06-12"}');
    const repeated = syntaxDiagnostics('{"doc": "x", "doc": "y"}');
    assert.equal(comment.length, 1);
    assert.equal(repeated.length, 1);
    assert.deepEqual(withoutDuplicateJsonSyntax(comment, open), []);
    assert.deepEqual(withoutDuplicateJsonSyntax(repeated, open), []);
    // VS Code accepts an empty file and any nesting: those stay ours to report.
    const empty = syntaxDiagnostics('');
    const deep = syntaxDiagnostics('['.repeat(300));
    assert.deepEqual(withoutDuplicateJsonSyntax(empty, open), empty);
    assert.deepEqual(withoutDuplicateJsonSyntax(deep, open), deep);
  });

  test('everything else is kept: other codes, closed documents, other languages, VS Code validation off', () => {
    const comment = syntaxDiagnostics('{"doc": "x", // note\n "date": "2026-06-12"}');
    const others = [{ code: 'unknown-id', data: { syntax: 'syntax' } }, { code: 'schema' }, { code: { value: 'schema' } }];
    assert.deepEqual(withoutDuplicateJsonSyntax(others, open), others);
    assert.deepEqual(withoutDuplicateJsonSyntax(comment, { ...open, open: false }), comment);
    assert.deepEqual(withoutDuplicateJsonSyntax(comment, { ...open, languageId: 'markdown' }), comment);
    assert.deepEqual(withoutDuplicateJsonSyntax(comment, { ...open, languageId: undefined }), comment);
    assert.deepEqual(withoutDuplicateJsonSyntax(comment, { ...open, validatedByVSCode: false }), comment);
  });

  test('VS Code diagnostics: a code given as { value } and data lost on the way are read safely', () => {
    assert.deepEqual(withoutDuplicateJsonSyntax([{ code: { value: 'json-syntax' }, data: { syntax: 'syntax' } }], open), []);
    const untagged = [{ code: 'json-syntax' }, { code: 'json-syntax', data: null }, { code: 'json-syntax', data: 'syntax' }];
    assert.deepEqual(withoutDuplicateJsonSyntax(untagged, open), untagged);
  });
});
