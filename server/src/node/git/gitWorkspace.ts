import type { FileSnapshot, PathKind, ReadOptions, TreeEntry, TreeEntryKind, Workspace } from '../../core/workspace';
import { skippedFolder } from '../../core/paths';
import { BlobReader } from './blobReader';
import { runGit } from './gitCommand';

const MAX_UTF8_BYTES_PER_CODE_UNIT = 3;
const BOM_BYTES = 3;
const decoder = new TextDecoder('utf-8');

interface Blob {
  oid: string;
  kind: TreeEntryKind;
  size: number;
}

const kindOfMode: Record<string, TreeEntryKind | undefined> = { '100644': 'file', '100755': 'executable', '120000': 'symlink' };

/**
 * A folder of a repository as one commit holds it, read through git: `git ls-tree` for the list,
 * one `git cat-file --batch` for contents, on demand. The work tree and the index are never read
 * or written, so a revision is compared without checking it out. Links are listed, never
 * followed (their target is text in a blob, not a place git can vouch for); submodules are left
 * out, as their files are not in this repository.
 */
export class GitRevisionWorkspace implements Workspace {
  readonly rootName: string;
  private readonly blobs = new Map<string, Blob>();
  private readonly folders = new Set<string>(['']);
  private readonly files: string[] = [];
  private readonly reader: BlobReader;
  private treeIndex: Map<string, TreeEntry[]> | undefined;

  /**
   * @param top the repository's top folder
   * @param commit a full commit id (resolveCommit)
   * @param prefix the workspace folder relative to the top, '' for the top: nothing outside it is listed or read
   */
  constructor(top: string, commit: string, prefix: string, rootName: string) {
    this.rootName = rootName;
    this.reader = new BlobReader(top);
    const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', commit];
    if (prefix !== '') args.push('--', `${prefix}/`);
    const strip = prefix === '' ? 0 : prefix.length + 1;
    for (const record of runGit(top, args).split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', type, oid = '', size = ''] = record.slice(0, tab).split(/ +/);
      const kind = kindOfMode[mode];
      if (type !== 'blob' || kind === undefined) continue;
      const path = record.slice(tab + 1).slice(strip);
      this.blobs.set(path, { oid, kind, size: Number(size) });
      for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) this.folders.add(path.slice(0, slash));
      if (kind !== 'symlink' && !path.split('/').slice(0, -1).some(skippedFolder)) this.files.push(path);
    }
    this.files.sort();
  }

  /** Stops the git process; reads after this start a new one. */
  dispose(): void {
    this.reader.dispose();
  }

  listFiles(): readonly string[] {
    return this.files;
  }

  readFile(path: string, options: ReadOptions = {}): FileSnapshot | undefined {
    const blob = this.blobs.get(path);
    if (blob === undefined || blob.kind === 'symlink') return undefined;
    // The listing's size, before a byte is read: a blob over the limit is not fetched.
    if (options.maxLength !== undefined && blob.size > MAX_UTF8_BYTES_PER_CODE_UNIT * options.maxLength + BOM_BYTES) return { text: '', version: blob.oid, unreadSize: blob.size };
    const bytes = this.reader.read(blob.oid);
    if (bytes === undefined) return undefined;
    return { text: decoder.decode(bytes).replace(/^\uFEFF/, ''), version: blob.oid };
  }

  stat(path: string): PathKind {
    if (path === '..' || path.startsWith('../') || path.startsWith('/')) return 'outside';
    const blob = this.blobs.get(path);
    // A link's target is not followed: where it leads is not something the commit says.
    if (blob !== undefined) return blob.kind === 'symlink' ? 'missing' : 'file';
    return this.folders.has(path) ? 'directory' : 'missing';
  }

  fileId(path: string): string | undefined {
    const blob = this.blobs.get(path);
    return blob === undefined || blob.kind === 'symlink' ? undefined : `path:${path}`;
  }

  listTree(folder: string): readonly TreeEntry[] | undefined {
    if (!this.folders.has(folder)) return undefined;
    return this.trees().get(folder) ?? [];
  }

  /**
   * Every folder's entries, built once on the first listTree: each blob goes to each folder
   * above it, so the cost is the listing's total depth, not a scan of every blob per packet.
   */
  private trees(): ReadonlyMap<string, TreeEntry[]> {
    if (this.treeIndex) return this.treeIndex;
    const index = new Map<string, TreeEntry[]>();
    for (const [path, blob] of this.blobs) {
      const add = (folder: string, inside: string): void => {
        if (inside === '.git' || inside.startsWith('.git/')) return;
        const list = index.get(folder);
        if (list) list.push({ path: inside, kind: blob.kind, size: blob.size });
        else index.set(folder, [{ path: inside, kind: blob.kind, size: blob.size }]);
      };
      add('', path);
      for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) add(path.slice(0, slash), path.slice(slash + 1));
    }
    return (this.treeIndex = index);
  }

  readBytes(path: string): Uint8Array | undefined {
    const blob = this.blobs.get(path);
    return blob === undefined || blob.kind === 'symlink' ? undefined : this.reader.read(blob.oid);
  }

  readLink(path: string): Uint8Array | undefined {
    const blob = this.blobs.get(path);
    return blob?.kind === 'symlink' ? this.reader.read(blob.oid) : undefined;
  }
}
