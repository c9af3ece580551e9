import type { Analyzer } from '../analyzer';
import { targetAt } from './locate';
import { idOccurrences, toLocation } from './occurrences';
import type { Location } from './types';

/** Every place the ID under the cursor is written, across packet documents and notes. */
export function references(analyzer: Analyzer, path: string, offset: number, includeDeclaration: boolean): Location[] {
  const facts = analyzer.factsOf(path);
  const target = facts && targetAt(analyzer, facts, offset);
  if (target?.kind !== 'id') return [];
  return idOccurrences(analyzer, target.id)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => toLocation(o.facts, o.span));
}
