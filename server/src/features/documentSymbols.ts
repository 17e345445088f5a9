/** Outline: the article, its metadata, its sections and the meetings it mentions. */
import type { ServerContext } from '../serverContext';
import { documentUri, toDocumentSymbol } from '../lsp/convert';

export function registerDocumentSymbols({ connection, service }: ServerContext): void {
  connection.onDocumentSymbol(({ textDocument }) => service.outline(documentUri(textDocument.uri)).map(toDocumentSymbol));
}
