/**
 * Checks the arguments of the internal commands. They normally come from the server (code
 * lenses) or the tree, but any extension or keybinding can run a command with anything.
 */
import type { BlockerInfo } from '../../common/protocol';

export interface PlainPosition {
  line: number;
  character: number;
}

export interface PlainRange {
  start: PlainPosition;
  end: PlainPosition;
}

export interface PlainLocation {
  uri: string;
  range: PlainRange;
}

export interface ReferenceArgs {
  uri: string;
  position: PlainPosition;
  locations: PlainLocation[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export const isPosition = (v: unknown): v is PlainPosition => isRecord(v) && isIndex(v.line) && isIndex(v.character);
export const isRange = (v: unknown): v is PlainRange => isRecord(v) && isPosition(v.start) && isPosition(v.end);
const isUri = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(v);
const isLocation = (v: unknown): v is PlainLocation => isRecord(v) && isUri(v.uri) && isRange(v.range);

/** `[uri, position, locations]`, as the server's reference code lenses send them. */
export function parseReferenceArgs(args: readonly unknown[]): ReferenceArgs | undefined {
  const [uri, position, locations] = args;
  if (!isUri(uri) || !isPosition(position) || !Array.isArray(locations) || !locations.every(isLocation)) return undefined;
  return { uri, position, locations };
}

/** `[location]`, as the server's evidence code lenses send it. */
export function parseLocationArgs(args: readonly unknown[]): PlainLocation | undefined {
  const [location] = args;
  return isLocation(location) ? location : undefined;
}

/** A blocker as far as opening it needs: its map's URI and the range of its ID. */
export function parseBlockerTarget(arg: unknown): Pick<BlockerInfo, 'id' | 'uri' | 'range'> | undefined {
  if (!isRecord(arg) || typeof arg.id !== 'string' || !isUri(arg.uri) || !isRange(arg.range)) return undefined;
  return { id: arg.id, uri: arg.uri, range: arg.range };
}
