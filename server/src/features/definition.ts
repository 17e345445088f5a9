/** Go to definition: a figure's introduction or catalogue entry; a meeting's catalogue document. */
import { toLspLocation } from '../lsp/convert';
import type { Feature } from './feature';

export const definition: Feature = {
  capabilities: { definitionProvider: true },
  register({ connection, lens, articleUri }) {
    connection.onDefinition(({ textDocument, position }, token) => {
      const uri = articleUri(textDocument.uri);
      if (token.isCancellationRequested || uri === undefined) return null;
      return lens.definition(uri, position).map(toLspLocation);
    });
  },
};
