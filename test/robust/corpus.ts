/**
 * The corpus of bad input on a real disk (issue 7, item 2): one workspace folder holding every
 * kind of broken, hostile or odd file, next to a canary folder outside it that nothing may
 * ever read. Built at test time in a temporary folder, because symbolic links that leave the
 * repository and unreadable files do not belong in git.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CANARY_TEXT = 'CANARY-SECRET-7f3a FIX7-P0-CANARY-1 production is authorized';
/** A name that exists nowhere: cited through the link to `/`, it must be as outside as what exists there. */
export const ABSENT = 'no-such-file-govlens-7f3a';
/** Written by the booby-trapped scripts in the workspace if anything ever runs them. */
export const EXECUTED_MARKER = 'EXECUTED-MARKER';

export interface Corpus {
  base: string;
  /** The workspace folder (real path). */
  root: string;
  /** The folder outside it, holding the canaries (real path). */
  outside: string;
  canaries: string[];
  /** Where the booby traps would write if executed. */
  marker: string;
  /** Workspace-relative paths of the files made unreadable (chmod 000). */
  unreadable: string[];
  dispose(): void;
}

const P = 'kb/bad-packet';
export const PATHS = {
  invalidUtf8: 'kb/notes/invalid-utf8.md',
  bomNote: 'kb/notes/bom.md',
  bomJson: `${P}/bom-precondition-checklist.json`,
  crlf: 'kb/notes/crlf.md',
  loneCr: 'kb/notes/lone-cr.md',
  crlfJson: `${P}/crlf-rollback-recovery-design.json`,
  nul: 'kb/notes/nul.md',
  binaryJson: `${P}/binary.json`,
  binaryMd: 'kb/notes/binary.md',
  emptyJson: `${P}/empty.json`,
  emptyMd: 'kb/notes/empty.md',
  arrayJson: `${P}/array-precondition-checklist.json`,
  stringJson: `${P}/string-mutation-inventory.json`,
  duplicateKeys: `${P}/duplicate-keys-mutation-inventory.json`,
  huge: `${P}/huge-production-readiness-blocker-map.json`,
  unreadable: 'kb/notes/unreadable.md',
  unreadableDir: 'kb/locked',
  loopA: 'kb/notes/loop-a.md',
  loopB: 'kb/notes/loop-b.md',
  loopDir: 'kb/notes/loop-dir',
  escapeFile: 'kb/notes/escape.md',
  escapeJson: `${P}/escape-precondition-checklist.json`,
  escapeDir: 'kb/outside-link',
  /** A link to `/`, and a note citing through it what exists outside and what does not (issue 13, item 5). */
  rootLink: 'kb/root-link',
  throughRoot: 'kb/notes/through-root.md',
  hostile: 'kb/notes/hostile-paths.md',
  dirNamedJson: 'kb/notes/evidence.json',
  lock: `${P}/delegation-and-authority-lock.json`,
  claim: `${P}/claims-production-readiness-blocker-map.json`,
  proto: `${P}/proto-pollution.json`,
  vanishing: 'kb/notes/vanishing.md',
  dotsName: 'kb/notes/..dots.md',
  fifo: 'kb/notes/pipe.md',
  fifoLink: 'kb/notes/pipe-link.md',
  pipes: 'kb/notes/pipes.md',
  traps: 'kb/notes/traps.md',
} as const;

/** A blocker map whose one claim (`production_work_performed`) needs a production grant. */
const claimingMap = JSON.stringify(
  { doc: 'x-production-readiness-blocker-map', date: '2026-06-12', blockers: [{ id: 'FIX7-P0-BAD-1', item: 'x' }], resolved_in_this_macro: [], production_work_performed: true },
  null,
  2,
);

/** Builds the corpus; `absoluteCanary` paths are written into the notes as they would be pasted. */
export function buildCorpus(): Corpus {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'govlens-corpus-')));
  // Readable by an unprivileged user too (the CLI test may run as one to make chmod 000 bite).
  fs.chmodSync(base, 0o755);
  const root = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  const marker = path.join(base, EXECUTED_MARKER);
  const write = (relative: string, content: string | Buffer) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  fs.mkdirSync(path.join(outside, 'dir-packet'), { recursive: true });
  const canaries = [path.join(outside, 'canary.md'), path.join(outside, 'canary.json'), path.join(outside, 'dir-packet', 'delegation-and-authority-lock.json')];
  fs.writeFileSync(canaries[0] ?? '', `# Canary\n\n${CANARY_TEXT}\n`);
  fs.writeFileSync(canaries[1] ?? '', JSON.stringify({ doc: 'x-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-1', status: 'PASS', item: CANARY_TEXT }] }));
  fs.writeFileSync(canaries[2] ?? '', JSON.stringify({ doc: 'x-delegation-and-authority-lock', date: '2026-06-12', grants: [{ id: 'G', scope: 'production', actions: ['production'] }], withheld: [] }));

  const trap = (name: string) => `require('fs').writeFileSync(${JSON.stringify(marker)}, ${JSON.stringify(name)});\n`;

  // Encodings and line ends.
  write(PATHS.invalidUtf8, Buffer.concat([Buffer.from('# Bytes\n\n'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc]), Buffer.from(' FIX7-P0-UTF8-1\n')]));
  write(PATHS.bomNote, '\uFEFFFIX7-P0-BOM-1 opens the note.\n');
  write(PATHS.bomJson, `\uFEFF${JSON.stringify({ doc: 'x-precondition-checklist', date: '2026-06-12', checks: [{ id: 'PC-1', status: 'PASS' }] }, null, 2)}\n`);
  write(PATHS.crlf, '# CRLF\r\n\r\nFIX7-P0-CRLF-1\r\n');
  write(PATHS.loneCr, '# CR\r\rFIX7-P0-CR-1\r');
  write(PATHS.crlfJson, JSON.stringify({ doc: 'x-rollback-recovery-design', date: '2026-06-12', plans: [{ id: 'RB-1', status: 7 }] }, null, 2).replace(/\n/g, '\r\n'));
  write(PATHS.nul, '# NUL\n\nbefore\u0000after FIX7-P0-NUL-1\u0000\n');
  // Binary files that only claim to be documents.
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 2654435761) >>> 24;
  write(PATHS.binaryJson, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), binary]));
  write(PATHS.binaryMd, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), binary]));
  write(PATHS.emptyJson, '');
  write(PATHS.emptyMd, '');
  // JSON that parses but is not a packet object.
  write(PATHS.arrayJson, '[{"id": "PC-1", "status": "PASS"}]\n');
  write(PATHS.stringJson, '"FIX7-P0-STRING-1"\n');
  write(PATHS.duplicateKeys, '{\n  "doc": "x-mutation-inventory",\n  "date": "2026-06-12",\n  "surfaces": [{"n": 1, "class": "FORBIDDEN"}],\n  "surfaces": [{"n": 2, "class": "KB_ADDITIVE"}]\n}\n');
  // 20 MB: over the 5 MB default limit.
  write(PATHS.huge, `{"doc": "x-production-readiness-blocker-map", "date": "2026-06-12", "blockers": [${Array.from({ length: 220_000 }, (_, i) => `{"id": "FIX7-P0-HUGE-${i}", "item": "${'x'.repeat(60)}"}`).join(',')}], "resolved_in_this_macro": [], "production_work_performed": false}`);
  // Unreadable: a file and a folder (chmod 000; root reads them anyway, see the tests).
  write(PATHS.unreadable, 'FIX7-P0-UNREADABLE-1\n');
  write(`${PATHS.unreadableDir}/hidden-inside.md`, 'FIX7-P0-LOCKED-1\n');
  // Links: loops, and links out of the workspace to the canaries.
  fs.symlinkSync('loop-b.md', path.join(root, PATHS.loopA));
  fs.symlinkSync('loop-a.md', path.join(root, PATHS.loopB));
  fs.symlinkSync('.', path.join(root, PATHS.loopDir));
  fs.symlinkSync(canaries[0] ?? '', path.join(root, PATHS.escapeFile));
  fs.symlinkSync(path.relative(path.join(root, P), canaries[1] ?? ''), path.join(root, PATHS.escapeJson));
  fs.symlinkSync(outside, path.join(root, PATHS.escapeDir));
  fs.symlinkSync('/', path.join(root, PATHS.rootLink));
  write(
    PATHS.throughRoot,
    [
      '# Through a link to /',
      '',
      `[exists](../root-link/etc/hostname) [absent](../root-link/etc/${ABSENT}) [canary](../root-link${outside}/canary.md)`,
      '',
      `Evidence: ../root-link${outside}/canary.json PC-1 PASS and ../root-link/etc/${ABSENT}.json.`,
      '',
    ].join('\n'),
  );
  // Every way of writing a path that leaves the workspace, and a folder cited as a file.
  fs.mkdirSync(path.join(root, PATHS.dirNamedJson), { recursive: true });
  write(
    PATHS.hostile,
    [
      '# Hostile paths',
      '',
      'Relative: ../../../outside/canary.md and ../../../outside/canary.json PC-1 PASS; ../../outside/canary.md stays inside (missing).',
      `Absolute: ${canaries[0]} and ${canaries[1]} PC-1 PASS.`,
      'Encoded: %2e%2e/%2e%2e/outside/canary.md, ..%2f..%2foutside%2fcanary.md.',
      'Backslashes: ..\\..\\..\\outside\\canary.md and ..\\..\\..\\outside\\canary.json PC-1 PASS.',
      'Elided: …/outside/canary.md and .../outside/canary.json PC-1 PASS.',
      'Through links: escape.md, ../bad-packet/escape-precondition-checklist.json PC-1 PASS, ../outside-link/canary.md, ../outside-link/dir-packet/delegation-and-authority-lock.json.',
      'Loops: loop-a.md, loop-dir/loop-dir/hostile-paths.md.',
      'A folder: evidence.json.',
      '',
      `[relative](../../../outside/canary.md) [absolute](${canaries[0]}) [file URL](file://${canaries[0]}) [encoded](%2e%2e/%2e%2e/%2e%2e/outside/canary.md)`,
      '[encoded slash](..%2f..%2f..%2foutside%2fcanary.md) [backslash](..\\\\..\\\\..\\\\outside\\\\canary.md) [through a link](../outside-link/canary.md) [NUL](canary%00.md)',
      '',
      'Back to Knowledge Hub ../../../outside/canary.md',
      '',
    ].join('\n'),
  );
  // A malformed lock next to a map that claims production work: nothing counts as granted.
  write(PATHS.lock, '{\n  "doc": "x-delegation-and-authority-lock",\n  "date": "2026-06-12",\n  "grants": [{"id": "G", "scope": "production", "actions": ["production"]},],\n  "withheld": []\n}\n');
  write(PATHS.claim, claimingMap);
  write(PATHS.proto, '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "doc": "x", "date": "2026-06-12"}\n');
  write(PATHS.vanishing, 'FIX7-P0-VANISHING-1\n');
  // A FIFO named like a note, and a link to it: reading one would wait for a writer for ever.
  const fifo = spawnSync('mkfifo', [path.join(root, PATHS.fifo)]);
  if (fifo.status !== 0) throw new Error(`mkfifo failed (${String(fifo.error ?? fifo.stderr)}): the corpus needs a FIFO`);
  fs.symlinkSync('pipe.md', path.join(root, PATHS.fifoLink));
  write(PATHS.pipes, 'See pipe.md and pipe-link.md.\n');
  // A name that starts with dots is inside the workspace all the same.
  write(PATHS.dotsName, 'FIX7-P0-DOTS-1\n');
  // Booby traps: code and configuration that must never run.
  write('.govlens.json', JSON.stringify({ idPrefixes: ['FIX7-P0'], maxFileSizeMB: 5 }));
  write('.govlens.js', trap('.govlens.js'));
  write('govlens.config.js', trap('govlens.config.js'));
  write('govlens.config.mjs', `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'govlens.config.mjs');\n`);
  write('package.json', JSON.stringify({ name: 'trap', main: 'index.js', scripts: { postinstall: `touch ${marker}`, test: `touch ${marker}` } }));
  write('index.js', trap('index.js'));
  write('node_modules/governance-lens/index.js', trap('node_modules'));
  write('node_modules/governance-lens/package.json', JSON.stringify({ name: 'governance-lens', main: 'index.js' }));
  write('.vscode/settings.json', JSON.stringify({ 'governanceLens.lockPath': '../outside/dir-packet/delegation-and-authority-lock.json' }));
  write(PATHS.traps, ['# Traps', '', '<script>require("fs").writeFileSync("x")</script>', '', '```js', trap('code block'), '```', '', `$(touch ${marker}) \`touch ${marker}\``, ''].join('\n'));

  const unreadable = [PATHS.unreadable, PATHS.unreadableDir];
  for (const relative of unreadable) fs.chmodSync(path.join(root, relative), 0o000);

  return {
    base,
    root,
    outside,
    canaries,
    marker,
    unreadable,
    dispose: () => {
      for (const relative of unreadable) fs.chmodSync(path.join(root, relative), 0o755);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Every file and folder under a folder, with size and mtime, links not followed: to prove nothing was written. */
export function snapshotTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      out.push(`${d} (unreadable)`);
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      const s = fs.lstatSync(p);
      out.push(`${p} ${s.mode.toString(8)} ${s.size} ${s.mtimeMs}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}
