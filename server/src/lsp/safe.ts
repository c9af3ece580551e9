import { CancellationToken, LSPErrorCodes, ResponseError, type Connection, type Disposable } from 'vscode-languageserver';
import { CancelledError, RenameError } from '../core/service';
import { errorText } from '../core/errorText';
import { paramsProblem, type ParamsShape } from './paramsShape';

/**
 * The one wrapper every request handler goes through: a cancelled request stops before it
 * starts, and one cancelled while it waits (for indexing, say) is answered as cancelled at
 * once, its late result dropped (a long feature that sees the cancellation itself throws
 * CancelledError and is answered the same); a refused rename is reported to the author, and any other
 * exception is logged and answered with the handler's empty result, so one bad document
 * never stops the server. Parameters not of the request's shape (`paramsShape.ts`) are answered
 * with that empty result at once, with a warning.
 */
export function makeSafe(connection: Connection) {
  const log = logFailure(connection);
  return function safe<P, R, F>(name: string, fallback: F, run: (params: P, token: CancellationToken) => R | Promise<R>, shape?: ParamsShape) {
    return async (params: P, maybeToken: CancellationToken | undefined): Promise<R | F | ResponseError<never>> => {
      // A client that sends positional parameters ([params, extra]) shifts the token out of place.
      const token = CancellationToken.is(maybeToken) ? maybeToken : CancellationToken.None;
      const cancelled = () => new ResponseError<never>(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      if (token.isCancellationRequested) return cancelled();
      // Malformed parameters are the client's mistake: the empty answer, and one line saying what was wrong.
      const problem = shape && paramsProblem(params, shape);
      if (problem) {
        connection.console.warn(`Ignored a ${name} request: ${problem}.`);
        return fallback;
      }
      let subscription: Disposable | undefined;
      const cancellation = new Promise<{ cancelled: true }>((resolve) => {
        subscription = token.onCancellationRequested(() => resolve({ cancelled: true }));
      });
      // A handler that throws before its first await is caught like one that rejects.
      const work = Promise.resolve().then(() => run(params, token));
      try {
        const outcome = await Promise.race([work.then((value) => ({ value }), (error: unknown) => ({ error })), cancellation]);
        if ('cancelled' in outcome) {
          // The work goes on until its next await or cancellation check; whatever it ends with is
          // not sent, but a failure is still logged (stopping for the cancellation is none).
          work.catch((error: unknown) => (error instanceof RenameError || error instanceof CancelledError ? undefined : log(name, error)));
          return cancelled();
        }
        if ('error' in outcome) {
          // A long feature saw the cancellation before this wrapper did.
          if (outcome.error instanceof CancelledError) return cancelled();
          // The request was well formed and understood; it could not be carried out, for the reason given.
          if (outcome.error instanceof RenameError) return new ResponseError<never>(LSPErrorCodes.RequestFailed, outcome.error.message);
          log(name, outcome.error);
          return fallback;
        }
        return token.isCancellationRequested ? cancelled() : outcome.value;
      } finally {
        subscription?.dispose();
      }
    };
  };
}

/** Logs a failure of `what` with its stack, and carries on: the end of any chain of work that must not end the server. */
export function logFailure(connection: Connection): (what: string, error: unknown) => void {
  return (what, error) => connection.console.error(`${what} failed: ${errorText(error)}`);
}
