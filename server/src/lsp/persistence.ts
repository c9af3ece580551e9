import type { KbFolder } from './kbFolder';
import type { FolderCache, Runtime } from './runtime';

/**
 * Written once the editor has been quiet this long (after indexing, after changes) and at
 * shutdown: a save computes every diagnostic not yet computed and rewrites the summary, which
 * must not run per keystroke, and a window killed without a shutdown still leaves a recent cache.
 */
const SAVE_IDLE_MS = 3000;

/** The server's persisted caches, one per workspace folder, when the client gave a storage folder. */
export class Persistence {
  private readonly caches = new Map<KbFolder, FolderCache>();
  private timer: { dispose(): void } | undefined;

  constructor(
    private readonly runtime: Runtime,
    private readonly storage: string | undefined,
    private readonly version: string,
    private readonly log: (message: string) => void,
    /** Seeded facts did not read back: the folder must forget them. */
    private readonly onBad: (folder: KbFolder) => void,
  ) {}

  /** Seeds freshly reset folders from their caches; returns the folders still to warm up. */
  load(targets: readonly KbFolder[]): KbFolder[] {
    const open = this.runtime.openCache;
    if (this.storage === undefined || !open) return [...targets];
    const storage = this.storage;
    return targets.filter((folder) => {
      const cache = open({
        storage,
        root: folder.fsPath,
        version: this.version,
        settings: folder.hostSettings,
        workspace: folder.workspace,
        savedVersion: (path) => folder.workspace.savedVersion(path),
        log: (message) => this.log(`${folder.uri}: ${message}`),
        onBad: () => this.runtime.timer.setImmediate(() => this.onBad(folder)),
      });
      this.caches.set(folder, cache);
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

  saveSoon(): void {
    if (this.caches.size === 0) return;
    this.timer?.dispose();
    this.timer = this.runtime.timer.setTimeout(() => this.saveNow(), SAVE_IDLE_MS);
  }

  /** Writes every folder's cache now, when a save is due. */
  saveNow(): void {
    if (!this.timer) return;
    this.timer.dispose();
    this.timer = undefined;
    for (const [folder, cache] of this.caches) {
      try {
        cache.save(folder.analyzer);
      } catch (error) {
        this.log(`${folder.uri}: cache not written (${String(error)})`);
      }
    }
  }

  forget(folder: KbFolder): void {
    this.caches.delete(folder);
  }
}

/** `initializationOptions.storagePath`: where the client lets the server keep files (VS Code's storage folder for the extension). */
export function storageOf(initializationOptions: unknown): string | undefined {
  if (!initializationOptions || typeof initializationOptions !== 'object') return undefined;
  const value = (initializationOptions as Record<string, unknown>)['storagePath'];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
