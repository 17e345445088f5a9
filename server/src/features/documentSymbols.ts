/** Outline: the article, its metadata, its sections and the meetings it mentions. */
import { toDocumentSymbol } from '../lsp/convert';
import type { Feature } from './feature';

export const documentSymbols: Feature = {
  capabilities: { documentSymbolProvider: { label: 'Summit Lens' } },
  register({ connection, lens, articleUri }) {
    connection.onDocumentSymbol(({ textDocument }) => {
      const uri = articleUri(textDocument.uri);
      return uri === undefined ? [] : lens.outline(uri).map(toDocumentSymbol);
    });
  },
};
