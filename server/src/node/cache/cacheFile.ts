import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { DependencyKey } from '../../core/dependencyKeys';
import { dependencyKeys, diagnostic } from '../../core/persist/documentEntry';
import { lightFromJson, type LightFactsJson } from '../../core/persist/lazyFacts';
import { arr, isRecord, literal, num, obj, str } from '../../core/persist/shape';
import type { BlockerRow } from '../../core/report';
import type { Diagnostic } from '../../core/types';

/** Bumped whenever what a cache file holds changes shape, so an old file reads as foreign. */
const SCHEMA = 2;
const MAGIC = 'govlens-cache';
/** The light facts beside the summary: read only when something changed. */
export const LIGHT_SUFFIX = '.light';
/** The heavy facts, one record per document, read only for the documents a check asks about. */
export const FACTS_SUFFIX = '.facts';

/**
 * What a run needs to know whether anything changed and, when nothing did, to print its
 * report without reading a document: small, so a run with nothing to do costs little more
 * than the stats.
 */
export interface CacheSummary {
  /** Ties the summary to the facts file written with it: two files are not renamed at once. */
  token: string;
  /** Every file listed in the run that wrote it, with its signature (signatures.ts). */
  files: ReadonlyMap<string, string>;
  /** The documents analysed, in report order. */
  documents: readonly string[];
  /** Each document's diagnostics; undefined when one was not complete (the report must then be made again). */
  results: ReadonlyMap<string, Diagnostic[]> | undefined;
  blockers: readonly BlockerRow[];
  /** Per packet folder a seal reads, a fingerprint of its tree as git would store it (sealFingerprint.ts). */
  seals: ReadonlyMap<string, string>;
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

const blockerRow = obj({ id: str, status: literal('unresolved', 'resolved'), file: str, line: num, blocks: str, actor_needed: str });
const stringMap = (v: unknown) => isRecord(v) && Object.values(v).every((s) => typeof s === 'string');

/**
 * The summary written under `key`, or why it cannot be used. Nothing in it is trusted: a file
 * that is missing, truncated, not JSON, of another key or with any part of the wrong shape is
 * not used at all (the run analyses everything and rewrites it), never used in part.
 */
export function readSummary(file: string, key: string): CacheSummary | { problem: string } {
  const value = readJson(file);
  if ('problem' in value) return value;
  const json = value.json;
  if (!isRecord(json) || json.format !== MAGIC || json.schema !== SCHEMA) return { problem: 'not a govlens cache of this format' };
  if (json.key !== key) return { problem: 'written for other settings, configuration, folder or govlens version' };
  const shaped =
    typeof json.token === 'string' &&
    stringMap(json.files) &&
    arr(str)(json.documents) &&
    (json.results === null || (isRecord(json.results) && Object.values(json.results).every(arr(diagnostic)))) &&
    arr(blockerRow)(json.blockers) &&
    stringMap(json.seals);
  if (!shaped) return { problem: 'wrong shape' };
  return {
    token: json.token as string,
    files: new Map(Object.entries(json.files as Record<string, string>)),
    documents: json.documents as string[],
    results: json.results === null ? undefined : new Map(Object.entries(json.results as Record<string, Diagnostic[]>)),
    blockers: json.blockers as BlockerRow[],
    seals: new Map(Object.entries(json.seals as Record<string, string>)),
  };
}

/** Where one document's heavy facts lie in the facts file: offset, length and a hash of the bytes. */
export type RecordAt = readonly [offset: number, length: number, hash: string];

/** What the light file keeps of one document. */
export interface LightEntry {
  light: LightFactsJson;
  /** The dependency keys its diagnostics read, when they were complete (the diagnostics are the summary's). */
  keys?: readonly DependencyKey[];
  at: RecordAt;
}

const recordAt = (v: unknown) => Array.isArray(v) && v.length === 3 && Number.isSafeInteger(v[0]) && v[0] >= 0 && Number.isSafeInteger(v[1]) && v[1] > 0 && typeof v[2] === 'string';

/** The light facts written with the summary whose token is `token`, or why they cannot be used. */
export function readLight(file: string, token: string, listed: ReadonlySet<string>): ReadonlyMap<string, LightEntry> | { problem: string } {
  const value = readJson(file + LIGHT_SUFFIX);
  if ('problem' in value) return { problem: `facts: ${value.problem}` };
  const json = value.json;
  if (!isRecord(json) || json.format !== MAGIC || json.schema !== SCHEMA || json.token !== token || !isRecord(json.documents)) return { problem: 'facts: not written with this summary' };
  // Keys are written once each (tens of thousands, most read by several documents) and named by number.
  if (!dependencyKeys(json.keys)) return { problem: 'facts: wrong shape of the keys' };
  const table = json.keys as DependencyKey[];
  const keysOf = (v: unknown): DependencyKey[] | undefined => {
    if (!Array.isArray(v)) return undefined;
    const keys: DependencyKey[] = [];
    for (const n of v as unknown[]) {
      const key = typeof n === 'number' ? table[n] : undefined;
      if (key === undefined) return undefined;
      keys.push(key);
    }
    return keys;
  };
  const documents = new Map<string, LightEntry>();
  for (const [path, entry] of Object.entries(json.documents)) {
    // A file gone since is no loss; an entry of the wrong shape makes the whole cache suspect.
    const light = isRecord(entry) ? lightFromJson(entry.f, path) : undefined;
    const keys = isRecord(entry) && entry.k !== undefined ? keysOf(entry.k) : undefined;
    if (!isRecord(entry) || !light || !recordAt(entry.at) || (entry.k !== undefined && !keys)) return { problem: `facts: wrong shape at ${path}` };
    if (listed.has(path)) documents.set(path, { light, keys, at: entry.at as RecordAt });
  }
  return documents;
}

const hashOf = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64').slice(0, 16);
/** No one document's heavy facts come near this; a larger length is a damaged entry. */
const MAX_RECORD = 256 * 1024 * 1024;

/**
 * The facts file, read one record at a time where a check asks. A record is used only when its
 * bytes hash to what the light file says: a file truncated, appended to by another run, or
 * replaced reads as missing records, never as other documents' facts.
 */
export class FactsRecords {
  private fd: number | undefined;
  private size = 0;

  constructor(private readonly file: string) {}

  /** The record's bytes, checked; undefined when they are not there. */
  raw(at: RecordAt): Buffer | undefined {
    const [offset, length, hash] = at;
    try {
      if (this.fd === undefined) {
        this.fd = fs.openSync(this.file + FACTS_SUFFIX, 'r');
        this.size = fs.fstatSync(this.fd).size;
      }
      if (length > MAX_RECORD || offset + length > this.size) return undefined;
      const bytes = Buffer.allocUnsafe(length);
      let done = 0;
      // readSync may return less than asked; each pass reads at least one byte or stops.
      while (done < length) {
        const n = fs.readSync(this.fd, bytes, done, length - done, offset + done);
        if (n <= 0) return undefined;
        done += n;
      }
      return hashOf(bytes) === hash ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  /** The record parsed, undefined when it cannot be read or is not JSON. */
  read(at: RecordAt): unknown {
    const bytes = this.raw(at);
    if (!bytes) return undefined;
    try {
      return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/** One document as the next run is to find it: its record kept where it is, or a new one to write. */
export interface DocumentToWrite {
  light: LightFactsJson;
  keys?: readonly DependencyKey[];
  record: RecordAt | string;
}

function readJson(file: string): { json: unknown } | { problem: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'no cache file yet' : `cannot read it (${code ?? 'error'})` };
  }
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { problem: 'not JSON (truncated or overwritten)' };
  }
}

/**
 * Writes the cache: the facts file first, then the light facts, then the summary, the last two
 * each whole to a temporary file renamed into place, so a reader (or a run killed halfway) sees
 * old files or new ones, never half of one, and a summary with light facts of another run is
 * told by its token. The facts file only grows: new records are appended past the ones the
 * current light file names (a run killed while appending leaves bytes no entry names), and once
 * it holds more than twice what is live it is written again whole, renamed into place too.
 */
export function writeCache(file: string, key: string, summary: CacheSummary, documents: ReadonlyMap<string, DocumentToWrite>, records: FactsRecords): void {
  fs.mkdirSync(nodePath.dirname(file), { recursive: true });
  const header = { format: MAGIC, schema: SCHEMA };
  const placed = writeRecords(file + FACTS_SUFFIX, documents, records);
  const light: Record<string, { f: LightFactsJson; k?: number[]; at: RecordAt }> = {};
  const numbers = new Map<DependencyKey, number>();
  const numbered = (key: DependencyKey): number => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size));
    return n;
  };
  for (const [path, document] of documents) {
    const at = placed.get(path);
    if (at) light[path] = document.keys ? { f: document.light, k: document.keys.map(numbered), at } : { f: document.light, at };
  }
  writeAtomically(file + LIGHT_SUFFIX, JSON.stringify({ ...header, token: summary.token, keys: [...numbers.keys()], documents: light }));
  writeAtomically(
    file,
    JSON.stringify({
      ...header,
      key,
      token: summary.token,
      files: Object.fromEntries(summary.files),
      documents: summary.documents,
      results: summary.results ? Object.fromEntries(summary.results) : null,
      blockers: summary.blockers,
      seals: Object.fromEntries(summary.seals),
    }),
  );
}

/** Puts every new record in the facts file; returns where each document's record lies. */
function writeRecords(factsFile: string, documents: ReadonlyMap<string, DocumentToWrite>, records: FactsRecords): Map<string, RecordAt> {
  const placed = new Map<string, RecordAt>();
  const fresh: [string, Buffer][] = [];
  let live = 0;
  for (const [path, { record }] of documents) {
    if (typeof record === 'string') fresh.push([path, Buffer.from(`${record}\n`)]);
    else placed.set(path, record);
    live += typeof record === 'string' ? Buffer.byteLength(record) + 1 : record[1];
  }
  let size = -1;
  try {
    size = fs.statSync(factsFile).size;
  } catch {
    // No facts file: every record is written anew.
  }
  if (placed.size > 0 && size >= 0 && size <= 2 * live + 1024 * 1024) {
    if (fresh.length === 0) return placed;
    const fd = fs.openSync(factsFile, 'a');
    try {
      let offset = fs.fstatSync(fd).size;
      for (const [path, bytes] of fresh) {
        fs.writeSync(fd, bytes);
        placed.set(path, [offset, bytes.length, hashOf(bytes)]);
        offset += bytes.length;
      }
    } finally {
      fs.closeSync(fd);
    }
    return placed;
  }
  // Written whole: the records kept are copied (those that no longer read back are dropped, and their documents read again next time).
  const chunks: Buffer[] = [];
  const whole = new Map<string, RecordAt>();
  let offset = 0;
  const put = (path: string, bytes: Buffer) => {
    chunks.push(bytes);
    whole.set(path, [offset, bytes.length, hashOf(bytes)]);
    offset += bytes.length;
  };
  for (const [path, at] of placed) {
    const bytes = records.raw(at);
    if (bytes) put(path, bytes);
  }
  records.close();
  for (const [path, bytes] of fresh) put(path, bytes);
  writeAtomically(factsFile, Buffer.concat(chunks));
  return whole;
}

function writeAtomically(file: string, text: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
