import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Analyzer } from '../../core/analyzer';
import { CONFIG_FILE } from '../../core/config';
import { documentToJson, type PersistedDocument, type PersistedDocumentJson } from '../../core/persist/documentEntry';
import { analyzeWorkspace, blockerRow, type FileDiagnostics } from '../../core/report';
import type { Settings } from '../../core/settings';
import type { Diagnostic } from '../../core/types';
import type { CliArgs } from '../args';
import type { PrintableReport } from '../printableReport';
import { cacheFilePath, readFacts, readSummary, writeCache, type CacheSummary } from './cacheFile';
import { CachedRunWorkspace } from './cachedWorkspace';
import { engineId } from './engine';
import { sealFingerprint } from './sealFingerprint';
import { signatureOf } from './signatures';

export interface CachedCheck {
  report: PrintableReport;
  /** Call once the report is printed: writes the cache when anything moved, and returns the --debug-cache line. */
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

const SEAL = 'seal:';

/**
 * `govlens check --cache` (as ESLint's and Ruff's --cache). When no file changed, the report is
 * the one kept, and no document is read. Otherwise the analyzer starts from the facts and
 * diagnostics kept, is told which files changed since, as an editor tells it of edits, and so
 * reads and checks again only those files and the documents whose diagnostics read what moved
 * (dependencyKeys.ts). A file list that changed keeps the facts of the unchanged files but
 * checks every document.
 */
export function cachedCheck(options: Options): CachedCheck {
  const { args, root } = options;
  const real = fs.realpathSync(root);
  const file = cacheFilePath(args.cacheLocation, options.cwd, root);
  const workspace = new CachedRunWorkspace(root, insideRoot(file, [real, root]));
  const key = cacheKey(options, real);
  const summary = readSummary(file, key);
  const listed = workspace.listFiles();
  const signatures = new Map<string, string>();
  for (const path of listed) {
    const signature = signatureOf(real, path, args.cacheStrategy);
    if (signature !== undefined) signatures.set(path, signature);
  }
  const fingerprint = (folder: string) => (args.cacheStrategy === 'metadata' ? sealFingerprint(workspace, real, folder) : undefined);
  let problem = 'problem' in summary ? summary.problem : undefined;
  let moved = listed;
  let sameList = false;
  let sealsMoved = new Set<string>();
  if (!('problem' in summary)) {
    moved = listed.filter((p) => summary.files.get(p) !== signatures.get(p) || signatures.get(p) === undefined);
    sealsMoved = new Set([...summary.seals].filter(([folder, print]) => fingerprint(folder) !== print).map(([folder]) => folder));
    sameList = listed.length === summary.files.size && listed.every((p) => summary.files.has(p));
    if (sameList && moved.length === 0 && sealsMoved.size === 0 && summary.results) {
      return { report: keptReport(summary, summary.results), finish: () => debugLine('used, nothing changed', 'unchanged', listed.length, 0, 0, 0) };
    }
  }

  let checked = 0;
  const analyzer = new Analyzer(workspace, options.settings, { onError: options.onError, onCompute: () => checked++ });
  if (!('problem' in summary)) {
    const documents = readFacts(file, summary.token, new Set(listed));
    if ('problem' in documents) problem = documents.problem;
    else {
      const movedSet = new Set(moved);
      seed(analyzer, documents, (path) => signatures.has(path) && (sameList || !movedSet.has(path)), sameList ? sealsMoved : undefined);
      // After seeding, the changed files reach the analyzer as an edit would: the index compares
      // their new facts with the old and drops exactly the diagnostics that read what moved.
      if (sameList && moved.length > 0) analyzer.invalidate({ paths: moved, listChanged: false });
    }
  }
  const report = analyzeWorkspace(analyzer);
  const printable: PrintableReport = { files: report.files, results: report.results, blockers: report.blockers.map(blockerRow) };
  return {
    report: printable,
    finish: () => {
      let written = 'written';
      try {
        const kept = persisted(analyzer, signatures);
        const seals = new Map<string, string>();
        for (const folder of sealFolders(kept.values())) {
          const print = fingerprint(folder);
          if (print !== undefined) seals.set(folder, print);
        }
        const complete = [...kept.values()].every((d) => d.diagnostics !== undefined);
        const results = complete ? new Map(analyzer.documents().map((p) => [p, analyzer.diagnostics(p)])) : undefined;
        const next: CacheSummary = { token: randomBytes(12).toString('base64'), files: signatures, documents: analyzer.documents(), results, blockers: printable.blockers, seals };
        writeCache(file, key, next, kept);
      } catch (error) {
        written = `not written (${(error as Error).message})`;
      }
      return debugLine(problem === undefined ? 'used' : `not used (${problem})`, written, listed.length, moved.length, workspace.reads, checked);
    },
  };
}

function debugLine(state: string, written: string, files: number, changed: number, read: number, checked: number): string {
  return `govlens: cache ${state}, ${written}: ${files} files, ${changed} changed, ${read} documents read, ${checked} checked`;
}

/** The report as the run that wrote the summary made it: the same files, so the same report. */
function keptReport(summary: CacheSummary, results: ReadonlyMap<string, Diagnostic[]>): PrintableReport {
  const rows: FileDiagnostics[] = summary.documents.map((path) => ({ path, diagnostics: results.get(path) ?? [] }));
  return { files: summary.documents.length, results: rows.filter((r) => r.diagnostics.length > 0), blockers: [...summary.blockers] };
}

/**
 * Hands the analyzer the kept facts (`usable` says which are still, or were, the facts of
 * their file) and, when the file list is the same (`sealsMoved` given), the kept diagnostics,
 * but for those reading the tree id of a packet folder whose fingerprint moved.
 */
function seed(analyzer: Analyzer, documents: ReadonlyMap<string, PersistedDocument>, usable: (path: string) => boolean, sealsMoved: ReadonlySet<string> | undefined): void {
  for (const [path, document] of documents) if (usable(path) && analyzer.isDocument(path)) analyzer.seedFacts(document.facts);
  if (!sealsMoved) return;
  for (const [path, { diagnostics }] of documents) {
    if (!diagnostics || diagnostics.keys.some((k) => k.startsWith(SEAL) && sealsMoved.has(k.slice(SEAL.length)))) continue;
    analyzer.seedDiagnostics(path, diagnostics.list, diagnostics.keys);
  }
}

/** The packet folders whose tree ids the kept diagnostics read. */
function sealFolders(documents: Iterable<PersistedDocumentJson>): Set<string> {
  const folders = new Set<string>();
  for (const { keys } of documents) for (const k of keys ?? []) if (k.startsWith(SEAL)) folders.add(k.slice(SEAL.length));
  return folders;
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

