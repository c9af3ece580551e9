/**
 * The language server from source, instrumented to count what it re-analyses: after each
 * publishing pass (push mode) it writes one stderr line
 *   BENCH-CYCLE {"diagnostics":N,"parses":M,"ms":T}
 * N = documents whose diagnostics were computed (not answered from the analyzer's cache) since the previous pass, M = documents
 * parsed (facts cache misses), T = the pass's duration. It patches prototypes at run time;
 * the server's code is unchanged. Timings from this process are not the benchmark's (it
 * runs unbundled under tsx): only its counts are reported.
 *
 *   node --import tsx scripts/bench/instrumented-server.ts --stdio
 */
import { Analyzer } from '../../server/src/core/analyzer';
import { FactsStore } from '../../server/src/core/factsStore';
import { DiagnosticsHub } from '../../server/src/lsp/diagnosticsHub';
// Starts the server; it creates its analyzers on initialize, after the patches below.
import '../../server/src/node/serverMain';

const counts = { diagnostics: 0, parses: 0 };

type Method = (this: unknown, ...args: unknown[]) => unknown;
const analyzer = Analyzer.prototype as unknown as Record<string, Method>;
const store = FactsStore.prototype as unknown as Record<string, Method>;
const hub = DiagnosticsHub.prototype as unknown as Record<string, Method>;

// computeDiagnostics is private: it runs only when a document's cached diagnostics are stale.
const diagnostics = analyzer['computeDiagnostics'] as Method;
const get = store['get'] as Method;
// A renamed method would leave its count at 0, which reads as a perfect cache: refuse instead.
if (typeof diagnostics !== 'function' || typeof get !== 'function') throw new Error('instrumented-server: Analyzer.computeDiagnostics or FactsStore.get is gone; update the patches');
analyzer['computeDiagnostics'] = function (this: unknown, ...args: unknown[]) {
  counts.diagnostics++;
  return diagnostics.apply(this, args);
};
store['get'] = function (this: unknown, ...args: unknown[]) {
  // `facts` is the store's private per-document cache (the analyzer reads documents through it): a miss means a parse.
  const cache = (this as { facts: Map<string, unknown> }).facts;
  if (!(cache instanceof Map)) throw new Error('instrumented-server: FactsStore keeps its facts elsewhere now; update the patch');
  const before = cache.size;
  const result = get.apply(this, args);
  if (cache.size > before) counts.parses++;
  return result;
};
const publishAll = hub['publishAll'] as Method;
hub['publishAll'] = function (this: unknown, ...args: unknown[]) {
  const t0 = performance.now();
  const report = () => {
    process.stderr.write(`BENCH-CYCLE ${JSON.stringify({ ...counts, ms: Math.round(performance.now() - t0) })}\n`);
    counts.diagnostics = 0;
    counts.parses = 0;
  };
  const result = publishAll.apply(this, args);
  // A pass may run over several event-loop turns (a promise): count it when it ends.
  if (result instanceof Promise) return result.finally(report);
  report();
  return result;
};
