import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, getNodeValue, type Node } from 'jsonc-parser';
import type { PacketKind } from '../kinds';
import type { Finding } from '../facts/types';
import { count, MAX_SCHEMA_FINDINGS } from '../limits';
import blockerMap from '../../../../schemas/production-readiness-blocker-map.schema.json';
import lock from '../../../../schemas/delegation-and-authority-lock.schema.json';
import checklist from '../../../../schemas/precondition-checklist.schema.json';
import inventory from '../../../../schemas/mutation-inventory.schema.json';
import rollback from '../../../../schemas/rollback-recovery-design.schema.json';
import reservations from '../../../../schemas/ticket-reservations.schema.json';

const schemas: Record<PacketKind, object> = {
  'production-readiness-blocker-map': blockerMap,
  'delegation-and-authority-lock': lock,
  'precondition-checklist': checklist,
  'mutation-inventory': inventory,
  'rollback-recovery-design': rollback,
  'ticket-reservations': reservations,
};

/** Validates packet documents against `schemas/`, compiling each schema on first use. */
export class SchemaValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: true });
  private readonly compiled = new Map<PacketKind, ValidateFunction>();

  validate(kind: PacketKind, root: Node, fileName: string): Finding[] {
    let validate = this.compiled.get(kind);
    if (!validate) {
      validate = this.ajv.compile(schemas[kind]);
      this.compiled.set(kind, validate);
    }
    if (validate(getNodeValue(root))) return [];
    return toFindings(validate.errors ?? [], root, fileName);
  }
}

/**
 * ajv errors as findings on the offending values: at most MAX_SCHEMA_FINDINGS, then one on the
 * first value left out that counts the rest (a list of 130,000 wrong items is one mistake
 * repeated, and every host would carry each finding on every pass).
 */
export function toFindings(errors: ErrorObject[], root: Node, fileName: string): Finding[] {
  const relevant = dropImplied(errors);
  const findings = relevant.slice(0, MAX_SCHEMA_FINDINGS).map((e) => toFinding(e, root, fileName));
  const next = relevant[MAX_SCHEMA_FINDINGS];
  if (next) {
    const rest = relevant.length - MAX_SCHEMA_FINDINGS;
    findings.push({
      code: 'schema',
      span: toFinding(next, root, fileName).span,
      message: `${count(rest)} more schema ${rest === 1 ? 'error' : 'errors'} in ${fileName} ${rest === 1 ? 'is' : 'are'} not listed (${count(relevant.length)} in all), the first of them here; fix the ones listed and the next are shown.`,
    });
  }
  return findings;
}

// ajv reports `if`/`anyOf` wrappers next to the errors that explain them; keep the explanations.
function dropImplied(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
}

function toFinding(error: ErrorObject, root: Node, fileName: string): Finding {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const location = segments.map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
  const node = findNodeAtLocation(root, location) ?? root;
  const where = describe(location);
  let span = { start: node.offset, end: node.offset + node.length };
  let message: string;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params['missingProperty']);
      message = `${where} is missing the required property "${missing}"; add it (see schemas/ for what it holds).`;
      span = keyOrBrace(node);
      break;
    }
    case 'type':
      message = `${where} must be ${article(String(error.params['type']))}, not ${describeValue(getNodeValue(node))}.`;
      break;
    case 'pattern':
      message = /date$/.test(String(location.at(-1)))
        ? `${where} must be a date written YYYY-MM-DD, not ${JSON.stringify(getNodeValue(node))}.`
        : `${where} ${JSON.stringify(getNodeValue(node))} does not have the expected form (${String(error.params['pattern'])}).`;
      break;
    case 'additionalProperties': {
      const extra = String(error.params['additionalProperty']);
      message = `${where} has an unknown property "${extra}"; check its spelling.`;
      const property = node.children?.find((p) => p.children?.[0]?.value === extra)?.children?.[0];
      if (property) span = { start: property.offset, end: property.offset + property.length };
      break;
    }
    case 'minimum':
      message = `${where} must be at least ${String(error.params['limit'])}.`;
      break;
    default:
      message = `${where} ${error.message ?? 'is not valid'}.`;
  }
  return { code: 'schema', span, message: `${message} (${fileName} schema)` };
}

/** `blockers[2].id` — how an author would point at the value. */
function describe(location: (string | number)[]): string {
  if (location.length === 0) return 'The document';
  return `"${location.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')}"`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}

/** A missing property is pointed at by the key that holds the object, or its opening brace. */
function keyOrBrace(node: Node): { start: number; end: number } {
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  if (key) return { start: key.offset, end: key.offset + key.length };
  return { start: node.offset, end: node.offset + 1 };
}
