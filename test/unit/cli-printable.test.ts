import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { printable } from '../../server/src/cli/printable';

describe('printable', () => {
  test('the clean-text shortcut escapes exactly what the character loop escapes', () => {
    // Every BMP code unit, alone and amid plain text: a clean one comes back as it is, an unsafe one escaped.
    for (let n = 0; n <= 0xffff; n++) {
      const c = String.fromCharCode(n);
      const escaped = printable(`a${c}b`);
      const unsafe = n < 0x20 || (n >= 0x7f && n <= 0x9f) || (n >= 0x2028 && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069);
      if (unsafe) assert.notEqual(escaped, `a${c}b`, n.toString(16));
      else assert.equal(escaped, `a${c}b`, n.toString(16));
    }
    assert.equal(printable('x\ny\u202e\x1b'), 'x\\ny\\u202e\\x1b');
    assert.equal(printable('plain 🎉 text'), 'plain 🎉 text');
  });
});
