import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { Analyzer } from '../core/analyzer';
import { errorMessage } from '../core/errorText';
import { analyzeWorkspace, blockerRow } from '../core/report';
import { packetTrees } from '../core/seal/packets';
import { Severity } from '../core/severity';
import { NodeFileSystemWorkspace } from '../node/fsWorkspace';
import { GitError } from '../node/git/gitCommand';
import { cachedCheck } from './cache/cachedCheck';
import { helpText, parseArgs, UsageError, type CliArgs } from './args';
import { diff, disambiguate } from './diff';
import { formatBlockersTable } from './formatBlockers';
import { blockersOutput, checkOutput, sealOutput, type SealRow } from './formatJson';
import { formatSeals } from './formatSeals';
import { formatSarif, relativeUri } from './formatSarif';
import { printable } from './printable';
import type { PrintableReport } from './printableReport';
import { formatText } from './formatText';
import { prefetchFacts } from './jobs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  version: string;
}

/** The whole CLI as a function, so tests run it in-process; returns the exit status. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`govlens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.stdout(helpText);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }

  args = disambiguate(args, io.cwd);
  const absolute = nodePath.resolve(io.cwd, args.dir);
  const problem = folderProblem(absolute);
  if (problem) {
    io.stderr(`govlens: cannot analyse '${printable(args.dir)}': ${problem}\n`);
    return 2;
  }
  try {
    return args.command === 'diff' ? diff(args, absolute, io) : analyse(args, absolute, io);
  } catch (error) {
    if (error instanceof GitError) {
      io.stderr(`govlens: cannot diff '${printable(args.dir)}': ${printable(error.message)}\n`);
      return 2;
    }
    // Exit status 1 means findings; anything that stops the run is 2, with a reason, never a
    // stack trace and status 1 that a CI job would read as "findings".
    io.stderr(`govlens: cannot analyse '${printable(args.dir)}': ${printable(errorMessage(error))}\n`);
    return 2;
  }
}

function analyse(args: CliArgs, absolute: string, io: CliIo): number {
  // Paths are printed as the user can open them from where they ran the command.
  const displayPath = (path: string) => toPosix(nodePath.join(args.dir, path));
  const onError = (path: string, error: unknown) => io.stderr(`govlens: analysing ${printable(displayPath(path))} failed (${printable(errorMessage(error))}); it is skipped\n`);
  if (args.cache) {
    const cached = cachedCheck({ args, root: absolute, cwd: io.cwd, version: io.version, settings: {}, onError, jobs: jobsOf(args) });
    const status = printCheck(cached.report, args, absolute, displayPath, io);
    const line = cached.finish();
    if (args.debugCache) io.stderr(`${printable(line)}\n`);
    return status;
  }
  const workspace = new NodeFileSystemWorkspace(absolute);
  const analyzer = new Analyzer(workspace, {}, { onError });

  if (args.command === 'seal') return seal(analyzer, workspace, args, displayPath, io);

  if (args.command === 'blockers') {
    const blockers = analyzer.blockers().filter((b) => args.all || b.status === 'unresolved');
    io.stdout(args.format === 'json' ? `${JSON.stringify(blockersOutput(blockers, args.dir), null, 2)}\n` : formatBlockersTable(blockers, args.all, displayPath));
    return 0;
  }

  prefetchFacts(analyzer, absolute, jobsOf(args), {});
  const report = analyzeWorkspace(analyzer);
  return printCheck({ files: report.files, results: report.results, blockers: report.blockers.map(blockerRow) }, args, absolute, displayPath, io);
}

function printCheck(report: PrintableReport, args: CliArgs, absolute: string, displayPath: (path: string) => string, io: CliIo): number {
  if (args.format === 'json') io.stdout(`${JSON.stringify(checkOutput(report, args.dir), null, 2)}\n`);
  else if (args.format === 'sarif') {
    io.stdout(
      formatSarif(report, {
        version: io.version,
        uriOf: (path) => relativeUri(toPosix(nodePath.relative(io.cwd, nodePath.join(absolute, path)))),
        srcRoot: pathToFileURL(io.cwd + nodePath.sep).href,
      }),
    );
  } else io.stdout(formatText(report, displayPath));
  return report.results.some((r) => r.diagnostics.some((d) => d.severity === Severity.Error)) ? 1 : 0;
}

/**
 * `govlens seal`: every packet's tree id. A packet whose id cannot be computed is named on stderr
 * and left out, and the status is 1: a CI job comparing ids must not read a missing one as clean.
 */
function seal(analyzer: Analyzer, workspace: NodeFileSystemWorkspace, args: CliArgs, displayPath: (path: string) => string, io: CliIo): number {
  const format = analyzer.currentSettings().sealFormat;
  if (format === 'off') {
    io.stderr(`govlens: cannot seal '${printable(args.dir)}': .govlens.json sets "sealFormat": "off"; set "git-sha1" or "git-sha256" to compute tree ids\n`);
    return 2;
  }
  const packets: SealRow[] = [];
  let failed = false;
  for (const { folder, result } of packetTrees(analyzer, workspace, format)) {
    if ('id' in result) packets.push({ path: folder === '' ? '.' : folder, tree: result.id, files: result.files });
    else {
      failed = true;
      io.stderr(`govlens: no tree id for ${printable(displayPath(folder))}: ${printable(result.problem)}\n`);
    }
  }
  io.stdout(args.format === 'json' ? `${JSON.stringify(sealOutput(packets, args.dir), null, 2)}\n` : formatSeals(packets, format, displayPath));
  return failed ? 1 : 0;
}

function folderProblem(absolute: string): string | undefined {
  try {
    if (!fs.statSync(absolute).isDirectory()) return 'not a folder';
    fs.accessSync(absolute, fs.constants.R_OK | fs.constants.X_OK);
    fs.readdirSync(absolute);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such folder';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return (error as Error).message;
  }
}

function jobsOf(args: CliArgs): number {
  return args.jobs ?? os.availableParallelism();
}

function toPosix(path: string): string {
  return path.split(nodePath.sep).join('/');
}
