import type { Analyzer } from '../core/analyzer';
import { CONFIG_FILE } from '../core/config';
import type { Settings } from '../core/settings';
import { FactsPool } from '../node/pool/factsPool';

/**
 * `check --jobs N` (N > 1): reads the documents' facts on N threads before the analysis asks
 * for them; the analysis itself stays on this thread. Returns the pool, or undefined when
 * this thread reads alone, as `--jobs 1` always does.
 */
export function prefetchFacts(analyzer: Analyzer, root: string, jobs: number, settings: Partial<Settings>): FactsPool | undefined {
  if (jobs <= 1) return undefined;
  const configuration = analyzer.factsOf(CONFIG_FILE);
  // Its text was not read, so there is none to hand the workers: they would read it again.
  if (configuration?.tooLarge) return undefined;
  const pool = new FactsPool({ root, jobs, settings, configuration: configuration ? { text: configuration.text, version: configuration.version } : null });
  analyzer.prefetch(pool);
  return pool;
}
