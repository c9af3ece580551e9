/**
 * What a caught value says, in the two forms the hosts need. A thrown value need not be an
 * Error (a host's callback may throw a string), so neither form assumes one.
 */

/** The reason, for people: a finding, a CLI message, a notification. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the server's log says of a failure: the stack where there is one. */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
