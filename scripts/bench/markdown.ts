/**
 * `node --import tsx scripts/bench/markdown.ts [--docs N] [--seed S]`: the Markdown scanner
 * (`parseMarkdown`) against the mdast implementation it replaced (the test oracle) over the
 * notes of a generated workspace (1,000 documents by default, made in memory): milliseconds
 * per note for each and the ratio. It first checks that both give the same result for every
 * note. A few seconds of one core; it prints the best of three passes for each parser.
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { parseMarkdownOracle } from '../../tools/markdownOracle';
import { generateWorkspace } from '../../tools/kbGenerator';

/** The best of three passes over `notes`, each repeated `repeat` times: ms per note. */
function msPerNote(parse: (text: string) => unknown, notes: readonly string[], repeat: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const started = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) for (const note of notes) parse(note);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6 / (repeat * notes.length));
  }
  return best;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: node --import tsx scripts/bench/markdown.ts [--docs N] [--seed S]');
    return;
  }
  const docs = Number(values.docs);
  const seed = Number(values.seed);
  const notes = [...generateWorkspace({ docs, seed }).files].filter(([file]) => file.endsWith('.md')).map(([, text]) => text);
  if (notes.length === 0) throw new Error('the workspace has no notes');
  // Equal results first (and a warm-up for both): a fast parser that differs measures nothing.
  const differing = notes.filter((note) => !isDeepStrictEqual(parseMarkdown(note), parseMarkdownOracle(note))).length;
  if (differing > 0) throw new Error(`${differing} of ${notes.length} notes parse differently`);

  const kb = notes.reduce((sum, note) => sum + note.length, 0) / notes.length / 1024;
  const oracle = msPerNote(parseMarkdownOracle, notes, 1);
  // Ten repeats, so that a pass of the fast parser lasts long enough to time well.
  const scanner = msPerNote(parseMarkdown, notes, 10);
  console.log(`${notes.length} notes of a ${docs}-document workspace (seed ${seed}), ${kb.toFixed(1)} KB on average`);
  console.log(`mdast (oracle):   ${oracle.toFixed(3)} ms per note`);
  console.log(`scanner:          ${scanner.toFixed(3)} ms per note`);
  console.log(`ratio:            ${(oracle / scanner).toFixed(1)}x faster`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
