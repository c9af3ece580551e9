import type { Span } from '../types';

/**
 * A piece of text to scan and the way back to document offsets. Markdown prose is the
 * document itself with non-prose blanked (identity mapping); a JSON string is its
 * decoded value, whose offsets shift wherever an escape stood.
 */
export interface Segment {
  text: string;
  /** Document offset of `text[index]`; `index === text.length` gives the end offset. */
  offsetOf(index: number): number;
}

export function identitySegment(text: string): Segment {
  return { text, offsetOf: (i) => i };
}

export function toSpan(segment: Segment, start: number, end: number): Span {
  return { start: segment.offsetOf(start), end: segment.offsetOf(end) };
}
