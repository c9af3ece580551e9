import type { Node } from 'jsonc-parser';
import { packetOf } from '../facts/anyKind';
import type { Analysis } from '../analysis';
import { notCancellable, throwIfCancelled, type Cancellation } from '../cancellation';
import type { DocumentFacts, NoteFacts } from '../facts/types';
import type { MarkdownHeading } from '../parse/markdown';
import { parseJson, propertyValue } from '../parse/json';
import { basename } from '../paths';
import type { Range, Span } from '../types';
import { definitionEntry, unquoted } from './occurrences';
import type { Location } from './types';

/** LSP SymbolKind values used here. */
export const SymbolKind = {
  Field: 8,
  Constant: 14,
  String: 15,
  Number: 16,
  Array: 18,
  Key: 20,
  EnumMember: 22,
  Event: 24,
} as const;

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface SymbolInformation {
  name: string;
  kind: number;
  location: Location;
  /** The packet folder's name (or, outside packets, the document's folder). */
  containerName?: string;
}

export const WORKSPACE_SYMBOL_LIMIT = 500;

// Blockers are events that stop work; grants and withheld actions are keys of the lock.
const kindByArray: Record<string, number> = {
  blockers: SymbolKind.Event,
  surfaces: SymbolKind.Field,
  reservations: SymbolKind.Number,
  grants: SymbolKind.Key,
  withheld: SymbolKind.Key,
};

/** The outline: a packet's top-level arrays and their entries, or a note's headings nested by level. */
export function documentSymbols(analysis: Analysis, path: string): DocumentSymbol[] {
  const facts = analysis.factsOf(path);
  if (!facts) return [];
  return facts.kind === 'note' ? headingSymbols(facts) : packetSymbols(facts, analysis);
}

function packetSymbols(facts: DocumentFacts, analysis: Analysis): DocumentSymbol[] {
  // A document that does not parse still outlines what its partial tree holds.
  const root = parseJson(facts.text).root;
  const range = (node: Node) => facts.lines.range(node.offset, node.offset + node.length);
  // The name is selected as written, without the JSON quotes (as rename and references select it).
  const selection = (node: Node) => {
    const span = unquoted(facts, { start: node.offset, end: node.offset + node.length });
    return facts.lines.range(span.start, span.end);
  };
  const symbols: DocumentSymbol[] = [];
  for (const property of root?.type === 'object' ? (root.children ?? []) : []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || value?.type !== 'array') continue;
    const array = String(keyNode.value);
    const children = (value.children ?? []).flatMap((element) => {
      const described = describeElement(array, element, analysis);
      if (!described) return [];
      const symbol: DocumentSymbol = { name: described.name, kind: described.kind, range: range(element), selectionRange: selection(described.selection) };
      if (described.detail) symbol.detail = described.detail;
      return [symbol];
    });
    symbols.push({ name: array, detail: count(children.length), kind: SymbolKind.Array, range: range(property), selectionRange: selection(keyNode), children });
  }
  return symbols;
}

interface Described {
  name: string;
  kind: number;
  detail: string;
  selection: Node;
}

function describeElement(array: string, element: Node, analysis: Analysis): Described | undefined {
  const kind = kindByArray[array] ?? SymbolKind.EnumMember;
  if (element.type === 'string') {
    const name = String(element.value).trim();
    return name === '' ? undefined : { name, kind: SymbolKind.Constant, detail: '', selection: element };
  }
  if (element.type !== 'object') return undefined;
  const str = (key: string) => {
    const node = propertyValue(element, key);
    return node?.type === 'string' ? { node, value: String(node.value) } : undefined;
  };
  const nNode = propertyValue(element, 'n');
  const id = str('id');
  const label =
    id ??
    (array === 'surfaces' && nNode?.type === 'number' ? { node: nNode, value: `surface ${String(nNode.value)}` } : undefined) ??
    str('range') ??
    str('action') ??
    str('name');
  if (!label || label.value.trim() === '') return undefined;
  const status = array === 'blockers' && id ? blockerStatus(analysis, id.value, str('status')?.value) : (str('status') ?? str('class'))?.value;
  const about = [str('item'), str('name'), str('scope'), str('purpose')].find((s) => s !== undefined && s.node !== label.node)?.value;
  const needs = str('needs')?.value;
  const aboutText = about ?? (needs === undefined ? undefined : `needs ${needs}`);
  return { name: label.value, kind, detail: [status, aboutText].filter((p) => p !== undefined && p !== '').join(' · '), selection: label.node };
}

/** A blocker's current state comes from the workspace (its latest definition), not from this entry alone. */
function blockerStatus(analysis: Analysis, id: string, written: string | undefined): string | undefined {
  return analysis.workspaceIndex().blockers.get(id)?.status ?? written;
}

function headingSymbols(facts: NoteFacts): DocumentSymbol[] {
  const headings = [...facts.headings].sort((a, b) => a.span.start - b.span.start);
  const roots: DocumentSymbol[] = [];
  const stack: { depth: number; symbol: DocumentSymbol }[] = [];
  headings.forEach((heading, i) => {
    const symbol: DocumentSymbol = {
      name: heading.text.trim() || '#'.repeat(heading.depth),
      kind: SymbolKind.String,
      range: facts.lines.range(heading.span.start, sectionEnd(facts.text, headings, i)),
      selectionRange: facts.lines.range(heading.span.start, heading.span.end),
      children: [],
    };
    while ((stack.at(-1)?.depth ?? 0) >= heading.depth) stack.pop();
    const parent = stack.at(-1);
    (parent ? (parent.symbol.children ??= []) : roots).push(symbol);
    stack.push({ depth: heading.depth, symbol });
  });
  const prune = (symbols: DocumentSymbol[]) => {
    for (const s of symbols) {
      if (s.children?.length) prune(s.children);
      else delete s.children;
    }
  };
  prune(roots);
  return roots;
}

/** A section runs to the next heading of the same or a higher level, trailing blank lines left out. */
function sectionEnd(text: string, headings: MarkdownHeading[], i: number): number {
  const own = headings[i];
  if (!own) return text.length;
  const next = headings.slice(i + 1).find((h) => h.depth <= own.depth);
  let end = next ? next.span.start : text.length;
  while (end > own.span.end && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

/**
 * Defined IDs and reserved ticket ranges whose name contains the query (case-insensitive),
 * then those that hold its letters in order; best matches first, at most 500.
 */
export function workspaceSymbols(analysis: Analysis, query: string, cancellation: Cancellation = notCancellable): SymbolInformation[] {
  const index = analysis.workspaceIndex();
  const wanted = query.trim().toLowerCase();
  const found: { score: number; symbol: SymbolInformation }[] = [];
  const consider = (name: string, kind: number, facts: DocumentFacts, span: Span) => {
    const score = matchScore(name.toLowerCase(), wanted);
    if (score === undefined) return;
    const at = unquoted(facts, span);
    const symbol: SymbolInformation = { name, kind, location: { path: facts.path, range: facts.lines.range(at.start, at.end) } };
    const container = basename(packetOf(facts) ?? analysis.packetFolderOf(facts.path) ?? facts.path.slice(0, Math.max(0, facts.path.lastIndexOf('/'))));
    if (container !== '') symbol.containerName = container;
    found.push({ score, symbol });
  };
  for (const [id, sites] of index.definitions) {
    throwIfCancelled(cancellation);
    for (const site of sites) {
      const facts = analysis.factsOf(site.path);
      if (!facts) continue;
      const entry = definitionEntry(facts, site.span);
      const kind = entry?.id === id ? (kindByArray[entry.array] ?? SymbolKind.Constant) : SymbolKind.Constant;
      consider(id, kind, facts, site.span);
    }
  }
  for (const { facts, reservation } of index.reservations) consider(reservation.text, SymbolKind.Number, facts, reservation.span);
  found.sort((a, b) => a.score - b.score || a.symbol.name.length - b.symbol.name.length || a.symbol.name.localeCompare(b.symbol.name) || a.symbol.location.path.localeCompare(b.symbol.location.path));
  return found.slice(0, WORKSPACE_SYMBOL_LIMIT).map((f) => f.symbol);
}

/** Lower is better: equal, prefix, after a dash, anywhere, then letters in order; undefined when no match. */
function matchScore(name: string, query: string): number | undefined {
  if (query === '' || name === query) return 0;
  if (name.startsWith(query)) return 1;
  const at = name.indexOf(query);
  if (at > 0) return name[at - 1] === '-' ? 2 : 3;
  let i = 0;
  for (const c of name) if (c === query[i]) i++;
  return i === query.length ? 4 : undefined;
}
