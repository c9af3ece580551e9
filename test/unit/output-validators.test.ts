/**
 * Proves the validators for the CLI's machine-readable outputs work, and can fail:
 * - test/schemas/*.schema.json through validateAgainstSchema (ajv), for `--format json`;
 * - validateSarif (SARIF Multitool + the SARIF 2.1.0 schema), for `--format sarif`.
 *
 * What a SARIF log needs for GitHub code scanning (GitHub's "SARIF support for code
 * scanning" docs, and the multitool's GitHub-ingestion rules GH1001–GH1018, GH2012, which
 * validateSarif runs as errors):
 * - log: "$schema" = the final 2.1.0 schema (e.g. https://json.schemastore.org/sarif-2.1.0.json;
 *   missing or a pre-release URI fails GH1011/GH1013), "version": "2.1.0", "runs" (≤ 20).
 * - run: "tool.driver" with "name" and a "rules" array (GH1018); "results" array, even
 *   empty (GH1014); one tool per run. "semanticVersion"/"version" let GitHub tell tool
 *   upgrades from code changes; "informationUri" and a version are asked for by SARIF2005.
 *   "columnKind": "utf16CodeUnits" matches LSP's UTF-16 characters.
 * - every rule (reportingDescriptor): stable "id", "shortDescription.text",
 *   "fullDescription.text" (each ≤ 1024 chars), "help.text" (GH2012; "help.markdown" is
 *   shown instead when present). Optional: "name" (≤ 255 chars, must differ from id:
 *   SARIF1001), "defaultConfiguration.level" (note|warning|error; default warning),
 *   "properties.tags" (≤ 20), "properties.precision" (very-high|high|medium|low),
 *   "properties.problem.severity" (error|warning|recommendation). No "security-severity":
 *   it would turn these into security alerts.
 * - every result: "message.text" (GH1015/GH1007: plain text, not only message.id),
 *   non-empty "locations" whose first entry has "physicalLocation.artifactLocation.uri"
 *   (GH1001/GH1016/GH1017) and a "region" with "startLine" (GH1003); GitHub's docs also
 *   list startColumn, endLine and endColumn (SARIF2017 warns without them). SARIF lines
 *   and columns are 1-based, endColumn exclusive: from an LSP range, startLine = line + 1,
 *   startColumn = character + 1, endLine = end.line + 1, endColumn = end.character + 1.
 *   "ruleId" (+ "ruleIndex") stable across runs; "level" overrides the rule's default
 *   (LSP error→error, warning→warning, information/hint→note).
 * - uri: a relative reference with "/" separators, no leading "/" (SARIF1004), no "..";
 *   GitHub reads it relative to the repository root. "uriBaseId": "%SRCROOT%" is the
 *   convention; if "originalUriBaseIds" is given, its "%SRCROOT%" uri must be an absolute
 *   URI ending in "/". Absolute file: URIs are rejected unless GitHub knows the checkout
 *   path (GH1006); non-file URIs are not displayed (GH1005).
 * - fingerprints: GitHub only uses partialFingerprints.primaryLocationLineHash; the
 *   upload-sarif action computes it from the source when it is absent. Do not emit a
 *   made-up primaryLocationLineHash (a wrong one stops the action from computing it).
 * - limits: 25,000 results and 25,000 rules per run, 1,000 locations per result (GH1004).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateAgainstSchema } from '../helpers/validate-json';
import { validateSarif } from '../helpers/sarif';

const schemas = fileURLToPath(new URL('../schemas/', import.meta.url));
const CHECK_SCHEMA = join(schemas, 'check-output.schema.json');
const BLOCKERS_SCHEMA = join(schemas, 'blockers-output.schema.json');

function checkOutput(): Record<string, unknown> {
  return {
    version: 1,
    root: 'examples/kb',
    files: 3,
    diagnostics: [
      {
        file: 'packets/fix7-p0/production-readiness-blocker-map.json',
        range: { start: { line: 12, character: 14 }, end: { line: 12, character: 40 } },
        severity: 'error',
        code: 'unknown-id',
        message: "Unknown blocker ID 'FIX7-P0-NOPE-1': define it in a blocker map or fix the reference.",
      },
      {
        file: 'notes/status.md',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
        severity: 'hint',
        code: 'evidence-ambiguous-file',
        message: "'rollback.md' matches 2 files; give the folder.",
      },
    ],
    blockers: [
      {
        id: 'FIX7-P0-PROD-BIRTH-SURFACE-1',
        status: 'unresolved',
        file: 'packets/fix7-p0/production-readiness-blocker-map.json',
        line: 5,
        blocks: 'production',
        actor_needed: 'owner + operator',
      },
      // A definition without `blocks` / `actor_needed`: printed as "".
      { id: 'FIX7-P0-OTHER-2', status: 'resolved', file: 'a.json', line: 0, blocks: '', actor_needed: '' },
    ],
  };
}

type Mutable = Record<string, unknown> & {
  diagnostics: Record<string, unknown>[];
  blockers: Record<string, unknown>[];
};

function mutated(change: (o: Mutable) => void): unknown {
  const o = structuredClone(checkOutput()) as Mutable;
  change(o);
  return o;
}

test('check-output schema: a valid object passes', () => {
  assert.deepEqual(validateAgainstSchema(CHECK_SCHEMA, checkOutput()), []);
  assert.deepEqual(validateAgainstSchema(CHECK_SCHEMA, { ...checkOutput(), diagnostics: [], blockers: [] }), []);
});

test('check-output schema: each kind of breakage fails, with a readable message', () => {
  const cases: [string, unknown, RegExp][] = [
    ['missing top-level field', mutated((o) => delete o.files), /must have required property 'files'/],
    ['missing diagnostic field', mutated((o) => delete o.diagnostics[0]!.code), /\/diagnostics\/0 must have required property 'code'/],
    ['missing blocker field', mutated((o) => delete o.blockers[1]!.actor_needed), /\/blockers\/1 must have required property 'actor_needed'/],
    ['extra top-level field', mutated((o) => (o.extra = true)), /must NOT have additional properties: 'extra'/],
    [
      'extra nested field',
      mutated((o) => ((o.diagnostics[0]!.range as { start: Record<string, unknown> }).start.offset = 3)),
      /\/diagnostics\/0\/range\/start must NOT have additional properties: 'offset'/,
    ],
    ['extra blocker field', mutated((o) => (o.blockers[0]!.item = 'x')), /\/blockers\/0 must NOT have additional properties: 'item'/],
    ['wrong severity', mutated((o) => (o.diagnostics[0]!.severity = 'info')), /\/diagnostics\/0\/severity must be equal to one of the allowed values/],
    ['unknown code', mutated((o) => (o.diagnostics[0]!.code = 'unknown-blocker')), /\/diagnostics\/0\/code must be equal to one of the allowed values/],
    ['backslash path', mutated((o) => (o.diagnostics[0]!.file = 'packets\\fix7\\a.json')), /\/diagnostics\/0\/file must match pattern/],
    ['leading-slash path', mutated((o) => (o.diagnostics[0]!.file = '/work/kb/a.json')), /\/diagnostics\/0\/file must match pattern/],
    ['dot-dot path', mutated((o) => (o.blockers[0]!.file = '../outside.json')), /\/blockers\/0\/file must match pattern/],
    ['wrong version', mutated((o) => (o.version = 2)), /\/version must be equal to constant: 1/],
    ['negative line', mutated((o) => (o.blockers[0]!.line = -1)), /\/blockers\/0\/line must be >= 0/],
    ['fractional character', mutated((o) => ((o.diagnostics[0]!.range as { end: Record<string, unknown> }).end.character = 1.5)), /must be integer/],
    ['empty message', mutated((o) => (o.diagnostics[0]!.message = '')), /\/diagnostics\/0\/message must NOT have fewer than 1 characters/],
    ['wrong status', mutated((o) => (o.blockers[0]!.status = 'UNRESOLVED')), /\/blockers\/0\/status must be equal to one of the allowed values/],
    ['null blocks', mutated((o) => (o.blockers[0]!.blocks = null)), /\/blockers\/0\/blocks must be string/],
  ];
  for (const [name, value, expected] of cases) {
    const errors = validateAgainstSchema(CHECK_SCHEMA, value);
    assert.ok(errors.length > 0, `${name}: expected a failure`);
    assert.ok(
      errors.some((e) => expected.test(e)),
      `${name}: no error matches ${String(expected)}; got ${JSON.stringify(errors)}`,
    );
  }
});

test('blockers-output schema shares the blocker entry of check-output', () => {
  const { blockers } = checkOutput();
  assert.deepEqual(validateAgainstSchema(BLOCKERS_SCHEMA, { version: 1, root: '.', blockers }), []);
  assert.deepEqual(validateAgainstSchema(BLOCKERS_SCHEMA, { version: 1, root: '.', blockers: [] }), []);
  const extraInEntry = validateAgainstSchema(BLOCKERS_SCHEMA, {
    version: 1,
    root: '.',
    blockers: [{ ...(blockers as Record<string, unknown>[])[0], item: 'x' }],
  });
  assert.ok(extraInEntry.some((e) => /\/blockers\/0 must NOT have additional properties: 'item'/.test(e)), JSON.stringify(extraInEntry));
  const missing = validateAgainstSchema(BLOCKERS_SCHEMA, { version: 1, blockers: [], files: 0 });
  assert.ok(missing.some((e) => /required property 'root'/.test(e)), JSON.stringify(missing));
  assert.ok(missing.some((e) => /additional properties: 'files'/.test(e)), JSON.stringify(missing));
});

/** A minimal SARIF 2.1.0 log that meets GitHub code scanning's ingestion rules. */
function sarifLog(): Record<string, unknown> {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govlens',
            version: '0.1.0',
            semanticVersion: '0.1.0',
            informationUri: 'https://example.invalid/governance-lens',
            rules: [
              {
                id: 'unknown-id',
                name: 'UnknownId',
                shortDescription: { text: 'Governance ID that nothing defines.' },
                fullDescription: { text: 'A governance-ID reference that no document in the workspace defines.' },
                help: {
                  text: 'Define the ID in a blocker map, or correct the reference.',
                  markdown: 'Define the ID in a blocker map, or correct the reference.',
                },
                defaultConfiguration: { level: 'error' },
                properties: { tags: ['governance'], precision: 'high', 'problem.severity': 'error' },
              },
            ],
          },
        },
        // Optional; when given, the base must be an absolute URI ending in "/".
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///home/runner/work/repo/repo/' } },
        columnKind: 'utf16CodeUnits',
        results: [
          {
            ruleId: 'unknown-id',
            ruleIndex: 0,
            level: 'error',
            message: { text: "Unknown blocker ID 'FIX7-P0-NOPE-1': define it in a blocker map or fix the reference." },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'packets/fix7-p0/production-readiness-blocker-map.json', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 13, startColumn: 15, endLine: 13, endColumn: 41 },
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

type SarifShape = {
  version: string;
  runs: {
    tool: { driver: { rules: Record<string, unknown>[] } };
    results: (Record<string, unknown> & { locations: { physicalLocation: Record<string, unknown> }[] })[];
  }[];
};

function brokenSarif(change: (log: SarifShape) => void): string {
  const log = structuredClone(sarifLog()) as unknown as SarifShape;
  change(log);
  return JSON.stringify(log, null, 2);
}

test('validateSarif: a minimal GitHub-ready SARIF log passes, warnings included', async () => {
  const started = Date.now();
  const result = await validateSarif(JSON.stringify(sarifLog(), null, 2));
  const ms = Date.now() - started;
  assert.deepEqual(result.errors, [], result.raw);
  assert.equal(result.ok, true);
  assert.deepEqual(result.warnings, []);
  assert.match(result.raw, /Analysis completed successfully/);
  // One multitool run is ~0.9 s on the 2-core machine; fail if it gets pathologically slow.
  assert.ok(ms < 30_000, `validateSarif took ${ms} ms`);
});

test('validateSarif: broken logs fail', { concurrency: true }, async (t) => {
  const cases: [string, string, RegExp][] = [
    ['result without message', brokenSarif((l) => delete l.runs[0]!.results[0]!.message), /JSON1002|GH1015/],
    ['version 2.0.0', brokenSarif((l) => (l.version = '2.0.0')), /JSON1019/],
    ['not JSON at all', '{"version": "2.1.0", "runs": [', /JSON0001/],
    ['level the multitool lets through', brokenSarif((l) => (l.runs[0]!.results[0]!.level = 'fatal')), /SCHEMA error: \/runs\/0\/results\/0\/level/],
    [
      'GitHub: rule without help/fullDescription',
      brokenSarif((l) => {
        const rule = l.runs[0]!.tool.driver.rules[0]!;
        delete rule.help;
        delete rule.fullDescription;
      }),
      /GH2012/,
    ],
    ['GitHub: location without region', brokenSarif((l) => delete l.runs[0]!.results[0]!.locations[0]!.physicalLocation.region), /GH1003/],
    [
      'GitHub: absolute file URI',
      brokenSarif((l) => (l.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation = { uri: 'file:///work/kb/a.json' })),
      /GH1006/,
    ],
  ];
  await Promise.all(
    cases.map(([name, text, expected]) =>
      t.test(name, async () => {
        const result = await validateSarif(text);
        assert.equal(result.ok, false, `${name}: expected a failure\n${result.raw}`);
        assert.ok(
          result.errors.some((e) => expected.test(e)),
          `${name}: no error matches ${String(expected)}; got ${JSON.stringify(result.errors, null, 1)}`,
        );
      }),
    ),
  );
});

test('validateSarif: warning-level advice counts unless allowed', async () => {
  // No tool version or informationUri: SARIF2005 warnings, not ingestion errors.
  const text = brokenSarif((l) => {
    const driver = l.runs[0]!.tool.driver as Record<string, unknown>;
    delete driver.version;
    delete driver.semanticVersion;
    delete driver.informationUri;
  });
  const [strict, lenient] = await Promise.all([validateSarif(text), validateSarif(text, { allowWarnings: true })]);
  assert.equal(strict.ok, false);
  assert.ok(strict.errors.some((e) => /^SARIF2005 warning/.test(e)), JSON.stringify(strict.errors));
  assert.equal(lenient.ok, true, JSON.stringify(lenient.errors));
  assert.ok(lenient.warnings.some((e) => /^SARIF2005 warning/.test(e)), JSON.stringify(lenient.warnings));
});

test('validateSarif throws when the multitool cannot be started', async () => {
  await assert.rejects(
    validateSarif(JSON.stringify(sarifLog()), { multitool: join(schemas, 'no-such-multitool') }),
    /SARIF Multitool could not be started .*ENOENT/,
  );
});
