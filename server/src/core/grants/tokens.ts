/**
 * Tokens with UTF-16 offsets into the analysed text. Identifiers, file names and slugs
 * become opaque tokens so that "FIX7-P0-PROD-OPT4-1" or "production-readiness-blocker-map"
 * are never read as the actions they spell.
 */

export type TokenKind = 'word' | 'number' | 'punct' | 'opaque';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** Lower case with straight apostrophes: the key vocabulary lookups use. */
  readonly norm: string;
  readonly kind: TokenKind;
  /** Has letters and no lower-case ones ("GO", "NOT GRANTED"). */
  readonly upper: boolean;
  readonly capital: boolean;
  /**
   * One half of a two-part hyphenated word ("GPT-delegated", "separately-authorized"): such
   * participles are adjectives, so they are never read as cues.
   */
  readonly inCompound: boolean;
  /** Newlines in the whitespace before the token; paragraphs and list items break sentences. */
  readonly newlines: number;
}

// A word may join parts with one of - / ' + or one or two dots; the joiner must be followed
// by a word character, so no two branches can match the same text (linear time).
const RAW = /[\p{L}\p{M}\p{N}_]+(?:(?:\.\.?|[-/'’+])[\p{L}\p{M}\p{N}_]+)*|[^\s\p{L}\p{M}\p{N}_]/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const NUMBER = /^\p{N}+(?:[-/.:,+]+\p{N}+)*(?:st|nd|rd|th|h|m|s|z)?$/u;
const FILE_EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,9}$/;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const CAPITAL = /^\p{Lu}/u;

export function normalizeWord(raw: string): string {
  return raw.toLowerCase().replace(/[’‘]/g, "'");
}

export function tokenize(text: string, singleTokens: ReadonlySet<string>): Token[] {
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
  // Markdown emphasis (_word_) glues underscores to the word; they are not part of it.
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
  // "permit/activation/repoint/cutover" is a list: each part is read, with a comma between.
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
  const opaque =
    raw.includes('_') || // identifiers: APPLY_NOW, production_work_performed
    raw.includes('.') || // versions, hosts, abbreviations
    (!HAS_LOWER.test(raw) && raw.includes('-')); // governance and local IDs: RB-PROD, FIX7-P0-...
  if (opaque) return void out.push(make(raw, start, 'opaque', newlines, false));
  if (!raw.includes('-')) return void out.push(make(raw, start, 'word', newlines, false));
  const parts = raw.split('-');
  // Three or more parts is a slug (file or doc name), not prose.
  if (parts.length > 2 || parts.some((p) => p.length === 0)) {
    return void out.push(make(raw, start, 'opaque', newlines, false));
  }
  const [first = '', second = ''] = parts;
  out.push(make(first, start, NUMBER.test(first) ? 'number' : 'word', newlines, true));
  out.push(make(second, start + first.length + 1, NUMBER.test(second) ? 'number' : 'word', 0, true));
}
