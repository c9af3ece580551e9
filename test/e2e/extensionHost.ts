/**
 * Runs the extension-host mocha suite inside code-server, the way @vscode/test-electron runs it
 * in desktop VS Code: the workbench URL's payload names the development extension and the tests
 * (extensionDevelopmentPath, extensionTestsPath); the workbench then calls
 * window.codeAutomationLog for the suite's output and window.codeAutomationExit with its result.
 *
 * usage: node --import tsx test/e2e/extensionHost.ts <code-server URL> <extension folder> <tests entry .js> <workspace folder>
 */
import * as path from 'node:path';
import { format } from 'node:util';
import { folderUrl, launchBrowser, remoteUri } from './browser';

const [BASE, EXTENSION, TESTS, WORKSPACE] = process.argv.slice(2);
if (!BASE || !EXTENSION || !TESTS || !WORKSPACE) {
  console.error('usage: extensionHost.ts <code-server URL> <extension folder> <tests entry .js> <workspace folder>');
  process.exit(2);
}
const TIMEOUT = Number(process.env.GOVLENS_EXTHOST_TIMEOUT_MS || 180_000);
const SHOTS = process.env.GOVLENS_SCREENSHOTS;

async function main(): Promise<number> {
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
    let finish!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // The suite's console calls, forwarded as (type, arguments): mocha's reporter uses format strings.
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (type === 'error') console.error(line);
      else console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    await page.goto(
      folderUrl(BASE!, WORKSPACE!, [
        ['extensionDevelopmentPath', remoteUri(BASE!, EXTENSION!)],
        ['extensionTestsPath', remoteUri(BASE!, TESTS!)],
      ]),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT)));
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'extension-host-suite.png'), animations: 'disabled' }).catch(() => undefined);
    if (code === 'timeout') {
      console.error(`the extension-host suite did not finish within ${TIMEOUT} ms`);
      return 1;
    }
    console.log(`extension-host suite exit code: ${code}`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
