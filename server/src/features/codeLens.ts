/** Code lenses at the top of an article: the meetings it mentions, each opening its references. */
import type { CodeLens } from 'vscode-languageserver/node';
import { SHOW_REFERENCES_COMMAND } from '../shared/protocol';
import type { Feature } from './feature';

export const codeLens: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register({ connection, lens, settings, articleUri }) {
    connection.onCodeLens(({ textDocument }): CodeLens[] => {
      const uri = articleUri(textDocument.uri);
      if (!settings().codeLens || uri === undefined) return [];
      return lens.codeLenses(uri).map((answer) => ({
        range: answer.range,
        command: { title: answer.title, command: SHOW_REFERENCES_COMMAND, arguments: [textDocument.uri, answer.position, answer.locations] },
      }));
    });
  },
};
