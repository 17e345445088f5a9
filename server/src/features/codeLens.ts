/**
 * Code lenses of the meetings an article mentions, each opening its references. The main meeting
 * (the most mentioned) heads the article, with "Compare coverage" beside it; every other lens sits
 * above the line where the article first mentions its meetings (in a reader, above its date line),
 * so no lens line runs off the screen.
 */
import type { CodeLens, Range } from 'vscode-languageserver/node';
import { message } from '../core/language/messages';
import { articleOfReader } from '../core/language/reader';
import { COMPARE_COVERAGE_COMMAND, SHOW_REFERENCES_COMMAND } from '../shared/protocol';
import type { Feature } from './feature';

export const codeLens: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register({ connection, lens, settings, articleUri }) {
    connection.onCodeLens(({ textDocument }): CodeLens[] => {
      const uri = articleUri(textDocument.uri);
      if (!settings().codeLens || uri === undefined) return [];
      const answers = lens.codeLenses(uri);
      // A reader's lines are not the source's: there the other lenses stand on its second line (date · outlet).
      const inSource = articleOfReader(uri) === undefined;
      const lenses: CodeLens[] = answers.map((answer, i) => {
        const first = i === 0 ? undefined : inSource ? firstMentionIn(uri, answer.locations) : READER_SECOND_LINE;
        const range = first ?? answer.range;
        const position = first?.start ?? answer.position;
        return { range, command: { title: answer.title, command: SHOW_REFERENCES_COMMAND, arguments: [textDocument.uri, position, answer.locations] } };
      });
      // The article's main meeting also opens the comparison of its coverage, right after its own lens
      // (worded as the hover's link, in the editor's display language).
      if (answers[0]?.meetingId) lenses.splice(1, 0, { range: answers[0].range, command: { title: message('hover.compareCoverage'), command: COMPARE_COVERAGE_COMMAND, arguments: [answers[0].meetingId] } });
      return lenses;
    });
  },
};

const READER_SECOND_LINE: Range = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };

/** The start of the line of the first of `locations` in the article `uri`, or undefined when none is there. */
function firstMentionIn(uri: string, locations: ReadonlyArray<{ uri: string; range: Range }>): Range | undefined {
  let line: number | undefined;
  for (const location of locations) if (location.uri === uri && (line === undefined || location.range.start.line < line)) line = location.range.start.line;
  return line === undefined ? undefined : { start: { line, character: 0 }, end: { line, character: 0 } };
}
