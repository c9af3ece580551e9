import { DiagnosticCodes } from '../codes';
import type { DocumentFacts } from '../facts/types';
import { packetKinds } from '../kinds';
import { LineIndex } from '../text/lineIndex';
import { arr, bool, literal, num, obj, oneOf, record, str, type Shape } from './shape';

/** A document's facts as JSON: everything but the line index, which the text rebuilds. */
export type FactsJson = Omit<DocumentFacts, 'lines'>;

export function factsToJson(facts: DocumentFacts): FactsJson {
  const { lines: _lines, ...rest } = facts;
  return rest;
}

export const span = obj({ start: num, end: num });
const idOccurrence = obj({ id: str, span });
const ticketRange = obj({ prefix: str, first: num, last: num });
const ticket = oneOf(obj({ valid: literal(true), text: str, span, range: ticketRange }), obj({ valid: literal(false), text: str, span, problem: str, 'suggestion?': str }));
const anchor = oneOf(
  obj({ kind: literal('surface'), n: num, text: str, span }),
  obj({ kind: literal('forbidden'), text: str, span }),
  obj({ kind: literal('local'), id: str, text: str, span }),
);
const evidence = obj({ path: str, pathSpan: span, 'anchor?': anchor, 'status?': obj({ value: str, span }), 'citedId?': obj({ id: str, span }), span });
export const diagnosticCode = literal(...DiagnosticCodes);
const finding = obj({ code: diagnosticCode, span, message: str, 'related?': arr(obj({ path: str, span, message: str })), 'data?': record });
const claim = obj({ span, action: str, actions: arr(str), phrase: str, reason: str, cue: str, cueClass: str, 'embedded?': literal(true) });
const entry = obj({ array: str, key: str, 'id?': str, 'n?': num, 'status?': str, 'item?': str, span, extent: span });
const optionalStrings = (...names: string[]) => Object.fromEntries(names.map((n) => [`${n}?`, str]));

const base = {
  path: str,
  version: oneOf(str, num),
  text: str,
  'tooLarge?': literal(true),
  local: arr(finding),
  idRefs: arr(idOccurrence),
  tickets: arr(ticket),
  evidence: arr(evidence),
  claims: arr(claim),
};
const packetBase = { ...base, ...optionalStrings('packet', 'doc', 'date', 'purpose'), broken: bool, definitions: arr(idOccurrence), entries: arr(entry) };

/** Each kind's fields and their shapes (`name?`: may be absent). */
export const fieldsByKind: Record<DocumentFacts['kind'], Record<string, Shape>> = {
  note: {
    ...base,
    links: arr(obj({ target: str, span, kind: literal('link', 'image', 'definition', 'footer') })),
    suppressions: arr(obj({ span, line: num, codes: arr(str), reason: str })),
    headings: arr(obj({ depth: num, text: str, span })),
  },
  'production-readiness-blocker-map': {
    ...packetBase,
    blockers: arr(obj({ id: str, span, ...optionalStrings('item', 'evidence', 'actor_needed', 'next_action', 'blocks', 'status') })),
    resolvedRefs: arr(idOccurrence),
    'productionWorkPerformed?': obj({ value: bool, span }),
  },
  'delegation-and-authority-lock': {
    ...packetBase,
    grants: arr(obj({ id: str, scope: str, actions: arr(str), span, 'status?': str })),
    withheld: arr(obj({ action: str, 'needs?': str, span })),
  },
  'ticket-reservations': {
    ...packetBase,
    reservations: arr(obj({ range: ticketRange, text: str, span, 'status?': str, 'applyNow?': bool, 'folded?': bool, ...optionalStrings('purpose', 'date') })),
  },
  'precondition-checklist': packetBase,
  'mutation-inventory': packetBase,
  'rollback-recovery-design': packetBase,
  'packet-document': packetBase,
};

const byKind = Object.fromEntries(Object.entries(fieldsByKind).map(([kind, fields]) => [kind, obj(fields)])) as Record<DocumentFacts['kind'], Shape>;

const kinds = new Set<string>(['note', 'packet-document', ...packetKinds]);
export const isKind = (kind: string): kind is DocumentFacts['kind'] => kinds.has(kind);

/**
 * Facts read back from JSON, or undefined when the value is not the facts of `path` in the
 * shape this version writes: a cache entry that fails is re-read from the file, never trusted.
 */
export function factsFromJson(value: unknown, path: string): DocumentFacts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !kinds.has(kind)) return undefined;
  if (!byKind[kind as DocumentFacts['kind']](value) || (value as FactsJson).path !== path) return undefined;
  const json = value as FactsJson;
  return { ...json, lines: new LineIndex(json.text) } as DocumentFacts;
}
