/** Inlay hints after relative dates and bare days: 周三 → 2023-11-15. */
import { InlayHintKind, type InlayHint } from 'vscode-languageserver/node';
import type { Feature } from './feature';

export const inlayHints: Feature = {
  capabilities: { inlayHintProvider: true },
  register({ connection, lens, settings, articleUri }) {
    connection.languages.inlayHint.on(({ textDocument, range }): InlayHint[] => {
      const uri = articleUri(textDocument.uri);
      if (!settings().inlayHints || uri === undefined) return [];
      return lens.inlayHints(uri, range).map((hint) => ({
        position: hint.position,
        label: hint.label,
        tooltip: hint.tooltip,
        kind: InlayHintKind.Type,
        paddingLeft: true,
      }));
    });
  },
};
