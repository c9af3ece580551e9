/**
 * The inputs that make naive scanners and parsers blow up (issue 7): a 1 MB single line,
 * 50,000 IDs on one line, 100,000 nesting levels, a 10,000-item blocker list, and the
 * repetitions that make a backtracking regular expression go quadratic or worse. Each is a
 * workspace built at a size `n`, so the long run can compare the time at n and at 8n.
 */
const ARCH = 'knowledge/dev/reports/architecture';
const PACKET = `${ARCH}/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12`;

export interface Pathological {
  name: string;
  /** The size `npm test` runs (the issue's figure). */
  size: number;
  build(n: number): Record<string, string>;
}

const NOTE = `${ARCH}/note.md`;
const MAP = `${PACKET}/production-readiness-blocker-map.json`;

/** A packet document holding one long string value. */
const inJsonString = (value: string) => JSON.stringify({ doc: 'x-production-readiness-blocker-map', date: '2026-06-12', blockers: [{ id: 'FIX7-P0-A-1', item: value}], resolved_in_this_macro: [], production_work_performed: false });

/** `unit` repeated to about n characters. */
const repeat = (unit: string, n: number) => unit.repeat(Math.max(1, Math.ceil(n / unit.length)));

const lineOf = (name: string, unit: string, size = 1_000_000): Pathological[] => [
  { name: `note: ${name} (1 MB, one line)`, size, build: (n) => ({ [NOTE]: repeat(unit, n) }) },
  { name: `packet string: ${name} (1 MB, one line)`, size, build: (n) => ({ [MAP]: inJsonString(repeat(unit, n)) }) },
];

export const pathological: Pathological[] = [
  ...lineOf('prose words', 'the production lane is not authorized; '),
  ...lineOf('one word, no spaces', 'a'),
  ...lineOf('ID-like dashes', 'A-P1-'),
  ...lineOf('ID prefix, then lower case', 'FIX7-P0-X-1a'),
  ...lineOf('ticket range starts', 'TKT-OBJ-1..'),
  ...lineOf('dots', '.'),
  ...lineOf('path segments', 'a/'),
  ...lineOf('extensions', 'a.json'),
  ...lineOf('almost extensions', '.jso'),
  ...lineOf('URL schemes', 'https://'),
  ...lineOf('elisions', '…/'),
  ...lineOf('evidence anchors', 'x.json surface 1 '),
  ...lineOf('grant cues', 'production authorized approved granted '),
  ...lineOf('negations', 'not no never '),
  ...lineOf('status forms', 'Production: '),
  ...lineOf('Markdown link openers', '[a]('),
  ...lineOf('backticks', '`'),
  ...lineOf('emphasis', '*_'),
  ...lineOf('HTML comment openers', '<!--'),
  ...lineOf('suppression-like', '<!-- govlens-disable-next-line a,'),
  ...lineOf('escapes', '\\'),
  ...lineOf('lone surrogates', '\uD800'),
  { name: 'note: 50,000 IDs on one line', size: 50_000, build: (n) => ({ [NOTE]: Array.from({ length: n }, (_, i) => `FIX7-P0-X-${i}`).join(' ') }) },
  { name: 'note: 50,000 tickets on one line', size: 50_000, build: (n) => ({ [NOTE]: Array.from({ length: n }, (_, i) => `TKT-OBJ-${i}`).join(' ') }) },
  { name: 'note: 50,000 evidence paths on one line', size: 50_000, build: (n) => ({ [NOTE]: Array.from({ length: n }, (_, i) => `f${i % 50}.json surface ${i}`).join('; ') }) },
  { name: 'packet: 50,000 IDs in one string', size: 50_000, build: (n) => ({ [MAP]: inJsonString(Array.from({ length: n }, (_, i) => `FIX7-P0-X-${i}`).join(' ')) }) },
  { name: 'packet: 100,000 nested arrays', size: 100_000, build: (n) => ({ [MAP]: `${'['.repeat(n)}${']'.repeat(n)}` }) },
  { name: 'packet: 100,000 nested objects', size: 100_000, build: (n) => ({ [MAP]: `${'{"a":'.repeat(n)}1${'}'.repeat(n)}` }) },
  { name: 'packet: 100,000 unclosed arrays', size: 100_000, build: (n) => ({ [MAP]: '['.repeat(n) }) },
  { name: 'config: 100,000 nested arrays', size: 100_000, build: (n) => ({ '.govlens.json': `{"idPrefixes": ${'['.repeat(n)}${']'.repeat(n)}}` }) },
  { name: 'note: 100,000 nested block quotes', size: 100_000, build: (n) => ({ [NOTE]: `${'>'.repeat(n)} FIX7-P0-X-1\n` }) },
  { name: 'note: 100,000 nested list items', size: 100_000, build: (n) => ({ [NOTE]: `${'- '.repeat(n)}FIX7-P0-X-1\n` }) },
  { name: 'note: 100,000 nested brackets', size: 100_000, build: (n) => ({ [NOTE]: `${'['.repeat(n)}a.json${']'.repeat(n)}` }) },
  { name: 'note: 100,000 nested emphasis', size: 100_000, build: (n) => ({ [NOTE]: `${'*'.repeat(n)}production authorized${'*'.repeat(n)}` }) },
  { name: 'note: 100,000 nested links', size: 100_000, build: (n) => ({ [NOTE]: `${'[a]('.repeat(n)}x.md${')'.repeat(n)}` }) },
  { name: 'note: 100,000 indented lines', size: 100_000, build: (n) => ({ [NOTE]: Array.from({ length: n }, (_, i) => `${' '.repeat(i % 40)}- FIX7-P0-X-${i}`).join('\n') }) },
  {
    name: 'packet: 10,000-item blocker list, each cited by a note',
    size: 10_000,
    build: (n) => ({
      [MAP]: JSON.stringify(
        {
          doc: 'x-production-readiness-blocker-map',
          date: '2026-06-12',
          blockers: Array.from({ length: n }, (_, i) => ({ id: `FIX7-P0-B-${i}`, item: `blocker ${i} needs FIX7-P0-B-${(i * 7) % n}`, evidence: `precondition-checklist.json PC-${i} FAIL (FIX7-P0-B-${i})`, blocks: 'production' })),
          resolved_in_this_macro: Array.from({ length: Math.floor(n / 10) }, (_, i) => `FIX7-P0-B-${i * 10}`),
          production_work_performed: false,
        },
        null,
        2,
      ),
      [`${PACKET}/precondition-checklist.json`]: JSON.stringify({ doc: 'x-precondition-checklist', date: '2026-06-12', checks: Array.from({ length: n }, (_, i) => ({ id: `PC-${i}`, status: i % 2 ? 'PASS' : 'FAIL' })) }, null, 2),
      [NOTE]: Array.from({ length: n }, (_, i) => `- FIX7-P0-B-${i} is unresolved; production is not authorized.`).join('\n'),
    }),
  },
  { name: 'packet: 10,000 overlapping reservations', size: 10_000, build: (n) => ({ [`${PACKET}/ticket-reservations.json`]: JSON.stringify({ doc: 'x-ticket-reservations', date: '2026-06-12', reservations: Array.from({ length: n }, (_, i) => ({ range: `TKT-OBJ-${i}..${i + 5}`, status: 'PROPOSED' })) }) }) },
  { name: 'note: 300,000 unknown IDs (4.7 MB, under the size limit)', size: 300_000, build: (n) => ({ [NOTE]: Array.from({ length: n }, (_, i) => `FIX7-P0-X-${i}`).join(' ') }) },
  { name: 'note: "x:" 130,000 times (260 KB, one line)', size: 130_000, build: (n) => ({ [NOTE]: 'x:'.repeat(n) }) },
  { name: 'note: 10,000 lines of grant claims', size: 10_000, build: (n) => ({ [NOTE]: Array.from({ length: n }, (_, i) => `Production ${i}: AUTHORIZED. REAL_RUN was performed; cutover — APPROVED.`).join('\n') }) },
  // Issue 13: what an outside probe found.
  { name: 'note: an evidence path 12,000 folders deep', size: 12_000, build: (n) => ({ [NOTE]: `# Deep\n\nEvidence: ${'a/'.repeat(n)}x.json\n` }) },
  {
    name: 'note: …/0.md cited 6,000 times, with 3,000 files of that name',
    size: 6_000,
    build: (n) => {
      const files: Record<string, string> = { [NOTE]: `# Note\n\n${Array.from({ length: n }, () => '…/0.md').join('\n')}\n` };
      for (let i = 0; i < Math.ceil(n / 2); i++) files[`data/d${i}/0.md`] = '';
      return files;
    },
  },
  // Issue 16: seals. One paragraph of seals in a note citing two packets (each seal reads its
  // sentence and paragraph); seals in one JSON string; a note citing thousands of packets, one
  // seal per sentence (each packet hashed once).
  { name: 'note: 50,000 seals in one paragraph citing two packets', size: 50_000, build: (n) => ({ [NOTE]: `${PACKET}/a.json and other-packet/b.json: ${Array.from({ length: n }, (_, i) => `tree ${(i + 0x1000000).toString(16)}`).join(', ')}.\n`, [`${PACKET}/a.json`]: '{}', 'other-packet/b.json': '{}' }) },
  { name: 'packet: 50,000 seals in one string', size: 50_000, build: (n) => ({ [MAP]: inJsonString(Array.from({ length: n }, (_, i) => `sealed at ${(i + 0x1000000).toString(16)}…`).join(' ')) }) },
  {
    name: 'note: 5,000 packets cited, a seal beside each',
    size: 5_000,
    build: (n) => {
      const files: Record<string, string> = { [NOTE]: Array.from({ length: n }, (_, i) => `p${i}-packet/x.json tree 1234567.`).join(' ') };
      for (let i = 0; i < n; i++) files[`p${i}-packet/x.json`] = '{}';
      return files;
    },
  },
  { name: 'config: 130,000 wrong-typed idPrefixes', size: 130_000, build: (n) => ({ '.govlens.json': JSON.stringify({ idPrefixes: Array.from({ length: n }, (_, i) => i) }) }) },
  { name: 'packet: 130,000 wrong-typed blockers', size: 130_000, build: (n) => ({ [MAP]: JSON.stringify({ doc: 'x-production-readiness-blocker-map', date: '2026-06-12', blockers: Array.from({ length: n }, (_, i) => i), resolved_in_this_macro: [], production_work_performed: false }) }) },
];

/** A pathological input that fails today because of a bug in a module this suite does not own. */
export interface KnownIssue {
  /** The module at fault. */
  where: string;
  what: string;
  /** The smallest size tried at which it fails (throws, or grows faster than linearly): `npm run fuzz` runs the TODO test at this size. */
  size: number;
  /** The size `npm test` runs the TODO test at: the failing size when that is cheap, a fraction of it when the failure is slowness. */
  quick: number;
}

/**
 * Inputs that fail today, with where and why (none since the Markdown scanner replaced
 * micromark and results stopped being spread as call arguments; TESTING.md tells the story).
 * `npm test` avoids them at and above these sizes until fixed; each still runs, at that size,
 * as a TODO test, so the failure stays visible and its fix shows up.
 */
export const knownIssues = new Map<string, KnownIssue>();

/** The known issue that applies to a case at this size, if any. */
export function knownIssueAt(p: Pathological, size: number): KnownIssue | undefined {
  const issue = knownIssues.get(p.name);
  return issue && size >= issue.size ? issue : undefined;
}

/** `npm test` runs the issue's sizes; the regex-stress variants of the 1 MB line run at 128 KB there and at 1 MB in the long run. */
export function testedSize(p: Pathological, longRun: boolean): number {
  if (longRun || !p.name.includes('1 MB') || p.name.includes('prose words')) return p.size;
  return 128 * 1024;
}
