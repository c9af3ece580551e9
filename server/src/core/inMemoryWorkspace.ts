import type { Disposable, FileSnapshot, PathKind, ReadOptions, Workspace, WorkspaceChange } from './workspace';

/** A workspace held in memory: the tests' fixture format, and a base for editor overlays. */
export class InMemoryWorkspace implements Workspace {
  private readonly files = new Map<string, FileSnapshot>();
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  private sorted: string[] | undefined;
  private counter = 0;

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

  set(path: string, text: string): void {
    const created = !this.files.has(path);
    this.files.set(path, { text, version: ++this.counter });
    if (created) this.sorted = undefined;
    this.emit({ paths: [path], listChanged: created });
  }

  delete(path: string): void {
    if (!this.files.delete(path)) return;
    this.sorted = undefined;
    this.emit({ paths: [path], listChanged: true });
  }

  onDidChange(listener: (change: WorkspaceChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(change: WorkspaceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
