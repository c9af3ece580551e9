import { Disposable, Emitter, ErrorCodes, type DataCallback, type Event, type Message, type MessageReader, type MessageWriter, type PartialMessageInfo, type ResponseMessage } from 'vscode-languageserver';

type State = 'new' | 'initialized' | 'shutdown';

/**
 * LSP 3.17's lifecycle and JSON-RPC 2.0's rules, applied to each message before the server
 * library sees it. The library accepts a second `initialize` (and re-roots the server), serves
 * requests after `shutdown`, answers requests before `initialize` with `null`, ignores a request
 * whose id is `null` and goes silent after a malformed header; here:
 *
 * - before `initialize`, a request is answered ServerNotInitialized (-32002) and a notification
 *   is dropped, `exit` excepted;
 * - a second `initialize`, and any request after `shutdown`, is answered InvalidRequest (-32600);
 *   notifications after `shutdown` are dropped, `exit` excepted;
 * - a request whose id is neither a number nor a string (`null`, say), or a message that is no
 *   request, notification or response (a batch), is answered InvalidRequest with id `null`, as
 *   JSON-RPC answers what it cannot correlate;
 * - a body that is not JSON is answered ParseError (-32700) with id `null`, and reading goes on
 *   (its frame was intact);
 * - a malformed header leaves no way to find where the next message starts: `onFatal` is told
 *   why, and the host ends the process rather than go silent.
 */
export class ConformingReader implements MessageReader {
  private state: State = 'new';
  private readonly errors = new Emitter<Error>();

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    private readonly onFatal: (reason: string) => void,
  ) {}

  /** True once `shutdown` was received: the exit that follows is a clean one. */
  get shutdownReceived(): boolean {
    return this.state === 'shutdown';
  }

  get onError(): Event<Error> {
    return this.errors.event;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  get onPartialMessage(): Event<PartialMessageInfo> {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    const failures = this.inner.onError((error) => this.failed(error));
    const reading = this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
    return Disposable.create(() => {
      failures.dispose();
      reading.dispose();
    });
  }

  dispose(): void {
    this.inner.dispose();
    this.errors.dispose();
  }

  /** Whether the message goes on to the server; when it does not, it has been answered or dropped. */
  private admit(message: Message): boolean {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.refuse(null, ErrorCodes.InvalidRequest, 'A message must be one JSON-RPC object (batches are not part of LSP); it was not processed.');
      return false;
    }
    const { id, method } = message as { id?: unknown; method?: unknown };
    const hasId = 'id' in message;
    if (typeof method !== 'string') {
      // A response to one of the server's own requests.
      if (hasId && ('result' in message || 'error' in message)) return true;
      this.refuse(null, ErrorCodes.InvalidRequest, 'The message is neither a request, a notification nor a response (no method, no result, no error); it was not processed.');
      return false;
    }
    if (!hasId) {
      // A notification.
      if (method === 'exit') return true;
      return this.state === 'initialized';
    }
    if (typeof id !== 'number' && typeof id !== 'string') {
      this.refuse(null, ErrorCodes.InvalidRequest, `The ${method} request has the id ${JSON.stringify(id)}; a request id must be a number or a string (LSP), so it could not be answered to its sender and was not processed.`);
      return false;
    }
    if (this.state === 'new') {
      if (method === 'initialize') {
        this.state = 'initialized';
        return true;
      }
      this.refuse(id, ErrorCodes.ServerNotInitialized, `The server is not initialized: send initialize first (${method} was not processed).`);
      return false;
    }
    if (method === 'initialize') {
      this.refuse(id, ErrorCodes.InvalidRequest, 'initialize was already received; it may be sent once per session (the workspace stays as it was).');
      return false;
    }
    if (this.state === 'shutdown') {
      this.refuse(id, ErrorCodes.InvalidRequest, `The server is shutting down: ${method} was not processed; only the exit notification is expected now.`);
      return false;
    }
    if (method === 'shutdown') this.state = 'shutdown';
    return true;
  }

  private failed(error: Error): void {
    // The body of an intact frame that is not JSON: answered, and the next frame is read.
    if (error instanceof SyntaxError) {
      this.refuse(null, ErrorCodes.ParseError, `A message body is not valid JSON (${error.message}); it was not processed.`);
      return;
    }
    this.errors.fire(error);
    const header = /header|content-length/i.test(error.message);
    this.onFatal(header ? `malformed message header from the client (${error.message}): where the next message starts cannot be known` : `reading the client's messages failed (${error.message})`);
  }

  private refuse(id: number | string | null, code: number, message: string): void {
    const answer: ResponseMessage = { jsonrpc: '2.0', id, error: { code, message } };
    void this.writer.write(answer).catch(() => undefined);
  }
}
