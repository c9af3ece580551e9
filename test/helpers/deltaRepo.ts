/**
 * The repository the diff tests compare: commit 1 holds a packet whose blocker map has open
 * blockers; commit 2 adds a packet whose lock grants REAL_RUN in production scope and whose map
 * resolves two of the earlier blockers and opens its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { git } from './git';
import { cleanKb, json } from './kb';

export const LATER = 'kb/fix7-p0-production-phase-packet-2026-07-01';
export const LATER_LOCK = `${LATER}/delegation-and-authority-lock.json`;
export const REAL_RUN_GRANT = { id: 'AUTHORIZE_REAL_RUN_PRODUCTION', scope: 'production', actions: ['REAL_RUN'] };
export const RESOLVED = ['FIX7-P0-PROD-CI-SCOPE-1', 'FIX7-P0-PLAN-REALRUN-1'];
export const NEW_BLOCKERS = ['FIX7-P0-PROD-CUTOVER-1', 'FIX7-P0-PROD-MONITORING-1'];

/** What `govlens diff HEAD~1 HEAD --format json` prints for this repository (spec §9), the CLI's and the server's answer alike. */
export const HEAD_DELTA = {
  version: 1,
  base: 'HEAD~1',
  head: 'HEAD',
  grants: { added: [{ lock: LATER_LOCK, ...REAL_RUN_GRANT }], removed: [], changed: [] },
  blockers: { added: NEW_BLOCKERS, resolved: RESOLVED, reopened: [], removed: [] },
  findings: { introduced: [], fixed: [] },
  seals: { stale: [] },
  events: ['production-grant-added'],
};

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
}

export function laterPacket(): Record<string, string> {
  return {
    [LATER_LOCK]: json({
      doc: 'fix7-p0-delegation-and-authority-lock',
      date: '2026-07-01',
      authority: 'lock: the only record of grants for this packet',
      grants: [{ ...REAL_RUN_GRANT, granted_by: 'owner', delegated_to: 'operator', date: '2026-07-01' }],
      withheld: [{ action: 'cutover', needs: 'FIX7-P0-PROD-CUTOVER-1' }],
    }),
    [`${LATER}/production-readiness-blocker-map.json`]: json({
      doc: 'fix7-p0-production-readiness-blocker-map',
      date: '2026-07-01',
      authority: 'blocker map only',
      blockers: [
        { id: NEW_BLOCKERS[0], item: 'the cutover plan is not written', actor_needed: 'operator', blocks: 'cutover' },
        { id: NEW_BLOCKERS[1], item: 'production monitoring is not in place', actor_needed: 'operator', blocks: 'production' },
      ],
      resolved_in_this_macro: RESOLVED,
      production_work_performed: false,
    }),
  };
}

/** A fresh repository at `root` with the two commits; returns it. */
export function deltaRepository(root: string): string {
  fs.mkdirSync(root, { recursive: true });
  writeFiles(root, cleanKb());
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'first packet: open blockers');
  writeFiles(root, laterPacket());
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'production phase: REAL_RUN granted, two blockers resolved');
  return root;
}
