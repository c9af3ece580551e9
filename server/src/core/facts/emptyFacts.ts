import type { LineIndex } from '../text/lineIndex';
import type { DocumentFacts, DocumentKind } from './types';

export function emptyFacts(path: string, version: string | number, kind: DocumentKind, text: string, lines: LineIndex): DocumentFacts {
  return {
    path,
    version,
    kind,
    text,
    lines,
    broken: false,
    local: [],
    definitions: [],
    entries: [],
    idRefs: [],
    resolvedRefs: [],
    tickets: [],
    reservations: [],
    evidence: [],
    links: [],
    blockers: [],
    grants: [],
    withheld: [],
    claims: [],
    suppressions: [],
    headings: [],
  };
}
