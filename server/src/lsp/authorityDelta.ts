import type { AuthorityDeltaFailure, AuthorityDeltaParams, AuthorityDeltaResult, RevisionInfo, RevisionsResult } from '../../../common/protocol';
import { Analyzer } from '../core/analyzer';
import { authorityDelta } from '../core/delta/delta';
import { formatDeltaMarkdown } from '../core/delta/markdown';
import { deltaOutput } from '../core/delta/output';
import { snapshotOf, type AuthoritySnapshot } from '../core/delta/snapshot';
import { errorMessage } from '../core/errorText';
import { deltaSummary } from './deltaSummary';
import type { Folders } from './folders';
import type { KbFolder } from './kbFolder';
import type { GitHost, GitRepository } from './runtime';

/** The head label of the working tree, as `govlens diff` prints it. */
const WORKTREE = 'WORKTREE';
/** Bounds of the revisions list: a picker, not a history browser. */
const MAX_REFS = 100;
const MAX_COMMITS = 30;
/**
 * Snapshots of commits kept per folder. A commit's files never change, so a snapshot stays right
 * as long as the settings it was analysed under; the Blockers view asks for HEAD's after every
 * change of the blocker counts, and reading a whole revision through git each time would block
 * the server for as long as a `govlens check` of it.
 */
const CACHED_COMMITS = 4;

type Failure = { ok: false; reason: AuthorityDeltaFailure; message: string };
const failure = (reason: AuthorityDeltaFailure, message: string): Failure => ({ ok: false, reason, message });

/** Answers the authority-delta and revisions requests of common/protocol.ts; git comes from the host (Runtime.git). */
export class AuthorityDeltas {
  private readonly snapshots = new WeakMap<KbFolder, Map<string, AuthoritySnapshot>>();

  constructor(
    private readonly folders: Folders,
    private readonly git: GitHost | undefined,
    private readonly log: (message: string) => void,
  ) {}

  delta({ uri, base, head }: AuthorityDeltaParams): AuthorityDeltaResult {
    if (typeof base !== 'string' || base.trim() === '') return failure('bad-revision', 'no base revision given: name a commit, branch or tag to compare with');
    if (head !== undefined && (typeof head !== 'string' || head.trim() === '')) return failure('bad-revision', 'the head revision is empty: name a commit, branch or tag, or leave it out for the working tree');
    const found = this.repositoryOf(uri);
    if ('ok' in found) return found;
    const { folder, repository } = found;
    let baseCommit: string;
    let headCommit: string | undefined;
    try {
      baseCommit = repository.resolve(base.trim());
      headCommit = head === undefined ? undefined : repository.resolve(head.trim());
    } catch (error) {
      return failure('bad-revision', errorMessage(error));
    }
    try {
      const before = this.commitSnapshot(folder, repository, baseCommit, base);
      const after = headCommit === undefined ? snapshotOf(folder.analyzer) : this.commitSnapshot(folder, repository, headCommit, head ?? '');
      const delta = authorityDelta(before, after);
      const headLabel = head?.trim() ?? WORKTREE;
      const baseLabel = base.trim();
      const result: AuthorityDeltaResult = {
        ok: true,
        delta: deltaOutput(delta, baseLabel, headLabel),
        markdown: formatDeltaMarkdown(delta, baseLabel, headLabel, (path) => path),
        summary: deltaSummary(delta, (scope) => folder.analyzer.canonical(scope) === 'production'),
        baseCommit,
      };
      if (headCommit !== undefined) result.headCommit = headCommit;
      return result;
    } catch (error) {
      // git failing half-way (a repository being rewritten, a blob gone): the user is told; the server carries on.
      const message = `comparing ${folder.fsPath} with ${base} failed: ${errorMessage(error)}`;
      this.log(message);
      return failure('failed', message);
    }
  }

  revisions({ uri }: { uri: string }): RevisionsResult {
    const found = this.repositoryOf(uri);
    if ('ok' in found) return found;
    let listed;
    try {
      listed = found.repository.revisions({ refs: MAX_REFS, commits: MAX_COMMITS });
    } catch (error) {
      return failure('failed', `listing the revisions of ${found.folder.fsPath} failed: ${errorMessage(error)}`);
    }
    const revisions: RevisionInfo[] = [
      ...listed.branches.map((b): RevisionInfo => ({ revision: b.name, kind: 'branch', label: b.name, detail: `${b.short} ${b.subject}` })),
      ...listed.tags.map((t): RevisionInfo => ({ revision: t.name, kind: 'tag', label: t.name, detail: `${t.short} ${t.subject}` })),
      ...listed.commits.map((c): RevisionInfo => ({ revision: c.commit, kind: 'commit', label: c.short, detail: c.subject })),
    ];
    return { ok: true, revisions, truncated: listed.truncated };
  }

  private repositoryOf(uri: string): { folder: KbFolder; repository: GitRepository } | Failure {
    const folder = typeof uri === 'string' ? this.folders.owner(uri) : undefined;
    if (!folder) return failure('no-folder', `${String(uri)} is in no workspace folder the server has open: open the folder to compare its authority`);
    if (!this.git) return failure('git-unavailable', 'this language server runs without git access, so it cannot compare revisions; run govlens diff from a terminal instead');
    let repository: GitRepository | undefined;
    try {
      repository = this.git.repository(folder.fsPath);
    } catch (error) {
      return failure('git-unavailable', errorMessage(error));
    }
    if (!repository) return failure('no-repository', `${folder.fsPath} is not inside a git repository: the authority delta compares git revisions (git init and a first commit make one)`);
    return { folder, repository };
  }

  /** A commit's snapshot, analysed as `govlens check` would under the folder's editor settings; cached. */
  private commitSnapshot(folder: KbFolder, repository: GitRepository, commit: string, revision: string): AuthoritySnapshot {
    const key = `${commit}\0${JSON.stringify(folder.hostSettings)}`;
    let cache = this.snapshots.get(folder);
    if (!cache) this.snapshots.set(folder, (cache = new Map()));
    const cached = cache.get(key);
    if (cached) {
      // Most recently used last, so the oldest goes first.
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const workspace = repository.open(commit, folder.workspace.rootName);
    const analyzer = new Analyzer(workspace, folder.hostSettings, {
      onError: (path, error) => this.log(`Analysing ${path} at ${revision} failed (${errorMessage(error)}); it is skipped`),
    });
    try {
      const snapshot = snapshotOf(analyzer);
      cache.set(key, snapshot);
      for (const oldest of cache.keys()) {
        if (cache.size <= CACHED_COMMITS) break;
        cache.delete(oldest);
      }
      return snapshot;
    } finally {
      analyzer.dispose();
      workspace.dispose();
    }
  }
}
