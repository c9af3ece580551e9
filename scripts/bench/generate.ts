/**
 * `npm run bench:gen -- --docs N --seed S [--out DIR]`: writes a realistic, deterministic KB
 * workspace for the benchmark (default folder bench/workspaces/<N>-<S>/, git-ignored).
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultWorkspaceDir, generateWorkspace, writeWorkspace } from '../../tools/kbGenerator';

const repoRoot = path.resolve(__dirname, '../..');

function main(): void {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench:gen -- --docs N --seed S [--out DIR]');
    return;
  }
  const docs = Number(values.docs);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer (got ${values.seed})`);
  const dir = values.out ? path.resolve(values.out) : defaultWorkspaceDir(repoRoot, docs, seed);
  const started = process.hrtime.bigint();
  const generated = generateWorkspace({ docs, seed });
  writeWorkspace(dir, generated);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const { manifest } = generated;
  const bytes = [...generated.files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  console.log(
    `${path.relative(process.cwd(), dir) || '.'}: ${manifest.packets} packets × 6 documents + ${manifest.notes} notes = ${manifest.docs} documents, ` +
      `${(bytes / 1e6).toFixed(1)} MB, ${manifest.defects.length} planted defects (${ms.toFixed(0)} ms)`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
