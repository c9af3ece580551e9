/**
 * The tokenizer was rewritten for speed (ASCII fast paths for its regular expressions, each
 * word lower-cased once): it must give exactly the tokens the regular-expression version
 * gave. That version is kept below (comments dropped) as the reference.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLexicon } from '../../server/src/core/grants/lexicon';
import { tokenize, type Token, type TokenKind } from '../../server/src/core/grants/tokens';
import { DEFAULT_VOCABULARY, extendVocabulary } from '../../server/src/core/grants/vocabulary';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { Prng } from '../../tools/prng';
import { generateWorkspace } from '../../tools/kbGenerator';

// --- the reference: server/src/core/grants/tokens.ts as of 35e0d06, with 2026-12-03's two-word snake-case keys and status values

const RAW = /[\p{L}\p{M}\p{N}_]+(?:(?:\.\.?|[-/'’+])[\p{L}\p{M}\p{N}_]+)*|[^\s\p{L}\p{M}\p{N}_]/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const NUMBER = /^\p{N}+(?:[-/.:,+]+\p{N}+)*(?:st|nd|rd|th|h|m|s|z)?$/u;
const FILE_EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,9}$/;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const CAPITAL = /^\p{Lu}/u;

function normalizeWord(raw: string): string {
  return raw.toLowerCase().replace(/[’‘]/g, "'");
}

function referenceTokenize(text: string, singleTokens: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(RAW)) {
    const start = m.index;
    const raw = m[0];
    let newlines = 0;
    for (let i = last; i < start; i++) if (text.charCodeAt(i) === 10) newlines++;
    last = start + raw.length;
    if (!WORD_CHAR.test(raw.charAt(0))) {
      out.push(make(raw, start, 'punct', newlines, false));
      continue;
    }
    emitWord(out, raw, start, newlines, singleTokens);
  }
  return out;
}

function make(raw: string, start: number, kind: TokenKind, newlines: number, inCompound: boolean): Token {
  return {
    start,
    end: start + raw.length,
    raw,
    norm: normalizeWord(raw),
    kind,
    upper: HAS_LETTER.test(raw) && !HAS_LOWER.test(raw),
    capital: CAPITAL.test(raw),
    inCompound,
    newlines,
  };
}

function emitWord(out: Token[], rawIn: string, startIn: number, newlines: number, single: ReadonlySet<string>): void {
  const lead = /^_*/.exec(rawIn)?.[0].length ?? 0;
  const trail = /_*$/.exec(rawIn)?.[0].length ?? 0;
  if (lead + trail >= rawIn.length) return;
  const raw = rawIn.slice(lead, rawIn.length - trail);
  const start = startIn + lead;
  const norm = normalizeWord(raw);
  if (single.has(norm)) return void out.push(make(raw, start, 'word', newlines, false));
  if (NUMBER.test(raw)) return void out.push(make(raw, start, 'number', newlines, false));
  if (FILE_EXTENSION.test(raw) && raw.indexOf('.') > 0) return void out.push(make(raw, start, 'opaque', newlines, false));
  if (!/[/+]/.test(raw)) return emitPart(out, raw, start, newlines, single);
  const parts = raw.split(/[/+]/);
  if (parts.some((p) => p.length === 0)) return void out.push(make(raw, start, 'opaque', newlines, false));
  let offset = start;
  parts.forEach((part, i) => {
    if (i > 0) {
      out.push({ ...make(raw.charAt(offset - start), offset, 'punct', 0, false), norm: ',' });
      offset += 1;
    }
    emitPart(out, part, offset, i === 0 ? newlines : 0, single);
    offset += part.length;
  });
}

function emitPart(out: Token[], raw: string, start: number, newlines: number, single: ReadonlySet<string>): void {
  const norm = normalizeWord(raw);
  if (single.has(norm)) return void out.push(make(raw, start, 'word', newlines, false));
  if (NUMBER.test(raw)) return void out.push(make(raw, start, 'number', newlines, false));
  if (/^[a-z]+_[a-z]+$/.test(raw) || /^[A-Z]+_(?:COMPLETE|COMPLETED|DONE|APPROVED|GRANTED|AUTHORIZED|AUTHORISED|APPLIED|EXECUTED|PERFORMED)$/.test(raw)) {
    const [first = '', second = ''] = raw.split('_');
    if (single.has(`${first}-${second}`)) return void out.push({ ...make(raw, start, 'word', newlines, false), norm: `${first}-${second}` });
    out.push(make(first, start, 'word', newlines, true));
    out.push(make(second, start + first.length + 1, 'word', 0, true));
    return;
  }
  const opaque = raw.includes('_') || raw.includes('.') || (!HAS_LOWER.test(raw) && raw.includes('-'));
  if (opaque) return void out.push(make(raw, start, 'opaque', newlines, false));
  if (!raw.includes('-')) return void out.push(make(raw, start, 'word', newlines, false));
  const parts = raw.split('-');
  if (parts.length > 2 || parts.some((p) => p.length === 0)) {
    return void out.push(make(raw, start, 'opaque', newlines, false));
  }
  const [first = '', second = ''] = parts;
  out.push(make(first, start, NUMBER.test(first) ? 'number' : 'word', newlines, true));
  out.push(make(second, start + first.length + 1, NUMBER.test(second) ? 'number' : 'word', 0, true));
}

// --- the comparison ---------------------------------------------------------------------

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const single = compileLexicon(extendVocabulary(DEFAULT_VOCABULARY, { actionAliases: { 'DNS-flip': ['dns_flip', "ασ'α", 'x.y'] } })).singleTokens;

function expectSame(texts: readonly string[]): void {
  for (const text of texts) assert.deepEqual(tokenize(text, single), referenceTokenize(text, single), `tokens of ${JSON.stringify(text)}`);
}

/** Random strings over the characters the tokenizer treats specially, in every script and case class. */
function randomTexts(count: number, seed: number): string[] {
  const prng = new Prng(seed);
  const alphabet = [
    ...'aZq09_-/+.\'’‘:;,!?()[]*`#>|"“”—–…', ' ', ' ', ' ', '\n', '\n\n', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff',
    'é', 'É', 'ß', 'Σ', 'ς', 'İ', 'ǅ', '\u212a', '\u0301', '٣', 'Ⅻ', '𝐀', '𝟘', '😀', '\ud800', '\udc00', '中',
    'production', 'PRODUCTION', 'Permit', 'REAL_RUN', 'qt001/apply', 'no-production', 'dns_flip', 'x.y', 'file.json', '12th', '2026-06-12', '03:10',
  ];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    for (let k = prng.int(0, 30); k > 0; k--) text += prng.pick(alphabet);
    out.push(text);
  }
  return out;
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

test('the same tokens as the regular-expression tokenizer on random strings of every kind of character', () => {
  expectSame(randomTexts(20_000, 1));
});

test('the same tokens on the labelled sentences and the notes of a generated workspace', () => {
  expectSame([...lines(path.join(repoRoot, 'test/fixtures/corpus/grant-sentences.dev.jsonl')), ...lines(path.join(repoRoot, 'test/fixtures/corpus/grant-sentences.heldout.jsonl'))]);
  const notes = [...generateWorkspace({ docs: 100, seed: 2 }).files].filter(([file]) => file.endsWith('.md'));
  expectSame(notes.flatMap(([, text]) => parseMarkdown(text).prose.split(/\n{2,}/)));
});
