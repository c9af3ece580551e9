import type { Settings } from '../core/settings';
import { KbFolder } from './kbFolder';
import type { Runtime } from './runtime';

export interface Located {
  folder: KbFolder;
  path: string;
}

/** The workspace folders the client opened, and which of them owns a URI. */
export class Folders {
  private list: KbFolder[] = [];

  constructor(
    private readonly runtime: Runtime,
    /** Where a folder's analysis failures are logged. */
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  get all(): readonly KbFolder[] {
    return this.list;
  }

  /** Opens a folder; a folder that cannot be read is reported and skipped, the others still work. */
  add(uri: string, settings: Partial<Settings>): KbFolder | undefined {
    const fsPath = this.runtime.uriToFsPath(uri);
    if (fsPath === undefined || this.list.some((f) => f.uri === uri)) return undefined;
    const folder = new KbFolder(uri, fsPath, this.runtime, settings, this.log);
    this.list.push(folder);
    this.list.sort((a, b) => b.depth - a.depth);
    return folder;
  }

  remove(uri: string): void {
    const folder = this.list.find((f) => f.uri === uri);
    folder?.dispose();
    this.list = this.list.filter((f) => f !== folder);
  }

  /** Like locate, but only for the documents Governance Lens analyses (packet documents, notes). */
  locateDocument(uri: string): Located | undefined {
    const located = this.locate(uri);
    return located && located.folder.analyzer.isDocument(located.path) ? located : undefined;
  }

  /** The folder a URI names, or the one holding the file or folder it names. */
  owner(uri: string): KbFolder | undefined {
    const fsPath = this.runtime.uriToFsPath(uri);
    if (fsPath === undefined) return undefined;
    return this.list.find((f) => f.uri === uri || f.isRoot(fsPath)) ?? this.locate(uri)?.folder;
  }

  locate(uri: string): Located | undefined {
    const fsPath = this.runtime.uriToFsPath(uri);
    if (fsPath === undefined) return undefined;
    for (const folder of this.list) {
      const path = folder.pathOf(fsPath);
      if (path !== undefined) return { folder, path };
    }
    return undefined;
  }
}
