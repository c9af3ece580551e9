/**
 * Validates values against the JSON Schemas in test/schemas (draft-07) with ajv 8.
 *
 * Each schema file is compiled once per process (cached by absolute path). A `$ref` to
 * another file ("check-output.schema.json#/definitions/blockerEntry") is resolved
 * against the referring file's folder, so schema files can share definitions the way an
 * editor would read them. Every schema is registered under its file URL (as its `$id`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

type JsonObject = Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, strict: true });
/** Absolute schema path -> compiled validator. */
const compiled = new Map<string, ValidateFunction>();
/** Absolute paths of the schema files already added to `ajv`. */
const registered = new Set<string>();

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSchema(absPath: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(absPath, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read JSON Schema ${absPath}: ${(err as Error).message}`);
  }
  if (!isObject(parsed)) throw new Error(`JSON Schema ${absPath} is not a JSON object`);
  return parsed;
}

/** Every `$ref` string anywhere in the schema. */
function collectRefs(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, out);
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.add(value);
      else collectRefs(value, out);
    }
  }
}

/**
 * Adds the schema file (and, first, every file it references) to `ajv` under its file URL;
 * returns that URL. The file URL replaces any `$id` the file declares, so a relative `$ref`
 * always means "the file beside this one".
 */
function register(absPath: string): string {
  const uri = pathToFileURL(absPath).href;
  if (registered.has(absPath)) return uri;
  registered.add(absPath);

  const schema = readSchema(absPath);
  const refs = new Set<string>();
  collectRefs(schema, refs);
  for (const ref of refs) {
    const target = ref.split('#')[0] ?? '';
    if (target === '') continue; // a fragment of this same file
    const targetUri = new URL(target, uri);
    if (targetUri.protocol !== 'file:') {
      throw new Error(`JSON Schema ${absPath}: $ref '${ref}' is not a sibling file; only file references are resolved (offline)`);
    }
    register(fileURLToPath(targetUri));
  }
  ajv.addSchema({ ...schema, $id: uri }, uri);
  return uri;
}

function compile(schemaPath: string): ValidateFunction {
  const absPath = resolve(schemaPath);
  const cached = compiled.get(absPath);
  if (cached !== undefined) return cached;
  const uri = register(absPath);
  const validate = ajv.getSchema(uri);
  if (validate === undefined) throw new Error(`JSON Schema ${absPath} did not compile`);
  compiled.set(absPath, validate);
  return validate;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'additionalProperties') {
    detail = `: '${String(params.additionalProperty)}'`;
  } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    detail = `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (error.keyword === 'const') {
    detail = `: ${JSON.stringify(params.allowedValue)}`;
  }
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

/**
 * Validates `value` against the JSON Schema file at `schemaPath`. Returns one readable
 * string per violation ("/diagnostics/0/severity must be equal to one of the allowed
 * values: ..."), or an empty array when the value is valid.
 */
export function validateAgainstSchema(schemaPath: string, value: unknown): string[] {
  const validate = compile(schemaPath);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describe);
}
