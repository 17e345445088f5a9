/** Find all references: every mention of the figure or meeting across the corpus. */
import { toLspLocation } from '../lsp/convert';
import type { Feature } from './feature';

export const references: Feature = {
  capabilities: { referencesProvider: true },
  register({ connection, lens, articleUri }) {
    connection.onReferences(({ textDocument, position }, token) => {
      const uri = articleUri(textDocument.uri);
      if (token.isCancellationRequested || uri === undefined) return null;
      return lens.references(uri, position).map(toLspLocation);
    });
  },
};
