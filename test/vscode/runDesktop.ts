/**
 * npm run test:vscode-desktop: the extension-host suite in desktop VS Code via @vscode/test-electron
 * (which downloads VS Code, so this needs the internet; on a headless Linux machine run it under
 * xvfb-run). code-server runs the same bundle offline: npm run test:vscode.
 */
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeGoodCopy, REPO } from '../e2e/workspaces';

async function main(): Promise<void> {
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-desktop-'));
  try {
    const workspace = makeGoodCopy(path.join(run, 'exthost'));
    await runTests({
      version: process.env.GOVLENS_VSCODE_VERSION || '1.100.3',
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(REPO, 'out/vscode-tests/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(run, 'user-data')}`],
    });
  } finally {
    fs.rmSync(run, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('test:vscode-desktop failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
