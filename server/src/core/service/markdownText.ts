/**
 * Text from documents shown in Markdown hovers. Only what Markdown would act on in that
 * position is escaped: clients that show the Markdown source (eglot, in a plain buffer)
 * display every backslash, so `(birth_registry` and `owner + operator` must stay as written.
 */

// CommonMark's flanking rules: a delimiter run between two of these cannot open or close emphasis.
const WORD = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;
// Only ASCII punctuation can be backslash-escaped; a backslash before anything else is shown as is.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
// After `<`: the start of an HTML tag, comment, declaration, processing instruction or autolink.
const TAG_START = /[A-Za-z/!?]/;

const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);

/** One line: Markdown reads CR, LF and CRLF alike as line endings. */
const oneLine = (text: string) => text.replace(/\r\n?|\n/g, ' ');

/**
 * Text inside a line: after other text, inside `**…**`, in a list item. The characters
 * before and after it are not known, so a delimiter at either end is escaped.
 */
export function md(text: string): string {
  const s = oneLine(text);
  let out = '';
  for (let i = 0; i < s.length; ) {
    const c = s[i] as string;
    if (c === '*' || c === '~' || c === '_') {
      // A run of equal delimiters is escaped or kept as a whole, as CommonMark reads it as one.
      let end = i + 1;
      while (s[end] === c) end++;
      const run = s.slice(i, end);
      out += delimiterRunIsText(c, s[i - 1], s[end]) ? run : run.replace(/./g, '\\$&');
      i = end;
      continue;
    }
    if (needsEscape(s, i, c)) out += '\\';
    out += c;
    i++;
  }
  return out;
}

/** Whether a run of `c` between `before` and `after` (undefined: the edge of the text) can neither open nor close emphasis. */
function delimiterRunIsText(c: string, before: string | undefined, after: string | undefined): boolean {
  if (isSpace(before) && isSpace(after)) return true;
  // `*` (and GFM's `~`) can open and close inside a word; `_` cannot.
  return c === '_' && isWord(before) && isWord(after);
}

function needsEscape(s: string, i: number, c: string): boolean {
  const next = s[i + 1];
  switch (c) {
    case '`':
      return true;
    case '\\':
      return next === undefined || ASCII_PUNCTUATION.test(next);
    case ']':
      // `[text](target)` is the only link that needs no definition elsewhere, and hovers have none.
      return next === undefined || next === '(';
    case '<':
      return next === undefined || TAG_START.test(next);
    case '&':
      return ENTITY.test(s.slice(i, i + 40));
    default:
      return false;
  }
}

// What an escaped first character keeps from starting a heading, quote, bullet, rule or link definition.
const BLOCK_STARTS = [/^#{1,6}(?:[ \t]|$)/, /^>/, /^[-+](?:[ \t]|$)/, /^-(?:[ \t]*-){2,}[ \t]*$/, /^\[[^\]]*\]:/];

/**
 * Text that is a paragraph of its own (between blank lines): also escapes what would make
 * its start a heading, quote, list item, rule or link definition instead of a paragraph.
 */
export function mdBlock(text: string): string {
  // Leading blanks would make an indented code block; a paragraph drops them anyway.
  const s = md(oneLine(text).replace(/^[ \t]+/, ''));
  if (BLOCK_STARTS.some((start) => start.test(s))) return `\\${s}`;
  const ordered = /^[0-9]{1,9}(?=[.)](?:[ \t]|$))/.exec(s);
  if (ordered) return `${ordered[0]}\\${s.slice(ordered[0].length)}`;
  return s;
}

/** Text in a GFM table cell: inline text, where `|` would end the cell. */
export function mdCell(text: string): string {
  return md(text).replace(/\|/g, '\\|');
}

/**
 * Text shown as a code span, exactly (CommonMark's rules): the fence is one backtick longer than
 * the longest run of backticks in the text, so no run inside can close it, and a space pads a
 * text that starts or ends with a backtick (or with spaces at both ends), as the reader strips
 * one space from each side. Line breaks become spaces, as in any code span.
 */
export function code(text: string): string {
  const flat = oneLine(text);
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A Markdown link whose label is shown as code. The destination is percent-encoded where a
 * character would end it or be read as Markdown (brackets, parentheses, angle brackets,
 * backticks, quotes, backslashes, spaces, controls): a file name cannot close the link and
 * start one of its own.
 */
export function codeLink(label: string, uri: string): string {
  return `[${code(label)}](${percentEncoded(uri, URI_DESTINATION_SPECIALS)})`;
}

const URI_DESTINATION_SPECIALS = '()[]<>`"\'\\';

/** `text` with spaces, controls and each of `specials` percent-encoded (`%20`), for a link destination. */
export function percentEncoded(text: string, specials: string): string {
  let out = '';
  for (const c of text) {
    const n = c.charCodeAt(0);
    out += n <= 0x20 || n === 0x7f || specials.includes(c) ? `%${n.toString(16).toUpperCase().padStart(2, '0')}` : c;
  }
  return out;
}
