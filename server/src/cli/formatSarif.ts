import { codeInfo, DiagnosticCodes, type DiagnosticCode } from '../core/codes';
import type { PrintableReport } from './printableReport';
import { Severity } from '../core/severity';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {
  [Severity.Error]: 'error',
  [Severity.Warning]: 'warning',
  [Severity.Information]: 'note',
  [Severity.Hint]: 'note',
};

export interface SarifOptions {
  version: string;
  /** Maps a workspace path to the URI GitHub expects: relative to the repository (the current folder). */
  uriOf(path: string): string;
  /** file:// URI of the folder the relative URIs start from, ending with "/". */
  srcRoot: string;
}

/** SARIF 2.1.0 with one rule per diagnostic code, in the shape GitHub code scanning ingests. */
export function formatSarif(report: PrintableReport, options: SarifOptions): string {
  const ruleIndex = new Map<DiagnosticCode, number>(DiagnosticCodes.map((c, i) => [c, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govlens',
            fullName: 'Governance Lens',
            version: options.version,
            semanticVersion: options.version,
            informationUri: 'https://github.com/governance-lens/governance-lens',
            rules: DiagnosticCodes.map((code) => ({
              id: code,
              name: ruleName(code),
              shortDescription: { text: codeInfo[code].summary },
              fullDescription: { text: codeInfo[code].summary },
              help: { text: `${codeInfo[code].summary} See the diagnostic-code table in the Governance Lens README.` },
              defaultConfiguration: { level: levels[codeInfo[code].severity] },
              properties: { tags: ['governance'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: options.srcRoot } },
        results: report.results.flatMap(({ path, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code) ?? 0,
            level: levels[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: options.uriOf(path), uriBaseId: '%SRCROOT%' },
                  // SARIF is 1-based; columns count UTF-16 code units, as LSP's characters do.
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * A relative path as the URI reference SARIF's `artifactLocation.uri` is (RFC 3986): each
 * segment percent-encoded, so a space, `#`, `?`, `%` or a colon in a file name is part of the
 * name, not a fragment, a query or a scheme.
 */
export function relativeUri(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/**
 * "evidence-missing-file" → "EvidenceMissingFile": SARIF rule names are identifiers, and
 * must differ from the id (SARIF1001), which a one-word code like "schema" would not.
 */
function ruleName(code: string): string {
  const name = code.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());
  return name.toLowerCase() === code ? `${name}Violation` : name;
}
