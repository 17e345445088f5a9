/** Code lenses at the top of an article: the meetings it mentions, each opening its references. */
import type { CodeLens } from 'vscode-languageserver/node';
import type { ServerContext } from '../serverContext';
import { documentUri } from '../lsp/convert';

export const SHOW_REFERENCES_COMMAND = 'summitLens.showReferences';

export function registerCodeLens({ connection, service, settings }: ServerContext): void {
  connection.onCodeLens(({ textDocument }): CodeLens[] => {
    if (!settings().codeLens) return [];
    return service.codeLenses(documentUri(textDocument.uri)).map((lens) => ({
      range: lens.range,
      command: { title: lens.title, command: SHOW_REFERENCES_COMMAND, arguments: [textDocument.uri, lens.position, lens.locations] },
    }));
  });
}
