import type { Disposable, FileSnapshot, PathKind, ReadOptions, TreeEntry, Workspace, WorkspaceChange } from './workspace';

const encoder = new TextEncoder();

/** A workspace held in memory: the tests' fixture format, and a base for editor overlays. */
export class InMemoryWorkspace implements Workspace {
  private readonly files = new Map<string, FileSnapshot>();
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  private sorted: string[] | undefined;
  private counter = 0;
  /** Bytes set as bytes (not valid UTF-8, a BOM); any other file's bytes are its text in UTF-8. */
  private readonly raw = new Map<string, Uint8Array>();
  private readonly executable = new Set<string>();
  /**
   * Symbolic links by their text. Only the tree id sees them (listTree, readLink): the analysis
   * never reads through one here, so tests of link resolution use the disk workspace.
   */
  private readonly links = new Map<string, string>();

  constructor(
    files: Record<string, string> = {},
    readonly rootName = 'workspace',
  ) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, { text, version: ++this.counter });
  }

  listFiles(): readonly string[] {
    this.sorted ??= [...this.files.keys()].sort();
    return this.sorted;
  }

  /** The text is in memory already: the analyzer applies the size limit to its length. */
  readFile(path: string, _options?: ReadOptions): FileSnapshot | undefined {
    return this.files.get(path);
  }

  stat(path: string): PathKind {
    if (this.files.has(path)) return 'file';
    const prefix = path === '' ? '' : `${path}/`;
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return 'directory';
    return 'missing';
  }

  /** Every file and link below the folder; hidden ones too, as the disk workspace lists them for a tree id. */
  listTree(folder: string): readonly TreeEntry[] | undefined {
    const prefix = folder === '' ? '' : `${folder}/`;
    const entries: TreeEntry[] = [];
    // The sorted list holds the folder's files as one run: found by bisection, so listing every
    // packet of a large workspace does not read the whole list once per packet.
    const sorted = this.listFiles();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[mid] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < sorted.length && (sorted[i] ?? '').startsWith(prefix); i++) {
      const path = sorted[i] ?? '';
      entries.push({ path: path.slice(prefix.length), kind: this.executable.has(path) ? 'executable' : 'file', size: this.bytesOf(path)?.length ?? 0 });
    }
    for (const [path, target] of this.links) if (path.startsWith(prefix)) entries.push({ path: path.slice(prefix.length), kind: 'symlink', size: encoder.encode(target).length });
    return entries.length === 0 && this.stat(folder) !== 'directory' ? undefined : entries;
  }

  readBytes(path: string): Uint8Array | undefined {
    return this.bytesOf(path);
  }

  readLink(path: string): Uint8Array | undefined {
    const target = this.links.get(path);
    return target === undefined ? undefined : encoder.encode(target);
  }

  set(path: string, text: string): void {
    const created = !this.files.has(path);
    this.raw.delete(path);
    this.files.set(path, { text, version: ++this.counter });
    if (created) this.sorted = undefined;
    this.emit({ paths: [path], listChanged: created });
  }

  /** A file given as bytes; its text is them decoded as UTF-8 (a BOM dropped, as the disk workspace drops it). */
  setBytes(path: string, bytes: Uint8Array, options: { executable?: boolean } = {}): void {
    const created = !this.files.has(path);
    this.raw.set(path, bytes.slice());
    if (options.executable) this.executable.add(path);
    else this.executable.delete(path);
    this.files.set(path, { text: new TextDecoder().decode(bytes), version: ++this.counter });
    if (created) this.sorted = undefined;
    this.emit({ paths: [path], listChanged: created });
  }

  /** A symbolic link with this text (its target is never looked at). */
  setLink(path: string, target: string): void {
    this.links.set(path, target);
    this.emit({ paths: [path], listChanged: true });
  }

  delete(path: string): void {
    if (this.links.delete(path)) {
      this.emit({ paths: [path], listChanged: true });
      return;
    }
    this.raw.delete(path);
    this.executable.delete(path);
    if (!this.files.delete(path)) return;
    this.sorted = undefined;
    this.emit({ paths: [path], listChanged: true });
  }

  private bytesOf(path: string): Uint8Array | undefined {
    const file = this.files.get(path);
    return file === undefined ? undefined : (this.raw.get(path) ?? encoder.encode(file.text));
  }

  onDidChange(listener: (change: WorkspaceChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(change: WorkspaceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
