import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paramsProblem } from '../../server/src/lsp/paramsShape';

const at = { textDocument: { uri: 'file:///kb/a.md' }, position: { line: 1, character: 2 } };

test('well-formed parameters have no problem', () => {
  assert.equal(paramsProblem(at, { document: true, position: true }), undefined);
  assert.equal(paramsProblem({ ...at, range: { start: at.position, end: at.position }, context: { diagnostics: [] } }, { document: true, range: true, context: 'diagnostics' }), undefined);
  assert.equal(paramsProblem({}, {}), undefined);
});

test('each malformed part is named', () => {
  assert.equal(paramsProblem(null, {}), 'its parameters are null, not an object');
  assert.equal(paramsProblem([at], {}), 'its parameters are an array, not an object');
  assert.equal(paramsProblem({ textDocument: null }, { document: true }), 'textDocument.uri is not a string');
  assert.equal(paramsProblem({ textDocument: { uri: 7 } }, { document: true }), 'textDocument.uri is not a string');
  assert.equal(paramsProblem({ ...at, position: { line: '1', character: 2 } }, { document: true, position: true }), 'position is not {line, character} with whole numbers');
  assert.equal(paramsProblem({ ...at, range: { start: at.position } }, { document: true, range: true }), 'range is not {start, end} positions');
  assert.equal(paramsProblem({ ...at, context: null }, { document: true, context: 'object' }), 'context is not an object');
  assert.equal(paramsProblem({ ...at, range: { start: at.position, end: at.position }, context: { diagnostics: {} } }, { document: true, range: true, context: 'diagnostics' }), 'context.diagnostics is not an array');
});
