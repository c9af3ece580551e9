/**
 * Text from the workspace (file names, JSON values, messages quoting them) as one terminal line
 * shows it: a line break would forge a finding line, and ESC, CSI and OSC sequences would reach
 * the terminal. Control characters, C1 controls, Unicode line separators and bidirectional
 * overrides are written as escapes (`\n`, `\x1b`, `\u202e`); everything else as it is.
 */
export function printable(text: string): string {
  // Nearly every text is clean: one test instead of building a copy a character at a time.
  if (!UNSAFE.test(text)) return text;
  let out = '';
  for (const c of text) {
    const n = c.charCodeAt(0);
    if (n >= 0x20 && n !== 0x7f && !(n >= 0x80 && n <= 0x9f) && !UNICODE_CONTROLS.has(n)) out += c;
    else out += NAMED[c] ?? (n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`);
  }
  return out;
}

/** Any character the loop below escapes (kept in step with it and UNICODE_CONTROLS). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]/;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Line and paragraph separators, and the bidirectional embeddings, overrides and isolates. */
const UNICODE_CONTROLS = new Set([0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
