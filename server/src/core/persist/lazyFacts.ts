import type { DocumentFacts } from '../facts/types';
import { LineIndex } from '../text/lineIndex';
import { fieldsByKind, isKind } from './factsJson';
import { isRecord, num, obj, str, type Shape } from './shape';

/**
 * A document's facts in two parts, so a persisted cache can load what every run needs of every
 * document and leave the rest on disk until a check asks for it. The light part is what the
 * workspace index is built from (definitions, citations, blockers, reservations, a packet
 * document's packet and date); the heavy part (evidence, links, headings, entries, claims,
 * local findings, grants) is read per document, on first use, which after one edit is the
 * edited document's dependants and the few documents they cite. The text is not kept at all:
 * the host reads it from the file, whose signature vouches it is the text the facts came from
 * (its length is checked too), but for a ticket reservations file, whose old reservations a
 * changed file's index update compares by line after the file has changed.
 */
const LIGHT = new Set(['path', 'version', 'kind', 'tooLarge', 'idRefs', 'definitions', 'blockers', 'resolvedRefs', 'reservations', 'packet', 'doc', 'date', 'purpose', 'broken', 'productionWorkPerformed']);

export interface LightFactsJson {
  path: string;
  kind: DocumentFacts['kind'];
  /** The text's length in UTF-16 code units: the text read back must have it. */
  textLength: number;
  /** Kept only where a changed file's old facts are read after the change (see above). */
  text?: string;
  [field: string]: unknown;
}

export type HeavyFactsJson = Record<string, unknown> & { path: string };

/** Which kinds keep their text in the light part. */
const keepsText = (kind: DocumentFacts['kind']): boolean => kind === 'ticket-reservations';

const plain = (name: string): string => (name.endsWith('?') ? name.slice(0, -1) : name);

function partShapes(light: boolean): Record<DocumentFacts['kind'], Shape> {
  const shapes: Partial<Record<DocumentFacts['kind'], Shape>> = {};
  for (const [kind, fields] of Object.entries(fieldsByKind) as [DocumentFacts['kind'], Record<string, Shape>][]) {
    const picked = Object.fromEntries(Object.entries(fields).filter(([name]) => plain(name) !== 'text' && LIGHT.has(plain(name)) === light));
    shapes[kind] = obj(light ? { ...picked, textLength: num, 'text?': str } : { ...picked, path: str });
  }
  return shapes as Record<DocumentFacts['kind'], Shape>;
}

const lightShapes = partShapes(true);
const heavyShapes = partShapes(false);
/** Each kind's heavy fields: every one is an array, so an empty one stands in for a part that cannot be read. */
const heavyFields = Object.fromEntries(
  Object.entries(fieldsByKind).map(([kind, fields]) => [kind, Object.keys(fields).map(plain).filter((name) => name !== 'text' && !LIGHT.has(name))]),
) as Record<DocumentFacts['kind'], string[]>;

/** Facts just read, in their two parts. Reads every field: not for lazy facts (it would load them). */
export function splitFacts(facts: DocumentFacts): { light: LightFactsJson; heavy: HeavyFactsJson } {
  const light: LightFactsJson = { path: facts.path, kind: facts.kind, textLength: facts.text.length };
  const heavy: HeavyFactsJson = { path: facts.path };
  for (const [name, value] of Object.entries(facts)) {
    if (name === 'lines' || name === 'text' || value === undefined) continue;
    if (LIGHT.has(name)) light[name] = value;
    else heavy[name] = value;
  }
  if (keepsText(facts.kind)) light.text = facts.text;
  return { light, heavy };
}

/** The light part read back, or undefined when it is not the light facts of `path` in the shape this version writes. */
export function lightFromJson(value: unknown, path: string): LightFactsJson | undefined {
  if (!isRecord(value) || typeof value.kind !== 'string' || !isKind(value.kind) || value.path !== path) return undefined;
  if (!lightShapes[value.kind](value) || (keepsText(value.kind) && typeof value.text !== 'string')) return undefined;
  return value as LightFactsJson;
}

/** Where the rest comes from, when first asked for. */
export interface LazySources {
  /** The heavy part as stored (checked here), undefined when it cannot be read. */
  heavy(): unknown;
  /** The file's text now, undefined when it cannot be read. */
  text(): string | undefined;
  /** Told when either does not hold what the light part says: the run's results must then not be used. */
  bad(problem: string): void;
}

/**
 * Facts whose heavy part and text are read on first use. A part that is missing or of the wrong
 * shape, or a text of another length, is reported to `bad` and stands in as empty: the host must
 * then throw the run's results away (nothing read from a cache is trusted in part).
 */
export function lazyFacts(light: LightFactsJson, sources: LazySources): DocumentFacts {
  const facts: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(light)) if (name !== 'textLength' && name !== 'text') facts[name] = value;
  let heavy: Record<string, unknown> | undefined;
  const part = (): Record<string, unknown> => {
    if (heavy) return heavy;
    const value = sources.heavy();
    if (isRecord(value) && value.path === light.path && heavyShapes[light.kind](value)) heavy = value;
    else {
      sources.bad(`the facts of ${light.path} cannot be read back`);
      heavy = Object.fromEntries(heavyFields[light.kind].map((name) => [name, []]));
    }
    return heavy;
  };
  for (const name of heavyFields[light.kind]) Object.defineProperty(facts, name, { enumerable: true, configurable: true, get: () => part()[name] });
  let text: string | undefined;
  const textOf = (): string => {
    if (text !== undefined) return text;
    const read = light.text ?? sources.text();
    if (read === undefined || read.length !== light.textLength) {
      sources.bad(`${light.path} is not the file its facts were read from`);
      text = '';
    } else text = read;
    return text;
  };
  let lines: LineIndex | undefined;
  Object.defineProperty(facts, 'text', { enumerable: true, configurable: true, get: textOf });
  Object.defineProperty(facts, 'lines', { enumerable: true, configurable: true, get: () => (lines ??= new LineIndex(textOf())) });
  return facts as unknown as DocumentFacts;
}
