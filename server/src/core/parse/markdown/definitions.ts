/**
 * Link reference definitions (`[label]: destination "title"`), which only open a paragraph's
 * content (micromark's contentInitial): each ends at a line end, and the paragraph proper
 * starts on the line after the last one.
 */
import { isLineEnding, isWhitespace } from './chars';
import type { InlineContent } from './content';
import { decodeString, hasUnknownNamedReference } from './entities';
import { afterLineEnding, normalizeLabel, parseDestination, parseLabel, parseTitle, skipSpaces, skipWhitespace } from './linkSyntax';

/** A definition in document offsets (the mdast node's position: from `[` to the end of its last line). */
export interface DefinitionNode {
  start: number;
  end: number;
  url: string;
  /** See `InlineLinkNode.uncertain`. */
  uncertain: boolean;
}

/**
 * Reads the definitions at the start of `content`, adding them to `out` and their labels to
 * `defined`. Returns the content offset where the rest (the paragraph) starts.
 */
export function readDefinitions(content: InlineContent, defined: Set<string>, out: DefinitionNode[]): number {
  const s = content.text;
  let at = 0;
  while (at < s.length && s.charCodeAt(at) === 91) {
    const definition = parseDefinition(s, at);
    if (!definition) break;
    out.push({ start: content.at(at), end: content.endAt(definition.end), url: definition.url, uncertain: definition.uncertain });
    defined.add(normalizeLabel(definition.label));
    if (definition.end >= s.length) return s.length;
    at = skipSpaces(s, afterLineEnding(s, definition.end));
  }
  return at;
}

function parseDefinition(s: string, at: number): { end: number; label: string; url: string; uncertain: boolean } | undefined {
  const labelEnd = parseLabel(s, at);
  if (labelEnd < 0 || s.charCodeAt(labelEnd) !== 58) return undefined;
  const destination = parseDestination(s, skipWhitespace(s, labelEnd + 1), Number.POSITIVE_INFINITY);
  if (!destination) return undefined;
  const atLineEnd = (i: number) => i >= s.length || isLineEnding(s.charCodeAt(i));
  let end = -1;
  // An optional title, after whitespace (a line ending included), then nothing but spaces.
  if (isWhitespace(s.charCodeAt(destination.end))) {
    const title = parseTitle(s, skipWhitespace(s, destination.end));
    if (title > 0 && atLineEnd(skipSpaces(s, title))) end = skipSpaces(s, title);
  }
  if (end < 0) {
    end = skipSpaces(s, destination.end);
    if (!atLineEnd(end)) return undefined;
  }
  const raw = s.slice(destination.valueStart, destination.valueEnd);
  return { end, label: s.slice(at + 1, labelEnd - 1), url: decodeString(raw).replace(/\0/g, '\uFFFD'), uncertain: hasUnknownNamedReference(raw) };
}
