import { after } from 'node:test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The built CLI, as a user runs it (`npm run test:cli` builds first). */
export const GOVLENS_BIN = path.resolve(__dirname, '../../bin/govlens');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `govlens ...args` in `cwd`, in a process of its own. */
export function runGovlens(cwd: string, ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [GOVLENS_BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder for one test file, removed when the file's tests end. */
export function scratchFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
