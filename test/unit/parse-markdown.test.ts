/**
 * KB notes: the prose mask (what checks read), links with exact destination spans,
 * headings and HTML comments.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown, type ParsedMarkdown } from '../../server/src/core/parse/markdown';
import type { Span } from '../../server/src/core/types';

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

/** The words left in the prose (line breaks are checked by `parse`), so an assertion reads as what checks see. */
const words = (prose: string) => prose.split(/\s+/).filter(Boolean).join(' ');

function parse(text: string): ParsedMarkdown {
  const parsed = parseMarkdown(text);
  assert.equal(parsed.prose.length, text.length, 'the mask keeps every offset');
  for (let i = 0; i < text.length; i++) {
    const kept = parsed.prose[i] === text[i];
    assert.ok(kept || parsed.prose[i] === ' ', `offset ${i} is kept or blanked`);
    if (text[i] === '\n' || text[i] === '\r') assert.ok(kept, `line break at ${i} kept`);
  }
  return parsed;
}

const links = (text: string) => parse(text).links.map((l) => ({ kind: l.kind, target: l.target, at: slice(text, l.targetSpan) }));

describe('parseMarkdown: the prose mask', () => {
  test('plain prose is kept as is', () => {
    const text = '# Title\n\nBlocked by FIX7-P0-A-1; see TKT-OBJ-450.\n';
    assert.equal(parse(text).prose, text);
  });

  test('code spans are blanked', () => {
    assert.equal(parse('a `FIX7-P0-A-1` b').prose, 'a               b');
    assert.equal(words(parse('x ``code with ` tick`` y').prose), 'x y');
  });

  test('fenced and indented code blocks are blanked, line breaks kept', () => {
    assert.equal(parse('```\nFIX7-P0-A-1\n```\nafter').prose, '   \n           \n   \nafter');
    assert.equal(parse('~~~json\n{"a": 1}\r\n~~~\r\nafter').prose, '       \n        \r\n   \r\nafter');
    assert.equal(parse('    indented FIX7-P0-A-1\n\npara').prose, `${' '.repeat(24)}\n\npara`);
  });

  test('an unclosed fence runs to the end (CommonMark)', () => {
    assert.equal(words(parse('before\n```\nnot closed FIX7-P0-A-1').prose), 'before');
  });

  test('HTML comments are blanked and recorded', () => {
    const text = 'x <!-- DOC_STATUS: ACTIVE_NON_AUTHORITY -->\n\ny';
    const parsed = parse(text);
    assert.equal(words(parsed.prose), 'x y');
    assert.deepEqual(parsed.comments.map((c) => slice(text, c)), ['<!-- DOC_STATUS: ACTIVE_NON_AUTHORITY -->']);
  });

  test('several comments, multi-line comments', () => {
    const text = '<!-- one -->\n<!--\ntwo FIX7-P0-A-1\n-->\nDone';
    const parsed = parse(text);
    assert.deepEqual(parsed.comments.map((c) => slice(text, c)), ['<!-- one -->', '<!--\ntwo FIX7-P0-A-1\n-->']);
    assert.equal(words(parsed.prose), 'Done');
  });

  test('comment spans are exact inside block quotes and list items', () => {
    const quoted = '> <!-- a\n> b -->\n> after';
    assert.deepEqual(parse(quoted).comments.map((c) => slice(quoted, c)), ['<!-- a\n> b -->']);
    const listed = '- item\n\n  <!-- one\n  two -->\n';
    assert.deepEqual(parse(listed).comments.map((c) => slice(listed, c)), ['<!-- one\n  two -->']);
  });

  test('inline HTML tags are blanked, their text kept', () => {
    assert.equal(words(parse('a <span class="FIX7-P0-A-1">in</span> b').prose), 'a in b');
  });

  test('inline links: the label is kept, destination and title blanked', () => {
    const parsed = parse('[label a.json](path/to/b.json "title FIX7-P0-A-1") tail');
    assert.equal(words(parsed.prose), '[label a.json tail');
  });

  test('images are blanked whole, alt text included', () => {
    assert.equal(words(parse('![alt FIX7-P0-A-1](img/p.png "t") x').prose), 'x');
  });

  test('reference definitions are blanked; references to them stay prose', () => {
    const parsed = parse('[ref]: ./defs/x.md "Title"\n\nuse [ref] here');
    assert.equal(words(parsed.prose), 'use [ref] here');
  });

  test('autolinks are blanked and are not links', () => {
    const parsed = parse('see <https://example.com/a.md> now');
    assert.equal(words(parsed.prose), 'see now');
    assert.deepEqual(parsed.links, []);
  });

  test('non-ASCII text keeps its offsets', () => {
    const text = 'ünï `cødé` [é](ü.md) 😀 FIX7';
    const parsed = parse(text);
    assert.equal(parsed.prose.slice(text.indexOf('😀')), '😀 FIX7');
    assert.deepEqual(links(text), [{ kind: 'link', target: 'ü.md', at: 'ü.md' }]);
  });
});

describe('parseMarkdown: links', () => {
  test('inline link: destination span exact, label recorded', () => {
    const text = 'see [label a.json](path/to/b.json "title") tail';
    const parsed = parse(text);
    assert.deepEqual(links(text), [{ kind: 'link', target: 'path/to/b.json', at: 'path/to/b.json' }]);
    assert.deepEqual(parsed.linkLabels.map((s) => slice(text, s)), ['label a.json']);
  });

  test('<dest> form: the span is inside the angle brackets', () => {
    assert.deepEqual(links('[lbl](<path with space.md>) t'), [{ kind: 'link', target: 'path with space.md', at: 'path with space.md' }]);
  });

  test('blanks around the destination, titles in either quote', () => {
    assert.deepEqual(links('[a]( spaced.md )'), [{ kind: 'link', target: 'spaced.md', at: 'spaced.md' }]);
    assert.deepEqual(links("[a](x.md 't') [b](y.md (t))"), [
      { kind: 'link', target: 'x.md', at: 'x.md' },
      { kind: 'link', target: 'y.md', at: 'y.md' },
    ]);
  });

  test('balanced and escaped parentheses belong to the destination', () => {
    assert.deepEqual(links('[a](p(1).md) [b](q\\).md)'), [
      { kind: 'link', target: 'p(1).md', at: 'p(1).md' },
      { kind: 'link', target: 'q).md', at: 'q\\).md' },
    ]);
  });

  test('fragments and percent-encoding are kept as written', () => {
    assert.deepEqual(links('[a](x.md#frag) [b](%C3%A9.md)'), [
      { kind: 'link', target: 'x.md#frag', at: 'x.md#frag' },
      { kind: 'link', target: '%C3%A9.md', at: '%C3%A9.md' },
    ]);
  });

  test('images', () => {
    assert.deepEqual(links('![alt text](img/p.png "t") x'), [{ kind: 'image', target: 'img/p.png', at: 'img/p.png' }]);
  });

  test("an image whose alt holds a link: the image's own destination", () => {
    assert.deepEqual(links('![foo [bar](/url.md)](/url2.png)'), [{ kind: 'image', target: '/url2.png', at: '/url2.png' }]);
  });

  test('an image inside a link: both, each with its own span', () => {
    const text = '[![badge](i.png)](outer.md)';
    assert.deepEqual(links(text), [
      { kind: 'link', target: 'outer.md', at: 'outer.md' },
      { kind: 'image', target: 'i.png', at: 'i.png' },
    ]);
    assert.deepEqual(parse(text).linkLabels.map((s) => slice(text, s)), ['![badge](i.png)']);
  });

  test('definitions, plain and <dest>', () => {
    assert.deepEqual(links('[ref]: ./defs/x.md "Title"'), [{ kind: 'definition', target: './defs/x.md', at: './defs/x.md' }]);
    assert.deepEqual(links('[a][ref]\n\n[ref]: <r x.md>'), [{ kind: 'definition', target: 'r x.md', at: 'r x.md' }]);
  });

  test('links in block quotes and lists, with \\r\\n line ends', () => {
    assert.deepEqual(links('> [q](q.md)\r\n\r\n- [l](l.md)\r\n'), [
      { kind: 'link', target: 'q.md', at: 'q.md' },
      { kind: 'link', target: 'l.md', at: 'l.md' },
    ]);
  });

  test('an empty label still yields the link', () => {
    const text = '[](empty.md)';
    assert.deepEqual(links(text), [{ kind: 'link', target: 'empty.md', at: 'empty.md' }]);
    assert.deepEqual(parse(text).linkLabels.map((s) => slice(text, s)), ['']);
  });

  test('links in code or comments are not links', () => {
    assert.deepEqual(links('`[a](x.md)`\n\n<!-- [b](y.md) -->\n\n```\n[c](z.md)\n```'), []);
  });
});

describe('parseMarkdown: headings', () => {
  test('ATX and setext headings with depth, text and span', () => {
    const text = '# Heading One\n\n## Sub `code` two ##\n\nSetext\n===\n\nbody';
    assert.deepEqual(
      parse(text).headings.map((h) => ({ depth: h.depth, text: h.text, at: slice(text, h.span) })),
      [
        { depth: 1, text: 'Heading One', at: '# Heading One' },
        { depth: 2, text: 'Sub code two', at: '## Sub `code` two ##' },
        { depth: 1, text: 'Setext', at: 'Setext\n===' },
      ],
    );
  });

  test('a # inside code is no heading', () => {
    assert.deepEqual(parse('```\n# not\n```').headings, []);
  });
});
