import type { GitHost, GitRepository, GitRevisions } from '../../lsp/runtime';
import { GitError, locateRepository, resolveCommit, runGit } from './gitCommand';
import { GitRevisionWorkspace } from './gitWorkspace';

/** The language server's git (lsp/runtime.ts): the same commands `govlens diff` runs. */
export const gitHost: GitHost = {
  repository(fsPath) {
    let location;
    try {
      location = locateRepository(fsPath);
    } catch (error) {
      // Not being in a repository is an answer, not a failure: the editor then shows no delta.
      if (error instanceof GitError && error.message.startsWith('not inside a git repository')) return undefined;
      throw error;
    }
    return repositoryAt(location.top, location.prefix);
  },
};

function repositoryAt(top: string, prefix: string): GitRepository {
  return {
    resolve: (revision) => resolveCommit(top, revision),
    open: (commit, rootName) => new GitRevisionWorkspace(top, commit, prefix, rootName),
    revisions: (limits) => revisions(top, limits),
  };
}

// Fields split by NUL, records by newline: a subject holds neither (git keeps it to one line).
const REF_FORMAT = '%(refname:short)%00%(objectname:short)%00%(subject)';

function revisions(top: string, { refs, commits }: { refs: number; commits: number }): GitRevisions {
  // One more than shown, so a cut list is known to be cut.
  const listRefs = (namespace: string) =>
    records(runGit(top, ['for-each-ref', `--count=${refs + 1}`, '--sort=-committerdate', `--format=${REF_FORMAT}`, namespace])).map(([name = '', short = '', subject = '']) => ({ name, short, subject }));
  const branches = listRefs('refs/heads');
  const tags = listRefs('refs/tags');
  // A repository with no commit yet has no HEAD to list; its branches and tags (none) stand.
  const log = hasCommit(top) ? records(runGit(top, ['log', `--max-count=${commits}`, '--format=%H%x00%h%x00%s', 'HEAD', '--'])) : [];
  return {
    branches: branches.slice(0, refs),
    tags: tags.slice(0, refs),
    commits: log.map(([commit = '', short = '', subject = '']) => ({ commit, short, subject })),
    truncated: branches.length > refs || tags.length > refs,
  };
}

function hasCommit(top: string): boolean {
  try {
    resolveCommit(top, 'HEAD');
    return true;
  } catch (error) {
    if (error instanceof GitError && error.message.startsWith('git is not installed')) throw error;
    return false;
  }
}

function records(output: string): string[][] {
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\0'));
}
