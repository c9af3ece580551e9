/**
 * The shape a request's parameters must have before a handler reads them. A client that sends
 * `null`, a document without a string URI or a position without numbers gets the handler's
 * empty answer and one line in the log naming what was wrong, not a TypeError's stack trace
 * from somewhere inside the feature. Each check reads a fixed number of fields: constant time.
 */

/** What a request reads: a document, a position in it, a range in it, and a context object. */
export interface ParamsShape {
  readonly document?: true;
  readonly position?: true;
  readonly range?: true;
  /** `context` is an object; with `diagnostics`, its `diagnostics` is an array. */
  readonly context?: 'object' | 'diagnostics';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): boolean => isObject(v) && Number.isInteger(v['line']) && Number.isInteger(v['character']);

/** Why `params` does not have `shape`, or undefined when it does. */
export function paramsProblem(params: unknown, shape: ParamsShape): string | undefined {
  if (!isObject(params)) return `its parameters are ${params === null ? 'null' : Array.isArray(params) ? 'an array' : typeof params}, not an object`;
  if (shape.document) {
    const doc = params['textDocument'];
    if (!isObject(doc) || typeof doc['uri'] !== 'string') return 'textDocument.uri is not a string';
  }
  if (shape.position && !isPosition(params['position'])) return 'position is not {line, character} with whole numbers';
  if (shape.range) {
    const range = params['range'];
    if (!isObject(range) || !isPosition(range['start']) || !isPosition(range['end'])) return 'range is not {start, end} positions';
  }
  if (shape.context) {
    const context = params['context'];
    if (!isObject(context)) return 'context is not an object';
    if (shape.context === 'diagnostics' && !Array.isArray(context['diagnostics'])) return 'context.diagnostics is not an array';
  }
  return undefined;
}
