import { EventEmitter, type Disposable, type Event, type LogOutputChannel } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { BlockersChangedParams } from '../../common/protocol';
import { GovernanceProtocol } from './protocolClient';

/**
 * Owns the language client across restarts. A client whose start failed cannot be started
 * again (vscode-languageclient keeps the rejected start), so a restart then builds a new one;
 * the events here outlive any single client.
 */
export class LanguageServer implements Disposable {
  private client: LanguageClient | undefined;
  private current: GovernanceProtocol | undefined;
  private clientListeners: Disposable[] = [];
  private readonly blockersChanged = new EventEmitter<BlockersChangedParams>();
  private readonly runningChanged = new EventEmitter<boolean>();

  /** The server's blocker counts, after indexing and after edits. */
  readonly onBlockersChanged: Event<BlockersChangedParams> = this.blockersChanged.event;
  /** Fires true when the server is up, false when it stopped or could not start. */
  readonly onDidChangeRunning: Event<boolean> = this.runningChanged.event;

  constructor(
    private readonly createClient: () => Promise<LanguageClient>,
    private readonly log: LogOutputChannel,
  ) {}

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  get starting(): boolean {
    return this.client?.state === State.Starting;
  }

  /** The custom requests, only while the server runs. */
  get protocol(): GovernanceProtocol | undefined {
    return this.running ? this.current : undefined;
  }

  /** Starts a fresh client; resolves false (the reason is in the log) when the server does not come up. */
  async start(): Promise<boolean> {
    await this.disposeClient();
    const client = await this.createClient();
    this.client = client;
    this.current = new GovernanceProtocol(client);
    this.clientListeners = [
      this.current.onBlockersChanged((counts) => this.blockersChanged.fire(counts)),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) this.runningChanged.fire(true);
        else if (newState === State.Stopped) this.runningChanged.fire(false);
      }),
    ];
    try {
      await client.start();
      return true;
    } catch (error) {
      // The client has already written the details to the output channel.
      this.log.error('The Governance Lens language server did not start.', error);
      this.runningChanged.fire(false);
      return false;
    }
  }

  async restart(): Promise<boolean> {
    const client = this.client;
    if (client?.state === State.Running) {
      await client.restart();
      return this.running;
    }
    return this.start();
  }

  async dispose(): Promise<void> {
    await this.disposeClient();
    this.blockersChanged.dispose();
    this.runningChanged.dispose();
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.current = undefined;
    for (const listener of this.clientListeners) listener.dispose();
    this.clientListeners = [];
    if (!client) return;
    try {
      await client.dispose();
    } catch (error) {
      // Only a running client can be stopped; one that never started has nothing to shut down.
      this.log.debug('Disposing the previous language client:', error);
    }
  }
}
