import { MarkupKind, type Connection, type DocumentLink, type Hover, type Location, type TextDocumentPositionParams } from 'vscode-languageserver';
import { toLspEdit, toLspLocation } from './convert';
import type { Folders, Located } from './folders';
import type { makeSafe } from './safe';

type Safe = ReturnType<typeof makeSafe>;

/** The editor features: each handler finds the document's folder, asks its service, converts paths to URIs. */
export function registerFeatures(connection: Connection, folders: Folders, safe: Safe): void {
  const at = <R>(params: TextDocumentPositionParams, empty: R, run: (located: Located) => R): R => {
    const located = folders.locate(params.textDocument.uri);
    return located ? run(located) : empty;
  };

  connection.onHover(
    safe('hover', null, (params: TextDocumentPositionParams): Hover | null =>
      at(params, null, ({ folder, path }) => {
        const hover = folder.service.hover(path, params.position);
        return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
      }),
    ),
  );

  connection.onDefinition(
    safe('definition', [], (params: TextDocumentPositionParams): Location[] =>
      at(params, [], ({ folder, path }) => folder.service.definition(path, params.position).map((l) => toLspLocation(folder, l))),
    ),
  );

  connection.onReferences(
    safe('references', [], (params): Location[] =>
      at(params, [], ({ folder, path }) => folder.service.references(path, params.position, params.context.includeDeclaration).map((l) => toLspLocation(folder, l))),
    ),
  );

  connection.onPrepareRename(
    safe('prepareRename', null, (params) => at(params, null, ({ folder, path }) => folder.service.prepareRename(path, params.position) ?? null)),
  );

  connection.onRenameRequest(
    safe('rename', null, (params) => at(params, null, ({ folder, path }) => toLspEdit(folder, folder.service.rename(path, params.position, params.newName)))),
  );

  connection.onDocumentLinks(
    safe('documentLinks', [], ({ textDocument }): DocumentLink[] => {
      const located = folders.locate(textDocument.uri);
      if (!located) return [];
      const { folder, path } = located;
      return folder.service.documentLinks(path).map((link) => ({
        range: link.range,
        target: link.at ? folder.linkTo(link.path, link.at.start) : folder.uriOf(link.path),
        tooltip: link.tooltip,
      }));
    }),
  );
}
