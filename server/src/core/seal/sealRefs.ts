import type { Node } from 'jsonc-parser';
import type { DocumentFacts } from '../facts/types';
import { parseJson, stringSegment } from '../parse/json';
import { parseMarkdown } from '../parse/markdown';
import type { Segment } from '../scan/segment';
import type { Span } from '../types';

/** A seal statement (spec §8): `packet tree 72b24b8a…`, `tree <hex>`, `sealed at <hex>`. */
export interface SealRef {
  /** The hex digits as written. */
  hex: string;
  /** The hex digits: where the finding goes. */
  span: Span;
  /** The whole statement, keyword and elision included. */
  statement: Span;
  /** Followed by `…` or `...`: the writer said it is a prefix (every stated id is compared as one). */
  elided: boolean;
  /** Notes only: the sentence and the paragraph it stands in, where the sealed packet may be named. */
  sentence?: Span;
  paragraph?: Span;
}

// A keyword not inside a longer word ("subtree"), 7 to 64 hex digits not running on into a
// longer word, an optional elision. Case-insensitive: "Tree 72B2…" at a sentence's start too.
const SEAL = /(?<![\p{L}\p{N}_-])(?:packet\s+)?(?:tree|sealed\s+at)\s+([0-9a-f]{7,64})(?![\p{L}\p{N}_])(…|\.\.\.)?/giu;
// Cheap test before a document is parsed again: most documents state no seal.
const MAYBE = /(?:tree|sealed\s+at)\s+[0-9a-f]{7}/i;
// An all-letter run ("tree defaced", "tree accede") is a word, not an id: git ids of 7 or more
// digits hold a decimal digit but for about one in a thousand.
const DIGIT = /[0-9]/;

/**
 * Seals are read from the document's text again instead of from its facts: only documents that
 * pass the cheap test are parsed a second time, and the facts' shape stays as it is. Facts are
 * immutable per version, so a WeakMap on them never serves a stale answer.
 */
const cache = new WeakMap<DocumentFacts, readonly SealRef[]>();

/** The seals of a document: in a note's prose, in a packet document's string values (never keys). */
export function sealRefsOf(facts: DocumentFacts): readonly SealRef[] {
  let refs = cache.get(facts);
  if (!refs) {
    // Read as `'broken' in facts`, so it holds whether or not every kind of facts has the field.
    const broken = 'broken' in facts && facts.broken;
    refs = broken || facts.tooLarge || !MAYBE.test(facts.text) ? [] : facts.kind === 'note' ? noteSeals(facts.text) : jsonSeals(facts.text);
    cache.set(facts, refs);
  }
  return refs;
}

function scan(segment: Segment, found: SealRef[]): void {
  for (const m of segment.text.matchAll(SEAL)) {
    const hex = m[1] ?? '';
    if (!DIGIT.test(hex)) continue;
    const at = m.index ?? 0;
    const hexAt = at + m[0].length - hex.length - (m[2]?.length ?? 0);
    const span = { start: segment.offsetOf(hexAt), end: segment.offsetOf(hexAt + hex.length) };
    found.push({ hex, span, statement: { start: segment.offsetOf(at), end: segment.offsetOf(at + m[0].length) }, elided: m[2] !== undefined });
  }
}

function noteSeals(text: string): SealRef[] {
  const markdown = parseMarkdown(text);
  // Code, HTML and link targets are blanked in the prose, offsets unchanged.
  const prose = markdown.prose;
  const found: SealRef[] = [];
  scan({ text: prose, offsetOf: (i) => i }, found);
  // Seals, blocks and sentence ends all come in document order: one forward pass over each, so
  // a line of a hundred thousand seals costs its length, not its length squared.
  let block = 0;
  SENTENCE_END.lastIndex = 0;
  let nextEnd = SENTENCE_END.exec(prose);
  let lastEnd = -1;
  for (const ref of found) {
    const at = ref.span.start;
    while (block < markdown.blocks.length && (markdown.blocks[block]?.end ?? 0) < at) block++;
    const candidate = markdown.blocks[block];
    const paragraph = candidate && candidate.start <= at ? candidate : { start: at, end: ref.span.end };
    while (nextEnd && nextEnd.index < at) {
      lastEnd = nextEnd.index;
      nextEnd = SENTENCE_END.exec(prose);
    }
    const start = Math.max(paragraph.start, lastEnd + 1);
    const end = nextEnd && nextEnd.index < paragraph.end ? nextEnd.index + 1 : paragraph.end;
    ref.paragraph = paragraph;
    ref.sentence = { start, end: Math.max(end, ref.span.end) };
  }
  return found;
}

// A sentence ends at '.', '!' or '?' before white space (not the dot of "a.json", not an elision's).
const SENTENCE_END = /[.!?](?=\s)/g;

function jsonSeals(text: string): SealRef[] {
  const parsed = parseJson(text);
  const found: SealRef[] = [];
  if (!parsed.root || parsed.errors.length > 0) return found;
  // A stack, not recursion; keys are never read (spec §4), only values.
  const pending: Node[] = [parsed.root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node) break;
    if (node.type === 'string') scan(stringSegment(text, node), found);
    else if (node.type === 'property') {
      const value = node.children?.[1];
      if (value) pending.push(value);
    } else for (const child of node.children ?? []) pending.push(child);
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
