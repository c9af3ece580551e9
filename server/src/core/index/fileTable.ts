import { ancestors, basename } from '../paths';
import { NearestIndex } from '../text/nearest';
import type { PathKind } from '../workspace';
import type { FileLookup } from './resolvePath';

/**
 * The workspace's files as the path rules see them (resolvePath.ts): which paths exist and
 * what they are, files by base name and by `…/` suffix, the nearest name to a missing one.
 * Built from the file list alone, so it knows nothing of facts; the index is rebuilt, and
 * this with it, whenever files come or go.
 */
export class FileTable implements FileLookup {
  private readonly byName = new Map<string, string[]>();
  private readonly fileSet: ReadonlySet<string>;
  /** The folders holding listed files: they exist, and inside the workspace (the walk reached them). */
  private readonly folderSet = new Set<string>();
  private readonly stats = new Map<string, PathKind>();
  /** Per `…/` suffix, the files ending with it: a note may cite the same suffix thousands of times. */
  private readonly bySuffix = new Map<string, readonly string[]>();
  /** Built on the first question: most runs (a warm cached check) never ask one. */
  private fileNames: NearestIndex | undefined;

  constructor(
    readonly files: readonly string[],
    private readonly statFile: (path: string) => PathKind,
  ) {
    this.fileSet = new Set(files);
    for (const file of files) {
      for (const folder of ancestors(file)) {
        if (this.folderSet.has(folder)) break;
        this.folderSet.add(folder);
      }
      const name = basename(file);
      const list = this.byName.get(name);
      if (list) list.push(file);
      else this.byName.set(name, [file]);
    }
  }

  stat(path: string): PathKind {
    // Listed files and their folders need no system call; anything else (links, unlisted
    // files, paths that do not exist) asks the host once per index: the index is rebuilt
    // whenever files come or go.
    const known = this.known(path);
    if (known !== undefined) return known;
    // Nothing exists below a path that does not exist or is a file, and everything below a
    // path that leaves the workspace leaves it too: walking down from the root, the first
    // folder that is not listed is asked about once and answers for every path cited below it
    // (a note citing root-relative paths makes its own folder's version of each a candidate
    // first). A loop, not a recursion: a cited path may be tens of thousands of folders deep.
    let kind: PathKind | undefined;
    for (let end = path.indexOf('/'); end >= 0 && kind === undefined; end = path.indexOf('/', end + 1)) {
      const folder = path.slice(0, end);
      const above = this.known(folder) ?? this.ask(folder);
      if (above === 'outside') kind = 'outside';
      else if (above !== 'directory') kind = 'missing';
    }
    return this.ask(path, kind);
  }

  private known(path: string): PathKind | undefined {
    if (this.fileSet.has(path)) return 'file';
    if (this.folderSet.has(path)) return 'directory';
    return this.stats.get(path);
  }

  /** The host's answer for a path whose folders are all there (or the answer they imply), remembered. */
  private ask(path: string, implied?: PathKind): PathKind {
    const kind = implied ?? this.statFile(path);
    this.stats.set(path, kind);
    return kind;
  }

  /** The workspace file name nearest to a missing one. */
  closestFileName(name: string): string | undefined {
    this.fileNames ??= new NearestIndex(this.byName.keys());
    return this.fileNames.nearest(name);
  }

  named(name: string): readonly string[] {
    return this.byName.get(name) ?? [];
  }

  endingWith(suffix: string): readonly string[] {
    let found = this.bySuffix.get(suffix);
    if (!found) {
      const name = basename(suffix);
      // Only files of the right base name can end with the suffix, unless the elision cut the name itself.
      const pool = suffix.includes('/') ? this.named(name) : this.files;
      found = pool.filter((f) => f.endsWith(suffix));
      this.bySuffix.set(suffix, found);
    }
    return found;
  }
}
