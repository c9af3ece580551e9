import type { DiagnosticCode } from './codes';
import type { Severity } from './severity';

/** LSP-shaped positions: 0-based line, UTF-16 code-unit character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

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
  code: DiagnosticCode;
  source: 'govlens';
  message: string;
  relatedInformation?: RelatedLocation[];
  /** What a quick fix needs (e.g. the closest defined ID); never shown. */
  data?: Record<string, unknown>;
}
