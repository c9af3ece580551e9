// Bundles the CLI and the language server (and, once it exists, the VS Code client) with esbuild.
// Each bundle is self-contained CommonJS so the .vsix and the npm package need no node_modules.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/node/serverMain.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
].filter((e) => existsSync(e.in));

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
