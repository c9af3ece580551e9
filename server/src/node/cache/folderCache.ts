import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Analyzer } from '../../core/analyzer';
import type { DocumentFacts } from '../../core/facts/types';
import { lazyFacts } from '../../core/persist/lazyFacts';
import type { CacheOptions, FolderCache } from '../../lsp/runtime';
import { FactsRecords, readLight, readSummary, writeCache, type CacheSummary, type LightEntry } from './cacheFile';
import { nextSummary, persisted, resultsKey, seedDiagnostics } from './keptResults';
import { engineId } from './engine';
import { sealFingerprint } from './sealFingerprint';
import { signatureOf } from './signatures';


type Options = CacheOptions;

/**
 * The server's side of `govlens check --cache`: the same files and the same rules (nothing read
 * is trusted in part), one cache per workspace folder in the extension's storage folder.
 */
export function openFolderCache(options: Options): FolderCache {
  const real = realPath(options.root);
  const file = nodePath.join(options.storage, `govlens-${createHash('sha256').update(real).digest('hex').slice(0, 16)}.cache`);
  const key = cacheKey(options, real);
  const records = new FactsRecords(file);
  let seeded = new Map<string, { facts: DocumentFacts; entry: LightEntry }>();
  let bad = false;
  const print = (folder: string) => sealFingerprint(options.workspace, real, folder);

  /** What preview measured, for load to go on from while nothing has been reported changed since. */
  let measured: Measured | undefined;
  const measure = (): Measured | { problem: string } => {
    const summary = readSummary(file, key);
    if ('problem' in summary) return summary;
    const listed = options.workspace.listFiles();
    const signatures = new Map(listed.map((p) => [p, signatureOf(real, p, 'metadata')]));
    const moved = new Set(listed.filter((p) => summary.files.get(p) !== signatures.get(p) || signatures.get(p) === undefined));
    const sealsMoved = new Set([...summary.seals].filter(([folder, before]) => print(folder) !== before).map(([folder]) => folder));
    const sameList = listed.length === summary.files.size && listed.every((p) => summary.files.has(p));
    return { summary, listed, signatures, moved, sealsMoved, sameList };
  };

  return {
    preview(edited) {
      const found = measure();
      if ('problem' in found) return undefined;
      measured = found;
      const { summary, signatures, moved, sealsMoved, sameList } = found;
      // The condition `check --cache` prints its report on without reading a document: the same
      // key, files and signatures, and no sealed folder moved. Then every kept result is what an
      // analysis would give now; if anything moved, none is trusted before the index is built.
      if (!sameList || moved.size > 0 || edited.length > 0 || sealsMoved.size > 0 || !summary.results) return undefined;
      return { results: summary.results, signatures };
    },

    changed() {
      measured = undefined;
    },

    load(analyzer, edited) {
      const found = measured ?? measure();
      measured = undefined;
      if ('problem' in found) return note(options, `not used (${found.problem})`, false);
      const { summary, listed, signatures, sealsMoved, sameList } = found;
      const moved = new Set(found.moved);
      for (const path of edited) moved.add(path);
      const documents = readLight(file, summary.token, new Set(listed));
      if ('problem' in documents) return note(options, `not used (${documents.problem})`, false);
      // Every record is checked before any is used: a damaged facts file must not surface halfway through a session.
      for (const [path, { at }] of documents) if (records.raw(at) === undefined) return note(options, `not used (facts: the record of ${path} does not read back)`, false);
      const usable = (path: string) => signatures.get(path) !== undefined && (sameList || !moved.has(path));
      for (const [path, entry] of documents) {
        if (!usable(path) || !analyzer.isDocument(path)) continue;
        const facts = lazyFacts(entry.light, {
          heavy: () => records.read(entry.at),
          text: () => options.workspace.readFile(path)?.text,
          bad: (why) => {
            options.log(`Cache: ${why}; every document is read again.`);
            if (!bad) options.onBad();
            bad = true;
          },
        });
        analyzer.seedFacts(facts);
        seeded.set(path, { facts, entry });
      }
      if (!sameList || !summary.results) return note(options, `used for facts (${seeded.size} documents)`, false);
      seedDiagnostics(analyzer, documents, summary.results, sealsMoved);
      // As an edit would: the index compares the changed files' new facts with the old.
      if (moved.size > 0) analyzer.invalidate({ paths: [...moved], listChanged: false });
      return note(options, `used (${seeded.size} documents, ${moved.size} changed)`, true);
    },

    save(analyzer) {
      if (!analyzer.isWarm) return;
      if (bad) seeded = new Map();
      try {
        const documents = analyzer.documents();
        // Complete results or none: a later start seeds diagnostics only from a whole set.
        for (const path of documents) analyzer.diagnostics(path);
        const signatures = fileSignatures(options.workspace.listFiles(), real, analyzer, options.savedVersion);
        const kept = persisted(analyzer, signatures, seeded, !bad);
        const next = nextSummary(analyzer, signatures, kept, [], print);
        writeCache(file, key, next, kept, records);
        bad = false;
      } catch (error) {
        options.log(`Cache: not written (${(error as Error).message}).`);
      } finally {
        records.close();
      }
    },
  };
}

interface Measured {
  summary: CacheSummary;
  listed: readonly string[];
  signatures: ReadonlyMap<string, string | undefined>;
  moved: ReadonlySet<string>;
  sealsMoved: ReadonlySet<string>;
  sameList: boolean;
}

function note(options: Options, state: string, result: boolean): boolean {
  options.log(`Cache ${state}.`);
  return result;
}

/**
 * A document's signature is the version its facts were read at, not a stat taken now: a file
 * changed since (its watcher event still on the way) then reads as changed at the next start.
 * An unsaved buffer's version never equals a stat, so its file reads as changed too; a buffer
 * holding the file's text is signed as the file (its facts are the file's), or every document
 * left open at the end of a session would be re-checked, with what it moves, at the next start.
 */
function fileSignatures(listed: readonly string[], real: string, analyzer: Analyzer, savedVersion: (path: string) => string | undefined): Map<string, string> {
  const signatures = new Map<string, string>();
  for (const path of listed) {
    const version = analyzer.isDocument(path) ? analyzer.factsOf(path)?.version : undefined;
    const signature = version !== undefined ? (savedVersion(path) ?? String(version)) : signatureOf(real, path, 'metadata');
    if (signature !== undefined) signatures.set(path, signature);
  }
  return signatures;
}

/** Everything a kept result depends on besides the files: the engine, the folder, `.govlens.json` and the settings. */
function cacheKey(options: Options, real: string): string {
  return resultsKey(['server', engineId(options.version)], real, options.settings);
}

function realPath(path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}
