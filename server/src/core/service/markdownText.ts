/** Text from documents shown in Markdown hovers: characters Markdown would act on are escaped. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, '\\$&').replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Text shown as a code span, exactly (CommonMark's rules): the fence is one backtick longer than
 * the longest run of backticks in the text, so no run inside can close it, and a space pads a
 * text that starts or ends with a backtick (or with spaces at both ends), as the reader strips
 * one space from each side. Line breaks become spaces, as in any code span.
 */
export function code(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
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
  return `[${code(label)}](${destination(uri)})`;
}

const DESTINATION_SPECIALS = '()[]<>`"\'\\';

function destination(uri: string): string {
  let out = '';
  for (const c of uri) {
    const n = c.charCodeAt(0);
    out += n <= 0x20 || n === 0x7f || DESTINATION_SPECIALS.includes(c) ? `%${n.toString(16).toUpperCase().padStart(2, '0')}` : c;
  }
  return out;
}
