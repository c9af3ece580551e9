/**
 * What the CLI's `--cache` and the server's cache both keep of an analysis and hand back to the
 * next one: each document's facts and the keys of its diagnostics, the diagnostics when they are
 * complete, and the fingerprints of the packet folders whose tree ids those diagnostics read.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Analyzer } from '../../core/analyzer';
import { CONFIG_FILE } from '../../core/config';
import type { DocumentFacts } from '../../core/facts/types';
import { splitFacts } from '../../core/persist/lazyFacts';
import type { Diagnostic } from '../../core/types';
import type { CacheSummary, DocumentToWrite, LightEntry } from './cacheFile';

// The dependency key a diagnostic holds when it read a packet folder's tree id.
const SEAL = 'seal:';

/**
 * Every readable document's facts (but a file over the size limit's, which is read again), with
 * the keys of its diagnostics when they are complete. Facts taken from the cache and still in use
 * keep their record (`reuse`); only new facts are written.
 */
export function persisted(
  analyzer: Analyzer,
  signatures: ReadonlyMap<string, string>,
  seeded: ReadonlyMap<string, { facts: DocumentFacts; entry: LightEntry }>,
  reuse: boolean,
): Map<string, DocumentToWrite> {
  const documents = new Map<string, DocumentToWrite>();
  for (const path of analyzer.documents()) {
    if (path === CONFIG_FILE || !signatures.has(path)) continue;
    const facts = analyzer.factsOf(path);
    if (!facts || facts.tooLarge) continue;
    const keys = analyzer.keptDiagnostics(path)?.keys;
    const kept = seeded.get(path);
    if (reuse && kept?.facts === facts) documents.set(path, { light: kept.entry.light, keys, record: kept.entry.at });
    else {
      const { light, heavy } = splitFacts(facts);
      documents.set(path, { light, keys, record: JSON.stringify(heavy) });
    }
  }
  return documents;
}

/**
 * The next summary: the files as signed, the documents, their diagnostics when every kept
 * document has its keys (a later start seeds diagnostics only from a whole set), the blockers,
 * and the fingerprint of each packet folder a kept diagnostic read.
 */
export function nextSummary(
  analyzer: Analyzer,
  signatures: ReadonlyMap<string, string>,
  kept: ReadonlyMap<string, DocumentToWrite>,
  blockers: CacheSummary['blockers'],
  fingerprint: (folder: string) => string | undefined,
): CacheSummary {
  const seals = new Map<string, string>();
  for (const folder of sealFolders(kept.values())) {
    const print = fingerprint(folder);
    if (print !== undefined) seals.set(folder, print);
  }
  const documents = analyzer.documents();
  const complete = documents.every((p) => p === CONFIG_FILE || !kept.has(p) || kept.get(p)?.keys !== undefined);
  const results = complete ? new Map(documents.map((p) => [p, analyzer.diagnostics(p)])) : undefined;
  return { token: randomBytes(12).toString('base64'), files: signatures, documents, results, blockers, seals };
}

/**
 * Hands the analyzer the kept diagnostics (the file list being the same), with the keys they
 * read, but for those reading the tree id of a packet folder whose fingerprint moved.
 */
export function seedDiagnostics(analyzer: Analyzer, documents: ReadonlyMap<string, LightEntry>, results: ReadonlyMap<string, Diagnostic[]>, sealsMoved: ReadonlySet<string>): void {
  for (const [path, { keys }] of documents) {
    const list = results.get(path);
    if (!keys || !list || keys.some((k) => k.startsWith(SEAL) && sealsMoved.has(k.slice(SEAL.length)))) continue;
    analyzer.seedDiagnostics(path, list, keys);
  }
}

/** The packet folders whose tree ids the kept diagnostics read. */
function sealFolders(documents: Iterable<DocumentToWrite>): Set<string> {
  const folders = new Set<string>();
  for (const { keys } of documents) for (const k of keys ?? []) if (k.startsWith(SEAL)) folders.add(k.slice(SEAL.length));
  return folders;
}

/**
 * The key of everything a kept result depends on besides the files: `head` (the engine and what
 * the host adds), the folder, its `.govlens.json` as written (null when there is none) and the settings.
 */
export function resultsKey(head: readonly unknown[], realRoot: string, settings: unknown): string {
  let configuration: string | null = null;
  try {
    configuration = fs.readFileSync(nodePath.join(realRoot, CONFIG_FILE), 'utf8');
  } catch {
    // No .govlens.json: the defaults, and null says so in the key.
  }
  return createHash('sha256').update(JSON.stringify([...head, realRoot, configuration, settings])).digest('hex');
}
