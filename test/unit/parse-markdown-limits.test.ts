/**
 * The scanner stays linear on hostile input: huge lines, tens of thousands of links,
 * nesting a hundred thousand deep, openers that never close. The assertions are on the
 * results; each case runs in well under a second (a quadratic path would take minutes).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown } from '../../server/src/core/parse/markdown';

const MB = 1 << 20;

describe('parseMarkdown on hostile input', () => {
  test('a 1 MB single line of prose', () => {
    const text = 'Blocked by FIX7-P0-A-1; see TKT-OBJ-450. '.repeat(Math.ceil(MB / 41));
    const parsed = parseMarkdown(text);
    assert.equal(parsed.prose, text);
    assert.deepEqual(parsed.blocks, [{ start: 0, end: text.length }]);
  });

  test('a 1 MB single line of openers that never close', () => {
    const text = '[a `b <c *d _e !f \\ &amp; <!-- '.repeat(Math.ceil(MB / 32));
    const parsed = parseMarkdown(text);
    assert.equal(parsed.prose.length, text.length);
    assert.deepEqual(parsed.links, []);
    assert.deepEqual(parsed.comments, []);
  });

  test('50,000 links on one line', () => {
    const text = '[a](b) '.repeat(50_000);
    const parsed = parseMarkdown(text);
    assert.equal(parsed.links.length, 50_000);
    assert.equal(parsed.linkLabels.length, 50_000);
    assert.ok(parsed.links.every((link, i) => link.target === 'b' && link.targetSpan.start === i * 7 + 4));
    assert.equal(parsed.prose, '[a     '.repeat(50_000));
  });

  test('100,000 nested block quotes, on one line and on many', () => {
    const deep = `${'>'.repeat(100_000)} a`;
    assert.deepEqual(parseMarkdown(deep).blocks, [{ start: 100_001, end: 100_002 }]);
    const lines = `${'>'.repeat(1000)} a\n`.repeat(100);
    const parsed = parseMarkdown(lines);
    assert.deepEqual(parsed.blocks, [{ start: 1001, end: lines.length - 1 }]);
  });

  test('100,000 nested list items, then blank lines under them', () => {
    const bullets = `${'- '.repeat(100_000)}a`;
    assert.deepEqual(parseMarkdown(bullets).blocks, [{ start: 200_000, end: 200_001 }]);
    const ordered = `${'1. '.repeat(100_000)}a`;
    assert.deepEqual(parseMarkdown(ordered).blocks, [{ start: 300_000, end: 300_001 }]);
    const blankLines = `${'- '.repeat(100_000)}a\n${'\n'.repeat(50_000)}  b`;
    assert.deepEqual(
      parseMarkdown(blankLines).blocks.map((b) => blankLines.slice(b.start, b.end)),
      ['a', 'b'],
    );
  });

  test('10,000 unclosed "[", alone and before links', () => {
    assert.deepEqual(parseMarkdown(`${'['.repeat(10_000)}a`).links, []);
    const parsed = parseMarkdown(`${'['.repeat(10_000)}${'[a](b)'.repeat(10_000)}`);
    assert.equal(parsed.links.length, 10_000);
  });

  test('brackets nested 50,000 deep in a note with definitions', () => {
    const text = `[a]: b.md\n\n${'['.repeat(50_000)}a${']'.repeat(50_000)}`;
    const parsed = parseMarkdown(text);
    assert.deepEqual(parsed.links, [{ target: 'b.md', targetSpan: { start: 5, end: 9 }, kind: 'definition' }]);
    assert.equal(parsed.prose.slice(11), text.slice(11));
  });

  test('images nested 20,000 deep', () => {
    const text = `${'!['.repeat(20_000)}a${'](b)'.repeat(20_000)}`;
    const parsed = parseMarkdown(text);
    assert.deepEqual(parsed.links, [{ target: 'b', targetSpan: { start: text.length - 2, end: text.length - 1 }, kind: 'image' }]);
  });

  test('unclosed comments, code spans, titles and tags by the ten thousand', () => {
    for (const text of ['a <!-- '.repeat(50_000), '`` `'.repeat(50_000), '[a](b "'.repeat(50_000), '[a](b ('.repeat(50_000), '[a]('.repeat(50_000), '<a b="'.repeat(50_000), '<a b="\n'.repeat(50_000), '<http://a '.repeat(50_000)]) {
      const parsed = parseMarkdown(text);
      assert.equal(parsed.prose.length, text.length);
      assert.deepEqual(parsed.links, []);
    }
  });

  test('50,000 inline tags, each searched for comments in its own source', () => {
    const text = 'a <b> '.repeat(50_000);
    const parsed = parseMarkdown(text);
    assert.equal(parsed.prose, 'a     '.repeat(50_000));
    assert.deepEqual(parsed.comments, []);
  });

  test('a 1 MB heading of emphasis runs', () => {
    const text = `# ${'*a _b '.repeat(Math.ceil(MB / 7))}`;
    const heading = parseMarkdown(text).headings[0];
    assert.equal(heading?.span.end, text.length);
    assert.ok(heading?.text.startsWith('*a _b'));
  });

  test('100,000 unclosed fences and HTML blocks', () => {
    assert.deepEqual(parseMarkdown('```\n'.repeat(100_000)).blocks, []);
    assert.deepEqual(parseMarkdown('<div>\n'.repeat(100_000)).blocks, []);
  });
});
