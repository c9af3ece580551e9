import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_DEPTH, MAX_ERRORS, parseJson } from '../../server/src/core/parse/json';

const at = (text: string) => parseJson(text).errors.map((e) => text.slice(e.span.start, e.span.end));

describe('parseJson: ranges that never split a line break', () => {
  test('an error at the end of a CRLF document goes on the last visible character', () => {
    const text = '{"a": 1\r\n';
    const [error] = parseJson(text).errors;
    assert.match(error?.message ?? '', /closing "}"/);
    assert.deepEqual(error?.span, { start: 6, end: 7 });
  });

  test('after trailing blank lines and spaces, too', () => {
    assert.deepEqual(at('FIX7\r\n  \r\n\r\n'), ['FIX7', '7']);
  });

  test('and never inside a surrogate pair', () => {
    assert.deepEqual(at('{"a": 1 😀\n').at(-1), '😀');
  });
});

describe('parseJson: nesting depth', () => {
  const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  test(`${MAX_DEPTH} levels parse`, () => {
    const parsed = parseJson(nested(MAX_DEPTH));
    assert.deepEqual(parsed.errors, []);
    assert.ok(parsed.root);
  });

  test('one level more is one error, at the bracket that opens it, and no tree', () => {
    const parsed = parseJson(`{"a": ${nested(MAX_DEPTH)}}`);
    assert.equal(parsed.root, undefined);
    assert.equal(parsed.errors.length, 1);
    assert.deepEqual(parsed.errors[0]?.span, { start: 6 + MAX_DEPTH - 1, end: 6 + MAX_DEPTH });
    assert.match(parsed.errors[0]?.message ?? '', /Nested more than 256 levels/);
  });

  test('100,000 levels, closed or not, objects or arrays: one error, no exception', () => {
    for (const text of [nested(100_000), '['.repeat(100_000), `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
      assert.equal(parseJson(text).errors.length, 1);
    }
  });

  test('brackets in strings (escaped quotes included) and in comments do not count', () => {
    const deep = '['.repeat(MAX_DEPTH + 5);
    assert.equal(parseJson(`{"a": "${deep}", "b": "\\"${deep}"}`).errors.length, 0);
    assert.deepEqual(parseJson(`{"a": 1 /* ${deep} */}`).errors.map((e) => e.message.slice(0, 8)), ['Comments']);
    assert.deepEqual(parseJson(`{"a": 1 // ${deep}\n}`).errors.map((e) => e.message.slice(0, 8)), ['Comments']);
  });
});

describe('parseJson: bounded and linear on noise', () => {
  test(`at most ${MAX_ERRORS} errors, however many there are`, () => {
    assert.equal(parseJson(`[${'1 '.repeat(200_000)}]`).errors.length, MAX_ERRORS);
    assert.equal(parseJson(`[${'1,,'.repeat(100_000)}1]`).errors.length, MAX_ERRORS);
  });
});

describe('parseJson: duplicate keys', () => {
  test('each repetition is an error on its key, in nested objects too', () => {
    const text = '{"status": "PASS", "x": {"a": 1, "a": 2, "a": 3}, "status": "FAIL"}';
    const parsed = parseJson(text);
    assert.deepEqual(
      parsed.errors.map((e) => text.slice(e.span.start, e.span.end)),
      ['"a"', '"a"', '"status"'],
    );
    assert.match(parsed.errors[2]?.message ?? '', /The key "status" is already used in this object/);
    assert.ok(parsed.root, 'the tree is kept');
  });

  test('the same key in sibling objects is fine', () => {
    assert.deepEqual(parseJson('{"checks": [{"id": "PC-1"}, {"id": "PC-2"}]}').errors, []);
  });
});

describe('parseJson: the tree lies inside the text', () => {
  test('an array cut off by an unclosed comment does not run past the end', () => {
    const parsed = parseJson('[/*');
    assert.deepEqual([parsed.root?.offset, parsed.root?.length], [0, 3]);
  });

  test('a string cut off by a backslash before CRLF ends before the line break, its error too', () => {
    const text = '{{"\\\r\nplans":[]}';
    const parsed = parseJson(text);
    const splits = (offset: number) => text[offset - 1] === '\r' && text[offset] === '\n';
    for (const e of parsed.errors) assert.ok(!splits(e.span.start) && !splits(e.span.end), JSON.stringify(e));
    const visit = (node: NonNullable<typeof parsed.root>): void => {
      const end = node.offset + node.length;
      assert.ok(end <= text.length && !(text[end - 1] === '\r' && text[end] === '\n'), JSON.stringify([node.type, node.offset, node.length]));
      node.children?.forEach(visit);
    };
    if (parsed.root) visit(parsed.root);
  });
});
