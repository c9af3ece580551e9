import type { Analysis } from '../analysis';
import { citedIdsOf, definitionsOf, entriesOf } from '../facts/anyKind';
import { notCancellable, throwIfCancelled, type Cancellation } from '../cancellation';
import type { DocumentFacts, Entry } from '../facts/types';
import type { Span } from '../types';
import type { Location } from './types';

export interface IdOccurrenceSite {
  facts: DocumentFacts;
  span: Span;
  /** A definition (an entry's `id`, a surface's `plan_ref`) rather than a mention. */
  definition: boolean;
}

/** Every place an ID is written as a governance ID, definitions first, in document order. */
export function idOccurrences(analysis: Analysis, id: string, cancellation: Cancellation = notCancellable): IdOccurrenceSite[] {
  const sites: IdOccurrenceSite[] = [];
  // The index knows which documents mention the ID: a reference count reads those, not the workspace.
  for (const facts of analysis.workspaceIndex().mentioning(id)) {
    throwIfCancelled(cancellation);
    for (const d of definitionsOf(facts)) if (d.id === id) sites.push({ facts, span: unquoted(facts, d.span), definition: true });
    for (const r of citedIdsOf(facts)) if (r.id === id) sites.push({ facts, span: r.span, definition: false });
  }
  return sites.sort((a, b) => Number(b.definition) - Number(a.definition) || a.facts.path.localeCompare(b.facts.path) || a.span.start - b.span.start);
}

export function toLocation(facts: DocumentFacts, span: Span): Location {
  return { path: facts.path, range: facts.lines.range(span.start, span.end) };
}

/** The entry a definition site belongs to: the entry whose `id` it is, or the surface whose `plan_ref` it is. */
export function definitionEntry(facts: DocumentFacts, span: Span): Entry | undefined {
  return (
    entriesOf(facts).find((e) => e.span.start === span.start && e.span.end === span.end) ??
    entriesOf(facts).find((e) => e.extent.start <= span.start && span.end <= e.extent.end)
  );
}

/** A definition's span covers its JSON string with the quotes; edits and highlights want the ID alone. */
export function unquoted(facts: DocumentFacts, span: Span): Span {
  const quoted = facts.text.charCodeAt(span.start) === 34 && facts.text.charCodeAt(span.end - 1) === 34 && span.end - span.start >= 2;
  return quoted ? { start: span.start + 1, end: span.end - 1 } : span;
}
