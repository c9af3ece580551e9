import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Analyzer } from '../../core/analyzer';
import { CONFIG_FILE } from '../../core/config';
import { documentToJson, type PersistedDocumentJson } from '../../core/persist/documentEntry';
import type { Settings } from '../../core/settings';
import type { WorkspaceChange } from '../../core/workspace';
import type { CliArgs } from '../args';
import { cacheFilePath, readCache, writeCache, type CacheContents } from './cacheFile';
import { CachedRunWorkspace } from './cachedWorkspace';
import { engineId } from './engine';
import { signatureOf } from './signatures';

export interface CachedCheck {
  analyzer: Analyzer;
  /** Call once the report is made: writes the cache when anything moved, and returns the --debug-cache line. */
  finish(): string;
}

interface Options {
  args: CliArgs;
  root: string;
  cwd: string;
  version: string;
  settings: Partial<Settings>;
  onError: (path: string, error: unknown) => void;
}

/**
 * `govlens check --cache` (as ESLint's and Ruff's --cache): the analyzer starts from the facts
 * and diagnostics a previous run kept, is told which files changed since, as an editor tells
 * it of edits, and so reads and checks again only those files and the documents whose
 * diagnostics read what moved (dependencyKeys.ts). A file list that changed keeps the facts of
 * the unchanged files but checks every document; seals read the packets' bytes, so a document
 * stating one is always checked again.
 */
export function cachedCheck(options: Options): CachedCheck {
  const { args, root } = options;
  const real = fs.realpathSync(root);
  const file = cacheFilePath(args.cacheLocation, options.cwd, root);
  const workspace = new CachedRunWorkspace(root, insideRoot(file, [real, root]));
  let checked = 0;
  const analyzer = new Analyzer(workspace, options.settings, { onError: options.onError, onCompute: () => checked++ });
  const key = cacheKey(options, real);
  const cached = readCache(file, key);
  const listed = workspace.listFiles();
  const signatures = new Map<string, string>();
  for (const path of listed) {
    const signature = signatureOf(real, path, args.cacheStrategy);
    if (signature !== undefined) signatures.set(path, signature);
  }
  let changed: string[] = [];
  let sameList = false;
  if ('files' in cached) {
    changed = listed.filter((p) => cached.files.get(p) !== signatures.get(p) || signatures.get(p) === undefined);
    const changedSet = new Set(changed);
    sameList = listed.length === cached.files.size && listed.every((p) => cached.files.has(p));
    seed(analyzer, cached, (path) => signatures.has(path) && (sameList || !changedSet.has(path)), sameList);
    // After seeding, the changed files reach the analyzer as an edit would: the index compares
    // their new facts with the old and drops exactly the diagnostics that read what moved.
    if (sameList && changed.length > 0) analyzer.invalidate({ paths: changed, listChanged: false } satisfies WorkspaceChange);
  }

  return {
    analyzer,
    finish: () => {
      const unchanged = 'files' in cached && sameList && changed.length === 0 && workspace.reads === 0;
      let written = 'unchanged';
      if (!unchanged) {
        try {
          writeCache(file, key, signatures, persisted(analyzer, signatures));
          written = 'written';
        } catch (error) {
          written = `not written: ${(error as Error).message}`;
        }
      }
      const state = 'files' in cached ? 'used' : `not used (${cached.problem})`;
      return `govlens: cache ${state}, ${written}: ${listed.length} files, ${changed.length} changed, ${workspace.reads} documents read, ${checked} checked`;
    },
  };
}

/**
 * Hands the analyzer the kept facts (`usable` says which files they are still, or were, the
 * facts of) and, when the file list is the same, the kept diagnostics of the same index.
 */
function seed(analyzer: Analyzer, cached: CacheContents, usable: (path: string) => boolean, withDiagnostics: boolean): void {
  for (const [path, document] of cached.documents) if (usable(path) && analyzer.isDocument(path)) analyzer.seedFacts(document.facts);
  if (!withDiagnostics) return;
  for (const [path, { diagnostics }] of cached.documents) {
    // A seal reads its packet's tree id from bytes no signature covers (hidden files included).
    if (!diagnostics || diagnostics.keys.some((k) => k.startsWith('seal:'))) continue;
    analyzer.seedDiagnostics(path, diagnostics.list, diagnostics.keys);
  }
}

/** What the next run starts from: every readable document's facts, with its diagnostics when they are complete. */
function persisted(analyzer: Analyzer, signatures: ReadonlyMap<string, string>): Map<string, PersistedDocumentJson> {
  const documents = new Map<string, PersistedDocumentJson>();
  for (const path of analyzer.documents()) {
    if (path === CONFIG_FILE || !signatures.has(path)) continue;
    const facts = analyzer.factsOf(path);
    if (facts) documents.set(path, documentToJson({ facts, diagnostics: analyzer.keptDiagnostics(path) }));
  }
  return documents;
}

/** Everything a cached result depends on besides the files: the engine, the strategy, the folder, `.govlens.json` and the settings. */
function cacheKey(options: Options, realRoot: string): string {
  let configuration: string | null = null;
  try {
    configuration = fs.readFileSync(nodePath.join(realRoot, CONFIG_FILE), 'utf8');
  } catch {
    // No .govlens.json: the defaults, and null says so in the key.
  }
  const parts = [engineId(options.version), options.args.cacheStrategy, realRoot, configuration, options.settings];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The cache file's workspace path when it lies inside the checked folder. */
function insideRoot(file: string, roots: readonly string[]): string | undefined {
  for (const root of roots) {
    const relative = nodePath.relative(root, file);
    if (relative !== '' && !relative.startsWith('..') && !nodePath.isAbsolute(relative)) return relative.split(nodePath.sep).join('/');
  }
  return undefined;
}
