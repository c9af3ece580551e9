import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Analyzer } from '../../core/analyzer';
import type { DocumentFacts } from '../../core/facts/types';
import { lazyFacts } from '../../core/persist/lazyFacts';
import { analyzeWorkspace, blockerRow, type FileDiagnostics } from '../../core/report';
import type { Settings } from '../../core/settings';
import type { Diagnostic } from '../../core/types';
import type { CliArgs } from '../args';
import { prefetchFacts } from '../jobs';
import type { PrintableReport } from '../printableReport';
import { cacheFilePath, FactsRecords, readLight, readSummary, writeCache, type CacheSummary, type LightEntry } from '../../node/cache/cacheFile';
import { nextSummary, persisted, resultsKey, seedDiagnostics } from '../../node/cache/keptResults';
import { CachedRunWorkspace } from './cachedWorkspace';
import { engineId } from '../../node/cache/engine';
import { sealFingerprint } from '../../node/cache/sealFingerprint';
import { signatureOf } from '../../node/cache/signatures';

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
  /** Threads reading the documents the cache cannot vouch for (cli/jobs.ts). */
  jobs: number;
}


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
  // Taken once per folder, before anything is read, as the signatures are: the run's results are of the files as they were then.
  const prints = new Map<string, string | undefined>();
  const fingerprint = (folder: string): string | undefined => {
    if (args.cacheStrategy !== 'metadata') return undefined;
    if (!prints.has(folder)) prints.set(folder, sealFingerprint(workspace, real, folder));
    return prints.get(folder);
  };
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
  const records = new FactsRecords(file);
  // A lazy part that does not read back (a damaged facts file) voids the run's results: the
  // report is then made again without the cache, and the cache rewritten whole.
  let lazyProblem: string | undefined;
  const seeded = new Map<string, { facts: DocumentFacts; entry: LightEntry }>();
  let analyzer = new Analyzer(workspace, options.settings, { onError: options.onError, onCompute: () => checked++ });
  if (!('problem' in summary)) {
    const documents = readLight(file, summary.token, new Set(listed));
    if ('problem' in documents) problem = documents.problem;
    else {
      const movedSet = new Set(moved);
      const usable = (path: string) => signatures.has(path) && (sameList || !movedSet.has(path));
      for (const [path, entry] of documents) {
        if (!usable(path) || !analyzer.isDocument(path)) continue;
        const facts = lazyFacts(entry.light, {
          heavy: () => records.read(entry.at),
          text: () => workspace.readQuietly(path)?.text,
          bad: (why) => (lazyProblem ??= why),
        });
        analyzer.seedFacts(facts);
        seeded.set(path, { facts, entry });
      }
      if (sameList && summary.results) seedDiagnostics(analyzer, documents, summary.results, sealsMoved);
      // After seeding, the changed files reach the analyzer as an edit would: the index compares
      // their new facts with the old and drops exactly the diagnostics that read what moved.
      if (sameList && moved.length > 0) analyzer.invalidate({ paths: moved, listChanged: false });
    }
  }
  // Documents read on workers count as read, as they would on this thread.
  const readAll = () => {
    const read = prefetchFacts(analyzer, root, options.jobs, options.settings)?.fromWorkers ?? 0;
    workspace.reads += read;
  };
  readAll();
  let report = analyzeWorkspace(analyzer);
  if (lazyProblem !== undefined) {
    problem = `facts: ${lazyProblem}`;
    seeded.clear();
    analyzer = new Analyzer(workspace, options.settings, { onError: options.onError, onCompute: () => checked++ });
    readAll();
    report = analyzeWorkspace(analyzer);
  }
  const printable: PrintableReport = { files: report.files, results: report.results, blockers: report.blockers.map(blockerRow) };
  return {
    report: printable,
    finish: () => {
      let written = 'written';
      try {
        const kept = persisted(analyzer, signatures, seeded, lazyProblem === undefined);
        const next = nextSummary(analyzer, signatures, kept, printable.blockers, fingerprint);
        writeCache(file, key, next, kept, records);
      } catch (error) {
        written = `not written (${(error as Error).message})`;
      } finally {
        records.close();
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




/** Everything a cached result depends on besides the files: the engine, the strategy, the folder, `.govlens.json` and the settings. */
function cacheKey(options: Options, realRoot: string): string {
  return resultsKey([engineId(options.version), options.args.cacheStrategy], realRoot, options.settings);
}

/** The cache file's workspace path when it lies inside the checked folder. */
function insideRoot(file: string, roots: readonly string[]): string | undefined {
  for (const root of roots) {
    const relative = nodePath.relative(root, file);
    if (relative !== '' && !relative.startsWith('..') && !nodePath.isAbsolute(relative)) return relative.split(nodePath.sep).join('/');
  }
  return undefined;
}

