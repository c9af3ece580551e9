/** LSP-shaped positions: 0-based line, UTF-16 code-unit character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Numeric values equal LSP's DiagnosticSeverity so hosts pass them through unchanged. */
export const enum Severity {
  Error = 1,
  Warning = 2,
  Information = 3,
  Hint = 4,
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export const severityNames: Record<Severity, SeverityName> = {
  [Severity.Error]: 'error',
  [Severity.Warning]: 'warning',
  [Severity.Information]: 'information',
  [Severity.Hint]: 'hint',
};

/** A half-open span of UTF-16 offsets into one document's text. */
export interface Span {
  start: number;
  end: number;
}

export interface RelatedLocation {
  /** Workspace-relative path, `/` separators. */
  path: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: import('./codes').DiagnosticCode;
  source: 'govlens';
  message: string;
  relatedInformation?: RelatedLocation[];
  /** What a quick fix needs (e.g. the closest defined ID); never shown. */
  data?: Record<string, unknown>;
}
