// Bundles the CLI, the language server and the VS Code client with esbuild.
// Each bundle is self-contained CommonJS so the .vsix and the npm package need no node_modules.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
// --vsix: every bundle the extension ships must build; a missing entry would make a .vsix without it.
const forVsix = process.argv.includes('--vsix');
const allEntries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  // Loaded by the CLI's facts pool from beside it (server/src/node/pool/factsPool.ts).
  { in: 'server/src/node/pool/factsWorker.ts', out: 'dist/factsWorker.js' },
  { in: 'server/src/node/serverMain.ts', out: 'dist/server.js', vsix: true },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'], vsix: true },
];
const missing = allEntries.filter((e) => e.vsix && !existsSync(e.in));
if (forVsix && missing.length > 0) {
  for (const e of missing) console.error(`Cannot package the extension: ${e.in} does not exist, so ${e.out} cannot be built.`);
  process.exit(1);
}
const entries = allEntries.filter((e) => existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      // jsonc-parser's UMD entry hides its requires from bundlers; its ESM entry does not.
      mainFields: ['module', 'main'],
      format: 'cjs',
      target: 'node20',
      sourcemap: !production,
      minify: production,
      external: e.external ?? [],
      logLevel: 'warning',
    }),
  ),
);
