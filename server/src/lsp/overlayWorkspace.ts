import type { Disposable, FileSnapshot, PathKind, ReadOptions, TreeEntry, Workspace, WorkspaceChange } from '../core/workspace';

/**
 * The disk workspace with the editor's open buffers laid over it: an open buffer wins over
 * the file on disk, and every open, edit, close and file event is reported as a change (an
 * open of the file as saved as a change of no path).
 */
export class OverlayWorkspace implements Workspace {
  private readonly open = new Map<string, FileSnapshot>();
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();

  constructor(private readonly disk: Workspace) {}

  get rootName(): string {
    return this.disk.rootName;
  }

  listFiles(): readonly string[] {
    const files = this.disk.listFiles();
    const unsaved = [...this.open.keys()].filter((p) => this.disk.stat(p) !== 'file');
    return unsaved.length === 0 ? files : [...new Set([...files, ...unsaved])].sort();
  }

  readFile(path: string, options?: ReadOptions): FileSnapshot | undefined {
    return this.open.get(path) ?? this.disk.readFile(path, options);
  }

  stat(path: string): PathKind {
    return this.open.has(path) ? 'file' : this.disk.stat(path);
  }

  /** A path is the file on disk it leads to; a buffer never saved leads to none there, so it has no identity and is a file of its own. */
  fileId(path: string): string | undefined {
    return this.disk.fileId?.(path);
  }

  // A tree id is of the bytes git would commit: the saved file, never an unsaved buffer, so these
  // go to the disk (a save is a change event, and the id follows it).
  listTree(folder: string): readonly TreeEntry[] | undefined {
    return this.disk.listTree?.(folder);
  }

  readBytes(path: string): Uint8Array | undefined {
    return this.disk.readBytes?.(path);
  }

  readLink(path: string): Uint8Array | undefined {
    return this.disk.readLink?.(path);
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  openPaths(): string[] {
    return [...this.open.keys()];
  }

  /**
   * The open buffers whose text is not the file's on disk (unsaved edits, files never saved).
   * A buffer equal to its file reads to the same facts, so a persisted cache's facts and
   * diagnostics of the file hold for it too: an editor restoring its tabs at startup then costs
   * the cache nothing, where treating every open buffer as changed re-checks each one and
   * everything its IDs could move.
   */
  editedPaths(): string[] {
    return this.openPaths().filter((path) => this.savedVersion(path) === undefined);
  }

  /**
   * The disk's version of a file whose open buffer holds the same text (the buffer's facts are
   * then the file's, and a cache may sign them as the file), undefined when it differs or the
   * path is not open.
   */
  savedVersion(path: string): string | undefined {
    const buffer = this.open.get(path);
    if (!buffer) return undefined;
    const saved = this.disk.readFile(path);
    return saved && saved.unreadSize === undefined && saved.text === buffer.text ? String(saved.version) : undefined;
  }

  /** `known`: the version of the facts the analysis holds for the path, if any (an open as saved keeps them only if they are of the saved file). */
  setBuffer(path: string, text: string, version: number, known?: string | number): void {
    const held = this.open.get(path);
    // The same text again (TextDocuments reports an open as a content change too) changes nothing.
    if (held?.text === text) return;
    const opened = held === undefined;
    const isNew = opened && this.disk.stat(path) !== 'file';
    // Prefixed so an editor version never equals a disk version (mtime+size).
    this.open.set(path, { text, version: `buffer:${version}` });
    // Opening a file as it is on disk, when the facts held are of that very version, changes
    // no facts (an editor restoring its tabs opens several while the index is seeded): a change
    // of nothing, so the host still runs its pass (the opened document is owed its diagnostics)
    // but nothing is re-read, and none of what the document's IDs could move is re-checked.
    // Facts of an older version (a change on disk no watcher reported) are read again; none
    // held yet are read (or taken from a cache that checks the file's signature) when asked.
    const saved = opened && !isNew ? this.savedVersion(path) : undefined;
    const asSaved = saved !== undefined && (known === undefined || saved === String(known));
    this.emit({ paths: asSaved ? [] : [path], listChanged: isNew });
  }

  closeBuffer(path: string): void {
    if (!this.open.delete(path)) return;
    // The disk's text takes over; a buffer that was never saved disappears from the list.
    this.emit({ paths: [path], listChanged: this.disk.stat(path) !== 'file' });
  }

  /** Files changed on disk (watcher events, saves by other programs). */
  diskChanged(paths: readonly string[], listChanged: boolean): void {
    if (paths.length > 0 || listChanged) this.emit({ paths, listChanged });
  }

  onDidChange(listener: (change: WorkspaceChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(change: WorkspaceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
