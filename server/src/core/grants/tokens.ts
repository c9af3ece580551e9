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
// Module-level and driven by exec/lastIndex: matchAll would clone the regular expression on every call.
const RAW = /[\p{L}\p{M}\p{N}_]+(?:(?:\.\.?|[-/'’+])[\p{L}\p{M}\p{N}_]+)*|[^\s\p{L}\p{M}\p{N}_]/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const NUMBER = /^\p{N}+(?:[-/.:,+]+\p{N}+)*(?:st|nd|rd|th|h|m|s|z)?$/u;
const FILE_EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,9}$/;
// What a file name ends with; "he2.staging" and "db.prod.payx" are hosts.
const DOCUMENT_EXTENSION = /\.(?:md|json|jsonl|txt|ya?ml|log|csv|sql|sh|py|ts|js|html?|pdf|png|jpe?g|toml|xml|tar|gz|zip)$/i;

const HAS_LOWER = /\p{Ll}/u;
const SNAKE_PAIR = /^[a-z]+_[a-z]+$/;
// "CUTOVER_COMPLETE", "REPOINT_DONE": an upper-case status value naming a step and its outcome.
const UPPER_STATUS = /^[A-Z]+_(?:COMPLETE|COMPLETED|DONE|APPROVED|GRANTED|AUTHORIZED|AUTHORISED|APPLIED|EXECUTED|PERFORMED)$/;
const HAS_LETTER = /\p{L}/u;
const CAPITAL = /^\p{Lu}/u;
const UNDERSCORE = 0x5f;

// The regular expressions above restricted to ASCII, for the common case: the tokenizer runs
// on every prose block that passes the prefilter, and these tests dominated its profile.
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

export function normalizeWord(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower;
}

export function tokenize(text: string, singleTokens: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  let last = 0;
  RAW.lastIndex = 0;
  for (let m = RAW.exec(text); m !== null; m = RAW.exec(text)) {
    const start = m.index;
    const raw = m[0];
    let newlines = 0;
    for (let i = last; i < start; i++) if (text.charCodeAt(i) === 10) newlines++;
    last = start + raw.length;
    if (!isWordChar(raw)) {
      out.push(make(raw, normalizeWord(raw), start, 'punct', newlines, false));
      continue;
    }
    emitWord(out, raw, start, newlines, singleTokens, text);
  }
  return out;
}

/**
 * `WORD_CHAR.test(raw.charAt(0))`: the first code unit only, so a word opening with an astral
 * letter is punctuation, as it always was.
 */
function isWordChar(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c < 128 ? ASCII_WORD[c] === 1 : WORD_CHAR.test(raw.charAt(0));
}

function make(raw: string, norm: string, start: number, kind: TokenKind, newlines: number, inCompound: boolean): Token {
  let ascii = true;
  let letter = false;
  let lower = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 97 && c <= 122) letter = lower = true;
    else if (c >= 65 && c <= 90) letter = true;
  }
  const first = raw.charCodeAt(0);
  return {
    start,
    end: start + raw.length,
    raw,
    norm,
    kind,
    upper: ascii ? letter && !lower : HAS_LETTER.test(raw) && !HAS_LOWER.test(raw),
    capital: ascii ? first >= 65 && first <= 90 : CAPITAL.test(raw),
    inCompound,
    newlines,
  };
}

/** `NUMBER.test(raw)`, without the regular expression when the first character rules it out. */
function isNumber(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return (c < 128 && (c < 48 || c > 57)) ? false : NUMBER.test(raw);
}

function emitWord(out: Token[], rawIn: string, startIn: number, newlines: number, single: ReadonlySet<string>, text: string): void {
  // Markdown emphasis (_word_) glues underscores to the word; they are not part of it.
  let lead = 0;
  while (lead < rawIn.length && rawIn.charCodeAt(lead) === UNDERSCORE) lead++;
  let trail = 0;
  while (trail < rawIn.length && rawIn.charCodeAt(rawIn.length - 1 - trail) === UNDERSCORE) trail++;
  if (lead + trail >= rawIn.length) return;
  const raw = lead + trail === 0 ? rawIn : rawIn.slice(lead, rawIn.length - trail);
  const start = startIn + lead;
  const norm = normalizeWord(raw);
  if (single.has(norm)) return void out.push(make(raw, norm, start, 'word', newlines, false));
  if (isNumber(raw)) return void out.push(make(raw, norm, start, 'number', newlines, false));
  if (raw.indexOf('.') > 0 && FILE_EXTENSION.test(raw)) {
    // A file name is opaque; a host ("he2.staging", "db.prod.payx") reads as the place it names.
    const place = DOCUMENT_EXTENSION.test(raw) ? undefined : systemPlace(raw);
    if (!place) return void out.push(make(raw, norm, start, 'opaque', newlines, false));
    if (!raw.includes('/') && !raw.includes('+')) return void out.push(make(raw, place, start, 'word', newlines, false));
  }
  if (!raw.includes('/') && !raw.includes('+')) return emitPart(out, raw, norm, start, newlines, single, text);
  // "permit/activation/repoint/cutover" is a list: each part is read, with a comma between.
  const parts = raw.split(/[/+]/);
  if (parts.some((p) => p.length === 0)) return void out.push(make(raw, norm, start, 'opaque', newlines, false));
  let offset = start;
  parts.forEach((part, i) => {
    if (i > 0) {
      out.push(make(raw.charAt(offset - start), ',', offset, 'punct', 0, false));
      offset += 1;
    }
    emitPart(out, part, normalizeWord(part), offset, i === 0 ? newlines : 0, single, text);
    offset += part.length;
  });
}

// The words after which "X's" reads as "X is" or "X has".
const CONTRACTED = new Set(['been', 'done', 'gone', 'live', 'complete', 'completed', 'finished', 'through', 'happy', 'now', 'already', 'all', 'fine']);
const MAX_CONTRACTED_LENGTH = 9;
const LETTER_OR_HYPHEN = /[A-Za-z-]/;

/** The word after offset `at` (past one run of spaces) is one of {@link CONTRACTED}; reads at most the word's length. */
function contractedBefore(text: string, at: number): boolean {
  let i = at;
  if (text.charCodeAt(i) !== 32) return false;
  while (text.charCodeAt(i) === 32) i++;
  let j = i;
  while (j < text.length && j - i <= MAX_CONTRACTED_LENGTH && LETTER_OR_HYPHEN.test(text.charAt(j))) j++;
  return CONTRACTED.has(text.slice(i, j).toLowerCase());
}

/** `norm` is `normalizeWord(raw)`, computed once by the caller. */
function emitPart(out: Token[], raw: string, norm: string, start: number, newlines: number, single: ReadonlySet<string>, text: string): void {
  if (single.has(norm)) return void out.push(make(raw, norm, start, 'word', newlines, false));
  if (isNumber(raw)) return void out.push(make(raw, norm, start, 'number', newlines, false));
  // A two-word key in snake case ("go_live=APPROVED", "prod_mutation: yes") is the key a log
  // line or an inline JSON object writes for "go-live", and "CUTOVER_COMPLETE" a status value;
  // other identifiers stay opaque.
  if (SNAKE_PAIR.test(raw) || UPPER_STATUS.test(raw)) {
    const cut = raw.indexOf('_');
    const hyphened = `${norm.slice(0, cut)}-${norm.slice(cut + 1)}`;
    if (single.has(hyphened)) return void out.push(make(raw, hyphened, start, 'word', newlines, false));
    out.push(make(raw.slice(0, cut), norm.slice(0, cut), start, 'word', newlines, true));
    out.push(make(raw.slice(cut + 1), norm.slice(cut + 1), start + cut + 1, 'word', 0, true));
    return;
  }
  const opaque =
    raw.includes('_') || // identifiers: APPLY_NOW, production_work_performed
    raw.includes('.') || // versions, hosts, abbreviations
    (!hasLower(raw) && raw.includes('-')); // governance and local IDs: RB-PROD, FIX7-P0-...
  if (opaque) return void out.push(systemToken(raw, norm, start, newlines));
  // "the cutover's done", "the repoint's been signed off": "'s" for is or has, before a
  // participle or a state, is its own token, so the word before is looked up as itself. A
  // possessive ("the owner's OK") stays one token.
  if (norm.length > 2 && norm.endsWith("'s") && !single.has(norm) && contractedBefore(text, start + raw.length)) {
    emitPart(out, raw.slice(0, -2), norm.slice(0, -2), start, newlines, single, text);
    out.push(make(raw.slice(-2), "'s", start + raw.length - 2, 'word', 0, false));
    return;
  }
  if (!raw.includes('-')) return void out.push(make(raw, norm, start, 'word', newlines, false));
  const parts = raw.split('-');
  // Three or more parts is a slug (file or doc name), not prose.
  if (parts.length > 2 || parts.some((p) => p.length === 0)) {
    return void out.push(systemToken(raw, norm, start, newlines));
  }
  const [first = '', second = ''] = parts;
  out.push(make(first, normalizeWord(first), start, isNumber(first) ? 'number' : 'word', newlines, true));
  out.push(make(second, normalizeWord(second), start + first.length + 1, isNumber(second) ? 'number' : 'word', 0, true));
}

// A system's name with a "prod" part ("pg-prod-ledger", "db.prod.payx") names production, unless
// another part places it outside ("pg-prod-clone") or names a document ("prod-readiness-map").
const PROD_PARTS = new Set(['prod', 'prd']);
const NOT_PRODUCTION_PARTS = new Set([
  'staging', 'stage', 'stg', 'dev', 'test', 'tests', 'sandbox', 'replica', 'replicas', 'clone', 'copy', 'qa', 'uat', 'preprod', 'demo',
  'shadow', 'mock', 'dryrun', 'rehearsal', 'drill', 'readiness', 'blocker', 'blockers', 'map', 'checklist', 'lock', 'inventory', 'design',
  'reservations', 'packet', 'note', 'notes', 'kb', 'doc', 'docs', 'runbook', 'plan', 'template', 'example', 'fixture', 'fixtures',
]);

// "he2.staging", "pg-sched-stg", "pg-prod-orders-clone": a system's name placed outside production reads as the place it names.
const OUTSIDE_PARTS = new Set(['staging', 'stage', 'stg', 'dev', 'sandbox', 'sbx', 'lab', 'uat', 'qa', 'preprod', 'sim', 'test', 'clone', 'replica', 'shadow', 'mock', 'dryrun', 'rehearsal', 'drill']);

/** An opaque word, or the place a system's name stands for: "prod" for production, "staging" for a place outside it. */
function systemToken(raw: string, norm: string, start: number, newlines: number): Token {
  const place = systemPlace(raw);
  return place ? make(raw, place, start, 'word', newlines, false) : make(raw, norm, start, 'opaque', newlines, false);
}

/** A lower-case slug or host name (IDs are upper case), split on "-" and ".": production with a "prod" part and no part that says otherwise, outside it with a part that places it there. */
function systemPlace(raw: string): 'prod' | 'staging' | undefined {
  if (raw !== raw.toLowerCase()) return undefined;
  const parts = raw.split(/[-.]/);
  if (parts.length < 2) return undefined;
  if (parts.some((p) => OUTSIDE_PARTS.has(p))) return 'staging';
  // A document's or a test's name with a "prod" part is neither place.
  if (parts.some((p) => PROD_PARTS.has(p))) return parts.some((p) => NOT_PRODUCTION_PARTS.has(p)) ? undefined : 'prod';
  return undefined;
}

/** `HAS_LOWER.test(raw)`, by a loop when `raw` is ASCII. */
function hasLower(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128) return HAS_LOWER.test(raw);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** Quote marks that open a quotation, as tokens; and those that close one (a straight quote does both). */
export const OPENING_QUOTES: ReadonlySet<string> = new Set(['"', '“', "'", '‘']);
export const CLOSING_QUOTES: ReadonlySet<string> = new Set(['"', '”', "'", '’']);
