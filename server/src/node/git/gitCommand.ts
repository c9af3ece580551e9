import { execFileSync } from 'node:child_process';

/** A git failure the user can act on: `govlens diff` prints it and exits 2. */
export class GitError extends Error {}

// The repository's own configuration applies (object format, safe.directory), but no command
// may take an optional lock or refresh the index (reading a revision must leave the work tree
// alone), and a folder name is a name, never a glob.
export const gitEnv = (): NodeJS.ProcessEnv => ({ ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' });

/** Bytes of an ls-tree listing kept in memory at most: a larger one is refused, not half read. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Runs git with an argument array (no shell) and returns its stdout; throws GitError with git's own reason. */
export function runGit(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv(), maxBuffer: MAX_OUTPUT_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new GitError('git is not installed or not on PATH; install git to compare revisions');
    const reason = (failure.stderr ?? '').trim().split('\n')[0] || failure.message;
    throw new GitError(reason);
  }
}

export interface RepositoryLocation {
  /** The repository's top folder. */
  top: string;
  /** The folder asked about, relative to the top with `/` separators: '' for the top itself. */
  prefix: string;
}

/** Where the folder lies in its repository; GitError when it lies in none. */
export function locateRepository(folder: string): RepositoryLocation {
  let out: string;
  try {
    out = runGit(folder, ['rev-parse', '--show-toplevel', '--show-prefix']);
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError('not inside a git repository; run govlens diff in a git work tree or pass a DIR inside one');
    throw error;
  }
  const [top = '', prefix = ''] = out.split('\n');
  return { top, prefix: prefix.replace(/\/$/, '') };
}

/** The commit a revision names, as a full id; GitError naming the revision when it names none. */
export function resolveCommit(top: string, revision: string): string {
  if (revision.startsWith('-')) throw new GitError(`'${revision}' is not a revision: a revision cannot start with '-'`);
  try {
    return runGit(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]).trim();
  } catch (error) {
    if (error instanceof GitError && error.message.startsWith('git is not installed')) throw error;
    throw new GitError(`unknown revision '${revision}': name a commit, branch or tag of this repository (git rev-parse --verify '${revision}^{commit}' fails)`);
  }
}
