// Bundles the extension-host suite (test/vscode/suite) into out/vscode-tests/ (git-ignored).
// `vscode` is the extension host's; mocha is required from node_modules at run time, so the
// runner and the test files share one mocha instance.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('out/vscode-tests', { recursive: true, force: true });
await build({
  entryPoints: ['test/vscode/suite/index.ts', 'test/vscode/suite/extension.test.ts'],
  outdir: 'out/vscode-tests',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
