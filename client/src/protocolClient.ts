import type { CancellationToken, Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  AuthorityDeltaRequest,
  BlockersChangedNotification,
  BlockersRequest,
  CheckWorkspaceRequest,
  RevisionsRequest,
  type BlockersParams,
  type Params,
  type Result,
} from '../../common/protocol';

/** The custom Governance Lens messages as typed methods; the only place the client sends or hears them. */
export class GovernanceProtocol {
  constructor(private readonly client: BaseLanguageClient) {}

  blockers(include: NonNullable<BlockersParams['include']>, token?: CancellationToken): Promise<Result<typeof BlockersRequest>> {
    const params: Params<typeof BlockersRequest> = { include };
    return this.request<Result<typeof BlockersRequest>>(BlockersRequest.method, params, token);
  }

  checkWorkspace(token?: CancellationToken): Promise<Result<typeof CheckWorkspaceRequest>> {
    // JSON-RPC params are an object when present; an empty one says "no arguments" to any server.
    const params: Params<typeof CheckWorkspaceRequest> = {};
    return this.request<Result<typeof CheckWorkspaceRequest>>(CheckWorkspaceRequest.method, params, token);
  }

  /** The authority delta of the folder holding `uri`: `base` against `head`, or the working tree when it is absent. */
  authorityDelta(params: Params<typeof AuthorityDeltaRequest>, token?: CancellationToken): Promise<Result<typeof AuthorityDeltaRequest>> {
    return this.request<Result<typeof AuthorityDeltaRequest>>(AuthorityDeltaRequest.method, params, token);
  }

  revisions(uri: string, token?: CancellationToken): Promise<Result<typeof RevisionsRequest>> {
    const params: Params<typeof RevisionsRequest> = { uri };
    return this.request<Result<typeof RevisionsRequest>>(RevisionsRequest.method, params, token);
  }

  /**
   * An undefined token must not be passed on: the client would send it as a second parameter,
   * turning the params into the array [params, null], and the server would get null as its token.
   */
  private request<R>(method: string, params: object, token: CancellationToken | undefined): Promise<R> {
    return token ? this.client.sendRequest<R>(method, params, token) : this.client.sendRequest<R>(method, params);
  }

  /** Survives restarts: the client re-registers its notification handlers on every start. */
  onBlockersChanged(handler: (counts: Params<typeof BlockersChangedNotification>) => void): Disposable {
    return this.client.onNotification(BlockersChangedNotification.method, handler);
  }
}
