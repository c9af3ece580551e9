import type { Range } from '../types';

/**
 * What the language service answers with. The shapes follow LSP, but locations name
 * workspace-relative paths: the host turns them into URIs.
 */
export interface Location {
  path: string;
  range: Range;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Edits by workspace-relative path. */
export type WorkspaceEdit = Record<string, TextEdit[]>;
