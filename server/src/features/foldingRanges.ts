/** Folding for the front matter and each section. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { Feature } from './feature';

export const foldingRanges: Feature = {
  capabilities: { foldingRangeProvider: true },
  register({ connection, lens, articleUri }) {
    connection.onFoldingRanges(({ textDocument }): FoldingRange[] => {
      const uri = articleUri(textDocument.uri);
      const analysis = uri === undefined ? undefined : lens.analysis(uri);
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
  },
};
