import type { DocumentFacts } from './types';

/**
 * Reads many documents' facts ahead of the analyzer, elsewhere (on other threads): how is the
 * host's concern, so the core stays free of threads. Facts are per document and depend on
 * nothing but its text and the configuration, so who read them cannot show in any result.
 */
export interface FactsPrefetcher {
  /**
   * Hands `take` the facts of as many of `paths` as it can, each path at most once. A path it
   * leaves out is read by the analyzer when first asked, as without a prefetcher: a failed or
   * lost read elsewhere must be left out, never handed over empty. `readHere` reads one path on
   * the calling thread, keeping and reporting nothing.
   */
  prefetch(paths: readonly string[], readHere: (path: string) => DocumentFacts | undefined, take: (facts: DocumentFacts) => void): void;
}
