/**
 * The workspaces the real-editor tests open: throwaway copies of examples/kb, one as shipped
 * ("good") and one with known mistakes ("broken"). Every layer (Neovim, the VS Code workbench,
 * the extension-host suite) uses these, so they all check the same facts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { positionOf as positionAt } from '../helpers/position';

export const REPO = path.resolve(__dirname, '../..');
export const EXAMPLE = path.join(REPO, 'examples/kb');
export const ARCH = 'knowledge/dev/reports/architecture';
export const PACKET_DIR = `${ARCH}/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12`;
export const NOTE = `${ARCH}/fix7-p0-post-no-production-execution-owner-operator-note-2026-06-12.md`;
export const MAP = `${PACKET_DIR}/production-readiness-blocker-map.json`;
export const INVENTORY = `${PACKET_DIR}/mutation-inventory.json`;

/** The blocker the tests hover and follow from the note. */
export const BLOCKER_ID = 'FIX7-P0-PROD-BIRTH-SURFACE-1';
/** The evidence reference the tests follow from the blocker map (to `"n": 5`). */
export const EVIDENCE = 'mutation-inventory.json surface 5';

export const CHECKLIST = `${PACKET_DIR}/precondition-checklist.json`;
export const ROLLBACK = `${PACKET_DIR}/rollback-recovery-design.json`;
export const LOCK = `${PACKET_DIR}/delegation-and-authority-lock.json`;

export interface CitedEvidence {
  file: string;
  /** The cited line: the entry's `id` or `n`, or the file's first line when it is cited whole. */
  line: RegExp;
}

/**
 * The seven unresolved blockers of the example and the evidence each cites (issue 17), written
 * down from the blocker map rather than computed, so a test of the server checks it against
 * the files. `inNote`: the owner note names it (four of them do; the other three are named in
 * the map, and two of those in the checklist).
 */
export const BLOCKER_EVIDENCE: readonly { id: string; inNote: boolean; evidence: CitedEvidence[] }[] = [
  { id: 'FIX7-P0-PROD-BIRTH-SURFACE-1', inNote: true, evidence: [{ file: INVENTORY, line: /"n": 5,/ }] },
  { id: 'FIX7-P0-PROD-CI-SCOPE-1', inNote: true, evidence: [{ file: INVENTORY, line: /"n": 10,/ }] },
  { id: 'FIX7-P0-DRYRUN-PROD-ROLLBACK-1', inNote: true, evidence: [{ file: ROLLBACK, line: /"id": "RB-PROD"/ }] },
  { id: 'FIX7-P0-PLAN-REALRUN-1', inNote: false, evidence: [{ file: CHECKLIST, line: /"id": "PC-7"/ }] },
  { id: 'FIX7-P0-PLAN-SEPARATE-AUTH-1', inNote: false, evidence: [{ file: CHECKLIST, line: /"id": "PC-8"/ }] },
  { id: 'FIX7-P0-PROD-OPT4-1', inNote: true, evidence: [{ file: LOCK, line: /^\{$/ }] },
  { id: 'FIX7-P0-OPERATOR-INPUT-1', inNote: false, evidence: [{ file: INVENTORY, line: /"n": 6,/ }] },
];

export interface Break {
  file: string;
  /** Text that occurs exactly once in `file` of the example KB... */
  from: string;
  /** ...and what the broken copy has instead. */
  to: string;
  code: 'unknown-id' | 'evidence-missing-file';
  /** The token the diagnostic covers in the broken copy. */
  token: string;
}

/** What the broken copy breaks; each edit is one diagnostic with source govlens. */
export const BREAKS: readonly Break[] = [
  // A note citing a blocker nobody defined (the typo the workbench test fixes by typing).
  { file: NOTE, from: 'FIX7-P0-PROD-CI-SCOPE-1 (CI/deploy', to: 'FIX7-P0-PROD-CI-SCOPE-9 (CI/deploy', code: 'unknown-id', token: 'FIX7-P0-PROD-CI-SCOPE-9' },
  // A note citing a blocker map that does not exist.
  {
    file: NOTE,
    from: 'See …/packet-2026-06-12/production-readiness-blocker-map.json.',
    to: 'See …/packet-2026-06-12/production-readiness-blocker-mapp.json.',
    code: 'evidence-missing-file',
    token: '…/packet-2026-06-12/production-readiness-blocker-mapp.json',
  },
  // A packet document (never opened by the tests) citing missing evidence: reported all the same.
  {
    file: MAP,
    from: '"mutation-inventory.json surface 10 CONFIG_UNKNOWN_NEEDS_SCOPING',
    to: '"mutation-inventori.json surface 10 CONFIG_UNKNOWN_NEEDS_SCOPING',
    code: 'evidence-missing-file',
    token: 'mutation-inventori.json',
  },
];

const count = (text: string, needle: string) => text.split(needle).length - 1;

/**
 * A fresh copy of the example KB at `dir` (which must not exist yet), with seals off: the
 * example is a reconstruction, so each seal it states is a seal-mismatch warning (README,
 * Seals), which the unit, CLI and protocol layers check; the editor layers check other facts on
 * a KB whose Problems list they expect empty.
 */
export function makeGoodCopy(dir: string): string {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.cpSync(EXAMPLE, dir, { recursive: true, errorOnExist: true, force: false });
  fs.writeFileSync(path.join(dir, '.govlens.json'), '{"sealFormat": "off"}\n');
  return dir;
}

/** A copy with BREAKS applied; fails loudly if the example no longer has the text a break replaces. */
export function makeBrokenCopy(dir: string): string {
  makeGoodCopy(dir);
  for (const b of BREAKS) {
    const file = path.join(dir, b.file);
    const text = fs.readFileSync(file, 'utf8');
    if (count(text, b.from) !== 1) throw new Error(`examples/kb changed: ${b.file} must contain ${JSON.stringify(b.from)} exactly once; update test/e2e/workspaces.ts`);
    fs.writeFileSync(file, text.replace(b.from, b.to));
  }
  return dir;
}

/** 0-based line and UTF-16 column of the `nth` occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  return positionAt(text, needle, 0, nth);
}

/** 0-based index of the first line of a file in `root` that matches. */
export function lineOf(root: string, relative: string, pattern: RegExp): number {
  const lines = fs.readFileSync(path.join(root, relative), 'utf8').split('\n');
  const index = lines.findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`no line of ${relative} matches ${pattern}`);
  return index;
}
