import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { FactsPrefetcher } from '../../core/facts/prefetch';
import type { DocumentFacts } from '../../core/facts/types';
import type { Settings } from '../../core/settings';
import type { FileSnapshot } from '../../core/workspace';
import { decodeFacts, type Reply, type WorkerInput } from './wire';

/** Below this many documents per worker, starting one costs more than it reads. */
const PATHS_PER_WORKER = 32;

export interface PoolOptions {
  root: string;
  /** Threads reading facts, this one included. */
  jobs: number;
  settings: Partial<Settings>;
  configuration: FileSnapshot | null;
  /** The worker's script; default the bundle next to this one (dist/factsWorker.js). */
  workerFile?: string;
}

/**
 * Reads facts on `jobs - 1` worker threads and this one. Every thread takes the next unread
 * path from one shared counter, so no thread waits on another: when the counter runs out, this
 * thread reads itself whatever no reply has come for, and a worker that crashed, hung or never
 * started costs time, never a result. The analysis is synchronous, and so is this: replies
 * are taken off the ports between reads, without an event loop.
 */
export class FactsPool implements FactsPrefetcher {
  /** Facts taken from workers, over every prefetch: what --debug-cache counts as read. */
  fromWorkers = 0;

  constructor(private readonly options: PoolOptions) {}

  prefetch(paths: readonly string[], readHere: (path: string) => DocumentFacts | undefined, take: (facts: DocumentFacts) => void): void {
    const next = new Int32Array(new SharedArrayBuffer(4));
    const workers = this.start(paths, next.buffer as SharedArrayBuffer);
    const done = new Uint8Array(paths.length);
    const receive = (reply: Reply) => {
      const path = paths[reply.index];
      if (path === undefined || done[reply.index]) return;
      done[reply.index] = 1;
      // A reply that does not read back is dropped: the analyzer reads that path itself.
      const facts = reply.facts === null ? undefined : decodeFacts(reply.facts, path);
      if (!facts) return;
      this.fromWorkers++;
      take(facts);
    };
    const drain = () => {
      for (const { port } of workers) for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) receive(m.message as Reply);
    };
    const readOne = (index: number) => {
      const path = paths[index];
      if (path === undefined || done[index]) return;
      done[index] = 1;
      const facts = readHere(path);
      if (facts) take(facts);
    };
    try {
      for (let index = Atomics.add(next, 0, 1); index < paths.length; index = Atomics.add(next, 0, 1)) {
        readOne(index);
        drain();
      }
      // The paths still out are being read by workers, or by none if one died: read here, not waited for.
      for (let index = 0; index < paths.length; index++) {
        if (done[index]) continue;
        drain();
        readOne(index);
      }
    } finally {
      for (const { worker, port } of workers) {
        port.close();
        void worker.terminate();
      }
    }
  }

  private start(paths: readonly string[], next: SharedArrayBuffer): { worker: Worker; port: MessagePort }[] {
    const file = this.options.workerFile ?? nodePath.join(__dirname, 'factsWorker.js');
    const count = Math.min(this.options.jobs - 1, Math.floor(paths.length / PATHS_PER_WORKER));
    // Run from sources (tests under tsx) there is no worker bundle: this thread reads alone.
    if (count <= 0 || !existsSync(file)) return [];
    const workers: { worker: Worker; port: MessagePort }[] = [];
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const input: WorkerInput = { root: this.options.root, settings: this.options.settings, configuration: this.options.configuration, paths, next, port: port2 };
      let worker: Worker;
      try {
        worker = new Worker(file, { workerData: input, transferList: [port2] });
      } catch {
        // No thread to be had (resource limits): the ones started, and this one, read the rest.
        port1.close();
        break;
      }
      // Its replies are read without an event loop; a crash shows as replies that never come.
      worker.on('error', () => undefined);
      worker.unref();
      workers.push({ worker, port: port1 });
    }
    return workers;
  }
}
