/** Hover on a figure (who, role at the article's date, introduction, counts) or a meeting mention. */
import { MarkupKind } from 'vscode-languageserver/node';
import { message } from '../core/language/messages';
import { COMPARE_COVERAGE_COMMAND } from '../shared/protocol';
import type { Feature } from './feature';

/**
 * A `command:` link that runs a client command with JSON arguments, as VS Code reads them. Only
 * clients that declared the command at start get it: elsewhere it would be a link that goes nowhere.
 */
function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

export const hover: Feature = {
  capabilities: { hoverProvider: true },
  register({ connection, lens, articleUri, settings }) {
    connection.onHover(({ textDocument, position }, token) => {
      const uri = articleUri(textDocument.uri);
      if (token.isCancellationRequested || uri === undefined) return null;
      const answer = lens.hover(uri, position);
      if (!answer) return null;
      let value = answer.markdown;
      if (answer.meetingId !== undefined && settings().commandLinks.includes(COMPARE_COVERAGE_COMMAND)) {
        value += ` · ${commandLink(message('hover.compareCoverage'), COMPARE_COVERAGE_COMMAND, [answer.meetingId])}`;
      }
      return { contents: { kind: MarkupKind.Markdown, value }, range: answer.range };
    });
  },
};
