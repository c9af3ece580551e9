import type { Analyzer } from '../core/analyzer';
import type { Settings } from '../core/settings';
import type { Diagnostic } from '../core/types';
import type { Workspace } from '../core/workspace';

/** What the server needs from its host platform, injected so the server itself stays testable. */
export interface Runtime {
  /** A workspace over a folder on disk; throws when the folder cannot be opened. */
  openFolder(fsPath: string): Workspace;
  /** Local file-system path of a file: URI, or undefined for other schemes. */
  uriToFsPath(uri: string): string | undefined;
  fsPathToUri(fsPath: string): string;
  /** Canonical form of a folder path (symbolic links resolved), or the path itself. */
  realPath(fsPath: string): string;
  timer: {
    setTimeout(callback: () => void, ms: number): { dispose(): void };
    setImmediate(callback: () => void): void;
  };
  /** Git, for the authority delta; absent on a host that has none (the delta then says so). */
  git?: GitHost;
  /** A folder's persisted facts and diagnostics; absent on a host that cannot keep files (every start then reads everything). */
  openCache?(options: CacheOptions): FolderCache;
}

export interface CacheOptions {
  /** The folder the client gave the server to keep files in. */
  storage: string;
  /** The workspace folder on disk. */
  root: string;
  version: string;
  settings: Partial<Settings>;
  workspace: Workspace;
  /** The disk's version of a file whose open buffer holds the same text; undefined when it differs or is not open (overlayWorkspace.ts). */
  savedVersion(path: string): string | undefined;
  log(message: string): void;
  /** Told when facts seeded from the cache do not read back: the host must forget them all. */
  onBad(): void;
}

export interface FolderCache {
  /**
   * Every document's kept diagnostics, when nothing they were computed from has moved since they
   * were written (`edited` as in load): they are then what the analysis will give, and a host
   * may answer with them before load. Undefined when anything moved or there is no usable cache.
   */
  preview(edited: readonly string[]): KeptResults | undefined;
  /** Something changed since preview: load must measure again. */
  changed(): void;
  /**
   * Seeds a fresh analyzer from the cache. True when its diagnostics were seeded too, so its
   * index is whole and it needs no warm-up; false when at most facts were (or nothing).
   * `edited`: the open buffers whose text differs from their file's, read as changed.
   */
  load(analyzer: Analyzer, edited: readonly string[]): boolean;
  /** Writes what the analyzer holds, for the next start. */
  save(analyzer: Analyzer): void;
}

/** A cache's kept diagnostics, with the file signatures they hold for (signatures.ts). */
export interface KeptResults {
  results: ReadonlyMap<string, Diagnostic[]>;
  signatures: ReadonlyMap<string, string | undefined>;
}

export interface GitHost {
  /**
   * The repository holding a folder on disk, or undefined when it lies in none. Throws, with a
   * reason the user can act on, when git itself cannot run.
   */
  repository(fsPath: string): GitRepository | undefined;
}

/** One folder of a repository; every method throws an Error whose message says what is wrong and how to fix it. */
export interface GitRepository {
  /** The full commit id a revision names; throws naming the revision when it names none. */
  resolve(revision: string): string;
  /** The folder as a commit holds it, read through git (never checked out); dispose() ends its git process. */
  open(commit: string, rootName: string): Workspace & { dispose(): void };
  /** Local branches and tags (at most `refs` of each), then the last `commits` commits of HEAD. */
  revisions(limits: { refs: number; commits: number }): GitRevisions;
}

export interface GitRevisions {
  branches: { name: string; short: string; subject: string }[];
  tags: { name: string; short: string; subject: string }[];
  commits: { commit: string; short: string; subject: string }[];
  truncated: boolean;
}
