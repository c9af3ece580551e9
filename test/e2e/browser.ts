/**
 * Debian's Chromium driven by playwright-core (no browser download), with a throwaway profile
 * whose crash reports and caches stay out of the home folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.GOVLENS_CHROMIUM || '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; run bash scripts/e2e/setup.sh (or set GOVLENS_CHROMIUM)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    reducedMotion: 'reduce',
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The workbench URL of a folder, as code-server serves it (the remote authority is the browser's host). */
export function folderUrl(base: string, folder: string, payload?: [string, string][]): string {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

export const remoteUri = (base: string, absolutePath: string) => `vscode-remote://${new URL(base).host}${path.resolve(absolutePath)}`;

/**
 * The little of the DOM the tests read inside the page (page.evaluate callbacks). The project
 * compiles without the DOM library, so it is declared here rather than leaked into every file.
 */
export interface DomNode {
  readonly innerText: string;
  readonly textContent: string | null;
  readonly style: { readonly top: string; readonly display: string };
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): Iterable<DomNode>;
}
