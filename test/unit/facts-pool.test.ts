import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocumentFacts } from '../../server/src/core/facts/types';
import { FactsPool } from '../../server/src/node/pool/factsPool';

// Workers that misbehave, written as plain scripts: the pool must still hand over every path
// once, read here, and return without waiting on them.
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-pool-'));
after(() => fs.rmSync(temporary, { recursive: true, force: true }));

function workerScript(name: string, body: string): string {
  const file = path.join(temporary, `${name}.js`);
  fs.writeFileSync(file, `const { workerData } = require('node:worker_threads');\nconst next = new Int32Array(workerData.next);\n${body}\n`);
  return file;
}

const paths = Array.from({ length: 200 }, (_, i) => `knowledge/n${i}.md`);

function run(workerFile: string): { taken: string[]; here: string[] } {
  const taken: string[] = [];
  const here: string[] = [];
  const pool = new FactsPool({ root: temporary, jobs: 3, settings: {}, configuration: null, workerFile });
  pool.prefetch(
    paths,
    (p) => {
      // Slow enough that the workers start while this thread still has paths to read.
      const until = Date.now() + 2;
      while (Date.now() < until);
      here.push(p);
      return { path: p } as DocumentFacts;
    },
    (facts) => taken.push(facts.path),
  );
  return { taken, here };
}

const misbehaving: Record<string, string> = {
  // Takes paths off the counter, then dies before replying.
  crashes: `Atomics.add(next, 0, 1); Atomics.add(next, 0, 1);\nthrow new Error('worker crashed');`,
  // Takes a path and never answers.
  hangs: `Atomics.add(next, 0, 1);\nfor (;;);`,
  // Answers with what does not read back as the facts of the path.
  garbles: `for (let i = Atomics.add(next, 0, 1); i < workerData.paths.length; i = Atomics.add(next, 0, 1)) workerData.port.postMessage({ index: i, facts: i % 2 ? '{"kind":"note"' : '{"kind":"note","path":"elsewhere"}' });`,
};

for (const [name, body] of Object.entries(misbehaving)) {
  test(`a worker that ${name} costs no path: each is read here or left to the analyzer, none twice`, () => {
    const { taken, here } = run(workerScript(name, body));
    assert.equal(new Set(taken).size, taken.length, 'no path handed over twice');
    for (const p of taken) assert.ok(here.includes(p), `${p} was read here`);
    // Every path is either handed over or left out for the analyzer, which reads it when asked.
    if (name !== 'garbles') assert.deepEqual([...taken].sort(), [...paths].sort());
  });
}

test('no worker script (run from sources): this thread reads every path', () => {
  const { taken } = run(path.join(temporary, 'missing.js'));
  assert.deepEqual(taken, paths);
});
