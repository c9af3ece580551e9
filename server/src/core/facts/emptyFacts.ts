import type { LineIndex } from '../text/lineIndex';
import type { DocumentFacts, DocumentKind, NoteFacts, PacketDocumentKind, PacketFacts } from './types';

/** What identifies one version of a document: every kind's facts start from it. */
export interface DocumentVersion {
  path: string;
  version: string | number;
  text: string;
  lines: LineIndex;
}

/** The facts every reader starts from, of the variant `kind` selects. */
export function emptyFacts(document: DocumentVersion, kind: DocumentKind): DocumentFacts {
  return kind === 'note' ? emptyNoteFacts(document) : emptyPacketFacts(document, kind);
}

export function emptyNoteFacts(document: DocumentVersion): NoteFacts {
  return { ...shared(document), kind: 'note', links: [], suppressions: [], headings: [] };
}

export function emptyPacketFacts(document: DocumentVersion, kind: PacketDocumentKind): PacketFacts {
  const packet = { ...shared(document), broken: false, definitions: [], entries: [] };
  switch (kind) {
    case 'production-readiness-blocker-map':
      return { ...packet, kind, blockers: [], resolvedRefs: [] };
    case 'delegation-and-authority-lock':
      return { ...packet, kind, grants: [], withheld: [] };
    case 'ticket-reservations':
      return { ...packet, kind, reservations: [] };
    default:
      return { ...packet, kind };
  }
}

function shared({ path, version, text, lines }: DocumentVersion) {
  return { path, version, text, lines, local: [], idRefs: [], tickets: [], evidence: [], claims: [] };
}
