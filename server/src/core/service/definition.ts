import type { Analysis } from '../analysis';
import { isBroken } from '../facts/anyKind';
import type { DocumentFacts } from '../facts/types';
import type { Resolution } from '../index/resolvePath';
import type { EvidenceAnchor } from '../scan/evidence';
import { rangesOverlap } from './ranges';
import { anchorEntry } from './anchors';
import { citationAt, citedEvidence, sameLocation } from './citedEvidence';
import { targetAt } from './locate';
import type { Location } from './types';

const fileTop = (path: string): Location => ({ path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });

/**
 * Where a target is defined: an ID's defining entries (a blocker's latest definition first),
 * the reservations covering a ticket, the entry an evidence reference cites (or the file's
 * top), the file a link names. For an entry that cites evidence (a blocker, a check, a plan)
 * the evidence follows its definition: the gesture is meant to reach what settles the entry.
 */
export function definition(analysis: Analysis, path: string, offset: number): Location[] {
  const facts = analysis.factsOf(path);
  if (!facts) return [];
  const plain = definitionOf(analysis, facts, offset);
  const citation = citationAt(analysis, facts, offset);
  const evidence = citation ? citedEvidence(analysis, citation).map((c) => c.location) : [];
  if (!citation || evidence.length === 0) return plain;
  // On the definition itself its own place would be no jump at all (VS Code then runs its
  // alternative command, references): the evidence alone.
  if (citation.own) return evidence;
  return [...plain, ...evidence.filter((e) => !plain.some((p) => sameLocation(p, e)))];
}

function definitionOf(analysis: Analysis, facts: DocumentFacts, offset: number): Location[] {
  const target = targetAt(analysis, facts, offset);
  if (!target) return [];
  const index = analysis.workspaceIndex();
  switch (target.kind) {
    case 'id': {
      const sites = index.definitions.get(target.id) ?? [];
      const latest = index.blockers.get(target.id);
      const locations = sites.flatMap((site) => {
        const lines = analysis.factsOf(site.path)?.lines;
        return lines ? [{ path: site.path, range: lines.range(site.span.start, site.span.end) }] : [];
      });
      if (latest) {
        const first = locations.findIndex((l) => l.path === latest.facts.path && l.range.start.line === latest.facts.lines.positionAt(latest.blocker.span.start).line);
        if (first > 0) locations.unshift(...locations.splice(first, 1));
      }
      return locations;
    }
    case 'ticket':
      return index.reservations
        .filter(({ reservation }) => reservation.range.prefix === target.range.prefix && rangesOverlap(reservation.range, target.range))
        .map(({ facts: owner, reservation }) => ({ path: owner.path, range: owner.lines.range(reservation.span.start, reservation.span.end) }));
    case 'evidence':
      return fileLocation(analysis, target.resolution, target.ref.anchor);
    case 'link':
      return fileLocation(analysis, target.resolution, undefined);
    case 'claim':
      return analysis.governingLocks(facts).map((lock: DocumentFacts) => fileTop(lock.path));
  }
}

function fileLocation(analysis: Analysis, resolution: Resolution, anchor: EvidenceAnchor | undefined): Location[] {
  if (resolution.kind === 'ambiguous') return resolution.candidates.map(fileTop);
  if (resolution.kind !== 'file') return [];
  const target = analysis.factsOf(resolution.path);
  const entry = target && !isBroken(target) ? anchorEntry(target, anchor) : undefined;
  if (target && entry) return [{ path: target.path, range: target.lines.range(entry.span.start, entry.span.end) }];
  return [fileTop(resolution.path)];
}
