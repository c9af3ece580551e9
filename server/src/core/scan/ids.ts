import type { Span } from '../types';
import type { Segment } from './segment';
import { toSpan } from './segment';

export interface IdOccurrence {
  id: string;
  span: Span;
}

export function scanIds(segment: Segment, pattern: RegExp): IdOccurrence[] {
  const found: IdOccurrence[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(segment.text); m; m = pattern.exec(segment.text)) {
    found.push({ id: m[0], span: toSpan(segment, m.index, m.index + m[0].length) });
  }
  return found;
}
