import type { Analysis } from '../analysis';
import type { Cancellation } from '../cancellation';
import { targetAt } from './locate';
import { idOccurrences, toLocation } from './occurrences';
import type { Location } from './types';

/** Every place the ID under the cursor is written, across packet documents and notes. */
export function references(analysis: Analysis, path: string, offset: number, includeDeclaration: boolean, cancellation?: Cancellation): Location[] {
  const facts = analysis.factsOf(path);
  const target = facts && targetAt(analysis, facts, offset);
  if (target?.kind !== 'id') return [];
  return idOccurrences(analysis, target.id, cancellation)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => toLocation(o.facts, o.span));
}
