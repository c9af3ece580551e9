import type { DocumentFacts, LinkRef } from '../facts/types';
import type { EvidenceRef } from '../scan/evidence';
import { resolveEvidencePath, resolveKbPath, type Resolution } from './resolvePath';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ResolvedReferences {
  evidence: { ref: EvidenceRef; resolution: Resolution }[];
  /** Links that name a file path (URLs and in-page anchors are left out), with the decoded path. */
  links: { link: LinkRef; target: string; resolution: Resolution }[];
}

/** Where every path a document cites leads: read by the evidence check and by the lock lookup. */
export function resolveReferences(facts: DocumentFacts, index: WorkspaceIndex): ResolvedReferences {
  return {
    evidence: facts.evidence.map((ref) => ({ ref, resolution: resolveEvidencePath(facts.path, ref.path, index) })),
    links: facts.links.flatMap((link) => {
      const target = linkTarget(link);
      if (target === undefined) return [];
      const resolution = link.kind === 'footer' ? resolveKbPath(target, index, index.files) : resolveEvidencePath(facts.path, target, index);
      return [{ link, target, resolution }];
    }),
  };
}

/** The file path a link names, or undefined for URLs, mail addresses and in-page anchors. */
export function linkTarget(link: LinkRef): string | undefined {
  let target = link.target;
  if (link.kind !== 'footer') {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target) || target.startsWith('#') || target === '') return undefined;
    target = target.replace(/[?#].*$/, '');
    try {
      target = decodeURIComponent(target);
    } catch {
      // A stray "%" is a literal character in the file name.
    }
  }
  return target;
}
