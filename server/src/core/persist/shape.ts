/**
 * A tiny structural validator for JSON read back from a persisted cache: a file on disk may be
 * truncated, hand-edited or written by another version, and a value of the wrong shape reaching
 * the checks would make them throw or, worse, report wrong findings. Only what the readers rely
 * on is checked; extra fields are allowed.
 */
export type Shape = (value: unknown) => boolean;

export const str: Shape = (v) => typeof v === 'string';
export const num: Shape = (v) => typeof v === 'number' && Number.isFinite(v);
export const bool: Shape = (v) => typeof v === 'boolean';
export const anything: Shape = () => true;
export const literal =
  (...values: readonly unknown[]): Shape =>
  (v) =>
    values.includes(v);
export const oneOf =
  (...shapes: readonly Shape[]): Shape =>
  (v) =>
    shapes.some((s) => s(v));
export const arr =
  (item: Shape): Shape =>
  (v) =>
    Array.isArray(v) && v.every(item);

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field ending in `?` may be absent (never null: JSON.stringify drops undefined fields). */
export function obj(fields: Record<string, Shape>): Shape {
  const entries = Object.entries(fields).map(([name, shape]) => {
    const optional = name.endsWith('?');
    return { key: optional ? name.slice(0, -1) : name, optional, shape };
  });
  return (v) => isRecord(v) && entries.every(({ key, optional, shape }) => (optional && !(key in v) ? true : shape(v[key])));
}

export const record: Shape = isRecord;
