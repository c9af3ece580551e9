/**
 * A seeded generator of Markdown documents for the differential tests: it composes the
 * fragments where a hand-written scanner and CommonMark are most likely to part ways
 * (containers and laziness, fences with and without closing, code spans with uneven
 * backticks, links with nested brackets, angle destinations and titles, references,
 * HTML and comments, emphasis in headings, escapes, entities, tabs, CR and CRLF line ends).
 * The same seed always gives the same documents.
 */
import { Prng } from '../../../tools/prng';
import { append } from '../../../server/src/core/append';

const WORDS = ['FIX7-P0-A-1', 'TKT-OBJ-450', 'note', 'production', 'blocked', 'a.json', 'see', 'the', 'x', 'ü', '😀', 'mutation-inventory.json', 'PC-7', 'path/to/b.md', 'owner'];
const PUNCT = ['.', ',', ';', ':', '!', '?', '(', ')', '"', "'", '-', '/', '#', '=', '+', '|', '~', '^', '%', '@', '$'];
const LABELS = ['ref', 'Ref', 'other', 'a b', 'x'];
const DESTS = ['x.md', 'path/to/b.json', './defs/x.md', '%C3%A9.md', 'p(1).md', 'q\\).md', 'a#frag', '<with space.md>', '<>', '', 'http://e.x/a?b=c', 'x&amp;y.md', 'a&#35;b', '((a))', 'u\\ v', '<a\\>b>', 'ü.md'];
const TITLES = ['', ' "title"', " 't'", ' (t)', ' "multi\nline"', ' "unclosed', ' "esc \\" q"', ' (a(b)'];
const ENTITIES = ['&amp;', '&copy;', '&#35;', '&#x41;', '&#0;', '&bogus', '&lt;', '&nbsp;', '&', '&#;', '&mdash;'];

export function randomMarkdown(prng: Prng): string {
  const g = new Generator(prng);
  const lines = g.blocks(0, prng.int(1, 8));
  const eol = prng.pick(['\n', '\n', '\n', '\r\n', '\r']);
  let text = lines.join(eol);
  if (prng.chance(0.5)) text += eol;
  if (prng.chance(0.03)) text = text.replace(/\n/g, () => g.pick(['\n', '\r\n', '\r']));
  return g.noise(text);
}

class Generator {
  constructor(private readonly prng: Prng) {}

  pick<T>(items: readonly T[]): T {
    return this.prng.pick(items);
  }

  chance(p: number): boolean {
    return this.prng.chance(p);
  }

  /** Random edits at the character level, so that every construct also appears broken. */
  noise(text: string): string {
    if (!this.chance(0.3)) return text;
    const chars = [...text];
    for (let k = this.prng.int(1, 4); k > 0; k--) {
      const at = this.prng.int(0, chars.length);
      chars.splice(at, this.chance(0.5) ? 1 : 0, this.pick(['[', ']', '(', ')', '<', '>', '`', '*', '_', '\\', '!', '\t', ' ', '\n', '-', '#', '"', '&', '>', '    ', '\n\n', '\0']));
    }
    return chars.join('');
  }

  blocks(depth: number, count: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < count; i++) append(out, this.block(depth));
    return out;
  }

  block(depth: number): string[] {
    const kind = this.prng.int(0, depth < 3 ? 17 : 11);
    switch (kind) {
      case 0:
        return [`${'#'.repeat(this.prng.int(1, 7))}${this.pick([' ', ' ', '\t', '', '  '])}${this.inline(3)}${this.pick(['', '', ' #', ' ##  ', '#', ' \\#'])}`];
      case 1:
        return [...this.paragraphLines(), `${this.indent(3)}${this.pick(['=', '===', '---', '-', '= =', '==='])}${this.pick(['', '  ', '\t'])}`];
      case 2:
      case 3:
        return this.paragraphLines();
      case 4:
        return this.fenced();
      case 5:
        return this.paragraphLines().map((l) => `${this.pick(['    ', '\t', '     ', '  \t'])}${l}`);
      case 6:
        return this.html();
      case 7:
        return [this.pick(['***', '---', '___', '- - -', ' **  * ', '--', '*-*'])];
      case 8:
        return this.definition();
      case 9:
        return [this.pick(['', '', '  ', '\t', ' \t '])];
      case 10:
        return [`${this.indent(3)}<!-- ${this.inline(2)}${this.pick([' -->', '', ' --', '\n-->', ' --->'])}`];
      case 11:
        return [`${this.inline(4)}${this.pick(['  ', '\\', ' ', ''])}`, this.inline(3)];
      case 12:
      case 13:
        return this.list(depth);
      case 14:
      case 15:
        return this.quote(depth);
      case 16:
        // Lines that sit on the edges of the container rules.
        return [this.pick(['    - a', '>\t>\tb', '- \t- c', '1.\tx', ' -', '\t\t```', '  > > ```', '-\t\tcode', '>     x', '*\t', '2.', '- [a]: b', '> [a]:\n> b', '  \t> q', '+ ', '1)  ', '-    \tz']) + this.pick(['', ' ' + this.inline(2)])];
      default:
        return [`${this.pick(['# ', '', '## '])}${this.emphasis()}`, ...(this.chance(0.5) ? [this.pick(['===', '---'])] : [])];
    }
  }

  /** A run of emphasis markers, words and punctuation: the rule of 3, flanking, nesting. */
  emphasis(): string {
    const parts: string[] = [];
    for (let n = this.prng.int(2, 9); n > 0; n--) parts.push(this.pick(['*', '**', '***', '_', '__', '___', 'a', 'b c', ' ', '.', '"', '\\*', '`x`', '[l](d)', 'ü', '&amp;', '\0']));
    return parts.join('');
  }

  indent(max: number): string {
    return ' '.repeat(this.prng.int(0, max));
  }

  paragraphLines(): string[] {
    const lines = [this.indent(3) + this.inline(4)];
    for (let n = this.prng.int(0, 2); n > 0; n--) lines.push(this.pick(['', ' ', '   ', '      ', '\t']) + this.inline(3) + this.pick(['', '', '  ', '\\', ' ']));
    return lines;
  }

  fenced(): string[] {
    const marker = this.pick(['`', '~']);
    const size = this.prng.int(3, 5);
    const indent = this.indent(3);
    const lines = [`${indent}${marker.repeat(size)}${this.pick(['', 'json', ' ts x', 'a`b', ' ~'])}`];
    for (let n = this.prng.int(0, 3); n > 0; n--) lines.push(this.pick(['', '  ', '# not', '[c](z.md)', 'FIX7-P0-A-1', '\tx', marker.repeat(size - 1), `${marker.repeat(size)} x`]));
    if (this.chance(0.8)) lines.push(`${this.indent(4)}${marker.repeat(this.prng.int(size - 1, size + 1))}${this.pick(['', '  ', ' x'])}`);
    return lines;
  }

  html(): string[] {
    switch (this.prng.int(0, 7)) {
      case 0:
        return [`${this.indent(3)}<div${this.pick(['', ' class="a"', '/>', ' x'])}>`, this.inline(2), this.pick(['</div>', '', '  '])];
      case 1:
        return [`<script>`, `var a = "[x](y.md)";`, this.pick(['</script>', '</SCRIPT> tail', ''])];
      case 2:
        return [`<?php ${this.inline(1)} ${this.pick(['?>', ''])}`];
      case 3:
        return [`<![CDATA[ ${this.inline(1)} ${this.pick([']]>', ']]]>', ']]]]>', ''])}`];
      case 4:
        return [`<!DOCTYPE html${this.pick(['>', ''])}`];
      case 5:
        return [`${this.pick(['<span class="x">', '<a href=\'b\' c=d e>', '</em>', '<x-y/>', '<a b=c=d>'])}${this.pick(['', '  ', ' text'])}`, this.inline(2)];
      default:
        return [`<!--${this.pick(['', '-', '>', ' a'])}${this.pick(['-->', ' -->', '', ' b --> tail'])}`];
    }
  }

  definition(): string[] {
    const label = this.pick(LABELS);
    const dest = this.pick(DESTS.filter((d) => d !== ''));
    const title = this.pick(TITLES);
    const sep = this.pick([' ', ' ', '\n', '  \n  ', '']);
    return `${this.indent(3)}[${label}]:${sep}${dest}${title}${this.pick(['', '  ', ' x'])}`.split('\n');
  }

  list(depth: number): string[] {
    const marker = this.pick(['-', '*', '+', '1.', '2)', '1)', '10.', '1234567890.']);
    const space = this.pick([' ', ' ', '  ', '\t', '', '     ']);
    const body = this.blocks(depth + 1, this.prng.int(1, 3));
    const width = marker.length + (space === '\t' ? 2 : space.length);
    const out: string[] = [];
    body.forEach((line, i) => {
      if (i === 0) out.push(`${this.indent(2)}${marker}${space}${line}`);
      else out.push(`${this.chance(0.85) ? ' '.repeat(width) : this.pick(['', '  ', '\t'])}${line}`);
    });
    if (this.chance(0.4)) out.push(`${marker}${space}${this.inline(2)}`);
    return out;
  }

  quote(depth: number): string[] {
    const body = this.blocks(depth + 1, this.prng.int(1, 3));
    return body.map((line) => (this.chance(0.85) ? this.pick(['> ', '>', '> ', ' > ', '>\t', '>> ']) : '') + line);
  }

  inline(count: number): string {
    const parts: string[] = [];
    for (let n = this.prng.int(1, count); n > 0; n--) parts.push(this.fragment(2));
    return parts.join(this.pick([' ', ' ', '', '  ']));
  }

  fragment(depth: number): string {
    switch (this.prng.int(0, depth > 0 ? 17 : 6)) {
      case 0:
      case 1:
        return this.pick(WORDS);
      case 2:
        return this.pick(PUNCT);
      case 3: {
        const ticks = '`'.repeat(this.prng.int(1, 3));
        return `${ticks}${this.pick(['code', ' a ', '`', 'x``y', ' ', '[a](b)', '<!-- c -->'])}${this.chance(0.8) ? '`'.repeat(this.prng.int(1, 3)) : ''}`;
      }
      case 4:
        return this.pick(ENTITIES);
      case 5:
        return `\\${this.pick(['*', '[', ']', '`', '\\', '<', '!', 'a', '#', '_'])}`;
      case 6:
        return this.pick(['*', '_', '**', '***', '__', '*a*', '_b_', '**c**', 'snake_case_word', '*x _y* z_']);
      case 7:
      case 8:
        return `[${this.inline(2)}](${this.pick(['', ' ', '\n'])}${this.pick(DESTS)}${this.pick(TITLES)}${this.pick(['', ' ', '\n '])})`;
      case 9:
        return `![${this.chance(0.5) ? this.fragment(depth - 1) : 'alt'}](${this.pick(DESTS)}${this.pick(TITLES)})`;
      case 10:
        return `[${this.fragment(depth - 1)} [${this.fragment(depth - 1)}](${this.pick(DESTS)})]${this.pick(['', '(outer.md)', '[ref]', '[]'])}`;
      case 11:
        return this.pick(['[ref]', '[Ref][]', '[text][ref]', '[text][nope]', '![img][ref]', '[a b]', '[ref](', '[x][ref](y)', '[a\nb]', '[text][ref][other]']);
      case 12:
        return this.pick(['<https://example.com/a.md>', '<a@b.co>', '<mailto:x>', '<a:b>', '<http://x y>', '<ab+c:d>', '<foo@bar>', '<@x>']);
      case 13:
        return this.pick(['<span class="FIX7-P0-A-1">in</span>', '<b>', '</b >', '<a\nhref="x">', '<!-- c -->', '<!-->', '<!--->', '<!-- unclosed', '<?pi?>', '<!X decl>', '<![CDATA[x]]>', '<a b=c=d>', "<a b='x'/>"]);
      case 14:
        return `[${this.pick(['', ' ', 'a\n  ', '`]`', '<b>]</b>', '\\]', '![i](j)'])}](${this.pick(DESTS)})`;
      case 15:
        return this.chance(0.05) ? `[${'x'.repeat(this.prng.int(990, 1010))}]${this.pick(['', '(d.md)', '[ref]'])}` : this.pick(['\t', '  ', '\0', '\u00a0', '!', '[', ']', '(', ')', '<', '>']);
      default:
        return `${this.pick(['*', '**', '_'])}${this.fragment(depth - 1)}${this.pick(['*', '**', '_', ''])}`;
    }
  }
}
