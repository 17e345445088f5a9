/** Inlay hints after relative dates and bare days: 周三 → 2023-11-15. */
import { InlayHintKind, type InlayHint } from 'vscode-languageserver/node';
import type { ServerContext } from '../serverContext';
import { documentUri } from '../lsp/convert';

export function registerInlayHints({ connection, service, settings }: ServerContext): void {
  connection.languages.inlayHint.on(({ textDocument, range }): InlayHint[] => {
    if (!settings().inlayHints) return [];
    return service.inlayHints(documentUri(textDocument.uri), range).map((hint) => ({
      position: hint.position,
      label: hint.label,
      tooltip: hint.tooltip,
      kind: InlayHintKind.Type,
      paddingLeft: true,
    }));
  });
}
