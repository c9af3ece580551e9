import { workerData } from 'node:worker_threads';
import { CONFIG_FILE } from '../../core/config';
import { Configuration } from '../../core/configuration';
import { FactsStore } from '../../core/factsStore';
import { SchemaValidator } from '../../core/schema/validator';
import type { FileSnapshot, ReadOptions } from '../../core/workspace';
import { NodeFileSystemWorkspace } from '../fsWorkspace';
import { encodeFacts, type Reply, type WorkerInput } from './wire';

/** The disk, but for `.govlens.json`, which is the main thread's copy. */
class PinnedConfigurationWorkspace extends NodeFileSystemWorkspace {
  constructor(
    root: string,
    private readonly configuration: FileSnapshot | null,
  ) {
    super(root);
  }

  override readFile(path: string, options?: ReadOptions): FileSnapshot | undefined {
    if (path === CONFIG_FILE) return this.configuration ?? undefined;
    return super.readFile(path, options);
  }
}

const input = workerData as WorkerInput;
const workspace = new PinnedConfigurationWorkspace(input.root, input.configuration);
// Failures are the main thread's to report: it reads a path this worker could not read itself.
const quiet = () => undefined;
const configuration = new Configuration(workspace, input.settings, new SchemaValidator(), quiet);
const store = new FactsStore(workspace, () => configuration, quiet);
const next = new Int32Array(input.next);

for (;;) {
  const index = Atomics.add(next, 0, 1);
  const path = input.paths[index];
  if (path === undefined) break;
  let facts: string | null = null;
  try {
    const read = store.read(path, quiet);
    if (read) facts = encodeFacts(read);
  } catch {
    // Left to the main thread, which reads the path again and says what went wrong.
  }
  const reply: Reply = { index, facts };
  input.port.postMessage(reply);
}
