/**
 * Generators of bad input for the property tests: documents that look like what authors
 * write (the example KB, mutated; JSON in the packet shapes with hostile values; Markdown
 * made of the grammar's own tokens and its delimiters) and whole workspaces of them.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { readTree } from '../helpers/tree';

export const repo = path.resolve(__dirname, '../..');
const EXAMPLE_ROOT = path.join(repo, 'examples/kb');

/** The example KB as workspace-relative path → text. */
export function exampleFiles(): Record<string, string> {
  return readTree(EXAMPLE_ROOT);
}

const EXAMPLE = exampleFiles();
export const ARCH = 'knowledge/dev/reports/architecture';
export const PACKET = `${ARCH}/fix7-p0-no-production-implementation-execution-and-review-packet-2026-06-12`;
export const examplePaths = Object.keys(EXAMPLE).sort();
export const exampleJson = examplePaths.filter((p) => p.endsWith('.json'));
export const exampleMarkdown = examplePaths.filter((p) => p.endsWith('.md'));
export function exampleText(p: string): string {
  const text = EXAMPLE[p];
  if (text === undefined) throw new Error(`no example file ${p}`);
  return text;
}

/** Words the scanners, the grant detector and the parsers react to, and the ways they go wrong. */
export const DOMAIN_TOKENS: readonly string[] = [
  // governance IDs, defined and not, and near misses
  'FIX7-P0-PROD-BIRTH-SURFACE-1', 'FIX7-P0-PROD-CI-SCOPE-1', 'FIX7-P0-PLAN-REALRUN-1', 'FIX7-P0-PROD-OPT4-1', 'FIX7-P0-PLAN-SURFACE-1',
  'FIX7-P0-NOPE-9', 'FIX7-P0-', 'FIX7-P0-X-1.json', 'fix7-p0-prod-1', 'A-P1-B', 'Z9-P99999999999999999999-X',
  // tickets and ranges, good and malformed
  'TKT-OBJ-442..461', 'TKT-OBJ-450', 'TKT-OBJ-461..442', 'TKT-OBJ-442...461', 'TKT-OBJ-442..', 'TKT-OBJ-442..TKT-ABC-461', 'TKT-OBJ-442..TKT-OBJ-461',
  'TKT-OBJ-1..99999999999999999999', 'TKT-OBJ-00000..0', 'TKT-OBJ-442..461abc', 'TKT-', 'TKT-OBJ-',
  // evidence references and hostile paths
  'mutation-inventory.json surface 5 PRODUCTION_UNKNOWN_NEEDS_SCOPING (FIX7-P0-PLAN-SURFACE-1)', 'mutation-inventory.json forbidden surfaces',
  'precondition-checklist.json PC-7 FAIL', 'rollback-recovery-design.json RB-PROD TBD', 'production-readiness-blocker-map.json', 'surface 99999999999999999999',
  '…/packet-2026-06-12/production-readiness-blocker-map.json', '.../x.json', '…/', '../../../../etc/passwd.md', '../outside.json', '/etc/hosts.md', '//server/share.md',
  '%2e%2e/%2e%2e/secret.md', '..%2f..%2fsecret.md', '..\\..\\secret.md', 'C:\\Windows\\win.ini.md', 'file:///etc/passwd.md', 'https://example.com/a.md?x=b.json',
  '\\\\?\\C:\\x.json', 'a/./b/../../../c.md', '.json', 'x.json.bak', '.md', 'ü/ñ.md', '~/.ssh/id_rsa.md', '\u0000.json', 'con.json', '%00.md',
  '[link](../../outside.md)', '[x](%2e%2e/secret.md)', '[x](/abs.md)', '[x](<a b.md>)', '![img](pic.md "t")', '[ref]: ../x.md', '<https://x.md>',
  'Back to Knowledge Hub ../../outside.md', 'Back to Knowledge Hub knowledge/dev/reports/architecture/fix7-p0-post-no-production-execution-owner-operator-note-2026-06-12.md',
  // grant language
  'Production: AUTHORIZED', 'REAL_RUN — APPROVED', 'production is authorized', 'not authorized', 'cutover was performed', 'CI/deploy: GO', 'QT001/apply', 'only after',
  'does not extend to production', 'permit/activation/repoint/cutover', 'OPT-4', 'no-production', 'granted', 'unblocked', 'HOLD', 'BLOCKED', 'never', '?', ':', '—', ';', '.',
  '"production_work_performed": true',
  // suppressions and comments
  '<!-- govlens-disable-next-line unknown-id: why -->', '<!-- govlens-disable-next-line implied-production-grant -->', '<!--', '-->', '<!-- DOC_STATUS: ACTIVE_NON_AUTHORITY -->',
  // Markdown structure
  '`', '``', '```', '```json', '~~~', '#', '## ', '> ', '- ', '* ', '1. ', '|', '| a | b |', '|---|---|', '[', ']', '(', ')', '<', '>', '*', '_', '\\', '&amp;', '&#0;', '<div>', '</div>',
  // JSON structure
  '{', '}', '[', ']', ',', '"', '\\"', '\\u0000', '\\ud800', '\\uZZZZ', 'null', 'true', '1e999', '-0', '//', '/*', '*/',
  // characters that break naive offset arithmetic
  '\n', '\r\n', '\r', '\t', '\u0000', '\uFEFF', '\u2028', '\u2029', '\uD800', '\uDC00', '😀', 'é', 'e\u0301', '\u202E', '\uFFFD', ' ', '  ', '\u00A0',
];

export const tokenArb = fc.constantFrom(...DOMAIN_TOKENS);

/** Any text at all: lone surrogates, control characters and all. */
export const anyTextArb = fc.string({ unit: 'binary', maxLength: 40 });

const separatorArb = fc.constantFrom('', ' ', '\n', '\n\n', '\r\n', '\r', '\t', ' (', ') ', ', ', '; ', '. ');

/** Text made mostly of domain tokens, so the generator reaches the scanners' corners. */
export const domainTextArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof({ arbitrary: tokenArb, weight: 6 }, { arbitrary: anyTextArb, weight: 1 }), separatorArb), { maxLength: 60 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** One edit of a document: what half-written files, bad pastes and merges do. */
type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'replace-char'; at: number; text: string }
  | { kind: 'swap'; a: number; b: number; length: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(tokenArb, domainTextArb, anyTextArb) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), text: fc.oneof(tokenArb, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = (n: number) => (t.length === 0 ? 0 : n % (t.length + 1));
    switch (m.kind) {
      case 'delete': {
        const i = at(m.at);
        t = t.slice(0, i) + t.slice(i + m.length);
        break;
      }
      case 'insert': {
        const i = at(m.at);
        t = t.slice(0, i) + m.text + t.slice(i);
        break;
      }
      case 'duplicate': {
        const i = at(m.at);
        t = t.slice(0, i + m.length) + t.slice(i, i + m.length) + t.slice(i + m.length);
        break;
      }
      case 'truncate':
        t = t.slice(0, at(m.at));
        break;
      case 'replace-char': {
        const i = at(m.at);
        t = t.slice(0, i) + m.text + t.slice(i + 1);
        break;
      }
      case 'swap': {
        const a = at(m.a);
        const b = at(m.b);
        const [x, y] = a <= b ? [a, b] : [b, a];
        if (x + m.length <= y) t = t.slice(0, x) + t.slice(y, y + m.length) + t.slice(x + m.length, y) + t.slice(x, x + m.length) + t.slice(y + m.length);
        break;
      }
    }
  }
  return t;
}

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 8 });

/** An example file with a few edits. */
export function mutatedExampleArb(paths: readonly string[]): fc.Arbitrary<{ from: string; text: string }> {
  return fc.tuple(fc.constantFrom(...paths), mutationsArb).map(([from, mutations]) => ({ from, text: mutate(exampleText(from), mutations) }));
}

/** Strings a packet value may hold: domain text, IDs, hostile characters. */
const valueStringArb = fc.oneof({ arbitrary: tokenArb, weight: 4 }, { arbitrary: domainTextArb, weight: 2 }, { arbitrary: anyTextArb, weight: 1 });

/** JSON values that put the schema validator and the fact extraction on the spot. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    valueStringArb,
    fc.constantFrom(null, true, false, 0, -1, 5, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('id', 'n', 'status', 'class', 'range', 'evidence', 'plan_ref', 'scope', 'actions', 'action', 'needs', 'date', '__proto__', 'constructor', ''), anyTextArb), tie('value'), { maxKeys: 5 }),
  ),
})).value;

const entryArb = (keys: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof({ arbitrary: valueStringArb, weight: 4 }, { arbitrary: hostileValueArb, weight: 1 })])), { requiredKeys: [] }), weight: 5 },
    { arbitrary: hostileValueArb, weight: 1 },
  );

/** A packet document of each kind: the right skeleton, hostile contents. */
export const packetDocumentArb: fc.Arbitrary<{ name: string; value: unknown }> = fc.oneof(
  fc.record({
    name: fc.constant('production-readiness-blocker-map.json'),
    value: fc.record({
      doc: fc.oneof(fc.constant('fix7-p0-production-readiness-blocker-map'), valueStringArb),
      date: fc.oneof(fc.constantFrom('2026-06-12', '2026-06-13', '2025-01-01', '9999-99-99', ''), valueStringArb),
      blockers: fc.oneof(fc.array(entryArb(['id', 'item', 'evidence', 'actor_needed', 'next_action', 'blocks', 'status']), { maxLength: 6 }), hostileValueArb),
      resolved_in_this_macro: fc.oneof(fc.array(valueStringArb, { maxLength: 4 }), hostileValueArb),
      production_work_performed: fc.oneof(fc.boolean(), hostileValueArb),
    }, { requiredKeys: [] }),
  }),
  fc.record({
    name: fc.constant('delegation-and-authority-lock.json'),
    value: fc.record({
      doc: fc.constant('fix7-p0-delegation-and-authority-lock'),
      date: fc.constantFrom('2026-06-12', 'x'),
      grants: fc.oneof(fc.array(fc.oneof(entryArb(['id', 'scope', 'granted_by']).map((e) => ({ ...(e as object), actions: ['production', 'REAL_RUN'] })), entryArb(['id', 'scope', 'actions'])), { maxLength: 4 }), hostileValueArb),
      withheld: fc.oneof(fc.array(entryArb(['action', 'needs']), { maxLength: 4 }), hostileValueArb),
    }, { requiredKeys: [] }),
  }),
  fc.record({
    name: fc.constant('precondition-checklist.json'),
    value: fc.record({ doc: fc.constant('x-precondition-checklist'), date: fc.constant('2026-06-12'), checks: fc.oneof(fc.array(entryArb(['id', 'item', 'status', 'evidence']), { maxLength: 6 }), hostileValueArb) }, { requiredKeys: [] }),
  }),
  fc.record({
    name: fc.constant('mutation-inventory.json'),
    value: fc.record({
      doc: fc.constant('x-mutation-inventory'),
      date: fc.constant('2026-06-12'),
      surfaces: fc.oneof(fc.array(fc.record({ n: fc.oneof(fc.integer({ min: -2, max: 12 }), hostileValueArb), class: fc.oneof(fc.constantFrom('FORBIDDEN', 'KB_ADDITIVE', 'PRODUCTION_UNKNOWN_NEEDS_SCOPING'), valueStringArb), plan_ref: valueStringArb, name: valueStringArb }, { requiredKeys: [] }), { maxLength: 6 }), hostileValueArb),
    }, { requiredKeys: [] }),
  }),
  fc.record({
    name: fc.constant('rollback-recovery-design.json'),
    value: fc.record({ doc: fc.constant('x-rollback-recovery-design'), date: fc.constant('2026-06-12'), plans: fc.oneof(fc.array(entryArb(['id', 'status', 'scope', 'evidence']), { maxLength: 4 }), hostileValueArb) }, { requiredKeys: [] }),
  }),
  fc.record({
    name: fc.constant('ticket-reservations.json'),
    value: fc.record({
      doc: fc.constant('x-ticket-reservations'),
      date: fc.constantFrom('2026-06-12', '2026-06-11', 'soon'),
      reservations: fc.oneof(fc.array(fc.record({ range: valueStringArb, status: valueStringArb, apply_now: fc.oneof(fc.boolean(), hostileValueArb), folded: fc.boolean(), date: fc.constantFrom('2026-06-10', '2026-06-12') }, { requiredKeys: [] }), { maxLength: 5 }), hostileValueArb),
    }, { requiredKeys: [] }),
  }),
  fc.record({ name: fc.constantFrom('unknown-kind.json', 'notes.json', 'x-production-readiness-blocker-map.json'), value: hostileValueArb }),
);

/** JSON as written by people: any indentation, sometimes a BOM-less CRLF file, sometimes not JSON at all. */
export const packetTextArb: fc.Arbitrary<{ name: string; text: string }> = fc
  .tuple(packetDocumentArb, fc.constantFrom(0, 1, 2, '\t'), fc.constantFrom('\n', '\r\n', '\r'), fc.option(mutationsArb, { freq: 3 }))
  .map(([{ name, value }, indent, eol, mutations]) => {
    let text = JSON.stringify(value, null, indent) ?? 'undefined';
    if (eol !== '\n') text = text.replace(/\n/g, eol);
    return { name, text: mutations ? mutate(text, mutations) : text };
  });

/** A note: the example notes mutated, or domain tokens laid out as Markdown. */
export const noteTextArb: fc.Arbitrary<string> = fc.oneof(
  mutatedExampleArb(exampleMarkdown).map((m) => m.text),
  fc.array(fc.tuple(fc.constantFrom('', '# ', '## ', '- ', '> ', '1. ', '| ', '```\n', '    ', '<!-- '), domainTextArb), { maxLength: 12 }).map((lines) => lines.map(([p, t]) => p + t).join('\n')),
  domainTextArb,
);

/**
 * Changes to the example KB: some of its files replaced by generated or mutated ones, and a
 * few stray files. Only the changes are generated (and printed when a property fails); the
 * property applies them with `withExample`.
 */
export const workspaceChangesArb: fc.Arbitrary<Record<string, string>> = fc
  .tuple(
    fc.array(packetTextArb, { maxLength: 4 }),
    fc.array(fc.tuple(fc.constantFrom(...exampleJson), mutationsArb), { maxLength: 3 }),
    fc.array(noteTextArb, { maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom('x-packet/', 'other-packet-2026-06-13/', '', 'kb/', 'packet/'), fc.constantFrom('a.json', 'a.md', 'b c.md', 'ü.md', 'a..b.json', 'production-readiness-blocker-map.json', '.govlens.json'), fc.oneof(domainTextArb, fc.constant(''))), { maxLength: 3 }),
    fc.option(fc.oneof(hostileValueArb.map((v) => JSON.stringify(v) ?? ''), fc.constant('{"idPrefixes": ["FIX7-P0"], "maxFileSizeMB": 0.001}'), fc.constant('{"ticketPrefixes": ["T"]}'), domainTextArb), { freq: 5 }),
  )
  .map(([generated, mutatedJson, notes, strays, config]) => {
    const files: Record<string, string> = {};
    const packets = [PACKET, `${ARCH}/fix7-p0-later-packet-2026-06-13`];
    generated.forEach(({ name, text }, i) => (files[`${packets[i % 2]}/${name}`] = text));
    for (const [p, mutations] of mutatedJson) files[p] = mutate(exampleText(p), mutations);
    notes.forEach((text, i) => (files[i === 0 ? exampleMarkdown[0] ?? 'note.md' : `${ARCH}/generated-note-${i}.md`] = text));
    for (const [folder, name, text] of strays) files[`${folder}${name}`] = text;
    if (config !== null) files['.govlens.json'] = config;
    return files;
  });

/** The example KB with these files replaced or added. */
export function withExample(changes: Record<string, string>): Record<string, string> {
  return { ...EXAMPLE, ...changes };
}
