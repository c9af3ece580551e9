import type { Analyzer } from '../analyzer';
import type { Position } from '../types';
import { definition } from './definition';
import { hover, type LinkTo } from './hover';
import { documentLinks } from './links';
import { references } from './references';
import { prepareRename, rename } from './rename';

export type { Hover, LinkTo } from './hover';
export type { DocumentLink } from './links';
export { RenameError } from './rename';
export type { Location, TextEdit, WorkspaceEdit } from './types';

/**
 * The editor features over one analyzer, as plain functions of (path, position). Hosts (the
 * language server, tests) translate paths to URIs; nothing here knows about a transport.
 */
export function createLanguageService(analyzer: Analyzer, options: { linkTo: LinkTo }) {
  const offsetOf = (path: string, position: Position): number | undefined => analyzer.factsOf(path)?.lines.offsetAt(position);
  const withOffset = <T>(path: string, position: Position, fallback: T, run: (offset: number) => T): T => {
    const offset = offsetOf(path, position);
    return offset === undefined ? fallback : run(offset);
  };
  return Object.freeze({
    hover: (path: string, position: Position) => withOffset(path, position, undefined, (o) => hover(analyzer, path, o, options.linkTo)),
    definition: (path: string, position: Position) => withOffset(path, position, [], (o) => definition(analyzer, path, o)),
    references: (path: string, position: Position, includeDeclaration: boolean) => withOffset(path, position, [], (o) => references(analyzer, path, o, includeDeclaration)),
    prepareRename: (path: string, position: Position) => withOffset(path, position, undefined, (o) => prepareRename(analyzer, path, o)),
    rename: (path: string, position: Position, newName: string) => withOffset(path, position, {}, (o) => rename(analyzer, path, o, newName)),
    documentLinks: (path: string) => documentLinks(analyzer, path),
  });
}

export type LanguageService = ReturnType<typeof createLanguageService>;
