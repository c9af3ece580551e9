import { CONFIG_FILE } from '../../core/config';
import type { FileSnapshot, ReadOptions } from '../../core/workspace';
import { NodeFileSystemWorkspace } from '../../node/fsWorkspace';
import { FACTS_SUFFIX, LIGHT_SUFFIX } from '../../node/cache/cacheFile';

/**
 * The disk workspace of a cached run: the cache file itself is no file of the workspace (it
 * changes every run, and a file list that changed would make every cached result stale),
 * the list is walked once (the cache compares it, then the analyzer reads it), and documents
 * read are counted for --debug-cache.
 */
export class CachedRunWorkspace extends NodeFileSystemWorkspace {
  reads = 0;
  private files: readonly string[] | undefined;

  /** @param hidden the cache file's path relative to the root, when it lies inside it */
  constructor(
    rootDir: string,
    private readonly hidden: string | undefined,
  ) {
    super(rootDir);
  }

  override listFiles(): readonly string[] {
    this.files ??= super.listFiles().filter((p) => !this.isCacheFile(p));
    return this.files;
  }

  private isCacheFile(path: string): boolean {
    const hidden = this.hidden;
    if (hidden === undefined || !path.startsWith(hidden)) return false;
    const rest = path.slice(hidden.length);
    return rest === '' || rest === FACTS_SUFFIX || rest === LIGHT_SUFFIX || /^(?:\.facts|\.light)?\.\d+\.tmp$/.test(rest);
  }

  /** A file's text read for facts taken from the cache (not counted: the cache vouches for them). */
  readQuietly(path: string): FileSnapshot | undefined {
    return super.readFile(path);
  }

  override readFile(path: string, options?: ReadOptions): FileSnapshot | undefined {
    if (path !== CONFIG_FILE) this.reads++;
    return super.readFile(path, options);
  }
}
