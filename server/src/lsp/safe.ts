import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { RenameError } from '../core/service';

/**
 * The one wrapper every request handler goes through: a cancelled request stops before it
 * starts, a refused rename is reported to the author, and any other exception is logged and
 * answered with the handler's empty result, so one bad document never stops the server.
 */
export function makeSafe(connection: Connection) {
  return function safe<P, R, F>(name: string, fallback: F, run: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, maybeToken: CancellationToken | undefined): Promise<R | F | ResponseError<never>> => {
      // A client that sends positional parameters ([params, extra]) shifts the token out of place.
      const token = CancellationToken.is(maybeToken) ? maybeToken : CancellationToken.None;
      if (token.isCancellationRequested) return new ResponseError<never>(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      try {
        return await run(params, token);
      } catch (error) {
        if (error instanceof RenameError) return new ResponseError<never>(ErrorCodes.InvalidRequest, error.message);
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  };
}
