import type { MessagePort } from 'node:worker_threads';
import type { DocumentFacts } from '../../core/facts/types';
import { factsFromJson, factsToJson } from '../../core/persist/factsJson';
import type { Settings } from '../../core/settings';
import type { FileSnapshot } from '../../core/workspace';

/** What a facts worker is started with. */
export interface WorkerInput {
  root: string;
  /** The host's settings, as the main thread's analyzer was given them. */
  settings: Partial<Settings>;
  /**
   * `.govlens.json` as the main thread read it (null: there was none), so a worker reads every
   * document under the same vocabulary even if the file changes while the run goes on.
   */
  configuration: FileSnapshot | null;
  paths: readonly string[];
  /** One Int32: the index of the next path to read, taken by whichever thread gets there first. */
  next: SharedArrayBuffer;
  port: MessagePort;
}

/** One path's facts as the persisted cache writes them; null: the worker could not read it. */
export interface Reply {
  index: number;
  facts: string | null;
}

// The cache's own serialisation: what reads back from a cache file reads back from a worker,
// and both are checked the same way before they are trusted.
export const encodeFacts = (facts: DocumentFacts): string => JSON.stringify(factsToJson(facts));

export function decodeFacts(text: string, path: string): DocumentFacts | undefined {
  try {
    return factsFromJson(JSON.parse(text), path);
  } catch {
    return undefined;
  }
}
