/** Hover on a figure (who, role at the article's date, introduction, counts) or a meeting mention. */
import { MarkupKind } from 'vscode-languageserver/node';
import type { Feature } from './feature';

export const hover: Feature = {
  capabilities: { hoverProvider: true },
  register({ connection, lens, articleUri }) {
    connection.onHover(({ textDocument, position }, token) => {
      const uri = articleUri(textDocument.uri);
      if (token.isCancellationRequested || uri === undefined) return null;
      const answer = lens.hover(uri, position);
      return answer ? { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range: answer.range } : null;
    });
  },
};
