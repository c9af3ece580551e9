// Preloaded into the built server by the benchmark (node --expose-gc --import THIS): on SIGUSR2
// it collects garbage and writes the live heap to stderr, so what the server holds is read from
// outside without changing the server. stdout is the LSP transport: nothing is written there.
import { getHeapStatistics } from 'node:v8';

process.on('SIGUSR2', () => {
  const before = getHeapStatistics();
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const after = getHeapStatistics();
  const mb = (n) => Math.round((n / 2 ** 20) * 10) / 10;
  process.stderr.write(
    `BENCH-HEAP ${JSON.stringify({ usedBeforeGcMB: mb(before.used_heap_size), liveMB: mb(after.used_heap_size), totalMB: mb(after.total_heap_size), limitMB: mb(after.heap_size_limit), externalMB: mb(after.external_memory) })}\n`,
  );
});
