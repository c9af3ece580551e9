import { count } from '../limits';

/**
 * Text quoted from a document into a message, cut in the middle when long. The diagnostic's
 * range already shows the whole of it; a message that repeats a 24 KB path (or a thousand of
 * them, one per finding) only costs memory and hides what it says.
 */
export function excerpt(text: string, max = 120): string {
  if (text.length <= max) return text;
  const head = cutPoint(text, Math.ceil(max * 0.6));
  const tail = cutPoint(text, text.length - Math.floor(max * 0.3));
  return `${text.slice(0, head)}…${text.slice(tail)} (${count(text.length)} characters)`;
}

/** `at`, moved back off the middle of a surrogate pair, so no half character is shown. */
function cutPoint(text: string, at: number): number {
  const code = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff ? at - 1 : at;
}
