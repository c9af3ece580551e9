import type { DocumentFacts, LinkRef } from '../facts/types';
import { dirname } from '../paths';
import type { EvidenceRef } from '../scan/evidence';
import { resolveEvidencePath, resolveKbPath, type Resolution } from './resolvePath';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ResolvedReferences {
  evidence: { ref: EvidenceRef; resolution: Resolution }[];
  /** Links that name a file path (URLs and in-page anchors are left out), with the decoded path. */
  links: { link: LinkRef; target: string; resolution: Resolution }[];
  /**
   * Whether a bare name was settled by the packets of the IDs the document cites: that answer
   * moves when a definition of one of them comes or goes in some other document.
   */
  readonly readsIdSites: boolean;
  /** Where one more path written in the document leads, by the same rules (completion asks about text being typed). */
  resolve(written: string): Resolution;
}

/** The packet folder holding a workspace path (a file, or a folder written with a trailing `/`), if any. */
export type PacketOf = (path: string) => string | undefined;

/**
 * Where every path a document cites leads: read by the evidence check, the lock lookup and the
 * editor features. Spec §4's lookup first; a bare name it finds ambiguous is then settled by
 * the document's context (see settleBareName).
 */
export function resolveReferences(facts: DocumentFacts, index: WorkspaceIndex, packetOf: PacketOf): ResolvedReferences {
  const evidence = facts.evidence.map((ref) => ({ ref, resolution: resolveEvidencePath(facts.path, ref.path, index) }));
  // Only notes have links: a packet document cites by evidence references alone.
  const links = (facts.kind === 'note' ? facts.links : []).flatMap((link) => {
    const target = linkTarget(link);
    if (target === undefined) return [];
    const resolution = link.kind === 'footer' ? resolveKbPath(target, index, index.files) : resolveEvidencePath(facts.path, target, index);
    return [{ link, target, resolution }];
  });
  const settler = new BareNameSettler(facts, index, packetOf, [...evidence, ...links].map((r) => r.resolution));
  for (const e of evidence) e.resolution = settler.settle(e.ref.path, e.resolution);
  for (const l of links) if (l.link.kind !== 'footer') l.resolution = settler.settle(l.target, l.resolution);
  return {
    evidence,
    links,
    get readsIdSites() {
      return settler.readIdSites;
    },
    resolve: (written) => settler.settle(written, resolveEvidencePath(facts.path, written, index)),
  };
}

/**
 * A bare name that several files share (`precondition-checklist.json`, which every packet has)
 * means the one in a packet the document is about: the packet holding it, the packets of the
 * files and folders it cites by path, and the packets defining the IDs it cites. When those
 * do not decide, the only one below the document's own folder. Otherwise it stays ambiguous.
 */
class BareNameSettler {
  private cited: Set<string> | undefined;
  private readonly settled = new Map<string, Resolution>();
  readIdSites = false;

  constructor(
    private readonly facts: DocumentFacts,
    private readonly index: WorkspaceIndex,
    private readonly packetOf: PacketOf,
    /** The spec's resolutions of the document's paths: which packets it cites is read from these, not from settled names. */
    private readonly resolved: readonly Resolution[],
  ) {}

  settle(written: string, resolution: Resolution): Resolution {
    if (resolution.kind !== 'ambiguous' || /[/\\]/.test(written)) return resolution;
    let settled = this.settled.get(written);
    if (!settled) {
      settled = this.narrow(resolution);
      this.settled.set(written, settled);
    }
    return settled;
  }

  private narrow(resolution: Resolution & { kind: 'ambiguous' }): Resolution {
    const cited = this.citedPackets();
    const folder = dirname(this.facts.path);
    const tiers = [
      (file: string) => {
        const packet = this.packetOf(file);
        return packet !== undefined && cited.has(packet);
      },
      (file: string) => folder === '' || file.startsWith(`${folder}/`),
    ];
    let pool = resolution.candidates;
    for (const keep of tiers) {
      const kept = pool.filter(keep);
      if (kept.length === 1) return { kind: 'file', path: kept[0] ?? '' };
      if (kept.length > 1) pool = kept;
    }
    return resolution;
  }

  private citedPackets(): Set<string> {
    if (this.cited) return this.cited;
    const cited = new Set<string>();
    const add = (packet: string | undefined) => {
      if (packet !== undefined) cited.add(packet);
    };
    add(this.packetOf(this.facts.path));
    for (const resolution of this.resolved) {
      if (resolution.kind === 'file') add(this.packetOf(resolution.path));
      else if (resolution.kind === 'directory') add(this.packetOf(`${resolution.path}/`));
    }
    const ids = new Set(this.facts.idRefs.map((r) => r.id));
    this.readIdSites = ids.size > 0;
    for (const id of ids) for (const site of this.index.definitions.get(id) ?? []) add(this.packetOf(site.path));
    this.cited = cited;
    return cited;
  }
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
