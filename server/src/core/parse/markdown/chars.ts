/**
 * Character classes of the Markdown scanner, on UTF-16 code units as micromark reads them
 * (an astral character is two units, neither of them punctuation nor whitespace).
 */

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;

export function isLineEnding(code: number): boolean {
  return code === LF || code === CR;
}

/** Space or tab: micromark's `markdownSpace`. */
export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Space, tab or line ending: micromark's `markdownLineEndingOrSpace`. */
export function isWhitespace(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === CR;
}

export function isAsciiAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiAlpha(code) || isAsciiDigit(code);
}

export function isAsciiHexDigit(code: number): boolean {
  return isAsciiDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** ASCII control characters (tab and line endings included). NUL is not one: micromark reads it as U+FFFD. */
export function isAsciiControl(code: number): boolean {
  return (code < 32 && code !== 0) || code === 127;
}

/** `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`: what a backslash escapes. */
export function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** The characters of an e-mail autolink's local part: micromark's `asciiAtext` (which, unlike RFC 5322, leaves out `!`). */
export function isAsciiAtext(code: number): boolean {
  return (code >= 35 && code <= 39) || code === 42 || code === 43 || (code >= 45 && code <= 57) || code === 61 || code === 63 || (code >= 65 && code <= 90) || (code >= 94 && code <= 126);
}

const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/** Emphasis flanking classes (micromark's `classifyCharacter`): 1 whitespace, 2 punctuation, 0 other. NaN (no character) is whitespace. */
export function flankingClass(code: number): 0 | 1 | 2 {
  if (Number.isNaN(code) || code === SPACE || code === TAB || code === LF || code === CR) return 1;
  // NUL is read as U+FFFD, a symbol; vertical tab and form feed are JavaScript whitespace.
  if (code < 128) return code === 0 || isAsciiPunctuation(code) ? 2 : code === 11 || code === 12 ? 1 : 0;
  const char = String.fromCharCode(code);
  if (UNICODE_WHITESPACE.test(char)) return 1;
  return UNICODE_PUNCTUATION.test(char) ? 2 : 0;
}

/** JavaScript's `\s`, which the destination finder (kept from the mdast implementation) skips. */
export function isJsWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
