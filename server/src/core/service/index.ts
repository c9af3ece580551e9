import type { Analyzer } from '../analyzer';
import type { Position } from '../types';
import type { Diagnostic, Range } from '../types';
import { evidenceLenses, implementation } from './citedEvidence';
import { codeActions } from './codeActions';
import { codeLenses } from './codeLens';
import { completions } from './completion';
import { definition } from './definition';
import { hover, type LinkTo } from './hover';
import { documentLinks } from './links';
import { references } from './references';
import { prepareRename, rename } from './rename';
import { documentSymbols, workspaceSymbols } from './symbols';

export type { CodeAction } from './codeActions';
export type { BlockerCodeLens } from './codeLens';
export type { EvidenceCodeLens } from './citedEvidence';
export type { CompletionItem } from './completion';
export type { Hover, LinkTo } from './hover';
export type { DocumentSymbol, SymbolInformation } from './symbols';
export type { DocumentLink } from './links';
export { RenameError } from './rename';
export type { Location, TextEdit, WorkspaceEdit } from './types';

/**
 * The editor features over one analyzer, as plain functions of (path, position). Hosts (the
 * language server, tests) translate paths to URIs; nothing here knows about a transport.
 */
export function createLanguageService(analyzer: Analyzer, options: { linkTo: LinkTo }) {
  // A document over the size limit is not analysed, and no feature may parse it behind the
  // analyzer's back (an outline of a 50 MB buffer took 12 s and 1.6 GB): each answers empty.
  const analysed = (path: string): boolean => {
    const facts = analyzer.factsOf(path);
    return facts !== undefined && facts.tooLarge !== true;
  };
  const inDocument = <T>(path: string, fallback: T, run: () => T): T => (analysed(path) ? run() : fallback);
  const withOffset = <T>(path: string, position: Position, fallback: T, run: (offset: number) => T): T => {
    const facts = analyzer.factsOf(path);
    return facts === undefined || facts.tooLarge ? fallback : run(facts.lines.offsetAt(position));
  };
  return Object.freeze({
    hover: (path: string, position: Position) => withOffset(path, position, undefined, (o) => hover(analyzer, path, o, options.linkTo)),
    definition: (path: string, position: Position) => withOffset(path, position, [], (o) => definition(analyzer, path, o)),
    implementation: (path: string, position: Position) => withOffset(path, position, [], (o) => implementation(analyzer, path, o)),
    references: (path: string, position: Position, includeDeclaration: boolean) => withOffset(path, position, [], (o) => references(analyzer, path, o, includeDeclaration)),
    prepareRename: (path: string, position: Position) => withOffset(path, position, undefined, (o) => prepareRename(analyzer, path, o)),
    rename: (path: string, position: Position, newName: string) => withOffset(path, position, {}, (o) => rename(analyzer, path, o, newName)),
    documentLinks: (path: string) => inDocument(path, [], () => documentLinks(analyzer, path)),
    completions: (path: string, position: Position) => inDocument(path, [], () => completions(analyzer, path, position)),
    documentSymbols: (path: string) => inDocument(path, [], () => documentSymbols(analyzer, path)),
    workspaceSymbols: (query: string) => workspaceSymbols(analyzer, query),
    codeLenses: (path: string) => inDocument(path, [], () => codeLenses(analyzer, path)),
    evidenceLenses: (path: string) => inDocument(path, [], () => evidenceLenses(analyzer, path)),
    codeActions: (path: string, range: Range, diagnostics: readonly Diagnostic[]) => inDocument(path, [], () => codeActions(analyzer, path, range, diagnostics)),
  });
}

export type LanguageService = ReturnType<typeof createLanguageService>;
