/**
 * The Markdown scanner against the mdast oracle on every example of the CommonMark spec
 * (0.31.2, the `commonmark-spec` package): the spec's own corner cases, beside the notes, seeds
 * and random documents of parse-markdown-differential.test.ts. All 652 agree field for field,
 * the documented deviations included (no example holds a byte order mark, or a name outside
 * the entity table where it would show). The package is a pinned devDependency.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { assertSameAsOracle } from './support/markdownCompare';

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

function specExamples(): { version: string; examples: SpecExample[] } {
  const require = createRequire(__filename);
  const { version } = require('commonmark-spec/package.json') as { version: string };
  return { version, examples: (require('commonmark-spec') as { tests: SpecExample[] }).tests };
}

const spec = specExamples();

test('parseMarkdown equals the mdast oracle on every CommonMark 0.31.2 example', () => {
  assert.equal(spec.version, '0.31.2');
  assert.equal(spec.examples.length, 652);
  // The spec writes a tab as → so that it shows.
  for (const example of spec.examples) assertSameAsOracle(example.markdown.replace(/→/g, '\t'));
});
