/**
 * Cancellation as the core sees it: a question it can ask, nothing more. The language server
 * adapts LSP's CancellationToken to it; the core must not import the LSP library.
 *
 * The core is synchronous, so a token can only turn between two turns of the host's event
 * loop: a check catches a request cancelled while it waited (for indexing, behind other
 * requests), and a long pass that yields (the workspace diagnostics) between its slices.
 */
export interface Cancellation {
  isCancelled(): boolean;
}

/** What a host passes when nothing can cancel (the CLI, tests). */
export const notCancellable: Cancellation = Object.freeze({ isCancelled: () => false });

/** Thrown by a long feature that noticed its request was cancelled: hosts answer it as cancelled, not as a failure. */
export class CancelledError extends Error {
  constructor() {
    super('The request was cancelled.');
    this.name = 'CancelledError';
  }
}

/** Stops a long feature between two units of its work (a document, an entry) once its request is cancelled. */
export function throwIfCancelled(cancellation: Cancellation): void {
  if (cancellation.isCancelled()) throw new CancelledError();
}
