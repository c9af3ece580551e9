/**
 * Records every file-system call made in this process while it is installed: the functions
 * of `node:fs` (and `fs.promises`) are replaced by wrappers that note the operation and its
 * path, then call the original. The disk workspace reaches `fs` through its module object, so
 * it is observed; a call the spy does not know about is not, which is why the CLI and the
 * server are also checked end to end under the same instrumentation (recorder.cjs).
 */
import fs from 'node:fs';
import * as path from 'node:path';

export type Access = 'read' | 'probe' | 'write';

export interface FsCall {
  op: string;
  access: Access;
  /** Absolute path, or `fd:N` for calls on a descriptor. */
  target: string;
}

const READS = ['readFileSync', 'readFile', 'openSync', 'open', 'readdirSync', 'readdir', 'opendirSync', 'opendir', 'createReadStream', 'readlinkSync', 'readlink', 'readSync', 'read', 'readvSync', 'readv', 'watch', 'watchFile'];
const PROBES = ['statSync', 'stat', 'lstatSync', 'lstat', 'realpathSync', 'realpath', 'existsSync', 'exists', 'accessSync', 'access', 'fstatSync', 'fstat'];
const WRITES = [
  'writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'writeSync', 'write', 'writevSync', 'writev', 'mkdirSync', 'mkdir', 'mkdtempSync', 'mkdtemp', 'rmSync', 'rm',
  'rmdirSync', 'rmdir', 'unlinkSync', 'unlink', 'renameSync', 'rename', 'copyFileSync', 'copyFile', 'cpSync', 'cp', 'symlinkSync', 'symlink', 'linkSync', 'link', 'chmodSync', 'chmod',
  'chownSync', 'chown', 'truncateSync', 'truncate', 'ftruncateSync', 'ftruncate', 'utimesSync', 'utimes', 'futimesSync', 'futimes', 'createWriteStream',
];
const PROMISES_READS = ['readFile', 'open', 'readdir', 'opendir', 'readlink'];
const PROMISES_PROBES = ['stat', 'lstat', 'realpath', 'access'];
const PROMISES_WRITES = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'chmod', 'chown', 'truncate', 'utimes'];

/** Flags of an `open` that writes. */
function opensForWriting(flags: unknown): boolean {
  if (typeof flags === 'string') return /[wa+]/.test(flags);
  if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0;
  return false;
}

function targetOf(arg: unknown): string {
  if (typeof arg === 'number') return `fd:${arg}`;
  if (typeof arg === 'string') return path.resolve(arg);
  if (Buffer.isBuffer(arg)) return path.resolve(arg.toString());
  if (arg instanceof URL) return arg.protocol === 'file:' ? decodeURIComponent(arg.pathname) : arg.href;
  return String(arg);
}

export interface FsSpy {
  calls: FsCall[];
  /** Runs the test's own file operations without recording them. */
  unrecorded<T>(run: () => T): T;
  /** Restores the originals. */
  restore(): void;
}

export interface SpyOptions {
  /** Reads of these paths fail with EACCES, as for a file the user may not read (tests run as root ignore chmod). */
  denied?: (target: string) => boolean;
}

export function spyOnFs(options: SpyOptions = {}): FsSpy {
  const calls: FsCall[] = [];
  let recording = true;
  const restores: (() => void)[] = [];
  const wrap = (owner: Record<string, unknown>, name: string, access: Access, label: string) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      if (!recording) return (original as (...a: unknown[]) => unknown).apply(this, args);
      const kind = (name === 'openSync' || name === 'open') && opensForWriting(args[1]) ? 'write' : access;
      const target = targetOf(args[0]);
      calls.push({ op: label, access: kind, target });
      if (kind === 'read' && options.denied?.(target)) {
        throw Object.assign(new Error(`EACCES: permission denied, ${name} '${target}'`), { code: 'EACCES', errno: -13, syscall: name, path: target });
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    // realpathSync.native and friends hang off the function itself.
    for (const key of Object.keys(original)) (wrapped as unknown as Record<string, unknown>)[key] = (original as unknown as Record<string, unknown>)[key];
    owner[name] = wrapped;
    restores.push(() => (owner[name] = original));
  };
  const target = fs as unknown as Record<string, unknown>;
  for (const name of READS) wrap(target, name, 'read', name);
  for (const name of PROBES) wrap(target, name, 'probe', name);
  for (const name of WRITES) wrap(target, name, 'write', name);
  const realpath = fs.realpathSync as unknown as Record<string, unknown>;
  wrap(realpath, 'native', 'probe', 'realpathSync.native');
  const promises = fs.promises as unknown as Record<string, unknown>;
  for (const name of PROMISES_READS) wrap(promises, name, 'read', `promises.${name}`);
  for (const name of PROMISES_PROBES) wrap(promises, name, 'probe', `promises.${name}`);
  for (const name of PROMISES_WRITES) wrap(promises, name, 'write', `promises.${name}`);
  return {
    calls,
    unrecorded: (run) => {
      recording = false;
      try {
        return run();
      } finally {
        recording = true;
      }
    },
    restore: () => restores.reverse().forEach((r) => r()),
  };
}

/** True when `file` is `dir` or lies below it. */
export function isWithin(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Calls that look at a link itself, without following it: the only ones allowed on a link that leaves the workspace. */
const NOFOLLOW = new Set(['lstatSync', 'lstat', 'readlinkSync', 'readlink', 'promises.lstat', 'promises.readlink']);

/**
 * Whether a call named a path inside `root` that the kernel resolves outside it: a path
 * through a link that leaves the root (`ws/root-link/etc/hostname`), or such a link itself
 * with a call that follows it. Lexically the path is inside, so `isWithin` alone misses it.
 * Looks at the disk with `fs.realpathSync`, so call it outside the spy (`unrecorded`).
 */
export function leavesThroughLink(root: string, target: string, op: string): boolean {
  if (!isWithin(root, target)) return false;
  const parts = path.relative(root, target).split(path.sep).filter((p) => p !== '');
  let prefix = root;
  for (let i = 0; i < parts.length; i++) {
    prefix = path.join(prefix, parts[i] ?? '');
    let link = false;
    try {
      link = fs.lstatSync(prefix).isSymbolicLink();
    } catch {
      return false; // nothing there: the kernel stops before any link
    }
    if (!link) continue;
    let real: string | undefined;
    try {
      real = fs.realpathSync(prefix);
    } catch {
      real = undefined; // dangling or a loop: it leads nowhere
    }
    if (real !== undefined && !isWithin(root, real)) return i < parts.length - 1 || !NOFOLLOW.has(op);
  }
  return false;
}
