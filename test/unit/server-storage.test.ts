import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storageOf } from '../../server/src/lsp/persistence';

test('the storage folder is taken only from a non-empty storagePath string', () => {
  assert.equal(storageOf({ storagePath: '/tmp/ws' }), '/tmp/ws');
  assert.equal(storageOf({ storagePath: '' }), undefined);
  assert.equal(storageOf({ storagePath: 3 }), undefined);
  assert.equal(storageOf({ governanceLens: { storagePath: '/x' } }), undefined);
  assert.equal(storageOf(null), undefined);
  assert.equal(storageOf('/tmp/ws'), undefined);
});
