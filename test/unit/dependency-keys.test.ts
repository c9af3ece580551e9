import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockerKey, docKey, idKey, locksKey, sitesIdOf, sitesKey, ticketPrefixOf, ticketsKey, type DependencyKey } from '../../server/src/core/dependencyKeys';

test('dependency keys: what the constructors build, the readers take apart', () => {
  assert.equal(ticketPrefixOf(ticketsKey('TKT-OBJ')), 'TKT-OBJ');
  assert.equal(sitesIdOf(sitesKey('FIX7-P0-A-1')), 'FIX7-P0-A-1');
  for (const key of [docKey('tickets:x.md'), idKey('FIX7-P0-A-1'), blockerKey('FIX7-P0-A-1'), locksKey]) {
    assert.equal(ticketPrefixOf(key), undefined, key);
    assert.equal(sitesIdOf(key), undefined, key);
  }
});

test('dependency keys: a misspelt key does not type-check', () => {
  // Type-level: `npm run typecheck` fails if either line stops being an error.
  // @ts-expect-error 'ticket:' is not a kind of key
  const typo: DependencyKey = 'ticket:TKT';
  // @ts-expect-error 'lock' is not 'locks'
  const bare: DependencyKey = 'lock';
  assert.ok(typo && bare);
});
