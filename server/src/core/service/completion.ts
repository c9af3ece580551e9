import { getLocation } from 'jsonc-parser';
import { packetOf } from '../facts/anyKind';
import type { Analysis } from '../analysis';
import { CONFIG_FILE } from '../config';
import type { DocumentFacts, Entry } from '../facts/types';
import type { IndexView } from '../index/workspaceIndex';
import { parseMarkdown } from '../parse/markdown';
import { basename, dirname, isJsonPath } from '../paths';
import type { Position } from '../types';
import { definitionEntry } from './occurrences';
import { sameStyle, type PathUse } from './pathForms';
import type { TextEdit } from './types';

/** LSP CompletionItemKind values used here. */
export const CompletionItemKind = { File: 17, EnumMember: 20, Constant: 21 } as const;

export interface CompletionItem {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { kind: 'markdown'; value: string };
  /** Replaces the partial word under the cursor. */
  textEdit: TextEdit;
  sortText: string;
  filterText: string;
}

/** Where completion may act: a JSON string value, or one line of a note. */
interface Region {
  facts: DocumentFacts;
  offset: number;
  start: number;
  end: number;
  /** Is the text in [start, end) prose (not code, HTML or a link target)? */
  isProse: (start: number, end: number) => boolean;
  /** The Markdown link destination the cursor is in, if any. */
  inLink: boolean;
  /** The JSON property the string is the value of (or an element of). */
  key?: string;
}

const PATH_CHAR = /[\p{L}\p{N}_@.+~/…-]/u;
const ID_CHAR = /[A-Za-z0-9-]/;
const ID_SHAPE = /^[A-Z][A-Z0-9]*-P[0-9]/;
// After a cited file: nothing yet, or the start of `surface N`, `forbidden surfaces` or a local ID.
const ANCHOR_PARTIAL = /(?<=[^ \t])[ \t]+([Ss]urface[ \t]+[0-9]*|forbidden[ \t]+[a-z]*|[A-Za-z][A-Za-z0-9-]*|)$/;
const FOOTER_BEFORE = /^[ \t]*Back to Knowledge Hub[ \t]+<?$/;

/**
 * Completions at `position`: a cited file's anchors right after the file name, workspace
 * documents where a path is being typed, defined governance IDs where an ID is being typed;
 * nothing elsewhere, and never in Markdown code or comments or in JSON keys.
 */
export function completions(analysis: Analysis, path: string, position: Position): CompletionItem[] {
  const facts = analysis.factsOf(path);
  if (!facts) return [];
  const region = regionAt(facts, facts.lines.offsetAt(position));
  if (!region) return [];
  const index = analysis.workspaceIndex();
  return anchorCompletions(analysis, index, region) ?? pathCompletions(analysis, index, region) ?? idCompletions(analysis, index, region) ?? [];
}

function regionAt(facts: DocumentFacts, offset: number): Region | undefined {
  const text = facts.text;
  if (facts.kind !== 'note') {
    const location = getLocation(text, offset);
    const node = location.previousNode;
    if (location.isAtPropertyKey || node?.type !== 'string') return undefined;
    const last = node.offset + node.length;
    const closed = node.length >= 2 && text[last - 1] === '"';
    const end = closed ? last - 1 : last;
    if (offset <= node.offset || offset > end) return undefined;
    const key = [...location.path].reverse().find((p): p is string => typeof p === 'string');
    return { facts, offset, start: node.offset + 1, end, isProse: () => true, inLink: false, key };
  }
  const line = facts.lines.positionAt(offset).line;
  const start = facts.lines.offsetAt({ line, character: 0 });
  const end = facts.lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
  const markdown = parseMarkdown(text);
  const isProse = (from: number, to: number) => markdown.prose.slice(from, to) === text.slice(from, to);
  const inLink = markdown.links.some((l) => l.targetSpan.start <= offset && offset <= l.targetSpan.end);
  return { facts, offset, start, end, isProse, inLink };
}

/** The run of `chars` around the cursor, kept inside the region. */
function wordAround(region: Region, chars: RegExp): { start: number; end: number; text: string } {
  const text = region.facts.text;
  let start = region.offset;
  while (start > region.start && chars.test(text[start - 1] ?? '')) start--;
  let end = region.offset;
  while (end < region.end && chars.test(text[end] ?? '')) end++;
  return { start, end, text: text.slice(start, region.offset) };
}

function edit(region: Region, start: number, end: number, newText: string): TextEdit {
  return { range: region.facts.lines.range(start, end), newText };
}

// (c) `mutation-inventory.json |`, `precondition-checklist.json P|`
function anchorCompletions(analysis: Analysis, index: IndexView, region: Region): CompletionItem[] | undefined {
  const text = region.facts.text;
  const before = text.slice(region.start, region.offset);
  const m = ANCHOR_PARTIAL.exec(before);
  if (!m) return undefined;
  const partial = m[1] ?? '';
  const fileEnd = region.start + m.index;
  let fileStart = fileEnd;
  while (fileStart > region.start && PATH_CHAR.test(text[fileStart - 1] ?? '')) fileStart--;
  const file = text.slice(fileStart, fileEnd);
  if (!isJsonPath(file) || !region.isProse(fileStart, region.offset)) return undefined;
  const resolution = analysis.resolveCitation(region.facts, file);
  const target = resolution.kind === 'file' ? analysis.factsOf(resolution.path) : undefined;
  if (!target || target.kind === 'note') return undefined;
  const start = region.offset - partial.length;
  let end = region.offset;
  while (end < region.end && ID_CHAR.test(text[end] ?? '')) end++;
  const name = basename(target.path);
  const items: CompletionItem[] = [];
  const add = (label: string, detail: string, documentation: string) => {
    const sortText = String(items.length).padStart(4, '0');
    items.push({ label, kind: CompletionItemKind.EnumMember, detail, documentation: markdown(documentation), textEdit: edit(region, start, end, label), sortText, filterText: label });
  };
  const surfaces = target.entries.filter((e) => e.array === 'surfaces');
  for (const e of surfaces) {
    if (e.n !== undefined) add(`surface ${e.n}`, join(e.status, e.item), entryDoc(`surface ${e.n}`, e, name, 'class'));
  }
  for (const e of target.entries) {
    if (e.id !== undefined) add(e.id, join(e.status, e.item), entryDoc(e.id, e, name, e.array === 'surfaces' ? 'class' : 'status'));
  }
  const forbidden = surfaces.filter((e) => e.status === 'FORBIDDEN');
  if (forbidden.length > 0) {
    const which = forbidden.map((e) => e.key).join(', ');
    add('forbidden surfaces', `${forbidden.length} FORBIDDEN: ${which}`, `**forbidden surfaces** in \`${name}\`\n\n${forbidden.map((e) => `- ${e.key}${e.item ? `: ${e.item}` : ''}`).join('\n')}`);
  }
  return items;
}

// (b) a file name or path being typed
function pathCompletions(analysis: Analysis, index: IndexView, region: Region): CompletionItem[] | undefined {
  const word = wordAround(region, PATH_CHAR);
  const token = word.text;
  const text = region.facts.text;
  const footer = FOOTER_BEFORE.test(text.slice(region.start, word.start));
  // A document does not cite itself, except in the footer, which names the note's own path.
  const documents = analysis.documents().filter((p) => p !== CONFIG_FILE && (p !== region.facts.path || footer));
  const pathLike =
    /[/…]|\.[A-Za-z]/.test(token) ||
    (token.length >= 2 && /^[a-z0-9]/.test(token) && documents.some((p) => basename(p).toLowerCase().startsWith(token.toLowerCase())));
  const wanted = region.inLink || footer || pathLike || (region.key === 'evidence' && /^[a-z0-9./…]/.test(token));
  if (token === '' || !wanted) return undefined;
  if (!region.inLink && !region.isProse(word.start, region.offset)) return [];
  const use: PathUse = footer ? 'footer' : region.inLink ? 'link' : 'evidence';
  const from = region.facts.path;
  const folder = dirname(from);
  const packet = packetOf(region.facts) ?? analysis.packetFolderOf(from);
  return documents.map((target) => {
    const written = sameStyle(index, from, token, target, use);
    const rank = dirname(target) === folder ? 0 : packet !== undefined && target.startsWith(`${packet}/`) ? 1 : 2;
    const facts = analysis.factsOf(target);
    const about = facts?.kind === 'note' ? 'KB note' : (facts?.kind ?? 'document');
    const packetDocument = facts?.kind === 'note' ? undefined : facts;
    const doc = [`**${basename(target)}** — ${about}`, `\`${target}\``, packetDocument?.date ? `dated ${packetDocument.date}` : '', packetDocument?.purpose ?? ''];
    return {
      label: basename(target),
      kind: CompletionItemKind.File,
      detail: target,
      documentation: markdown(doc.filter((l) => l !== '').join('\n\n')),
      textEdit: edit(region, word.start, word.end, written),
      sortText: `${rank}-${target}`,
      // The client filters on what is typed: a path when one is being typed, else the file name.
      filterText: use === 'evidence' && !token.includes('/') ? basename(target) : written,
    };
  });
}

// (a) a governance ID being typed
function idCompletions(analysis: Analysis, index: IndexView, region: Region): CompletionItem[] | undefined {
  const word = wordAround(region, ID_CHAR);
  const token = word.text;
  if (!/^[A-Za-z]/.test(token)) return undefined;
  const upper = token.toUpperCase();
  if (!ID_SHAPE.test(token) && ![...index.definitions.keys()].some((id) => id.startsWith(upper))) return undefined;
  if (!region.isProse(word.start, region.offset)) return [];
  const items: CompletionItem[] = [];
  for (const [id, sites] of index.definitions) {
    const blocker = index.blockers.get(id);
    const site = sites[0];
    let detail: string;
    let doc: string[];
    let rank: number;
    if (blocker) {
      const b = blocker.blocker;
      rank = blocker.status === 'unresolved' ? 0 : 2;
      detail = join(`${blocker.status} blocker`, b.item);
      const resolved = blocker.resolvedBy ? ` (${blocker.resolvedBy.how === 'status' ? 'status RESOLVED' : 'resolved_in_this_macro'} in \`${blocker.resolvedBy.facts.path}\`)` : '';
      doc = [
        `**${id}** — ${blocker.status} blocker${resolved}`,
        b.item ?? '',
        b.blocks ? `Blocks: ${b.blocks}` : '',
        b.actor_needed ? `Actor needed: ${b.actor_needed}` : '',
        where(blocker.facts, b.span.start),
      ];
    } else {
      const facts = site ? analysis.factsOf(site.path) : undefined;
      const entry = facts && site ? definitionEntry(facts, site.span) : undefined;
      rank = 1;
      const planOf = entry && entry.id !== id ? `plan_ref of ${entry.key}` : undefined;
      detail = join(planOf, entry?.status, entry?.item);
      doc = [`**${id}**${planOf ? ` — ${planOf}` : ''}`, join(entry?.status, entry?.item), facts && site ? where(facts, site.span.start) : ''];
    }
    items.push({
      label: id,
      kind: CompletionItemKind.Constant,
      detail,
      documentation: markdown(doc.filter((l) => l !== '').join('\n\n')),
      textEdit: edit(region, word.start, word.end, id),
      sortText: `${rank}-${id}`,
      filterText: id,
    });
  }
  return items.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

function entryDoc(label: string, e: Entry, file: string, field: string): string {
  return [`**${label}** in \`${file}\``, e.status ? `${field}: ${e.status}` : '', e.item ?? ''].filter((l) => l !== '').join('\n\n');
}

function where(facts: DocumentFacts, offset: number): string {
  return `Defined in \`${facts.path}\`, line ${facts.lines.positionAt(offset).line + 1}`;
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' · ');
}

function markdown(value: string): { kind: 'markdown'; value: string } {
  return { kind: 'markdown', value };
}
