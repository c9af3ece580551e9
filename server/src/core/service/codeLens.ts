import type { Analysis } from '../analysis';
import type { BlockerStatus } from '../index/blockerStatus';
import { basename } from '../paths';
import type { Range } from '../types';
import { idOccurrences, toLocation, unquoted } from './occurrences';
import type { Location } from './types';

export interface BlockerCodeLens {
  /** The blocker's ID, without the quotes. */
  range: Range;
  /** "2 references · unresolved", "1 reference · resolved by …/production-readiness-blocker-map.json". */
  title: string;
  id: string;
  /** Every occurrence of the ID outside this definition; the host shows them as references. */
  references: Location[];
}

/** One lens on each blocker a blocker map defines: how often it is cited, and whether it is resolved. */
export function codeLenses(analysis: Analysis, path: string): BlockerCodeLens[] {
  const facts = analysis.factsOf(path);
  if (facts?.kind !== 'production-readiness-blocker-map' || facts.blockers.length === 0) return [];
  const index = analysis.workspaceIndex();
  return facts.blockers.map((blocker) => {
    const own = unquoted(facts, blocker.span);
    const references = idOccurrences(analysis, blocker.id)
      .filter((s) => !(s.facts.path === path && s.span.start === own.start && s.span.end === own.end))
      .map((s) => toLocation(s.facts, s.span));
    const n = references.length;
    const status = index.blockers.get(blocker.id);
    return {
      range: facts.lines.range(own.start, own.end),
      title: `${n} ${n === 1 ? 'reference' : 'references'} · ${describeStatus(status, path)}`,
      id: blocker.id,
      references,
    };
  });
}

function describeStatus(status: BlockerStatus | undefined, path: string): string {
  if (!status?.resolvedBy) return 'unresolved';
  const by = status.resolvedBy.facts.path;
  // Every blocker map has the same file name: name the packet too, unless it is this very map.
  if (by === path) return 'resolved by this map';
  const parent = by.split('/').at(-2);
  return `resolved by ${parent ? `${parent}/` : ''}${basename(by)}`;
}
