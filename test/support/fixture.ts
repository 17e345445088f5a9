/**
 * Inline fixtures that read as the user's view (rust-analyzer style): `$0` marks the cursor, and
 * a line of `^` under a line marks an expected range there. A marker line counts one column per
 * UTF-16 unit of the line above: a half-width space under an ASCII character, a full-width space
 * (U+3000) under a Chinese one, so the carets sit visually under what they mark. Marker lines and
 * `$0` are removed from the document text.
 */
import type { Position, Range } from '../../server/src/testing';

export interface Fixture {
  /** The document text, markers removed. */
  text: string;
  /** Where `$0` was, if anywhere. */
  cursor: Position;
  /** Every `^^^` run, in document order. */
  ranges: Range[];
}

const MARKER_LINE = /^[ \u3000]*\^[ \u3000^]*$/;

export function fixture(source: string): Fixture {
  const lines: string[] = [];
  const ranges: Range[] = [];
  let cursor: Position | undefined;
  for (const raw of source.replace(/^\n/, '').split('\n')) {
    if (MARKER_LINE.test(raw) && lines.length > 0) {
      const line = lines.length - 1;
      for (const match of raw.matchAll(/\^+/g)) ranges.push({ start: { line, character: match.index! }, end: { line, character: match.index! + match[0].length } });
      continue;
    }
    const at = raw.indexOf('$0');
    if (at >= 0) cursor = { line: lines.length, character: at };
    lines.push(raw.replace('$0', ''));
  }
  ranges.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  return { text: lines.join('\n'), cursor: cursor ?? { line: 0, character: 0 }, ranges };
}

/** The source text a range covers, for messages that say what was marked. */
export function textOf(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) return '(multi-line)';
  return lines[range.start.line].slice(range.start.character, range.end.character);
}
