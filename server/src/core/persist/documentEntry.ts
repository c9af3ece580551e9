import type { DependencyKey } from '../dependencyKeys';
import type { DocumentFacts } from '../facts/types';
import type { Diagnostic } from '../types';
import { diagnosticCode, factsFromJson, factsToJson, type FactsJson } from './factsJson';
import { arr, isRecord, literal, num, obj, record, str } from './shape';

/**
 * What a persisted cache keeps of one document: its facts, and its diagnostics with the
 * dependency keys they read when they were complete (a check that failed is not worth keeping).
 */
export interface PersistedDocument {
  facts: DocumentFacts;
  diagnostics?: { list: Diagnostic[]; keys: readonly DependencyKey[] };
}

export interface PersistedDocumentJson {
  facts: FactsJson;
  diagnostics?: Diagnostic[];
  keys?: readonly DependencyKey[];
}

export function documentToJson(document: PersistedDocument): PersistedDocumentJson {
  const json: PersistedDocumentJson = { facts: factsToJson(document.facts) };
  if (document.diagnostics) {
    json.diagnostics = document.diagnostics.list;
    json.keys = document.diagnostics.keys;
  }
  return json;
}

const position = obj({ line: num, character: num });
const range = obj({ start: position, end: position });
export const diagnostic = obj({
  range,
  severity: literal(1, 2, 3, 4),
  code: diagnosticCode,
  source: literal('govlens'),
  message: str,
  'relatedInformation?': arr(obj({ path: str, range, message: str })),
  'data?': record,
});
const KEY = /^(?:(?:doc|id|sites|blocker|tickets|seal):[^]*|locks)$/;
export const dependencyKeys = arr((k) => typeof k === 'string' && KEY.test(k));

/** The document read back, or undefined when any part of it has the wrong shape. */
export function documentFromJson(value: unknown, path: string): PersistedDocument | undefined {
  if (!isRecord(value)) return undefined;
  const facts = factsFromJson(value.facts, path);
  if (!facts) return undefined;
  if (value.diagnostics === undefined && value.keys === undefined) return { facts };
  if (!arr(diagnostic)(value.diagnostics) || !dependencyKeys(value.keys)) return undefined;
  return { facts, diagnostics: { list: value.diagnostics as Diagnostic[], keys: value.keys as DependencyKey[] } };
}
