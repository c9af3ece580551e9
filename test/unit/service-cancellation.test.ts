import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CancelledError, createLanguageService, type Cancellation } from '../../server/src/core/service';
import { analyzerFor, cleanKb, NOTE } from '../helpers/kb';
import { positionOf } from '../helpers/position';

const ID = 'FIX7-P0-PROD-BIRTH-SURFACE-1';
const NOTES = 40;

/** A token that turns after `checks` questions, and counts every question it is asked. */
class CancelsAfter implements Cancellation {
  asked = 0;
  constructor(private readonly checks: number) {}
  isCancelled(): boolean {
    this.asked++;
    return this.asked > this.checks;
  }
}

/** The clean KB and NOTES notes citing one blocker, so references, rename and symbols visit many documents. */
function setup() {
  const files = cleanKb();
  for (let i = 0; i < NOTES; i++) files[`kb/notes/n${i}.md`] = `# Note ${i}\n\nBlocked by ${ID}.\n`;
  const { analyzer } = analyzerFor(files);
  const service = createLanguageService(analyzer, { linkTo: (path) => `file:///ws/${path}` });
  return { service, at: positionOf(files[NOTE] ?? '', ID, 3) };
}

describe('cancellation of the long features', () => {
  test('references stop at the first check after the cancellation, and run to the end without one', () => {
    const { service, at } = setup();
    assert.equal(service.references(NOTE, at, true).length, NOTES + 2);
    const token = new CancelsAfter(3);
    assert.throws(() => service.references(NOTE, at, true, token), CancelledError);
    // Asked once per document visited: the fourth answer stopped it, nothing was asked after.
    assert.equal(token.asked, 4);
  });

  test('rename stops too, before any edit is returned', () => {
    const { service, at } = setup();
    assert.equal(Object.keys(service.rename(NOTE, at, 'FIX7-P0-PROD-BIRTH-SURFACE-9')).length, NOTES + 2);
    const token = new CancelsAfter(5);
    assert.throws(() => service.rename(NOTE, at, 'FIX7-P0-PROD-BIRTH-SURFACE-9', token), CancelledError);
    assert.equal(token.asked, 6);
  });

  test('workspace symbols stop between IDs', () => {
    const { service } = setup();
    assert.ok(service.workspaceSymbols('').length > 5);
    const token = new CancelsAfter(2);
    assert.throws(() => service.workspaceSymbols('', token), CancelledError);
    assert.equal(token.asked, 3);
  });

  test('a token cancelled before the request starts stops it at the first check', () => {
    const { service, at } = setup();
    for (const run of [
      (t: Cancellation) => service.references(NOTE, at, false, t),
      (t: Cancellation) => service.rename(NOTE, at, 'FIX7-P0-PROD-BIRTH-SURFACE-9', t),
      (t: Cancellation) => service.workspaceSymbols('FIX7', t),
    ]) {
      const token = new CancelsAfter(0);
      assert.throws(() => run(token), CancelledError);
      assert.equal(token.asked, 1);
    }
  });
});
