/** Highlights the other mentions of the same figure or meeting in the current article. */
import { DocumentHighlightKind } from 'vscode-languageserver/node';
import type { Feature } from './feature';

export const documentHighlights: Feature = {
  capabilities: { documentHighlightProvider: true },
  register({ connection, lens, articleUri }) {
    connection.onDocumentHighlight(({ textDocument, position }) => {
      const uri = articleUri(textDocument.uri);
      return uri === undefined ? [] : lens.highlights(uri, position).map((range) => ({ range, kind: DocumentHighlightKind.Text }));
    });
  },
};
