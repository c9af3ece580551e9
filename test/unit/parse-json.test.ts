/** Strict JSON for packet documents, and string values as segments that map back through escapes. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nodeSpan, parseJson, propertyValue, stringSegment } from '../../server/src/core/parse/json';
import { scanIds } from '../../server/src/core/scan/ids';
import { scanEvidence } from '../../server/src/core/scan/evidence';
import { patternsFor, withDefaults } from '../../server/src/core/settings';
import type { Span } from '../../server/src/core/types';

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

/** The errors as the text their spans cover, with the message. */
function errors(text: string): { at: string; start: number; message: string }[] {
  return parseJson(text).errors.map((e) => ({ at: slice(text, e.span), start: e.span.start, message: e.message }));
}

describe('parseJson: valid documents', () => {
  test('no errors and a tree', () => {
    const text = '{ "doc": "fix7-p0-mutation-inventory", "date": "2026-06-12", "surfaces": [ { "n": 5 } ] }';
    const parsed = parseJson(text);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.root?.type, 'object');
    const doc = propertyValue(parsed.root, 'doc');
    assert.equal(doc?.value, 'fix7-p0-mutation-inventory');
    assert.equal(slice(text, nodeSpan(doc!)), '"fix7-p0-mutation-inventory"');
    assert.equal(propertyValue(parsed.root, 'missing'), undefined);
    assert.equal(propertyValue(propertyValue(parsed.root, 'surfaces'), 'n'), undefined, 'an array has no properties');
  });
});

describe('parseJson: comments', () => {
  test('a block comment is an error on the comment', () => {
    assert.deepEqual(
      errors('{"a": 1 /* why */}').map((e) => e.at),
      ['/* why */'],
    );
    assert.match(errors('{"a": 1 /* why */}')[0]?.message ?? '', /Comments are not allowed/);
  });

  test('a line comment is an error on the comment', () => {
    const found = errors('// header\n{"a": 1}');
    assert.deepEqual(found.map((e) => e.at), ['// header']);
    assert.match(found[0]?.message ?? '', /Comments are not allowed/);
  });

  test('the tree is still built around a comment', () => {
    const parsed = parseJson('{"a": 1, /* c */ "b": 2}');
    assert.equal(propertyValue(parsed.root, 'b')?.value, 2);
  });
});

describe('parseJson: trailing commas', () => {
  test('in an object: the error is on the comma itself', () => {
    const found = errors('{"a": 1,}');
    assert.deepEqual(found.map((e) => [e.at, e.start]), [[',', 7]]);
    assert.match(found[0]?.message ?? '', /Trailing comma/);
  });

  test('in an array, with blank lines before the closer', () => {
    assert.deepEqual(errors('[1,\n\n  ]').map((e) => [e.at, e.start]), [[',', 2]]);
    assert.deepEqual(errors('[1,\r\n]').map((e) => [e.at, e.start]), [[',', 2]]);
  });

  test('one error per comma, each on its comma', () => {
    const text = '{"a": [1,], "b": {"c": 2,},}';
    const found = errors(text);
    assert.deepEqual(found.map((e) => e.at), [',', ',', ',']);
    assert.deepEqual(found.map((e) => e.start), [8, 24, 26]);
    assert.ok(found.every((e) => /Trailing comma/.test(e.message)));
  });

  test('a comment between the comma and the closer: one error for each', () => {
    const found = errors('{"a": 1, // why\n}');
    assert.deepEqual(found.map((e) => e.at).sort(), [',', '// why']);
    assert.ok(found.some((e) => e.at === ',' && /Trailing comma/.test(e.message)));
    const blocks = errors('[1, /* a */ /* b */\n]');
    assert.deepEqual(blocks.map((e) => [e.at, e.start]).sort(), [[',', 2], ['/* a */', 4], ['/* b */', 12]]);
  });

  test('a doubled comma is one error, on the second comma', () => {
    const found = errors('[1,,]');
    assert.deepEqual(found.map((e) => [e.at, e.start]), [[',', 3]]);
  });
});

describe('parseJson: truncation and other slips', () => {
  test('a truncated object: one error with a visible range at the end', () => {
    const text = '{"a": 1';
    const found = errors(text);
    assert.equal(found.length, 1);
    assert.match(found[0]?.message ?? '', /closing "}"/);
    assert.equal(found[0]?.at, '1');
    assert.equal(found[0]?.start, text.length - 1);
  });

  test('a truncated array', () => {
    const found = errors('{"a": [1, 2');
    assert.ok(found.some((e) => /closing "]"/.test(e.message)));
    assert.ok(found.every((e) => e.at.length > 0), 'every range is visible');
  });

  test('cut after a colon', () => {
    const found = errors('{"a":');
    assert.deepEqual(found.map((e) => e.at), [':']);
    assert.match(found[0]?.message ?? '', /value is expected/);
  });

  test('an unclosed string', () => {
    const found = errors('{"a": "open');
    assert.match(found[0]?.message ?? '', /string is not closed/);
    assert.equal(found[0]?.at, '"open');
  });

  test('missing comma and colon, a second value', () => {
    assert.deepEqual(errors('{"a": [1 2]}').map((e) => e.at), ['2']);
    assert.match(errors('{"a": [1 2]}')[0]?.message ?? '', /comma is expected/);
    assert.match(errors('{"a" 1}')[0]?.message ?? '', /colon is expected/);
    const trailing = errors('{"a": 1} {"b": 2}');
    assert.deepEqual(trailing.map((e) => e.at), ['{']);
    assert.match(trailing[0]?.message ?? '', /Only one JSON value/);
  });

  test('single quotes are not JSON', () => {
    const found = errors("{'a': 1}");
    assert.equal(found[0]?.at, "'a'");
  });

  for (const text of ['', '   ', '\n\n']) {
    test(`an empty document ${JSON.stringify(text)}: one error at the start`, () => {
      const parsed = parseJson(text);
      assert.equal(parsed.root, undefined);
      assert.deepEqual(parsed.errors.map((e) => e.span), [{ start: 0, end: 0 }]);
      assert.match(parsed.errors[0]?.message ?? '', /empty/);
    });
  }
});

describe('stringSegment', () => {
  const valueOf = (text: string, key = 'k') => {
    const parsed = parseJson(text);
    assert.deepEqual(parsed.errors, []);
    const node = propertyValue(parsed.root, key);
    assert.ok(node);
    return stringSegment(text, node);
  };

  test('without escapes: offsets shift by the opening quote', () => {
    const text = '{"k": "see FIX7-P0-A-1"}';
    const segment = valueOf(text);
    assert.equal(segment.text, 'see FIX7-P0-A-1');
    assert.equal(segment.offsetOf(0), text.indexOf('see'));
    assert.equal(segment.offsetOf(segment.text.length), text.lastIndexOf('"'), 'the end offset is the closing quote');
  });

  test('each decoded character maps to the start of its escape', () => {
    const text = String.raw`{"k": "a\"b\nc\u2026d\\e"}`;
    const segment = valueOf(text);
    assert.equal(segment.text, 'a"b\nc…d\\e');
    const sources = Array.from(segment.text, (_, i) => text.slice(segment.offsetOf(i), segment.offsetOf(i + 1)));
    assert.deepEqual(sources, ['a', '\\"', 'b', '\\n', 'c', '\\u2026', 'd', '\\\\', 'e']);
    assert.equal(segment.offsetOf(segment.text.length), text.lastIndexOf('"'));
  });

  test('escaped surrogate pairs and raw non-ASCII keep their UTF-16 offsets', () => {
    const text = String.raw`{"k": "\ud83d\ude00 é😀 \/x"}`;
    const segment = valueOf(text);
    assert.equal(segment.text, '😀 é😀 /x');
    const sources = Array.from({ length: segment.text.length }, (_, i) => text.slice(segment.offsetOf(i), segment.offsetOf(i + 1)));
    assert.deepEqual(sources, ['\\ud83d', '\\ude00', ' ', 'é', '\ud83d', '\ude00', ' ', '\\/', 'x']);
  });

  test('IDs found in a decoded value get exact document spans', () => {
    const text = String.raw`{"k": "\"quoted\" \u2192 FIX7-P0-PLAN-SURFACE-1\n"}`;
    const [found] = scanIds(valueOf(text), patternsFor(withDefaults()).id);
    assert.ok(found);
    assert.equal(slice(text, found.span), 'FIX7-P0-PLAN-SURFACE-1');
  });

  test('evidence found in a decoded value gets exact document spans', () => {
    const text = String.raw`{"k": "\u2026/packet-2026-06-12/mutation-inventory.json surface 5 FORBIDDEN (FIX7-P0-A-1)"}`;
    const { evidencePath, evidenceHints } = patternsFor(withDefaults());
    const [ref] = scanEvidence(valueOf(text), evidencePath, evidenceHints);
    assert.ok(ref);
    assert.equal(ref.path, '…/packet-2026-06-12/mutation-inventory.json');
    assert.equal(slice(text, ref.pathSpan), String.raw`\u2026/packet-2026-06-12/mutation-inventory.json`);
    assert.equal(slice(text, ref.anchor!.span), 'surface 5');
    assert.equal(slice(text, ref.status!.span), 'FORBIDDEN');
    assert.equal(slice(text, ref.citedId!.span), 'FIX7-P0-A-1');
  });
});
