import type { Diagnostic as LspDiagnostic, Location as LspLocation, WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageserver';
import type { Location, WorkspaceEdit } from '../core/service';
import type { Diagnostic } from '../core/types';
import type { KbFolder } from './kbFolder';

export function toLspDiagnostic(folder: KbFolder, d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = { range: d.range, severity: d.severity, code: d.code, source: d.source, message: d.message };
  if (d.relatedInformation) {
    out.relatedInformation = d.relatedInformation.map((r) => ({ location: { uri: folder.uriOf(r.path), range: r.range }, message: r.message }));
  }
  if (d.data) out.data = d.data;
  return out;
}

/** Back from what the client echoes in code-action requests to the core's shape. */
export function fromLspDiagnostic(d: LspDiagnostic): Diagnostic | undefined {
  if (d.source !== 'govlens' || typeof d.code !== 'string') return undefined;
  const out: Diagnostic = { range: d.range, severity: d.severity ?? 1, code: d.code as Diagnostic['code'], source: 'govlens', message: typeof d.message === 'string' ? d.message : d.message.value };
  if (d.data && typeof d.data === 'object') out.data = d.data as Record<string, unknown>;
  return out;
}

export function toLspLocation(folder: KbFolder, location: Location): LspLocation {
  return { uri: folder.uriOf(location.path), range: location.range };
}

/**
 * A core edit in LSP terms. With `snippets` (the client said `snippetEditSupport`), an edit
 * that has a snippet form is sent as a 3.18 SnippetTextEdit inside `documentChanges`;
 * otherwise every edit is plain text.
 */
export function toLspEdit(folder: KbFolder, edit: WorkspaceEdit, snippets = false): LspWorkspaceEdit {
  const entries = Object.entries(edit);
  if (snippets && entries.some(([, edits]) => edits.some((e) => e.snippet !== undefined))) {
    return {
      documentChanges: entries.map(([path, edits]) => ({
        textDocument: { uri: folder.uriOf(path), version: null },
        edits: edits.map((e) => (e.snippet === undefined ? { range: e.range, newText: e.newText } : { range: e.range, snippet: { kind: 'snippet' as const, value: e.snippet } })),
      })),
    };
  }
  const changes: NonNullable<LspWorkspaceEdit['changes']> = {};
  for (const [path, edits] of entries) changes[folder.uriOf(path)] = edits.map((e) => ({ range: e.range, newText: e.newText }));
  return { changes };
}
