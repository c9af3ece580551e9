import type { DocumentFacts, Entry } from '../facts/types';
import type { EvidenceAnchor } from '../scan/evidence';

/** The entry an evidence anchor cites in its file: `surface 5`, `PC-7`, or the first forbidden surface. */
export function anchorEntry(target: DocumentFacts, anchor: EvidenceAnchor | undefined): Entry | undefined {
  if (!anchor) return undefined;
  const surfaces = () => target.entries.filter((e) => e.array === 'surfaces');
  switch (anchor.kind) {
    case 'surface':
      return surfaces().find((e) => e.n === anchor.n);
    case 'forbidden':
      return surfaces().find((e) => e.status === 'FORBIDDEN');
    case 'local':
      return target.entries.find((e) => e.id === anchor.id);
  }
}
