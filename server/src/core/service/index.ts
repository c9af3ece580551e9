import type { Analysis } from '../analysis';
import { notCancellable, type Cancellation } from '../cancellation';
import type { Diagnostic, Position, Range } from '../types';
import { evidenceLenses, implementation, type EvidenceCodeLens } from './citedEvidence';
import { codeActions, type CodeAction } from './codeActions';
import { codeLenses, type BlockerCodeLens } from './codeLens';
import { completions, type CompletionItem } from './completion';
import { definition } from './definition';
import { hover, type Hover, type LinkTo } from './hover';
import { documentLinks, type DocumentLink } from './links';
import { references } from './references';
import { prepareRename, rename } from './rename';
import { documentSymbols, workspaceSymbols, type DocumentSymbol, type SymbolInformation } from './symbols';
import type { Location, WorkspaceEdit } from './types';

export type { CodeAction } from './codeActions';
export type { BlockerCodeLens } from './codeLens';
export type { EvidenceCodeLens } from './citedEvidence';
export type { CompletionItem } from './completion';
export type { Hover, LinkTo } from './hover';
export type { DocumentSymbol, SymbolInformation } from './symbols';
export type { DocumentLink } from './links';
export { RenameError } from './rename';
export { CancelledError, type Cancellation } from '../cancellation';
export type { Location, TextEdit, WorkspaceEdit } from './types';

/**
 * The editor features over one workspace's analysis, as plain functions of (path, position).
 * Paths are workspace-relative and results name paths: hosts (the language server, tests)
 * translate them to URIs, and nothing here knows about a transport. Positions are LSP's
 * (0-based line, UTF-16 character). A document that cannot be read, or is over the size
 * limit, answers every feature empty.
 *
 * The features that visit many documents (references, rename, workspace symbols) take a
 * Cancellation and throw CancelledError between documents once it is set.
 */
export interface LanguageService {
  /** The card for the ID, ticket, evidence reference, link or grant claim under the cursor. */
  hover(path: string, position: Position): Hover | undefined;
  /** Where what is under the cursor is defined; for a blocker (check, plan), the entries it cites after it. */
  definition(path: string, position: Position): Location[];
  /** The entries the blocker (check, plan) under the cursor cites as evidence, alone. */
  implementation(path: string, position: Position): Location[];
  /** Every place the ID under the cursor is written. */
  references(path: string, position: Position, includeDeclaration: boolean, cancellation?: Cancellation): Location[];
  /** The ID under the cursor and its range; throws RenameError where nothing can be renamed. */
  prepareRename(path: string, position: Position): { range: Range; placeholder: string } | undefined;
  /** The edits renaming the ID under the cursor everywhere it is written; throws RenameError when refused. */
  rename(path: string, position: Position, newName: string, cancellation?: Cancellation): WorkspaceEdit;
  /** Links to the files and entries a document cites. */
  documentLinks(path: string): DocumentLink[];
  completions(path: string, position: Position): CompletionItem[];
  /** The outline: a packet document's arrays and entries, a note's headings. */
  documentSymbols(path: string): DocumentSymbol[];
  /** Defined IDs and reserved ticket ranges that match the query, best first. */
  workspaceSymbols(query: string, cancellation?: Cancellation): SymbolInformation[];
  /** "N references" on each definition. */
  codeLenses(path: string): BlockerCodeLens[];
  /** "evidence: …" on each entry that cites evidence. */
  evidenceLenses(path: string): EvidenceCodeLens[];
  /** Quick fixes for the diagnostics given that touch the range. */
  codeActions(path: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
}

export function createLanguageService(analysis: Analysis, options: { linkTo: LinkTo }): LanguageService {
  // A document over the size limit is not analysed, and no feature may parse it behind the
  // analysis's back (an outline of a 50 MB buffer took 12 s and 1.6 GB): each answers empty.
  const analysed = (path: string): boolean => {
    const facts = analysis.factsOf(path);
    return facts !== undefined && facts.tooLarge !== true;
  };
  const inDocument = <T>(path: string, fallback: T, run: () => T): T => (analysed(path) ? run() : fallback);
  const withOffset = <T>(path: string, position: Position, fallback: T, run: (offset: number) => T): T => {
    const facts = analysis.factsOf(path);
    return facts === undefined || facts.tooLarge ? fallback : run(facts.lines.offsetAt(position));
  };
  return Object.freeze({
    hover: (path: string, position: Position) => withOffset(path, position, undefined, (o) => hover(analysis, path, o, options.linkTo)),
    definition: (path: string, position: Position) => withOffset(path, position, [], (o) => definition(analysis, path, o)),
    implementation: (path: string, position: Position) => withOffset(path, position, [], (o) => implementation(analysis, path, o)),
    references: (path: string, position: Position, includeDeclaration: boolean, cancellation: Cancellation = notCancellable) =>
      withOffset(path, position, [], (o) => references(analysis, path, o, includeDeclaration, cancellation)),
    prepareRename: (path: string, position: Position) => withOffset(path, position, undefined, (o) => prepareRename(analysis, path, o)),
    rename: (path: string, position: Position, newName: string, cancellation: Cancellation = notCancellable) =>
      withOffset(path, position, {}, (o) => rename(analysis, path, o, newName, cancellation)),
    documentLinks: (path: string) => inDocument(path, [], () => documentLinks(analysis, path)),
    completions: (path: string, position: Position) => inDocument(path, [], () => completions(analysis, path, position)),
    documentSymbols: (path: string) => inDocument(path, [], () => documentSymbols(analysis, path)),
    workspaceSymbols: (query: string, cancellation: Cancellation = notCancellable) => workspaceSymbols(analysis, query, cancellation),
    codeLenses: (path: string) => inDocument(path, [], () => codeLenses(analysis, path)),
    evidenceLenses: (path: string) => inDocument(path, [], () => evidenceLenses(analysis, path)),
    codeActions: (path: string, range: Range, diagnostics: readonly Diagnostic[]) => inDocument(path, [], () => codeActions(analysis, path, range, diagnostics)),
  });
}
