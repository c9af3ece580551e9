/**
 * VS Code's own JSON support validates every open JSON document, so a syntax error there would
 * show twice: once from it (source `json`) and once from us (`govlens(json-syntax)`). In VS Code
 * ours are left out where its validation reports the same problem; the CLI and other editors keep
 * them. Pure, so the decision is tested without VS Code (test/unit/client-json-syntax.test.ts).
 */

/** The kinds of json-syntax finding (the server's `data.syntax`) that VS Code's JSON validation also reports. */
const ALSO_REPORTED_BY_VSCODE: ReadonlySet<unknown> = new Set(['syntax', 'duplicate-key']);

export interface DiagnosticLike {
  code?: string | number | { value: string | number } | undefined;
  data?: unknown;
}

export interface JsonDocumentState {
  /** The document is open in an editor: VS Code validates open documents only. */
  open: boolean;
  languageId: string | undefined;
  /** The built-in JSON extension is enabled and `json.validate.enable` is not false. */
  validatedByVSCode: boolean;
}

const codeOf = (d: DiagnosticLike) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);

function alsoReported(d: DiagnosticLike): boolean {
  if (codeOf(d) !== 'json-syntax') return false;
  const data = d.data;
  return typeof data === 'object' && data !== null && ALSO_REPORTED_BY_VSCODE.has((data as { syntax?: unknown }).syntax);
}

/**
 * The diagnostics to show for a document: all of them, except our json-syntax findings that
 * VS Code's JSON validation shows too, in an open `json` document it validates. An empty
 * document and nesting past our limit are ours alone, and stay.
 */
export function withoutDuplicateJsonSyntax<T extends DiagnosticLike>(diagnostics: readonly T[], document: JsonDocumentState): T[] {
  if (!document.open || document.languageId !== 'json' || !document.validatedByVSCode) return [...diagnostics];
  return diagnostics.filter((d) => !alsoReported(d));
}
