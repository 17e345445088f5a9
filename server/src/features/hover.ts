/** Hover on a figure (who, role at the article's date, introduction, counts) or a meeting mention. */
import { MarkupKind } from 'vscode-languageserver/node';
import type { ServerContext } from '../serverContext';
import { documentUri } from '../lsp/convert';

export function registerHover({ connection, service }: ServerContext): void {
  connection.onHover(({ textDocument, position }, token) => {
    if (token.isCancellationRequested) return null;
    const answer = service.hover(documentUri(textDocument.uri), position);
    return answer ? { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range: answer.range } : null;
  });
}
