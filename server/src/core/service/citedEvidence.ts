import type { Analysis } from '../analysis';
import { entriesOf, isBroken } from '../facts/anyKind';
import type { DocumentFacts, Entry } from '../facts/types';
import type { Resolution } from '../index/resolvePath';
import { basename } from '../paths';
import type { EvidenceAnchor } from '../scan/evidence';
import type { Range, Span } from '../types';
import { anchorEntry } from './anchors';
import { targetAt } from './locate';
import { unquoted } from './occurrences';
import type { Location } from './types';

/**
 * The arrays whose entries cite evidence for themselves: a blocker map's blockers, a
 * checklist's checks, a rollback design's plans. A surface's or a grant's `evidence` says
 * where the classification came from, not what would settle the entry, so it is left out.
 */
const CITING_ARRAYS: ReadonlySet<string> = new Set(['blockers', 'checks', 'plans']);

/** One resolved piece of evidence an entry cites: where it leads, and how the entry names it. */
export interface CitedEntry {
  location: Location;
  /** As written, `surface 5`, `PC-7`, `forbidden surfaces`; the file's name when no anchor is cited. */
  label: string;
}

/** An entry that cites evidence, as a position names it. */
export interface Citation {
  facts: DocumentFacts;
  entry: Entry;
  /** The position is on the entry's own `id` value. */
  own: boolean;
}

// As locate.ts: the cursor right after a token still names it.
const contains = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

const isCiting = (entry: Entry) => CITING_ARRAYS.has(entry.array) && entry.id !== undefined;

/**
 * The citing entry a position names: its own `id` value, its governance ID anywhere (the
 * blocker's latest definition), or an evidence reference whose anchor is the entry
 * (`precondition-checklist.json PC-7`).
 */
export function citationAt(analysis: Analysis, facts: DocumentFacts, offset: number): Citation | undefined {
  // Local IDs (`PC-7`, `RB-PROD`) are no governance IDs, so locate.ts has no target on their own value.
  const own = entriesOf(facts).find((e) => isCiting(e) && contains(unquoted(facts, e.span), offset));
  if (own) return { facts, entry: own, own: true };
  const target = targetAt(analysis, facts, offset);
  if (target?.kind === 'id') return primaryCitation(analysis, target.id);
  if (target?.kind === 'evidence') {
    const cited = citedEntry(analysis, target.resolution, target.ref.anchor);
    if (cited && isCiting(cited.entry)) return { ...cited, own: false };
  }
  return undefined;
}

/** The definition that speaks for an ID: a blocker's latest (its current state), else the first citing entry defining it. */
function primaryCitation(analysis: Analysis, id: string): Citation | undefined {
  const index = analysis.workspaceIndex();
  const latest = index.blockers.get(id);
  if (latest) {
    const entry = latest.facts.entries.find((e) => e.array === 'blockers' && e.span.start === latest.blocker.span.start);
    return entry ? { facts: latest.facts, entry, own: false } : undefined;
  }
  for (const site of index.definitions.get(id) ?? []) {
    const facts = analysis.factsOf(site.path);
    const entry = facts && entriesOf(facts).find((e) => isCiting(e) && e.span.start === site.span.start);
    if (facts && entry) return { facts, entry, own: false };
  }
  return undefined;
}

/** The resolved evidence one entry cites, each place once, in the order written. */
export function citedEvidence(analysis: Analysis, citation: Pick<Citation, 'facts' | 'entry'>): CitedEntry[] {
  return evidenceOfEntries(analysis, citation.facts, [citation.entry]).get(citation.entry) ?? [];
}

/**
 * The resolved evidence of many entries of one document, in one pass over its references:
 * the lenses of a map with 10,000 blockers must not read its evidence 10,000 times. As the
 * hover card does, a reference counts for the entry whose extent holds it. A reference that
 * leads nowhere (missing, ambiguous, outside) or to an anchor its file lacks is no evidence
 * to open: its diagnostic says so.
 */
export function evidenceOfEntries(analysis: Analysis, facts: DocumentFacts, entries: readonly Entry[]): Map<Entry, CitedEntry[]> {
  const out = new Map<Entry, CitedEntry[]>();
  if (entries.length === 0 || isBroken(facts)) return out;
  const sorted = [...entries].sort((a, b) => a.extent.start - b.extent.start);
  const references = [...analysis.referencesOf(facts).evidence].sort((a, b) => a.ref.span.start - b.ref.span.start);
  let i = 0;
  for (const { ref, resolution } of references) {
    // Entries of top-level arrays never overlap, so one forward pointer finds each reference's entry.
    while (i < sorted.length && (sorted[i]?.extent.end ?? 0) < ref.span.end) i++;
    const entry = sorted[i];
    if (!entry || entry.extent.start > ref.span.start) continue;
    const cited = evidenceLocation(analysis, resolution, ref.anchor);
    if (!cited || sameLocation(cited.location, { path: facts.path, range: facts.lines.range(entry.span.start, entry.span.end) })) continue;
    const list = out.get(entry) ?? [];
    if (!list.some((c) => sameLocation(c.location, cited.location))) list.push(cited);
    out.set(entry, list);
  }
  return out;
}

function citedEntry(analysis: Analysis, resolution: Resolution, anchor: EvidenceAnchor | undefined): { facts: DocumentFacts; entry: Entry } | undefined {
  if (resolution.kind !== 'file' || !anchor) return undefined;
  const facts = analysis.factsOf(resolution.path);
  const entry = facts && !isBroken(facts) ? anchorEntry(facts, anchor) : undefined;
  return facts && entry ? { facts, entry } : undefined;
}

function evidenceLocation(analysis: Analysis, resolution: Resolution, anchor: EvidenceAnchor | undefined): CitedEntry | undefined {
  if (resolution.kind !== 'file') return undefined;
  // A file cited without an anchor is evidence as a whole: its top.
  if (!anchor) return { location: { path: resolution.path, range: fileTop }, label: basename(resolution.path) };
  const cited = citedEntry(analysis, resolution, anchor);
  if (!cited) return undefined;
  return {
    location: { path: cited.facts.path, range: cited.facts.lines.range(cited.entry.span.start, cited.entry.span.end) },
    label: anchor.text.replace(/\s+/g, ' '),
  };
}

const fileTop: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function sameLocation(a: Location, b: Location): boolean {
  return (
    a.path === b.path &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

/** Go to Implementations: what a citing entry rests on, its evidence alone. */
export function implementation(analysis: Analysis, path: string, offset: number): Location[] {
  const facts = analysis.factsOf(path);
  const citation = facts && citationAt(analysis, facts, offset);
  return citation ? citedEvidence(analysis, citation).map((c) => c.location) : [];
}

export interface EvidenceCodeLens {
  /** The entry's `id`, without the quotes. */
  range: Range;
  /** `evidence: surface 5` on the first part, the part alone (`PC-7`) on the others. */
  title: string;
  id: string;
  /** What clicking the lens opens. */
  target: Location;
}

/**
 * One lens per piece of evidence on each citing entry, so that each part of
 * `evidence: surface 5 · PC-7` opens its own entry (a lens has one command).
 */
export function evidenceLenses(analysis: Analysis, path: string): EvidenceCodeLens[] {
  const facts = analysis.factsOf(path);
  if (!facts) return [];
  const entries = entriesOf(facts).filter(isCiting);
  const cited = evidenceOfEntries(analysis, facts, entries);
  return entries.flatMap((entry) => {
    const own = unquoted(facts, entry.span);
    const range = facts.lines.range(own.start, own.end);
    return (cited.get(entry) ?? []).map((c, i) => ({ range, title: i === 0 ? `evidence: ${c.label}` : c.label, id: entry.id ?? entry.key, target: c.location }));
  });
}
