/** Highlights the other mentions of the same figure or meeting in the current article. */
import { DocumentHighlightKind } from 'vscode-languageserver/node';
import type { ServerContext } from '../serverContext';
import { documentUri } from '../lsp/convert';

export function registerDocumentHighlights({ connection, service }: ServerContext): void {
  connection.onDocumentHighlight(({ textDocument, position }) =>
    service.highlights(documentUri(textDocument.uri), position).map((range) => ({ range, kind: DocumentHighlightKind.Text })),
  );
}
