/**
 * Every custom message between the Governance Lens client and server, in one place.
 * Both sides import this file; nothing else declares a method name.
 *
 * The messages are plain method names with their types attached rather than vscode-jsonrpc
 * RequestType objects: the client and the server libraries ship different vscode-jsonrpc
 * majors, whose message-type classes are not interchangeable. Use them as
 *   client.sendRequest<Result<typeof BlockersRequest>>(BlockersRequest.method, params)
 *   client.onNotification(BlockersChangedNotification.method, (p: Params<typeof BlockersChangedNotification>) => …)
 *   connection.onRequest(BlockersRequest.method, (p: Params<typeof BlockersRequest>) => …)
 */

/** A request's method with its parameter and result types (the fields exist for typing only). */
export interface RequestSpec<P, R> {
  readonly method: string;
  readonly params?: P;
  readonly result?: R;
}

export type Params<T> = T extends RequestSpec<infer P, unknown> ? P : T extends NotificationSpec<infer P> ? P : never;
export type Result<T> = T extends RequestSpec<unknown, infer R> ? R : never;

/** A notification's method with its parameter type. */
export interface NotificationSpec<P> {
  readonly method: string;
  readonly params?: P;
}

/** A blocker as the client shows it (QuickPick, tree view, status bar). */
export interface BlockerInfo {
  id: string;
  status: 'unresolved' | 'resolved';
  /** The map holding the blocker's latest definition, as a URI, and the range of its `id` value. */
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Workspace-relative path of that map, `/` separators. */
  path: string;
  /** The packet folder holding the map (workspace-relative; '' when the root is the packet). */
  packet: string;
  item?: string;
  blocks?: string;
  actorNeeded?: string;
  nextAction?: string;
  /** The map's `date`. */
  date?: string;
  /** For resolved blockers: the map that resolved it, workspace-relative. */
  resolvedBy?: string;
  /** How: that map's resolved_in_this_macro lists it, or its latest definition says RESOLVED. */
  resolvedHow?: 'resolved_in_this_macro' | 'status';
  /** The packet folder of the resolving map (workspace-relative, '' for the root) and its `date`. */
  resolvedByPacket?: string;
  resolvedByDate?: string;
}

export interface BlockersParams {
  /** 'unresolved' (default) lists what still blocks; 'all' adds the resolved ones. */
  include?: 'unresolved' | 'all';
}

export interface BlockersResult {
  blockers: BlockerInfo[];
  /** False while the server is still indexing the workspace at startup. */
  complete: boolean;
}

/** Sent by the client: the blockers of the whole workspace, latest definition of each ID, in file then line order. */
export const BlockersRequest: RequestSpec<BlockersParams, BlockersResult> = { method: 'governanceLens/blockers' };

export interface BlockersChangedParams {
  unresolved: number;
  total: number;
}

/** Sent by the server whenever the blocker counts may have changed (after indexing, after edits). */
export const BlockersChangedNotification: NotificationSpec<BlockersChangedParams> = { method: 'governanceLens/blockersChanged' };

export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  unresolvedBlockers: number;
  /** Workspace folders the server could not open, with why: none of their files were checked. */
  unreadFolders?: { uri: string; reason: string }[];
}

/**
 * Sent by the client: drops every cache, re-reads the workspace from disk (open buffers still
 * win) and analyses every document; diagnostics are re-published or refreshed.
 */
export const CheckWorkspaceRequest: RequestSpec<Record<string, never> | undefined, CheckWorkspaceResult> = { method: 'governanceLens/checkWorkspace' };

/** A grant entry as the authority delta lists it (spec §9). */
export interface DeltaGrant {
  lock: string;
  id: string;
  scope: string;
  actions: string[];
  status?: string;
}

/** A finding as `govlens check --format json` gives it (spec §7). */
export interface DeltaFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

/** Exactly the object `govlens diff --format json` prints (spec §9); paths are relative to the workspace folder. */
export interface AuthorityDeltaJson {
  version: 1;
  base: string;
  /** The revision compared, or 'WORKTREE': the working tree as the server sees it, open buffers included. */
  head: string;
  grants: { added: DeltaGrant[]; removed: DeltaGrant[]; changed: (DeltaGrant & { before: { scope: string; actions: string[]; status?: string } })[] };
  blockers: { added: string[]; resolved: string[]; reopened: string[]; removed: string[] };
  findings: { introduced: DeltaFinding[]; fixed: DeltaFinding[] };
  seals: { stale: { file: string; seal: string; packet?: string; tree?: string; verdict: string }[] };
  events: string[];
}

export interface AuthorityDeltaParams {
  /** A workspace folder, or any file or folder inside one: the delta is of that workspace folder. */
  uri: string;
  /** Anything `git rev-parse` takes: a branch, a tag, a commit id, `HEAD~1`. */
  base: string;
  /** Absent: the working tree as the server sees it (open buffers included). */
  head?: string;
}

/**
 * Why a delta could not be computed, so a client can tell "nothing to compare" (no repository:
 * say nothing) from a mistake to show the user (a bad revision).
 */
export type AuthorityDeltaFailure = 'no-folder' | 'no-repository' | 'bad-revision' | 'git-unavailable' | 'failed';

export type AuthorityDeltaResult =
  | {
      ok: true;
      delta: AuthorityDeltaJson;
      /** The same delta as `govlens diff --format markdown` prints it. */
      markdown: string;
      /** One line for a view's title: "+1 production grant, 2 blockers resolved", or "no change". */
      summary: string;
      /** The full commit ids compared (headCommit absent for the working tree). */
      baseCommit: string;
      headCommit?: string;
    }
  | { ok: false; reason: AuthorityDeltaFailure; message: string };

/** Sent by the client: the authority delta of a workspace folder between two revisions (spec §9). */
export const AuthorityDeltaRequest: RequestSpec<AuthorityDeltaParams, AuthorityDeltaResult> = { method: 'governanceLens/authorityDelta' };

export interface RevisionInfo {
  /** What to pass as `base`: a branch or tag name, or a full commit id. */
  revision: string;
  kind: 'branch' | 'tag' | 'commit';
  /** A short label: the name, or the abbreviated commit id. */
  label: string;
  /** The commit's subject line (and, for a branch or tag, its abbreviated id). */
  detail: string;
}

export interface RevisionsParams {
  /** A workspace folder, or any file or folder inside one. */
  uri: string;
}

export type RevisionsResult =
  | {
      ok: true;
      /** Local branches and tags (at most 100 of each), then the last 30 commits of HEAD, newest first. */
      revisions: RevisionInfo[];
      /** True when a list was cut at its bound. */
      truncated: boolean;
    }
  | { ok: false; reason: AuthorityDeltaFailure; message: string };

/** Sent by the client: the revisions a user may compare with (bounded lists). */
export const RevisionsRequest: RequestSpec<RevisionsParams, RevisionsResult> = { method: 'governanceLens/revisions' };
