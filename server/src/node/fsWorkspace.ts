import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { skippedFolder } from '../core/paths';
import type { FileSnapshot, PathKind, ReadOptions, TreeEntry, Workspace } from '../core/workspace';

const MAX_UTF8_BYTES_PER_CODE_UNIT = 3;
const BOM_BYTES = 3;
/**
 * A file modified this recently, when read, may be written again within the granularity of its
 * modification time (a tick of the kernel's clock; 1 or 2 s on FAT, HFS+ and some NFS servers)
 * with the same size: its size and time would then name two contents, and a persisted cache
 * signed with them would hand the next start the facts of the first (git's "racy clean" case).
 */
const RACY_MS = 2000;

/**
 * The workspace on disk. Every read is contained: a path whose real location (symbolic
 * links followed, one component at a time) leaves the root is reported 'outside', and nothing
 * beyond the root is opened, read or even probed. Only regular files
 * are documents: a FIFO, socket or device is 'missing', and nothing waits on one. A file that
 * cannot be read (vanished, unreadable, a link loop) is undefined, never an exception.
 */
export class NodeFileSystemWorkspace implements Workspace {
  readonly rootName: string;
  private readonly root: string;
  /** The root's real path, and the path it was opened by: a link's absolute target may spell either. */
  private readonly roots: string[];

  /** @param rootDir an existing folder; throws if it cannot be resolved. */
  constructor(rootDir: string) {
    this.root = fs.realpathSync(rootDir);
    this.rootName = nodePath.basename(this.root);
    this.roots = [...new Set([this.root, nodePath.resolve(rootDir)])];
  }

  listFiles(): readonly string[] {
    const files: string[] = [];
    const walk = (dir: string, prefix: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return; // an unreadable folder hides its files; it does not stop the analysis
      }
      for (const entry of entries) {
        const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!skippedFolder(entry.name)) walk(nodePath.join(dir, entry.name), relative);
        } else if (entry.isFile()) {
          files.push(relative);
        } else if (entry.isSymbolicLink() && this.stat(relative) === 'file') {
          // Linked folders are not walked (no loops, no duplicates); linked files that stay inside count.
          files.push(relative);
        }
      }
    };
    walk(this.root, '');
    return files.sort();
  }

  readFile(path: string, options: ReadOptions = {}): FileSnapshot | undefined {
    const found = this.resolve(path);
    if (typeof found === 'string') return undefined;
    const real = found.real;
    let fd: number | undefined;
    try {
      // The checked path is opened without following a link put there since the check, and
      // without waiting on a FIFO put there (a read of one would block until a writer came).
      fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) return undefined;
      // Such a read's version equals no signature (signatures.ts), so a cache checks the file again.
      const version = `${stat.mtimeMs}:${stat.size}${Date.now() - stat.mtimeMs < RACY_MS ? ':racy' : ''}`;
      // The size of what is open, before a byte is read: a sparse file of gigabytes takes no
      // disk and would take seconds and gigabytes of memory to read. UTF-8 spends at most 3
      // bytes on a UTF-16 code unit (and a BOM is 3 more), so a file larger than that surely
      // holds more text than the limit; one below it is read, and the analyzer counts exactly.
      if (options.maxLength !== undefined && stat.size > MAX_UTF8_BYTES_PER_CODE_UNIT * options.maxLength + BOM_BYTES) return { text: '', version, unreadSize: stat.size };
      // Editors drop a UTF-8 byte-order mark from the text; so do we, so offsets agree.
      const text = fs.readFileSync(fd, 'utf8').replace(/^\uFEFF/, '');
      return { text, version };
    } catch {
      return undefined; // vanished, unreadable, a link loop, too large for a string
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  stat(path: string): PathKind {
    const found = this.resolve(path);
    if (typeof found === 'string') return found;
    // A FIFO, socket or device is no document: there is nothing to read.
    return found.stat.isDirectory() ? 'directory' : found.stat.isFile() ? 'file' : 'missing';
  }

  fileId(path: string): string | undefined {
    const found = this.resolve(path);
    if (typeof found === 'string' || !found.stat.isFile()) return undefined;
    try {
      // As big integers: inode numbers may pass 2^53, where two of them would look alike.
      const stat = fs.lstatSync(found.real, { bigint: true });
      return `${stat.dev}:${stat.ino}`;
    } catch {
      return undefined;
    }
  }

  /**
   * Every file and link below a folder, for its tree id: hidden ones and node_modules too (git
   * commits them), `.git` not, links never followed (git stores a link's text), FIFOs, sockets
   * and devices left out (git does not add them). A folder on the way that cannot be read makes
   * the whole answer undefined: an id over part of the bytes would be wrong.
   */
  listTree(folder: string): readonly TreeEntry[] | undefined {
    const start = this.plain(folder);
    if (start === undefined || !lstat(start)?.isDirectory()) return undefined;
    const entries: TreeEntry[] = [];
    // Folders still to read, as (absolute, relative to the folder listed): a stack, not
    // recursion, because a folder may be nested thousands deep.
    const pending: [string, string][] = [[start, '']];
    while (pending.length > 0) {
      const [dir, prefix] = pending.pop() ?? ['', ''];
      let names: fs.Dirent[];
      try {
        names = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return undefined;
      }
      for (const entry of names) {
        if (entry.name === '.git') continue;
        const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        const absolute = nodePath.join(dir, entry.name);
        if (entry.isDirectory()) {
          pending.push([absolute, relative]);
          continue;
        }
        if (!entry.isFile() && !entry.isSymbolicLink()) continue;
        const stat = lstat(absolute);
        if (!stat) return undefined;
        if (stat.isSymbolicLink()) entries.push({ path: relative, kind: 'symlink', size: stat.size });
        // Git's own test: the owner's execute bit makes a blob 100755.
        else if (stat.isFile()) entries.push({ path: relative, kind: stat.mode & 0o100 ? 'executable' : 'file', size: stat.size });
      }
    }
    return entries;
  }

  readBytes(path: string): Uint8Array | undefined {
    const real = this.plain(path);
    if (real === undefined) return undefined;
    let fd: number | undefined;
    try {
      fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
      if (!fs.fstatSync(fd).isFile()) return undefined;
      return new Uint8Array(fs.readFileSync(fd));
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  readLink(path: string): Uint8Array | undefined {
    const real = this.plain(path);
    if (real === undefined || !lstat(real)?.isSymbolicLink()) return undefined;
    try {
      // As bytes: git stores the link's text as the system gives it, whatever its encoding.
      return new Uint8Array(fs.readlinkSync(real, { encoding: 'buffer' }));
    } catch {
      return undefined;
    }
  }

  /**
   * A workspace path as it stands on disk, when every folder on the way is a real folder (no
   * symbolic link, no `..`): a tree id reads what git would commit there, and never goes
   * through a link to somewhere else. The last component may be anything, a link included.
   */
  private plain(path: string): string | undefined {
    const parts = path === '' ? [] : path.split('/');
    let current = this.root;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i] ?? '';
      if (name === '' || name === '.' || name === '..') return undefined;
      current = nodePath.join(current, name);
      const stat = lstat(current);
      if (!stat) return undefined;
      // lstat: a link to a folder is a link here, not a folder.
      if (i < parts.length - 1 && !stat.isDirectory()) return undefined;
    }
    return current;
  }

  /**
   * Where a workspace path really leads, links followed one component at a time from the root.
   * Each component is looked at with lstat, never followed by the kernel: a link is read
   * (readlink) and its target taken apart in turn. The walk stops at the first step that would
   * leave the root (a `..` above it, a link to a place outside it): everything through that step
   * is 'outside', whether or not it exists there, and nothing outside is ever named in a system
   * call, so no answer tells what exists beyond the workspace (realpath(3) did: it probes every
   * component of the target, outside too).
   */
  private resolve(path: string): { real: string; stat: fs.Stats } | 'outside' | 'missing' {
    // A stack of the components still to walk, the next one last.
    const pending = path.split('/').reverse();
    let current = this.root;
    let stat: fs.Stats | undefined;
    let links = 0;
    while (pending.length > 0) {
      const name = pending.pop() ?? '';
      if (name === '' || name === '.') continue;
      if (name === '..') {
        if (current === this.root) return 'outside';
        current = nodePath.dirname(current);
        stat = undefined;
        continue;
      }
      // Below a file nothing exists; the walk only ever goes on from a folder.
      if (stat && !stat.isDirectory()) return 'missing';
      const next = nodePath.join(current, name);
      const entry = lstat(next);
      if (!entry) return 'missing';
      if (entry.isSymbolicLink()) {
        // As the kernel does: a chain of more than 40 links is a loop.
        if (++links > MAX_LINKS) return 'missing';
        const target = readlink(next);
        if (target === undefined) return 'missing';
        if (nodePath.isAbsolute(target)) {
          // An absolute target counts only by its spelling under the root: it is never probed to
          // learn where it leads.
          const within = this.underRoot(target);
          if (within === undefined) return 'outside';
          current = this.root;
          stat = undefined;
          for (let i = within.length - 1; i >= 0; i--) pending.push(within[i] ?? '');
        } else {
          const parts = target.split(SEPARATORS);
          for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i] ?? '');
        }
        continue;
      }
      current = next;
      stat = entry;
    }
    stat ??= lstat(current);
    return stat ? { real: current, stat } : 'missing';
  }

  /** The components of an absolute path below the root (as resolved, or as given), or undefined when it is not spelt below it. */
  private underRoot(absolute: string): string[] | undefined {
    for (const root of this.roots) {
      if (absolute === root) return [];
      if (absolute.startsWith(root.endsWith(nodePath.sep) ? root : root + nodePath.sep)) return absolute.slice(root.length).split(SEPARATORS);
    }
    return undefined;
  }
}

const MAX_LINKS = 40;
/** What separates the components of a link's target: a backslash is an ordinary character outside Windows. */
const SEPARATORS = nodePath.sep === '\\' ? /[\\/]/ : /\//;

function lstat(path: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // unreadable folder on the way, a name too long
  }
}

function readlink(path: string): string | undefined {
  try {
    return fs.readlinkSync(path);
  } catch {
    return undefined;
  }
}
