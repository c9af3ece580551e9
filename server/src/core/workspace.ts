/**
 * The only way the core sees files. Hosts inject an implementation: the CLI and the
 * server a Node file-system one (server/src/node), tests an in-memory one. Paths are
 * workspace-relative with `/` separators (see paths.ts).
 */

export interface FileSnapshot {
  text: string;
  /** Changes whenever the text may have changed (editor version, mtime+size, counter). */
  version: string | number;
  /**
   * Set, with an empty text, when the host left the file unread because it surely holds more
   * than the reader's `maxLength`: its size in bytes.
   */
  unreadSize?: number;
}

export interface ReadOptions {
  /**
   * The most UTF-16 code units the reader will analyse. A host may leave unread a file that
   * surely holds more (its size says so before a byte is read): a sparse 3 GiB note must not
   * be read to learn that it is too large.
   */
  maxLength?: number;
}

/** Where a path really leads; symbolic links are followed, and 'outside' means the real target leaves the workspace. */
export type PathKind = 'file' | 'directory' | 'missing' | 'outside';

export interface WorkspaceChange {
  /** Files whose content changed, appeared or disappeared. */
  paths: readonly string[];
  /** True when files were created or deleted, so the file list must be read again. */
  listChanged: boolean;
}

export interface Disposable {
  dispose(): void;
}

export interface Workspace {
  /** The root folder's own name: a root that is itself a packet folder counts as one. */
  readonly rootName: string;
  /** Every file below the root, sorted; hidden folders and node_modules are not walked. */
  listFiles(): readonly string[];
  /** The file's text, or undefined when it cannot be read (vanished, unreadable, outside). */
  readFile(path: string, options?: ReadOptions): FileSnapshot | undefined;
  stat(path: string): PathKind;
  /**
   * Which file a path leads to (on disk: its device and inode), or undefined when it leads to
   * no file or that is not known: two paths with the same identity are one file, reached
   * through a symbolic or a hard link. Edits must reach each file once.
   */
  fileId?(path: string): string | undefined;
  /**
   * Every entry below a folder as git would store it, for the folder's tree id (seal/treeId.ts):
   * hidden files and folders and node_modules included (git commits them; listFiles skips them
   * only because they hold no documents), `.git` left out, symbolic links listed as links and
   * never followed, folders only through the files in them. Undefined when the folder is not a
   * folder reached from the root without a symbolic link, or part of it cannot be read (an id
   * from half the bytes would be wrong, not approximate). Hosts that cannot say leave it out.
   */
  listTree?(folder: string): readonly TreeEntry[] | undefined;
  /** A regular file's bytes as stored (no BOM dropped, nothing decoded), never through a link; undefined otherwise. */
  readBytes?(path: string): Uint8Array | undefined;
  /** A symbolic link's own text as bytes (what git stores for it), never followed; undefined when the path is no link. */
  readLink?(path: string): Uint8Array | undefined;
  /** Hosts with live files (editors, tests) report changes so cached facts are dropped. */
  onDidChange?(listener: (change: WorkspaceChange) => void): Disposable;
}

/** How git stores a file: a blob of mode 100644, 100755 when executable, or a link (120000). */
export type TreeEntryKind = 'file' | 'executable' | 'symlink';

export interface TreeEntry {
  /** Relative to the folder listed, `/` separators. */
  path: string;
  kind: TreeEntryKind;
  /** Bytes (a link: of its text), as the host saw them when listing; lets a reader refuse a huge folder before reading it. */
  size: number;
}
