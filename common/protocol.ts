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
