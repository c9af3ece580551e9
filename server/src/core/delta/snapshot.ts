import type { Analysis } from '../analysis';
import { inForce } from '../checks/grants';
import { sealMatches } from '../checks/seals';
import { isBroken, lockRecord } from '../facts/anyKind';
import { analyzeWorkspace, findingRows, type FindingRow } from '../report';

/** One grant entry of one lock, as the delta compares and prints it. */
export interface GrantRow {
  lock: string;
  id: string;
  scope: string;
  actions: string[];
  /** The entry's `status`, when it states one. */
  status?: string;
}

export interface GrantFacts extends GrantRow {
  /** In production scope and in force: what `production-grant-added` watches. */
  production: boolean;
}

export type { FindingRow } from '../report';

export type SealVerdict = 'match' | 'mismatch' | 'unresolved';

export interface SealRow {
  /** The document stating the seal. */
  file: string;
  /** The hex digits as written. */
  seal: string;
  /** The packet folder it is about, when that can be told. */
  packet?: string;
  /** The packet's tree id at this revision, when computed. */
  tree?: string;
  verdict: SealVerdict;
}

/** What one revision's workspace records about authority: the input of the delta. */
export interface AuthoritySnapshot {
  grants: GrantFacts[];
  blockers: { id: string; status: 'unresolved' | 'resolved' }[];
  findings: FindingRow[];
  seals: SealRow[];
}

/** Reads the snapshot off an analysis; every list is linear in the workspace's documents and findings. */
export function snapshotOf(analysis: Analysis): AuthoritySnapshot {
  const report = analyzeWorkspace(analysis);
  const findings = findingRows(report.results);
  const grants: GrantFacts[] = [];
  const seals: SealRow[] = [];
  for (const path of analysis.documents()) {
    const facts = analysis.factsOf(path);
    if (facts === undefined) continue;
    if (facts.kind === 'delegation-and-authority-lock' && !isBroken(facts)) {
      for (const grant of lockRecord(facts).grants) {
        const row: GrantFacts = { lock: path, id: grant.id, scope: grant.scope, actions: [...grant.actions], production: inForce(grant) && analysis.canonical(grant.scope) === 'production' };
        if (grant.status !== undefined) row.status = grant.status;
        grants.push(row);
      }
    }
    for (const target of analysis.sealTargets(facts)) {
      const seal = target.ref.hex.toLowerCase();
      if (target.packet === undefined) {
        seals.push({ file: path, seal, verdict: 'unresolved' });
        continue;
      }
      const tree = analysis.treeIdOf(target.packet);
      if (tree === undefined || !('id' in tree)) seals.push({ file: path, seal, packet: target.packet, verdict: 'unresolved' });
      else seals.push({ file: path, seal, packet: target.packet, tree: tree.id, verdict: sealMatches(tree.id, target.ref) ? 'match' : 'mismatch' });
    }
  }
  return { grants, blockers: report.blockers.map((b) => ({ id: b.id, status: b.status })), findings, seals };
}
