/**
 * Validates a SARIF log with the SARIF Multitool (npm `@microsoft/sarif-multitool`, a
 * self-contained .NET binary; its `validate` verb) plus the SARIF 2.1.0 JSON Schema the
 * multitool ships, checked with ajv.
 *
 * How the multitool is reached: `require('@microsoft/sarif-multitool')` returns the absolute
 * path of the platform binary (…/@microsoft/sarif-multitool-linux/Sarif.Multitool). Its bin
 * script (`npx sarif-multitool`) spawns that binary through a shell, so it is not used here:
 * the binary is started directly, without a shell.
 *
 * The command line (run in a fresh temp dir that holds log.sarif and the generated config):
 *
 *   Sarif.Multitool validate log.sarif --output findings.sarif --log ForceOverwrite \
 *     --rule-kind "Sarif;Ghas" --config ghas.config.xml
 *
 * - `--rule-kind "Sarif;Ghas"`: the SARIF spec rules (JSON10xx schema checks, SARIF1xxx
 *   errors, SARIF2xxx advice) plus the rules for GitHub code scanning ingestion (GH1xxx /
 *   GH2012). Without `Ghas` no GH rule runs; `AI`, `GHAzDO`/`ADO` kinds are not wanted.
 * - `--config`: the GH rules GH1001-GH1006 are disabled unless configured, so the config
 *   sets every GH rule to `Error` (which also raises GH1013's "no $schema" to error).
 *   It disables SARIF2006 (UrisShouldBeReachable), which otherwise resolves and GETs every
 *   http(s) URI in the log (helpUri, informationUri): with it off the run opens no network
 *   socket (checked with strace). Disabling it makes the multitool log one
 *   WRN999.RuleExplicitlyDisabled configuration notification, which is expected.
 * - The exit code is 0 whether or not the log has problems; findings are read from the
 *   `--output` log (its results carry message.id + arguments, formatted here with the
 *   rule's messageStrings). A result without `level` is a "warning" (SARIF default).
 *
 * The multitool misses some schema violations (e.g. a result `level` of "fatal"), so the log
 * is also checked against the multitool's bundled sarif-2.1.0.json with ajv (draft 2020-12,
 * formats not checked); those findings are reported as "SCHEMA …".
 *
 * Errors vs warnings: every error-level finding (all GH rules among them) makes the log
 * invalid. Warning-level findings (SARIF2xxx advice: tool version/informationUri, a region
 * with start and end line/column, rules with more than an id, …) also count as errors by
 * default, because GitHub wants the same things (its docs list region startLine, startColumn,
 * endLine and endColumn as required); pass `{ allowWarnings: true }` to report them in
 * `warnings` only. Note-level findings are not reported at all (the multitool's default).
 *
 * One validation takes about 0.9 s (the binary's start-up dominates).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { append } from '../../server/src/core/append';

export interface SarifValidation {
  /** True when `errors` is empty. */
  ok: boolean;
  /** One readable line per finding that makes the log unacceptable. */
  errors: string[];
  /** Warning-level findings not counted as errors (only with `allowWarnings`). */
  warnings: string[];
  /** The multitool's console output (stdout, then stderr). */
  raw: string;
}

export interface SarifValidationOptions {
  /** Report warning-level findings in `warnings` instead of `errors`. Default false. */
  allowWarnings?: boolean;
  /** Kill the multitool after this long. Default 60 s. */
  timeoutMs?: number;
  /** Use this binary instead of the installed one (tests of the failure path). */
  multitool?: string;
}

/** The GitHub-ingestion rules of the multitool (rule kind `Ghas`), all raised to Error. */
const GH_RULES = [
  'GH1001.ProvideRequiredLocationProperties',
  'GH1002.InlineThreadFlowLocations',
  'GH1003.ProvideRequiredRegionProperties',
  'GH1004.ReviewArraysThatExceedConfigurableDefaults',
  'GH1005.LocationsMustBeRelativeUrisOrFilePaths',
  'GH1006.ProvideCheckoutPath',
  'GH1007.ProvideFullyFormattedMessageStrings',
  'GH1011.GhasReferenceFinalSchema',
  'GH1013.GhProvideRequiredSarifLogProperties',
  'GH1014.GhasProvideRequiredRunProperties',
  'GH1015.GhasProvideRequiredResultProperties',
  'GH1016.GhasProvideRequiredLocationProperties',
  'GH1017.GhasProvideRequiredPhysicalLocationProperties',
  'GH1018.GhasProvideToolDriver',
  'GH2012.GhasProvideRequiredReportingDescriptorProperties',
];

function ruleOption(rule: string, state: 'Error' | 'Disabled'): string {
  return (
    `  <Properties Key="${rule}.Options">\n` +
    `    <Property Key="RuleEnabled" Value="${state}" Type="Driver.RuleEnabledState" />\n` +
    `  </Properties>\n`
  );
}

const CONFIG_XML =
  '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n' +
  GH_RULES.map((rule) => ruleOption(rule, 'Error')).join('') +
  ruleOption('SARIF2006.UrisShouldBeReachable', 'Disabled') +
  '</Properties>\n';

/** Absolute path of the platform's Sarif.Multitool binary; throws when not installed. */
export function multitoolPath(): string {
  const requireHere = createRequire(import.meta.url);
  let path: unknown;
  try {
    path = requireHere('@microsoft/sarif-multitool');
  } catch (err) {
    throw new Error(
      `SARIF Multitool is not installed (npm package @microsoft/sarif-multitool and its ` +
        `platform package @microsoft/sarif-multitool-${process.platform}): ${(err as Error).message}`,
    );
  }
  if (typeof path !== 'string' || !existsSync(path)) {
    throw new Error(`SARIF Multitool binary not found (package resolved to ${String(path)})`);
  }
  return path;
}

interface RunOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(binary: string, args: string[], cwd: string, timeoutMs: number): Promise<RunOutput> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      binary,
      args,
      { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: unknown; killed?: boolean }) | null;
        if (err !== null && typeof err.code === 'string') {
          // ENOENT, EACCES (the postinstall `chmod u+x` did not run), …: it never started.
          reject(new Error(`SARIF Multitool could not be started (${binary}): ${err.code} ${err.message}`));
          return;
        }
        if (err !== null && err.killed === true) {
          reject(new Error(`SARIF Multitool did not finish within ${timeoutMs} ms (${binary})`));
          return;
        }
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : null;
        resolvePromise({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Formats a multitool result: "GH1003 error (at log line 12:48): runs[0]…: The 'region' property is absent…". */
function describeResult(result: Json, rules: unknown[]): string {
  const ruleId = typeof result.ruleId === 'string' ? result.ruleId : '?';
  const level = typeof result.level === 'string' ? result.level : 'warning';
  const message = isObject(result.message) ? result.message : {};
  const args = asArray(message.arguments).map(String);
  let text = typeof message.text === 'string' ? message.text : undefined;
  if (text === undefined) {
    const rule = typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined;
    const strings = isObject(rule) && isObject(rule.messageStrings) ? rule.messageStrings : {};
    const template = typeof message.id === 'string' ? strings[message.id] : undefined;
    text =
      isObject(template) && typeof template.text === 'string'
        ? template.text.replace(/\{\{|\}\}|\{(\d+)\}/g, (m: string, n: string | undefined) =>
            n === undefined ? m.charAt(0) : (args[Number(n)] ?? m),
          )
        : `${String(message.id ?? '')} ${args.join(' | ')}`;
  }
  const location = asArray(result.locations)[0];
  const physical = isObject(location) && isObject(location.physicalLocation) ? location.physicalLocation : {};
  const region = isObject(physical.region) ? physical.region : {};
  const at =
    typeof region.startLine === 'number'
      ? ` (at log line ${region.startLine}${typeof region.startColumn === 'number' ? `:${region.startColumn}` : ''})`
      : '';
  return `${ruleId} ${level}${at}: ${text}`;
}

let sarifSchemaValidator: ValidateFunction | undefined;

/** The SARIF 2.1.0 schema shipped beside the multitool binary, compiled once. */
function sarifSchema(binary: string): ValidateFunction {
  if (sarifSchemaValidator === undefined) {
    const schemaPath = join(dirname(binary), 'sarif-2.1.0.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Json;
    // The OASIS schema is not written for ajv's strict mode; formats are left to the multitool.
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    sarifSchemaValidator = ajv.compile(schema);
  }
  return sarifSchemaValidator;
}

function schemaFindings(binary: string, sarifText: string): string[] {
  let log: unknown;
  try {
    log = JSON.parse(sarifText);
  } catch {
    return []; // the multitool reports unparsable JSON itself (JSON0001)
  }
  const validate = sarifSchema(binary);
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => {
    const params = e.params as Record<string, unknown>;
    const extra =
      e.keyword === 'enum' && Array.isArray(params.allowedValues)
        ? `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
        : e.keyword === 'additionalProperties'
          ? `: '${String(params.additionalProperty)}'`
          : '';
    return `SCHEMA error: ${e.instancePath === '' ? '(root)' : e.instancePath} ${e.message ?? e.keyword}${extra}`;
  });
}

/**
 * Validates `sarifText` (a SARIF log, as text) for SARIF 2.1.0 conformance and GitHub code
 * scanning ingestion. Throws when the multitool cannot be run at all.
 */
export async function validateSarif(
  sarifText: string,
  options: SarifValidationOptions = {},
): Promise<SarifValidation> {
  const binary = options.multitool ?? multitoolPath();
  const dir = await mkdtemp(join(tmpdir(), 'govlens-sarif-'));
  try {
    const input = join(dir, 'log.sarif');
    const output = join(dir, 'findings.sarif');
    const config = join(dir, 'ghas.config.xml');
    await writeFile(input, sarifText, 'utf8');
    await writeFile(config, CONFIG_XML, 'utf8');
    const args = ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Ghas', '--config', config];
    const { code, stdout, stderr } = await run(binary, args, dir, options.timeoutMs ?? 60_000);
    const raw = stderr === '' ? stdout : `${stdout}\n${stderr}`;

    let findings: Json;
    try {
      const parsed: unknown = JSON.parse(await readFile(output, 'utf8'));
      if (!isObject(parsed)) throw new Error('not a JSON object');
      findings = parsed;
    } catch (err) {
      throw new Error(
        `SARIF Multitool (exit ${String(code)}) wrote no readable findings log: ${(err as Error).message}\n` +
          `command: ${binary} ${args.join(' ')}\n${raw}`,
      );
    }

    const errors: string[] = [];
    const warnings: string[] = [];
    for (const runObj of asArray(findings.runs)) {
      if (!isObject(runObj)) continue;
      // A failed run of the tool itself (bad configuration, unreadable target) is not a verdict.
      for (const invocation of asArray(runObj.invocations)) {
        if (!isObject(invocation)) continue;
        const notifications = [
          ...asArray(invocation.toolExecutionNotifications),
          ...asArray(invocation.toolConfigurationNotifications),
        ];
        const fatal = notifications.filter((n) => isObject(n) && n.level === 'error');
        if (invocation.executionSuccessful === false || fatal.length > 0) {
          throw new Error(
            `SARIF Multitool run failed (exit ${String(code)}): ` +
              `${JSON.stringify(fatal.length > 0 ? fatal : notifications)}\n${raw}`,
          );
        }
      }
      const tool = isObject(runObj.tool) && isObject(runObj.tool.driver) ? runObj.tool.driver : {};
      const rules = asArray(tool.rules);
      for (const result of asArray(runObj.results)) {
        if (!isObject(result)) continue;
        const level = typeof result.level === 'string' ? result.level : 'warning';
        const isGitHubRule = typeof result.ruleId === 'string' && result.ruleId.startsWith('GH');
        const line = describeResult(result, rules);
        if (level === 'error' || isGitHubRule) errors.push(line);
        else if (level === 'warning') (options.allowWarnings === true ? warnings : errors).push(line);
      }
    }
    if (code !== 0) {
      throw new Error(`SARIF Multitool exited with ${String(code)}\ncommand: ${binary} ${args.join(' ')}\n${raw}`);
    }
    append(errors, schemaFindings(binary, sarifText));
    return { ok: errors.length === 0, errors, warnings, raw };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
