/**
 * Diagnostic severities and their names, in one module: the codes (codes.ts) give each code a
 * default severity and the diagnostics (types.ts) carry one, and both import it from here
 * rather than from each other.
 */

/** Numeric values equal LSP's DiagnosticSeverity so hosts pass them through unchanged. */
export const enum Severity {
  Error = 1,
  Warning = 2,
  Information = 3,
  Hint = 4,
}

/** How settings (`severity`, `.govlens.json`) and the CLI's JSON name a severity. */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export const severityNames: Record<Severity, SeverityName> = {
  [Severity.Error]: 'error',
  [Severity.Warning]: 'warning',
  [Severity.Information]: 'information',
  [Severity.Hint]: 'hint',
};

export const severityByName: Record<SeverityName, Severity> = {
  error: Severity.Error,
  warning: Severity.Warning,
  information: Severity.Information,
  hint: Severity.Hint,
};
