/** Go to definition: a figure's introduction or catalogue entry; a meeting's catalogue document. */
import type { ServerContext } from '../serverContext';
import { documentUri, toLspLocation } from '../lsp/convert';

export function registerDefinition({ connection, service }: ServerContext): void {
  connection.onDefinition(({ textDocument, position }, token) => {
    if (token.isCancellationRequested) return null;
    return service.definition(documentUri(textDocument.uri), position).map(toLspLocation);
  });
}
