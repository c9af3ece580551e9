import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { FileSnapshot, PathKind, ReadOptions, Workspace } from '../core/workspace';

const MAX_UTF8_BYTES_PER_CODE_UNIT = 3;
const BOM_BYTES = 3;

/**
 * The workspace on disk. Every read is contained: a path whose real location (symbolic
 * links followed) leaves the root is reported 'outside' and never opened. Only regular files
 * are documents: a FIFO, socket or device is 'missing', and nothing waits on one. A file that
 * cannot be read (vanished, unreadable, a link loop) is undefined, never an exception.
 */
export class NodeFileSystemWorkspace implements Workspace {
  readonly rootName: string;
  private readonly root: string;

  /** @param rootDir an existing folder; throws if it cannot be resolved. */
  constructor(rootDir: string) {
    this.root = fs.realpathSync(rootDir);
    this.rootName = nodePath.basename(this.root);
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
          if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(nodePath.join(dir, entry.name), relative);
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
    const real = this.realPath(path);
    if (real === 'outside' || real === 'missing') return undefined;
    let fd: number | undefined;
    try {
      // The checked path is opened without following a link put there since the check, and
      // without waiting on a FIFO put there (a read of one would block until a writer came).
      fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) return undefined;
      const version = `${stat.mtimeMs}:${stat.size}`;
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
    const real = this.realPath(path);
    if (real === 'outside' || real === 'missing') return real;
    try {
      const stat = fs.statSync(real);
      // A FIFO, socket or device is no document: there is nothing to read.
      return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'missing';
    } catch {
      return 'missing';
    }
  }

  /** Where a workspace path really leads, links followed, when that is inside the root. */
  private realPath(path: string): string | 'outside' | 'missing' {
    const absolute = nodePath.resolve(this.root, ...path.split('/'));
    if (!isInside(this.root, absolute)) return 'outside';
    let real: string;
    try {
      // One realpath(3) call: the JavaScript realpathSync makes an lstat per path component,
      // and evidence lookups ask about many paths that do not exist.
      real = fs.realpathSync.native(absolute);
    } catch {
      return 'missing'; // absent, or a dangling link
    }
    return isInside(this.root, real) ? real : 'outside';
  }
}

/** Whether `path` is `root` or below it; a name that merely starts with dots ("..notes.md") is inside. */
function isInside(root: string, path: string): boolean {
  const relative = nodePath.relative(root, path);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${nodePath.sep}`) && !nodePath.isAbsolute(relative);
}
