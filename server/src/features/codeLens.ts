/** Code lenses at the top of an article: the meetings it mentions, each opening its references. */
import type { CodeLens } from 'vscode-languageserver/node';
import { COMPARE_COVERAGE_COMMAND, SHOW_REFERENCES_COMMAND } from '../shared/protocol';
import type { Feature } from './feature';

export const codeLens: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register({ connection, lens, settings, articleUri }) {
    connection.onCodeLens(({ textDocument }): CodeLens[] => {
      const uri = articleUri(textDocument.uri);
      if (!settings().codeLens || uri === undefined) return [];
      const answers = lens.codeLenses(uri);
      const lenses: CodeLens[] = answers.map((answer) => ({
        range: answer.range,
        command: { title: answer.title, command: SHOW_REFERENCES_COMMAND, arguments: [textDocument.uri, answer.position, answer.locations] },
      }));
      // The article's main meeting (the most mentioned) also opens the comparison of its coverage.
      if (answers[0]?.meetingId) lenses.push({ range: answers[0].range, command: { title: 'Compare coverage', command: COMPARE_COVERAGE_COMMAND, arguments: [answers[0].meetingId] } });
      return lenses;
    });
  },
};
