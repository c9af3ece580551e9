/**
 * The `check --cache` figures of `npm run bench`: a cold cached run (no cache file), a warm one
 * with nothing changed, and a warm one after the benchmark's one-character edit of a blocker
 * map (toggled on and back between runs, so each run sees exactly one changed file). The cache
 * lives outside the workspace, which is left as it was found.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Manifest } from '../../tools/kbGenerator';

export interface CacheSeries {
  coldMs: number[];
  warmMs: number[];
  editMs: number[];
  /** Every cached run printed what the uncached run printed. */
  identical: boolean;
}

type Measure = (args: string[]) => Promise<{ wallMs: number; stdout: string }>;

export async function measureCache(cli: string, dir: string, manifest: Manifest, runs: number, uncached: string, measure: Measure): Promise<CacheSeries> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-bench-cache-'));
  const location = path.join(cacheDir, 'cache');
  const args = [cli, 'check', dir, '--format', 'json', '--cache', '--cache-location', location];
  const map = path.join(dir, manifest.targets.map);
  const original = fs.readFileSync(map, 'utf8');
  const { offset, original: from, replacement } = manifest.targets.edit;
  const edited = original.slice(0, offset) + replacement + original.slice(offset + from.length);
  const out: CacheSeries = { coldMs: [], warmMs: [], editMs: [], identical: true };
  try {
    for (let i = 0; i < runs; i++) {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      const cold = await measure(args);
      out.coldMs.push(cold.wallMs);
      out.identical &&= cold.stdout === uncached;
      const warm = await measure(args);
      out.warmMs.push(warm.wallMs);
      out.identical &&= warm.stdout === uncached;
    }
    let on = false;
    for (let i = 0; i < runs; i++) {
      on = !on;
      fs.writeFileSync(map, on ? edited : original);
      const run = await measure(args);
      out.editMs.push(run.wallMs);
      if (!on) out.identical &&= run.stdout === uncached;
    }
  } finally {
    fs.writeFileSync(map, original);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  return out;
}
