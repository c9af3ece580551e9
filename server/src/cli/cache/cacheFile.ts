import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { documentFromJson, type PersistedDocument, type PersistedDocumentJson } from '../../core/persist/documentEntry';
import { isRecord } from '../../core/persist/shape';

/** Bumped whenever what a cache file holds changes shape, so an old file reads as foreign. */
const SCHEMA = 1;
const MAGIC = 'govlens-cache';

export interface CacheContents {
  /** Every file listed in the run that wrote it, with its signature (signatures.ts). */
  files: ReadonlyMap<string, string>;
  documents: ReadonlyMap<string, PersistedDocument>;
}

/** The file the cache lives in: `--cache-location` names it, or a folder to hold `.govlens-cache` in. */
export function cacheFilePath(location: string | undefined, cwd: string, root: string): string {
  if (location === undefined) return nodePath.join(root, '.govlens-cache');
  const absolute = nodePath.resolve(cwd, location);
  const folder = /[\\/]$/.test(location) || isFolder(absolute);
  return folder ? nodePath.join(absolute, '.govlens-cache') : absolute;
}

function isFolder(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The cache written under `key`, or why it cannot be used. Nothing in it is trusted: a file
 * that is missing, truncated, not JSON, of another key or with any entry of the wrong shape is
 * not used at all (the run analyses everything and rewrites it), never used in part.
 */
export function readCache(file: string, key: string): CacheContents | { problem: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'no cache file yet' : `cannot read it (${code ?? 'error'})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not JSON (truncated or overwritten)' };
  }
  if (!isRecord(value) || value.format !== MAGIC || value.schema !== SCHEMA) return { problem: 'not a govlens cache of this format' };
  if (value.key !== key) return { problem: 'written for other settings, configuration, folder or govlens version' };
  if (!isRecord(value.files) || !isRecord(value.documents)) return { problem: 'wrong shape' };
  const files = new Map<string, string>();
  for (const [path, signature] of Object.entries(value.files)) {
    if (typeof signature !== 'string') return { problem: `wrong shape at ${path}` };
    files.set(path, signature);
  }
  const documents = new Map<string, PersistedDocument>();
  for (const [path, entry] of Object.entries(value.documents)) {
    const document = files.has(path) ? documentFromJson(entry, path) : undefined;
    if (!document) return { problem: `wrong shape at ${path}` };
    documents.set(path, document);
  }
  return { files, documents };
}

/**
 * Writes the cache whole to a temporary file beside it, then renames it into place: a reader
 * (or a run killed halfway) sees the old file or the new one, never half of one.
 */
export function writeCache(file: string, key: string, files: ReadonlyMap<string, string>, documents: ReadonlyMap<string, PersistedDocumentJson>): void {
  const text = JSON.stringify({ format: MAGIC, schema: SCHEMA, key, files: Object.fromEntries(files), documents: Object.fromEntries(documents) });
  fs.mkdirSync(nodePath.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
