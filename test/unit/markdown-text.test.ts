/**
 * Escaping of document text in hover cards: what Markdown would act on is escaped, nothing
 * else (clients such as eglot show the Markdown source, backslashes included). CommonMark
 * rendering is checked with mdast-util-from-markdown (micromark); the GFM-only constructs
 * (tables, `~~`) by what is written.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { PhrasingContent, Root } from 'mdast';
import { md, mdBlock, mdCell } from '../../server/src/core/service/markdownText';

/** The text a paragraph renders, or why it is not plain text. */
function rendered(children: readonly PhrasingContent[]): string {
  return children
    .map((c) => {
      if (c.type !== 'text') throw new Error(`renders a ${c.type}: ${JSON.stringify(c)}`);
      return c.value;
    })
    .join('');
}

/** What `markdown`, as a document of its own, shows: one paragraph of plain text, or a failure naming what it became. */
function asParagraph(markdown: string): string {
  const tree: Root = fromMarkdown(markdown);
  const [only, ...rest] = tree.children;
  if (!only || rest.length > 0 || only.type !== 'paragraph') throw new Error(`${JSON.stringify(markdown)} is not one paragraph: ${tree.children.map((c) => c.type).join(', ')}`);
  return rendered(only.children);
}

/** What `markdown` shows inside `**…**` after other text, as hover cards write `Status: **FAIL**`. */
function insideStrong(markdown: string): string {
  const tree: Root = fromMarkdown(`Status: **${markdown}** · end`);
  const paragraph = tree.children[0];
  if (paragraph?.type !== 'paragraph') throw new Error('no paragraph');
  const strong = paragraph.children.find((c) => c.type === 'strong');
  if (!strong || paragraph.children.length !== 3) throw new Error(`${JSON.stringify(markdown)} broke the strong span: ${JSON.stringify(paragraph.children)}`);
  return rendered(strong.children);
}

describe('hover text: only what Markdown needs is escaped', () => {
  test('parentheses, underscores and plus inside words and between spaces stay as written', () => {
    for (const text of [
      'owner + operator',
      'scope the exact production surface (birth_registry, PG/Directus) before any REAL_RUN',
      'REAL_RUN grant',
      'snake_case__name',
      'a * b and 2 ~ 3',
      'x > y, a < b, R&D, #3, 50% {braces} !bang',
      'C:\\Users\\kb (a backslash before a letter is shown as is)',
      'see [1] and [the map] here',
    ]) {
      assert.equal(md(text), text);
      assert.equal(mdBlock(text), text);
      assert.equal(asParagraph(mdBlock(text)), text);
      assert.equal(insideStrong(md(text)), text);
    }
  });

  test('what would change the rendering is escaped', () => {
    const cases: [string, string][] = [
      ['_lead and trail_', '\\_lead and trail\\_'],
      ['a*b*c', 'a\\*b\\*c'],
      ['**bold**', '\\*\\*bold\\*\\*'],
      ['a `code` span', 'a \\`code\\` span'],
      ['[text](https://x)', '[text\\](https://x)'],
      ['<b>tag</b> and <https://x>', '\\<b>tag\\</b> and \\<https://x>'],
      ['&amp; &#35; &#x41;', '\\&amp; \\&#35; \\&#x41;'],
      ['ends in a backslash\\', 'ends in a backslash\\\\'],
      ['a\\*b', 'a\\\\\\*b'],
      ['~~struck~~', '\\~\\~struck\\~\\~'],
      // At the edges the neighbours are the card's, not the text's.
      ['_', '\\_'],
      ['x_', 'x\\_'],
      // A run is read as one delimiter: all of it is escaped, or none.
      ['a __ b a__b a*** b', 'a __ b a__b a\\*\\*\\* b'],
      [`x${'*'.repeat(20_000)}y`, `x${'\\*'.repeat(20_000)}y`],
    ];
    for (const [text, escaped] of cases) assert.equal(md(text), escaped, text.slice(0, 40));
  });

  test('at the start of a paragraph: headings, quotes, list items, rules and definitions are escaped', () => {
    const cases: [string, string][] = [
      ['# Not a heading', '\\# Not a heading'],
      ['###### six', '\\###### six'],
      ['> not a quote', '\\> not a quote'],
      ['* not a bullet', '\\* not a bullet'],
      ['- not a bullet', '\\- not a bullet'],
      ['+ not a bullet', '\\+ not a bullet'],
      ['1. not a list', '1\\. not a list'],
      ['12) not a list', '12\\) not a list'],
      ['---', '\\---'],
      ['- - -', '\\- - -'],
      ['***', '\\*\\*\\*'],
      ['```fence', '\\`\\`\\`fence'],
      ['~~~fence', '\\~\\~\\~fence'],
      ['[label]: https://x', '\\[label]: https://x'],
      ['<div>html block', '\\<div>html block'],
      ['    four spaces', 'four spaces'],
    ];
    for (const [text, escaped] of cases) {
      assert.equal(mdBlock(text), escaped, text);
      assert.equal(asParagraph(mdBlock(text)), text.trimStart(), text);
    }
    // Only the start of a paragraph is a block start: inside a line these are text.
    assert.equal(md('# 1. - + > ---'), '# 1. - + > ---');
    // Not markers without the blank after them.
    assert.equal(mdBlock('#hashtag'), '#hashtag');
    assert.equal(mdBlock('+1 vote'), '+1 vote');
    assert.equal(mdBlock('2026-06-12'), '2026-06-12');
  });

  test('line breaks become spaces (CR, LF and CRLF are all line endings to Markdown)', () => {
    assert.equal(md('a\nb\r\nc\rd'), 'a b c d');
    assert.equal(asParagraph(mdBlock('one\r# two')), 'one # two');
  });

  test('in a table cell, | is escaped as well', () => {
    assert.equal(mdCell('owner + operator | PG'), 'owner + operator \\| PG');
    assert.equal(mdCell('a\\|b'), 'a\\\\\\|b');
  });

  test('any text renders as itself: as a paragraph of its own and inside **…**', () => {
    // Text made of what Markdown reacts to, so most samples mix several constructs.
    const chars = fc.constantFrom(...'ab1 _*`~\\[]()<>&#;!+-.=:|/\t\nxé'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }).map((a) => a.join('')), (text) => {
        const line = text.replace(/\r\n?|\n/g, ' ');
        if (line.trim() === '') return;
        // A paragraph drops blanks at both ends; the checks compare what is left.
        assert.equal(asParagraph(mdBlock(text)), line.trim());
        if (line.trim() === line) assert.equal(insideStrong(md(text)), line);
      }),
      { numRuns: 3000, seed: 20260612 },
    );
  });
});
