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
  /** The text inserted by a client that takes no snippets. */
  newText: string;
  /** The same text as an LSP snippet (`${1:placeholder}`), for a client that takes snippet edits. */
  snippet?: string;
}

/** Edits by workspace-relative path. */
export type WorkspaceEdit = Record<string, TextEdit[]>;
