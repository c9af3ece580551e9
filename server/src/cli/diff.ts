import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Analyzer } from '../core/analyzer';
import { authorityDelta } from '../core/delta/delta';
import { snapshotOf, type AuthoritySnapshot } from '../core/delta/snapshot';
import { errorMessage } from '../core/errorText';
import type { Workspace } from '../core/workspace';
import { NodeFileSystemWorkspace } from '../node/fsWorkspace';
import { locateRepository, resolveCommit } from '../node/git/gitCommand';
import { GitRevisionWorkspace } from '../node/git/gitWorkspace';
import { WORKTREE, type CliArgs } from './args';
import { deltaOutput } from '../core/delta/output';
import { formatDeltaMarkdown } from '../core/delta/markdown';
import { formatDeltaText } from './formatDeltaText';
import { printable } from './printable';
import type { CliIo } from './run';

/**
 * `govlens diff BASE DIR`: as git does, a second word that names no revision but is a folder is
 * the DIR, and HEAD is the working tree. A word that is both stays the revision spec §9 says it is.
 */
export function disambiguate(args: CliArgs, cwd: string): CliArgs {
  if (args.command !== 'diff' || args.head === WORKTREE || args.dir !== '.') return args;
  const folder = nodePath.resolve(cwd, args.head);
  if (!isFolder(folder)) return args;
  try {
    resolveCommit(locateRepository(folder).top, args.head);
    return args;
  } catch {
    return { ...args, head: WORKTREE, dir: args.head };
  }
}

function isFolder(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `govlens diff` (spec §9): the workspace at two revisions, each analysed as `check` would, then compared. */
export function diff(args: CliArgs, absolute: string, io: CliIo): number {
  const { top, prefix } = locateRepository(absolute);
  const baseCommit = resolveCommit(top, args.base);
  const headCommit = args.head === WORKTREE ? undefined : resolveCommit(top, args.head);
  const rootName = nodePath.basename(prefix === '' ? top : prefix);
  const displayPath = (path: string) => nodePath.posix.join(args.dir.split(nodePath.sep).join('/'), path);

  const base = snapshotAt(new GitRevisionWorkspace(top, baseCommit, prefix, rootName), args.base, displayPath, io);
  const head = snapshotAt(headCommit === undefined ? new NodeFileSystemWorkspace(absolute) : new GitRevisionWorkspace(top, headCommit, prefix, rootName), args.head, displayPath, io);
  const delta = authorityDelta(base, head);

  if (args.format === 'json') io.stdout(`${JSON.stringify(deltaOutput(delta, args.base, args.head), null, 2)}\n`);
  else if (args.format === 'markdown') io.stdout(formatDeltaMarkdown(delta, args.base, args.head, displayPath));
  else io.stdout(formatDeltaText(delta, args.base, args.head, displayPath));
  return delta.events.some((e) => args.failOn.includes(e)) ? 1 : 0;
}

function snapshotAt(workspace: Workspace & { dispose?(): void }, revision: string, displayPath: (path: string) => string, io: CliIo): AuthoritySnapshot {
  const analyzer = new Analyzer(workspace, {}, {
    onError: (path, error) => io.stderr(`govlens: analysing ${printable(displayPath(path))} at ${printable(revision)} failed (${printable(errorMessage(error))}); it is skipped\n`),
  });
  try {
    return snapshotOf(analyzer);
  } finally {
    analyzer.dispose();
    workspace.dispose?.();
  }
}
