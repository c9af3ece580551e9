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
}
