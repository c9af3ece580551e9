import type { DocumentFacts } from './facts/types';
import type { BlockerStatus } from './index/blockerStatus';
import type { ResolvedReferences } from './index/references';
import type { Resolution } from './index/resolvePath';
import type { IndexView } from './index/workspaceIndex';
import type { SealTarget } from './checks/seals';
import type { TreeIdResult } from './seal/treeId';
import type { Settings } from './settings';
import type { Diagnostic } from './types';

/**
 * What the editor features and the workspace report read: one workspace's analysis, read-only.
 * The Analyzer is the host side (rust-analyzer's AnalysisHost): it takes changes, settings and
 * warm-up steps. The features (service/) get only this, so none of them can invalidate,
 * reconfigure or re-index behind the host's back.
 *
 * It is a view, not a copy: answers are computed and cached on first read, and everything is
 * synchronous, so between two host changes every read sees the same workspace.
 */
export interface Analysis {
  /** The settings in force: defaults, then `.govlens.json`, then the host's. */
  currentSettings(): Settings;
  /** Packet documents and KB notes, sorted. */
  documents(): readonly string[];
  /** Facts of a readable document (undefined: not readable), cached per version. */
  factsOf(path: string): DocumentFacts | undefined;
  /** The workspace-wide lookups over every document's facts. */
  workspaceIndex(): IndexView;
  /** Where each path a document cites leads. */
  referencesOf(facts: DocumentFacts): ResolvedReferences;
  /** Where a path written in the document but not yet one of its facts (text being typed) leads. */
  resolveCitation(facts: DocumentFacts, written: string): Resolution;
  /** The authority locks governing a document (spec §5). */
  governingLocks(facts: DocumentFacts): DocumentFacts[];
  /** The packet folder holding a JSON document, if any. */
  packetFolderOf(path: string): string | undefined;
  /** An action name in the grant detector's canonical vocabulary. */
  canonical(name: string): string | undefined;
  /** Which real file a path leads to, when the host can tell (links, hard links). */
  fileIdentity(path: string): string | undefined;
  /** A document's diagnostics; the same array while they have not changed. */
  diagnostics(path: string): Diagnostic[];
  /** One entry per blocker ID, from its latest definition, in file then line order. */
  blockers(): BlockerStatus[];
  /** A packet folder's current tree id (spec §8), undefined when `sealFormat` is off. */
  treeIdOf(folder: string): TreeIdResult | undefined;
  /** The seals a document states and the packet each is about (spec §8); none when `sealFormat` is off. */
  sealTargets(facts: DocumentFacts): readonly SealTarget[];
}
