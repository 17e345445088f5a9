/**
 * Converts between string offsets and LSP positions (zero-based line and UTF-16 column).
 * JavaScript strings are UTF-16, so a column is simply the offset from the line start.
 */
import { lastAtOrBefore } from './sortedSearch';
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  private readonly lineStarts: number[];

  /** `lineStarts` is given only when they are known already (see `afterEdit`). */
  constructor(
    private readonly text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts ?? [0];
    if (lineStarts) return;
    // indexOf runs natively: without carriage returns (nearly every file) it finds the breaks
    // several times faster than the charCodeAt loop below, which handles \r and \r\n.
    if (!text.includes('\r')) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.lineStarts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  /**
   * The index of `text`, made from this one's text by an edit ending at `end` that added `delta`
   * characters (removed, if negative) and neither held nor touched a line break: lines after
   * the edit move, and no line starts or ends.
   */
  afterEdit(text: string, end: number, delta: number): LineIndex {
    // A copy, then the starts from the edit on moved: a long HTML source has tens of thousands of lines.
    const lineStarts = this.lineStarts.slice();
    let moved = lastAtOrBefore(lineStarts, end);
    if (lineStarts[moved] < end) moved++;
    for (let line = moved; line < lineStarts.length; line++) lineStarts[line] += delta;
    return new LineIndex(text, lineStarts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const nextLineStart = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextLineStart));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The offset where the given zero-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
}
