/**
 * The prefilter (server/src/core/grants/prefilter.ts) only skips texts the detector would
 * find nothing in: the detector's answer with and without it must be identical on every
 * input we have (labelled sentences, a generated workspace, examples/, generated texts that
 * stress token boundaries), and the assumptions its soundness argument rests on are checked
 * here for every code point.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'jsonc-parser';
import { createGrantDetector, type DetectorOptions, type GrantDetector } from '../../server/src/core/grants/detector';
import { createFragmentFinder, fragmentsOf, isWordCodePoint, textFragments } from '../../server/src/core/grants/fragments';
import { compileLexicon, phrasesOf } from '../../server/src/core/grants/lexicon';
import { compilePrefilter } from '../../server/src/core/grants/prefilter';
import { tokenize } from '../../server/src/core/grants/tokens';
import { readTree } from '../helpers/tree';
import { DEFAULT_VOCABULARY, extendVocabulary } from '../../server/src/core/grants/vocabulary';
import { parseJson, stringSegment } from '../../server/src/core/parse/json';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { Prng } from '../../tools/prng';
import { generateWorkspace } from '../../tools/kbGenerator';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPORA = [path.join(repoRoot, 'test/fixtures/corpus/grant-sentences.dev.jsonl'), path.join(repoRoot, 'test/fixtures/corpus/grant-sentences.heldout.jsonl')];

/** Words that exist only in this extension: without it the default vocabulary claims nothing here. */
const EXTENSION: DetectorOptions = {
  // ασ'α: lower-cased whole, Σ before an apostrophe is σ; the run ΑΣ alone would lower-case to ας.
  actionAliases: { cutover: ['changeover'], 'DNS-flip': ['dns flip', 'dns_flip', "ασ'α"] },
  grantCues: ['blessed', 'rubber-stamped'],
  performanceCues: ['zapped'],
  grantedStatuses: ['peachy keen'],
  notGrantedStatuses: ['parked'],
};

interface Pair {
  readonly filtered: GrantDetector;
  readonly unfiltered: GrantDetector;
}

function pair(options?: DetectorOptions): Pair {
  return { filtered: createGrantDetector(options), unfiltered: createGrantDetector(options, { prefilter: false }) };
}

const DEFAULT = pair();
const EXTENDED = pair(EXTENSION);

interface Outcome {
  /** Inputs with claims. */
  readonly claims: number;
  /** Inputs the fragment check skips, and of the rest those the token check skips. */
  readonly skipped: number;
  readonly skippedOnTokens: number;
}

/** Compares both paths on every input, and counts what each stage of the prefilter skipped. */
function compare(p: Pair, inputs: readonly string[], options?: DetectorOptions): Outcome {
  const lex = compileLexicon(extendVocabulary(DEFAULT_VOCABULARY, options));
  const mayClaim = compilePrefilter(lex);
  let claims = 0;
  let skipped = 0;
  let skippedOnTokens = 0;
  for (const text of inputs) {
    const expected = p.unfiltered(text);
    assert.deepEqual(p.filtered(text), expected, `different claims for ${JSON.stringify(text)}`);
    if (expected.length > 0) claims++;
    if (!mayClaim.text(text)) skipped++;
    else if (!mayClaim.tokens(tokenize(text, lex.singleTokens))) skippedOnTokens++;
  }
  return { claims, skipped, skippedOnTokens };
}

function sentences(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** What the analyzer gives the detector: each prose block of a note, each string value of a packet document. */
function detectorInputs(files: Iterable<[string, string]>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    if (file.split('/').some((part) => part.startsWith('.'))) continue;
    if (file.endsWith('.md')) {
      const md = parseMarkdown(text);
      for (const block of md.blocks) out.push(md.prose.slice(block.start, block.end));
    } else if (file.endsWith('.json')) {
      const visit = (node: Node): void => {
        if (node.type === 'string') out.push(stringSegment(text, node).text);
        else if (node.type === 'property') {
          const value = node.children?.[1];
          if (value) visit(value);
        } else for (const child of node.children ?? []) visit(child);
      };
      const root = parseJson(text).root;
      if (root) visit(root);
    }
  }
  return out;
}

/** The generated notes' negated and withheld wording turned into assertions, so realistic text holds claims too. */
function asserted(text: string): string {
  return text
    .replace(/\bBLOCKED\b|\bHOLD\b|\bTBD\b|\bFAIL\b/g, 'AUTHORIZED')
    .replace(/\b(stays |remain |remains )?withheld\b/gi, 'granted')
    .replace(/\b[Nn]o (?=production|PG|CI|REAL_RUN|QT001|permit|secrets)/g, '')
    .replace(/\b(does|do|was|were|is) not\b/g, '$1')
    .replace(/\bnot\b/gi, 'now')
    .replace(/\bonly after\b/g, 'and');
}

let workspaceInputs: string[] | undefined;
function workspace(): string[] {
  workspaceInputs ??= detectorInputs(generateWorkspace({ docs: 400, seed: 1 }).files);
  return workspaceInputs;
}

test('labelled sentences: the same claims with and without the prefilter, sentence by sentence', () => {
  const inputs = CORPORA.flatMap(sentences);
  assert.ok(inputs.length > 150, `only ${inputs.length} labelled sentences`);
  for (const options of [undefined, EXTENSION]) {
    const { claims, skipped, skippedOnTokens } = compare(options ? EXTENDED : DEFAULT, inputs, options);
    assert.ok(claims > 90, `${claims} sentences with claims`);
    assert.ok(skipped > 0 && skippedOnTokens > 0, `skipped ${skipped} + ${skippedOnTokens}: the prefilter is not exercised`);
  }
});

test('a generated workspace (400 documents) and examples/: the same claims on every block and string', () => {
  const generated = workspace();
  const examples = detectorInputs(Object.entries(readTree(path.join(repoRoot, 'examples'))));
  assert.ok(generated.length > 10_000 && examples.length > 100);
  const plain = compare(DEFAULT, [...generated, ...examples]);
  // Most blocks name no production action with a cue: that is what the prefilter saves.
  assert.ok(plain.skipped > generated.length / 2, `only ${plain.skipped} of ${generated.length} inputs skipped`);
  assert.ok(plain.skippedOnTokens > 0, 'the token check skipped nothing');
  const turned = [...new Set([...generated, ...examples].map(asserted))];
  const { claims } = compare(DEFAULT, turned);
  assert.ok(claims > 50, `only ${claims} generated inputs turned into claims`);
  compare(EXTENDED, turned, EXTENSION);
});

test('a user vocabulary extension: the prefilter reads its words, and both paths agree', () => {
  const defaults = compilePrefilter(compileLexicon(DEFAULT_VOCABULARY));
  const lex = compileLexicon(extendVocabulary(DEFAULT_VOCABULARY, EXTENSION));
  const extended = compilePrefilter(lex);
  const texts = [
    'The changeover was blessed by the owner.',
    'DNS flip rubber-stamped.',
    'dns_flip zapped last night.',
    'Changeover: peachy keen',
    'Production: peachy keen',
    'Production zapped.',
    "ΑΣ'Α approved.",
  ];
  for (const text of texts) {
    assert.equal(defaults.text(text), false, `the default vocabulary should not pass ${JSON.stringify(text)}`);
    assert.equal(extended.text(text), true, `the extension's words should pass ${JSON.stringify(text)}`);
    assert.equal(extended.tokens(tokenize(text, lex.singleTokens)), true, `the extension's words should pass ${JSON.stringify(text)} on tokens`);
    assert.notDeepEqual(EXTENDED.filtered(text), [], `no claim in ${JSON.stringify(text)}`);
  }
  assert.deepEqual(EXTENDED.filtered('Changeover: parked'), []);
  assert.deepEqual(EXTENDED.filtered('The changeover was blessed by the owner.').map((c) => c.action), ['cutover']);
  compare(EXTENDED, texts, EXTENSION);
});

/** Texts built from the vocabulary's own phrases, glued with every joiner the tokenizer knows, in odd cases and scripts. */
function stressTexts(count: number, seed: number): string[] {
  const prng = new Prng(seed);
  const lex = compileLexicon(extendVocabulary(DEFAULT_VOCABULARY, EXTENSION));
  // Actions and cues drawn apart, so that many texts put one next to the other and hold a claim.
  const pools: string[][] = [[], [], []];
  for (const { words, tags } of [...phrasesOf(lex.main), ...phrasesOf(lex.status)]) {
    const kinds = tags.map((t) => t.kind);
    const pool = kinds.some((k) => k === 'action' || k === 'prodWord' || k === 'prodModifier') ? 0 : kinds.some((k) => k === 'cue' || k === 'modal') ? 1 : 2;
    pools[pool]?.push(words.join(' '));
  }
  const filler = ['the owner', 'REAL_RUN', 'no-production', 'FIX7-P0-PROD-1', 'mutation-inventory.json', 'PC-7', 'TKT-OBJ-442..461', '2026-06-12', 'lane', 'GPT-delegated'];
  const joiners = [' ', ' ', ' ', '-', '/', '+', '_', "'", '’', '.', '..', ': ', ' — ', ', ', '; ', '\n', '\n\n- ', ' | ', ' = '];
  const odd = ['Σ', 'ς', 'İ', '\u212a', '\u0301', '𝐀', '\ud800', '\u00a0', '…', '“', 'ǅ'];
  const cased = (w: string): string => {
    const r = prng.next();
    if (r < 0.25) return w.toUpperCase();
    if (r < 0.45) return w.charAt(0).toUpperCase() + w.slice(1);
    if (r < 0.5) return `_${w}_`;
    if (r < 0.55) return `**${w}**`;
    if (r < 0.6) return w.replace(/k/g, '\u212a').replace(/s/g, 'Σ');
    return w;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    for (let k = prng.int(1, 7); k > 0; k--) {
      const piece = prng.chance(0.15) ? prng.pick(filler) : prng.pick(prng.pick(pools));
      text += cased(piece) + (prng.chance(0.1) ? prng.pick(odd) : '') + prng.pick(joiners);
    }
    out.push(prng.chance(0.5) ? `${text.trim()}.` : text);
  }
  return out;
}

test('texts that stress token boundaries, case and scripts: the same claims with and without the prefilter', () => {
  const texts = stressTexts(6000, 6);
  const plain = compare(DEFAULT, texts);
  const extended = compare(EXTENDED, texts, EXTENSION);
  for (const { claims, skipped, skippedOnTokens } of [plain, extended]) {
    assert.ok(claims > 600 && skipped > 600 && skippedOnTokens > 100, `claims ${claims}, skipped ${skipped} + ${skippedOnTokens}: the texts no longer exercise every path`);
  }
});

test('the fast fragment scan finds exactly the fragments the definition gives', () => {
  const known = [
    ...new Set([
      ...[...phrasesOf(compileLexicon(DEFAULT_VOCABULARY).main)].flatMap((p) => p.words.flatMap(fragmentsOf)),
      'σωστό', 'i̇stanbul', 'kelvin', 'σ', 'aς', 'é', '𝐚', 'real_run',
    ]),
  ];
  const find = createFragmentFinder(known);
  const inputs = [...CORPORA.flatMap(sentences), ...workspace().slice(0, 3000), ...stressTexts(3000, 7), 'ΣΩΣΤΌ İstanbul \u212aelvin 𝐀𝐚 _é_ __ AΣ'];
  for (const text of inputs) {
    const expected = [...new Set(textFragments(text).filter((f) => known.includes(f)))].sort();
    const found = find(text).map((i) => known[i] ?? '').sort();
    assert.deepEqual(found, expected, `fragments of ${JSON.stringify(text)}`);
  }
});

test('lower-casing, code point by code point, keeps word characters and underscores what they were', () => {
  // What the soundness argument in prefilter.ts assumes of String.prototype.toLowerCase.
  const word = /^[\p{L}\p{M}\p{N}_]$/u;
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const c = String.fromCodePoint(cp);
    const lower = c.toLowerCase();
    assert.equal(word.test(c), isWordCodePoint(cp));
    for (const d of lower) if (word.test(d) !== word.test(c)) assert.fail(`U+${cp.toString(16)} lower-cases across the word/non-word line`);
    if (lower.includes('_') !== (cp === 0x5f)) assert.fail(`U+${cp.toString(16)} lower-cases to or from an underscore`);
    if (cp === 0x3a3) continue; // Σ: σ or final ς, folded by the prefilter
    if (`A${c}A`.toLowerCase() !== `a${lower}a` || `A${c}`.toLowerCase() !== `a${lower}` || ` ${c}`.toLowerCase() !== ` ${lower}`) {
      assert.fail(`U+${cp.toString(16)} lower-cases differently in context`);
    }
  }
});
