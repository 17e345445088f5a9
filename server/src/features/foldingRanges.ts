/** Folding for the front matter and each section. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { ServerContext } from '../serverContext';
import { documentUri } from '../lsp/convert';

export function registerFoldingRanges({ connection, service }: ServerContext): void {
  connection.onFoldingRanges(({ textDocument }): FoldingRange[] => {
    const analysis = service.index.get(documentUri(textDocument.uri));
    if (!analysis) return [];
    return analysis.folds
      .map((range, index): FoldingRange => ({
        startLine: range.start.line,
        // A section ends where the next heading starts; keep that heading visible.
        endLine: range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line,
        kind: index === 0 && analysis.format.startsWith('jekyll') ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
      }))
      .filter((fold) => fold.endLine > fold.startLine);
  });
}
