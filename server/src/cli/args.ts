import { DeltaEvents, type DeltaEvent } from '../core/delta/delta';

export type Format = 'text' | 'json' | 'sarif' | 'markdown';

/** `govlens diff`'s HEAD when none is given, and the name that asks for the working tree explicitly. */
export const WORKTREE = 'WORKTREE';

export interface CliArgs {
  command: 'check' | 'blockers' | 'seal' | 'diff' | 'help' | 'version';
  dir: string;
  format: Format;
  /** `blockers --all`: resolved ones too. */
  all: boolean;
  /** `diff`: the revisions compared; head WORKTREE is the working tree. */
  base: string;
  head: string;
  /** `diff --fail-on`: the events that make the exit status 1. */
  failOn: DeltaEvent[];
  /** `check --cache`: keep facts and diagnostics between runs (cli/cache/). */
  cache: boolean;
  /** `--cache-location`: a file, or a folder to hold `.govlens-cache`; default DIR/.govlens-cache. */
  cacheLocation?: string;
  /** How a file is known unchanged: its size and mtime, or a hash of its bytes. */
  cacheStrategy: CacheStrategy;
  /** `--debug-cache`: one line on stderr counting what was read and checked again. */
  debugCache: boolean;
  /** `check --jobs N`: threads reading documents; absent, one per core. */
  jobs?: number;
}

import type { CacheStrategy } from '../node/cache/signatures';

export type { CacheStrategy };

export class UsageError extends Error {}

const formats: Record<CliArgs['command'], readonly Format[]> = {
  check: ['text', 'json', 'sarif'],
  blockers: ['text', 'json'],
  seal: ['text', 'json'],
  diff: ['text', 'json', 'markdown'],
  help: ['text'],
  version: ['text'],
};

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', dir: '.', format: 'text', all: false, base: '', head: WORKTREE, failOn: [], cache: false, cacheStrategy: 'metadata', debugCache: false };
  let failOnGiven = false;
  let cacheOption: string | undefined;
  const valueOf = (name: string, arg: string, next: () => string | undefined, expected: string): string => {
    const value = arg === name ? next() : arg.slice(name.length + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value: ${expected}`);
    return value;
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { ...args, command: 'help' };
    if (arg === '--version' || arg === '-v') return { ...args, command: 'version' };
    const next = () => argv[++i];
    if (arg === '--all') args.all = true;
    else if (arg === '--cache' || arg === '--debug-cache') {
      if (arg === '--cache') args.cache = true;
      else args.debugCache = true;
      cacheOption ??= arg;
    } else if (arg === '--cache-location' || arg.startsWith('--cache-location=')) {
      args.cacheLocation = valueOf('--cache-location', arg, next, 'a file, or a folder to hold .govlens-cache');
      cacheOption ??= '--cache-location';
    } else if (arg === '--cache-strategy' || arg.startsWith('--cache-strategy=')) {
      const value = valueOf('--cache-strategy', arg, next, 'metadata or content');
      if (value !== 'metadata' && value !== 'content') throw new UsageError(`unknown cache strategy '${value}': use metadata or content`);
      args.cacheStrategy = value;
      cacheOption ??= '--cache-strategy';
    } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      args.jobs = parseJobs(valueOf('--jobs', arg, next, 'a number of threads, 1 or more'));
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (value === undefined || value === '') throw new UsageError('--format needs a value: text, json, sarif or markdown');
      if (value !== 'text' && value !== 'json' && value !== 'sarif' && value !== 'markdown') throw new UsageError(`unknown format '${value}': use text, json, sarif or markdown`);
      args.format = value;
    } else if (arg === '--fail-on' || arg.startsWith('--fail-on=')) {
      const value = arg === '--fail-on' ? argv[++i] : arg.slice('--fail-on='.length);
      if (value === undefined || value === '') throw new UsageError(`--fail-on needs a list of events: ${DeltaEvents.join(', ')}`);
      args.failOn.push(...parseEvents(value));
      failOnGiven = true;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}' (see govlens --help)`);
    else positional.push(arg);
  }
  if (args.jobs !== undefined && positional[0] !== 'check') throw new UsageError('--jobs goes with govlens check');
  if (positional[0] === 'diff' && cacheOption !== undefined) throw new UsageError(`${cacheOption} goes with govlens check`);
  if (positional[0] === 'diff') return diffArgs(args, positional.slice(1));
  if (failOnGiven) throw new UsageError('--fail-on goes with govlens diff');
  const [command, dir, ...extra] = positional;
  if (command === undefined) return args;
  if (command === 'help') return { ...args, command: 'help' };
  if (command !== 'check' && command !== 'blockers' && command !== 'seal') throw new UsageError(`unknown command '${command}': use check, blockers, seal or diff (see govlens --help)`);
  if (extra.length > 0) throw new UsageError(`one folder at a time: unexpected '${extra[0]}'`);
  if (!formats[command].includes(args.format)) throw new UsageError(`govlens ${command} does not support --format ${args.format}: use ${formats[command].join(' or ')}`);
  if (args.all && command !== 'blockers') throw new UsageError('--all goes with govlens blockers');
  if (cacheOption !== undefined && command !== 'check') throw new UsageError(`${cacheOption} goes with govlens check`);
  if (cacheOption !== undefined && !args.cache) throw new UsageError(`${cacheOption} needs --cache`);
  return { ...args, command, dir: dir ?? '.' };
}

function diffArgs(args: CliArgs, positional: readonly string[]): CliArgs {
  const [base, head, dir, ...extra] = positional;
  if (base === undefined || base === '') throw new UsageError('govlens diff needs a BASE revision to compare with, e.g. govlens diff origin/main');
  if (head === '') throw new UsageError(`HEAD must name a revision, or ${WORKTREE} for the working tree`);
  if (extra.length > 0) throw new UsageError(`govlens diff takes BASE [HEAD] [DIR]: unexpected '${extra[0]}'`);
  if (!formats.diff.includes(args.format)) throw new UsageError(`govlens diff does not support --format ${args.format}: use ${formats.diff.join(', ')}`);
  if (args.all) throw new UsageError('--all goes with govlens blockers');
  return { ...args, command: 'diff', base, head: head ?? WORKTREE, dir: dir ?? '.', failOn: [...new Set(args.failOn)] };
}

function parseJobs(value: string): number {
  // Digits only: Number() would take 1e3, 0x10 and " 2 ".
  const jobs = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError(`--jobs needs a whole number of threads, 1 or more: got '${value}'`);
  return jobs;
}

function parseEvents(list: string): DeltaEvent[] {
  return list.split(',').map((name) => {
    const event = name.trim();
    if (!(DeltaEvents as readonly string[]).includes(event)) throw new UsageError(`unknown --fail-on event '${event}': use ${DeltaEvents.join(', ')}`);
    return event as DeltaEvent;
  });
}

export const helpText = `govlens — check governance packets and KB notes

Usage:
  govlens check [DIR] [--format text|json|sarif] [--jobs N]
                [--cache [--cache-location P] [--cache-strategy metadata|content]
                [--debug-cache]]
  govlens blockers [DIR] [--format text|json] [--all]
  govlens seal [DIR] [--format text|json]
  govlens diff BASE [HEAD] [DIR] [--format text|json|markdown]
               [--fail-on EVENT[,EVENT]]
  govlens --help | --version

Commands:
  check     Analyse every packet document (JSON files in folders whose name
            contains "packet") and every KB note (Markdown file) under DIR,
            default the current folder, and print the findings.
  blockers  Print the unresolved blockers of DIR's blocker maps (the latest
            definition of each blocker ID wins; a later map's
            resolved_in_this_macro resolves it). --all includes resolved ones.
  seal      Print every packet's tree id: git's tree object id of the packet
            folder, computed from the bytes on disk (no git needed), as
            \`git rev-parse HEAD:<packet>\` prints it once they are committed.
            SHA-1, or SHA-256 with "sealFormat": "git-sha256" in .govlens.json.
  diff      The authority delta: what DIR (inside a git repository) grants,
            resolves and claims at HEAD compared with BASE. Grants added,
            removed or changed per lock (production scope first), blockers
            added, resolved, reopened or removed, findings introduced or
            fixed, seals gone stale. BASE and HEAD are git revisions, read
            through git without a checkout; HEAD defaults to WORKTREE, the
            working tree with its uncommitted changes.

Threads (check):
  --jobs N           read and parse documents on N threads (default: one per
                     core); the checks that follow run on one. --jobs 1 reads
                     on one thread. The output is the same for every N.

Cache (check):
  --cache            keep each document's facts and diagnostics in a cache file
                     and, on the next run, analyse again only the files that
                     changed and the documents that depend on them; the output
                     is the same as without --cache. A cache written for other
                     settings, another .govlens.json, folder or govlens version,
                     or one that cannot be read, is ignored and rewritten.
  --cache-location P the cache file, or a folder to hold .govlens-cache
                     (default: DIR/.govlens-cache)
  --cache-strategy S how a file is known unchanged: metadata (size and
                     modification time, default) or content (a hash of its
                     bytes: slower, but catches an edit that keeps both)
  --debug-cache      print on stderr how many documents were read and checked
                     again, and why the cache was not used when it was not

Formats:
  text   one line per finding, path:line:column: severity code: message,
         then a summary line (default)
  json   {"version":1,"root":DIR,"files":N,"diagnostics":[…],"blockers":[…]}
         with 0-based lines and UTF-16 columns (blockers: {"version":1,
         "root":DIR,"blockers":[…]} with the unresolved blockers; seal:
         {"version":1,"root":DIR,"packets":[{"path","tree","files"}]})
  sarif  SARIF 2.1.0, one rule per diagnostic code, for GitHub code scanning
  markdown  (diff) a pull-request comment; diff's json is {"version":1,
         "base","head","grants":{"added","removed","changed"},"blockers":
         {"added","resolved","reopened","removed"},"findings":{"introduced",
         "fixed"},"seals":{"stale"},"events":[…]}

Events (diff --fail-on):
  production-grant-added  a lock grants in production scope what BASE did not
  findings-introduced     a finding HEAD has and BASE had not (by file, code
                          and message; line moves do not count)
  blocker-reopened        a blocker resolved at BASE is unresolved at HEAD

Exit status:
  0  no error-severity findings (warnings and hints allowed)
  1  at least one error-severity finding (seal: a packet whose tree id
     could not be computed, named on stderr and left out)
  2  govlens could not run: bad arguments, or DIR missing or unreadable
     (seal: also "sealFormat": "off"; diff: not a git repository, or an
     unknown revision)
  diff: 0 unless --fail-on names an event that holds, then 1

Diagnostic codes:
  json-syntax, schema, unknown-id, duplicate-id, evidence-missing-file,
  evidence-ambiguous-file, evidence-missing-anchor, evidence-status-mismatch,
  path-outside-workspace, ticket-range-invalid, ticket-range-overlap,
  ticket-unreserved, implied-production-grant, seal-mismatch,
  seal-unresolved, file-too-large, too-many-findings (see README.md)
`;
