import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { documentFromJson, diagnostic, type PersistedDocument, type PersistedDocumentJson } from '../../core/persist/documentEntry';
import { arr, isRecord, literal, num, obj, str } from '../../core/persist/shape';
import type { BlockerRow } from '../../core/report';
import type { Diagnostic } from '../../core/types';

/** Bumped whenever what a cache file holds changes shape, so an old file reads as foreign. */
const SCHEMA = 1;
const MAGIC = 'govlens-cache';
/** The facts beside the summary: read only when something changed. */
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

/** The kept documents written with the summary whose token is `token`, or why they cannot be used. */
export function readFacts(file: string, token: string, listed: ReadonlySet<string>): ReadonlyMap<string, PersistedDocument> | { problem: string } {
  const value = readJson(file + FACTS_SUFFIX);
  if ('problem' in value) return { problem: `facts: ${value.problem}` };
  const json = value.json;
  if (!isRecord(json) || json.format !== MAGIC || json.schema !== SCHEMA || json.token !== token || !isRecord(json.documents)) return { problem: 'facts: not written with this summary' };
  const documents = new Map<string, PersistedDocument>();
  for (const [path, entry] of Object.entries(json.documents)) {
    // A file gone since is no loss; an entry of the wrong shape makes the whole cache suspect.
    const document = documentFromJson(entry, path);
    if (!document) return { problem: `facts: wrong shape at ${path}` };
    if (listed.has(path)) documents.set(path, document);
  }
  return documents;
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
 * Writes each file whole to a temporary file beside it, then renames it into place, the facts
 * first: a reader (or a run killed halfway) sees old files or new ones, never half of one, and a
 * summary with facts of another run is told by its token.
 */
export function writeCache(file: string, key: string, summary: CacheSummary, documents: ReadonlyMap<string, PersistedDocumentJson>): void {
  fs.mkdirSync(nodePath.dirname(file), { recursive: true });
  const header = { format: MAGIC, schema: SCHEMA };
  writeAtomically(file + FACTS_SUFFIX, JSON.stringify({ ...header, token: summary.token, documents: Object.fromEntries(documents) }));
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

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
