/** Find all references: every mention of the figure or meeting across the corpus. */
import type { ServerContext } from '../serverContext';
import { documentUri, toLspLocation } from '../lsp/convert';

export function registerReferences({ connection, service }: ServerContext): void {
  connection.onReferences(({ textDocument, position }, token) => {
    if (token.isCancellationRequested) return null;
    return service.references(documentUri(textDocument.uri), position).map(toLspLocation);
  });
}
