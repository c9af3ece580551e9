/**
 * Appends items one by one. `target.push(...items)` passes every item as an argument, and a
 * document with a few hundred thousand findings or IDs overflows the call stack that way.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
