import {
  MarkupKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type DocumentLink,
  type DocumentSymbol,
  type Hover,
  type CancellationToken,
  type Location,
  type SymbolInformation,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import type { Cancellation } from '../core/service';
import type { Diagnostic } from '../core/types';
import { fromLspDiagnostic, toLspEdit, toLspLocation } from './convert';
import type { Folders, Located } from './folders';
import type { ParamsShape } from './paramsShape';
import type { makeSafe } from './safe';

type Safe = ReturnType<typeof makeSafe>;

/** The editor features: each handler finds the document's folder, asks its service, converts paths to URIs. */
export function registerFeatures(connection: Connection, folders: Folders, safe: Safe, whenIndexed: () => Promise<void>, snippetEdits: () => boolean = () => false): void {
  // While the workspace is still being indexed, answers wait for it (the event loop stays free)
  // rather than answer from half an index: a definition must not come back empty.
  const at = async <R>(params: TextDocumentPositionParams, empty: R, run: (located: Located) => R): Promise<R> => {
    await whenIndexed();
    const located = folders.locateDocument(params.textDocument.uri);
    return located ? run(located) : empty;
  };
  const inDocument = async <R>(uri: string, empty: R, run: (located: Located) => R): Promise<R> => {
    await whenIndexed();
    const located = folders.locateDocument(uri);
    return located ? run(located) : empty;
  };

  connection.onHover(
    safe('hover', null, (params: TextDocumentPositionParams): Promise<Hover | null> =>
      at(params, null, ({ folder, path }) => {
        const hover = folder.service.hover(path, params.position);
        return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
      }),
    AT_POSITION),
  );

  connection.onDefinition(
    safe('definition', [], (params: TextDocumentPositionParams): Promise<Location[]> =>
      at(params, [], ({ folder, path }) => folder.service.definition(path, params.position).map((l) => toLspLocation(folder, l))),
    AT_POSITION),
  );

  // Ctrl+F12: a blocker's (check's, plan's) evidence alone, for editors where a peek mixing it with the definition is unwelcome.
  connection.onImplementation(
    safe('implementation', [], (params: TextDocumentPositionParams): Promise<Location[]> =>
      at(params, [], ({ folder, path }) => folder.service.implementation(path, params.position).map((l) => toLspLocation(folder, l))),
    AT_POSITION),
  );

  connection.onReferences(
    safe('references', [], (params, token): Promise<Location[]> =>
      at(params, [], ({ folder, path }) => folder.service.references(path, params.position, params.context.includeDeclaration, cancellationOf(token)).map((l) => toLspLocation(folder, l))),
    { document: true, position: true, context: 'object' }),
  );

  connection.onPrepareRename(
    safe('prepareRename', null, (params) => at(params, null, ({ folder, path }) => folder.service.prepareRename(path, params.position) ?? null), AT_POSITION),
  );

  connection.onRenameRequest(
    safe('rename', null, (params, token) => at(params, null, ({ folder, path }) => toLspEdit(folder, folder.service.rename(path, params.position, params.newName, cancellationOf(token)))), AT_POSITION),
  );

  connection.onDocumentLinks(
    safe('documentLinks', [], ({ textDocument }): Promise<DocumentLink[]> =>
      inDocument(textDocument.uri, [], ({ folder, path }) =>
        folder.service.documentLinks(path).map((link) => ({
          range: link.range,
          target: link.at ? folder.linkTo(link.path, link.at.start) : folder.uriOf(link.path),
          tooltip: link.tooltip,
        })),
      ),
    IN_DOCUMENT),
  );

  connection.onCompletion(
    safe('completion', [], (params): Promise<CompletionItem[]> => at(params, [], ({ folder, path }) =>
        // The core numbers its kinds as LSP does; only the literal types differ.
        folder.service.completions(path, params.position).map((item) => ({ ...item, kind: item.kind as CompletionItem['kind'] })),
      ),
    AT_POSITION),
  );

  connection.onDocumentSymbol(
    safe('documentSymbol', [], ({ textDocument }): Promise<DocumentSymbol[]> =>
      inDocument(textDocument.uri, [], ({ folder, path }) => folder.service.documentSymbols(path).map(toLspSymbol)),
    IN_DOCUMENT),
  );

  connection.onWorkspaceSymbol(
    safe('workspaceSymbol', [], async ({ query }, token): Promise<SymbolInformation[]> =>
      (await whenIndexed(), folders.all).flatMap((folder) =>
        folder.service.workspaceSymbols(query, cancellationOf(token)).map((s) => ({ name: s.name, kind: s.kind as SymbolInformation['kind'], location: toLspLocation(folder, s.location), containerName: s.containerName })),
      ),
    {}),
  );

  // "N references" opens VS Code's references peek through the client's showReferences command;
  // each "evidence: …" part opens its entry through openLocation (arguments arrive as JSON, so
  // VS Code's own commands, which want a Uri, cannot be named here).
  connection.onCodeLens(
    safe('codeLens', [], ({ textDocument }): Promise<CodeLens[]> =>
      inDocument(textDocument.uri, [], ({ folder, path }) => [
        ...folder.service.codeLenses(path).map((lens) => ({
          range: lens.range,
          command: {
            title: lens.title,
            command: 'governanceLens.showReferences',
            arguments: [folder.uriOf(path), lens.range.start, lens.references.map((l) => toLspLocation(folder, l))],
          },
        })),
        ...folder.service.evidenceLenses(path).map((lens) => ({
          range: lens.range,
          command: { title: lens.title, command: 'governanceLens.openLocation', arguments: [toLspLocation(folder, lens.target)] },
        })),
      ]),
    IN_DOCUMENT),
  );

  connection.onCodeAction(
    safe('codeAction', [], ({ textDocument, range, context }): Promise<CodeAction[]> =>
      inDocument(textDocument.uri, [], ({ folder, path }) => {
        const ours = context.diagnostics
          .map((d) => ({ lsp: d, core: fromLspDiagnostic(d) }))
          .filter((d): d is { lsp: typeof d.lsp; core: Diagnostic } => d.core !== undefined);
        return folder.service.codeActions(path, range, ours.map((d) => d.core)).map((action) => ({
          title: action.title,
          kind: action.kind,
          // The client's own diagnostic objects, so the editor links the fix to the squiggle.
          diagnostics: action.diagnostics.map((d) => ours.find((o) => o.core === d)?.lsp).filter((d) => d !== undefined),
          edit: toLspEdit(folder, action.edit, snippetEdits()),
          ...(action.isPreferred ? { isPreferred: true } : {}),
        }));
      }),
    { document: true, range: true, context: 'diagnostics' }),
  );
}

const IN_DOCUMENT: ParamsShape = { document: true };
const AT_POSITION: ParamsShape = { document: true, position: true };

/**
 * The core's view of a request's token. The work runs after `whenIndexed()`, so a request
 * cancelled while it waited stops at the first check instead of running to the end unsent.
 */
function cancellationOf(token: CancellationToken): Cancellation {
  return { isCancelled: () => token.isCancellationRequested };
}

type CoreSymbol = ReturnType<Located['folder']['service']['documentSymbols']>[number];

function toLspSymbol(symbol: CoreSymbol): DocumentSymbol {
  const out: DocumentSymbol = { ...symbol, kind: symbol.kind as DocumentSymbol['kind'], children: symbol.children?.map(toLspSymbol) };
  if (!symbol.children) delete out.children;
  return out;
}
