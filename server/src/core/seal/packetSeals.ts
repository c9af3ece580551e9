/**
 * What the analyzer needs of seals (spec §8), behind one object: the packets' tree ids, cached
 * until a file below the packet changes, and the inputs the seal check and the hover read, in
 * the configured object format (none when seals are off). The analyzer owns one and forwards its
 * workspace changes here, so every cache it keeps is still invalidated in one place.
 */
import { sealTargets, type SealTarget } from '../checks/seals';
import type { Configuration } from '../configuration';
import type { DiagnosticsInputs } from '../documentDiagnostics';
import type { DocumentFacts } from '../facts/types';
import type { ResolvedReferences } from '../index/references';
import type { Workspace, WorkspaceChange } from '../workspace';
import type { TreeIdResult } from './treeId';
import { TreeIdCache } from './treeIdCache';

export class PacketSeals {
  private readonly treeIds: TreeIdCache;

  constructor(workspace: Workspace) {
    this.treeIds = new TreeIdCache(workspace);
  }

  clear(): void {
    this.treeIds.clear();
  }

  invalidate(change: WorkspaceChange): void {
    this.treeIds.invalidate(change);
  }

  /** The seal check's inputs, or undefined when `.govlens.json` turns seals off. */
  inputs(configuration: Configuration): DiagnosticsInputs['seals'] {
    const format = configuration.settings.sealFormat;
    if (format === 'off') return undefined;
    return { format, treeIdOf: (folder) => this.treeIds.get(folder, format), packetHolding: (path) => configuration.packetHolding(path) };
  }

  /** The seals a document states, each with the packet it is of. */
  targets(facts: DocumentFacts, referencesOf: () => ResolvedReferences, configuration: Configuration): readonly SealTarget[] {
    const seals = this.inputs(configuration);
    return seals ? sealTargets(facts, referencesOf, seals) : [];
  }

  /** A packet folder's current tree id, undefined when seals are off. */
  treeIdOf(folder: string, configuration: Configuration): TreeIdResult | undefined {
    const format = configuration.settings.sealFormat;
    return format === 'off' ? undefined : this.treeIds.get(folder, format);
  }
}
