import type { Settings } from '../core/settings';
import type { Diagnostic } from '../core/types';
import type { KbFolder } from './kbFolder';
import type { FolderCache, KeptResults, Runtime } from './runtime';

/**
 * Written once the editor has been quiet this long (after indexing, after changes) and at
 * shutdown: a save computes every diagnostic not yet computed and rewrites the summary, which
 * must not run per keystroke, and a window killed without a shutdown still leaves a recent cache.
 */
const SAVE_IDLE_MS = 3000;

/** The server's persisted caches, one per workspace folder, when the client gave a storage folder. */
export class Persistence {
  private readonly caches = new Map<KbFolder, FolderCache>();
  /**
   * Per folder, between preview and load, the kept diagnostics that hold for the workspace as it
   * is: any change, and load, drop them (from then on only the analyzer answers).
   */
  private readonly kept = new Map<KbFolder, KeptResults>();
  /** Caches opened by preview, for load to go on from, with the settings each was opened under (its key). */
  private readonly previewed = new Map<KbFolder, { cache: FolderCache; settings: Partial<Settings> }>();
  private timer: { dispose(): void } | undefined;
  /** Something changed since the last save (or a first index was built): the next quiet moment, or the shutdown, writes. */
  private due = false;

  constructor(
    private readonly runtime: Runtime,
    private readonly storage: string | undefined,
    private readonly version: string,
    private readonly log: (message: string) => void,
    /** Seeded facts did not read back: the folder must forget them. */
    private readonly onBad: (folder: KbFolder) => void,
  ) {}

  /**
   * Opens the folders' caches and measures what moved since they were written; for a folder where
   * nothing did, its kept diagnostics answer (keptDiagnostics) until load. Cheap beside load: it
   * reads the summary and stats the files, but no facts and no index.
   */
  preview(targets: readonly KbFolder[]): void {
    for (const folder of targets) {
      const cache = this.open(folder);
      if (!cache) continue;
      this.previewed.set(folder, { cache, settings: folder.hostSettings });
      try {
        const kept = cache.preview(folder.workspace.editedPaths());
        if (kept) this.kept.set(folder, kept);
      } catch (error) {
        this.log(`${folder.uri}: cache not previewed (${String(error)})`);
      }
    }
  }

  /** A document's diagnostics as kept, while they hold (see preview); undefined otherwise. */
  keptDiagnostics(folder: KbFolder, path: string): Diagnostic[] | undefined {
    const kept = this.kept.get(folder);
    if (!kept) return undefined;
    // Opened since the preview, as saved: its file must still be the one the preview measured,
    // or it changed on disk with no watcher to say so, and nothing kept is trusted any more.
    if (folder.workspace.isOpen(path) && folder.workspace.savedVersion(path) !== kept.signatures.get(path)) {
      this.changed(folder);
      return undefined;
    }
    return kept.results.get(path);
  }

  /** Whether the folder's kept diagnostics hold (see preview). */
  holdsKept(folder: KbFolder): boolean {
    return this.kept.has(folder);
  }

  /** Something changed in the folder (all folders: undefined): its kept diagnostics no longer hold. */
  changed(folder?: KbFolder): void {
    for (const [each, { cache }] of this.previewed) {
      if (folder !== undefined && each !== folder) continue;
      this.kept.delete(each);
      cache.changed();
    }
  }

  /** Seeds freshly reset folders from their caches; returns the folders still to warm up. */
  load(targets: readonly KbFolder[]): KbFolder[] {
    if (this.storage === undefined || !this.runtime.openCache) return [...targets];
    return targets.filter((folder) => {
      this.kept.delete(folder);
      // The cache preview opened goes on from what it measured, if the folder's settings are still
      // those it was opened under; any other is opened under the settings now. A cache is keyed to
      // its settings: one opened before a change of them would seed the facts and diagnostics of
      // the old settings into an analyzer under the new (and be written back under the old key).
      const previewed = this.previewed.get(folder);
      this.previewed.delete(folder);
      const cache = previewed && previewed.settings === folder.hostSettings ? previewed.cache : this.open(folder);
      if (!cache) return true;
      try {
        return !cache.load(folder.analyzer, folder.workspace.editedPaths());
      } catch (error) {
        // Whatever was seeded before the failure is not trusted: the folder starts as without a cache.
        this.log(`${folder.uri}: cache not used (${String(error)})`);
        folder.analyzer.reset();
        return true;
      }
    });
  }

  private open(folder: KbFolder): FolderCache | undefined {
    const open = this.runtime.openCache;
    if (this.storage === undefined || !open) return undefined;
    const cache = open({
      storage: this.storage,
      root: folder.fsPath,
      version: this.version,
      settings: folder.hostSettings,
      workspace: folder.workspace,
      savedVersion: (path) => folder.workspace.savedVersion(path),
      log: (message) => this.log(`${folder.uri}: ${message}`),
      onBad: () => this.runtime.timer.setImmediate(() => this.onBad(folder)),
    });
    this.caches.set(folder, cache);
    return cache;
  }

  saveSoon(): void {
    if (this.caches.size === 0) return;
    this.due = true;
    this.timer?.dispose();
    this.timer = this.runtime.timer.setTimeout(() => this.saveNow(), SAVE_IDLE_MS);
  }

  /** Writes every warm folder's cache now, when a save is due. */
  saveNow(): void {
    this.timer?.dispose();
    this.timer = undefined;
    if (!this.due) return;
    this.due = false;
    for (const [folder, cache] of this.caches) {
      // A folder still indexing has nothing whole to write: the save stays due, for the next
      // quiet moment or the shutdown (an open during the warm-up must not spend it).
      if (!folder.analyzer.isWarm) {
        this.due = true;
        continue;
      }
      try {
        cache.save(folder.analyzer);
      } catch (error) {
        this.log(`${folder.uri}: cache not written (${String(error)})`);
      }
    }
  }

  forget(folder: KbFolder): void {
    this.caches.delete(folder);
    this.previewed.delete(folder);
    this.kept.delete(folder);
  }
}

/** `initializationOptions.storagePath`: where the client lets the server keep files (VS Code's storage folder for the extension). */
export function storageOf(initializationOptions: unknown): string | undefined {
  if (!initializationOptions || typeof initializationOptions !== 'object') return undefined;
  const value = (initializationOptions as Record<string, unknown>)['storagePath'];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
