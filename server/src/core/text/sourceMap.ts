/**
 * Maps offsets in an article's visible text back to offsets in its source file.
 * Text is built from pieces of the source; a decoded entity is one piece whose
 * single text character stands for several source characters, so ranges can be
 * mapped back exactly even inside HTML with entities.
 */
import { lastAtOrBefore } from './sortedSearch';
export class SourceMap {
  private readonly textStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly sourceLengths: number[] = [];
  private readonly textLengths: number[] = [];
  private textLength = 0;

  /** Records that the next `textLength` text characters come from `sourceLength` source characters at `sourceStart`. */
  append(sourceStart: number, sourceLength: number, textLength: number): void {
    if (textLength <= 0) return;
    const last = this.textStarts.length - 1;
    // Contiguous one-to-one pieces are merged, which keeps the map small for plain prose.
    if (
      last >= 0 &&
      sourceLength === textLength &&
      this.sourceLengths[last] === this.textLengths[last] &&
      this.sourceStarts[last] + this.sourceLengths[last] === sourceStart
    ) {
      this.sourceLengths[last] += sourceLength;
      this.textLengths[last] += textLength;
    } else {
      this.textStarts.push(this.textLength);
      this.sourceStarts.push(sourceStart);
      this.sourceLengths.push(sourceLength);
      this.textLengths.push(textLength);
    }
    this.textLength += textLength;
  }

  get length(): number {
    return this.textLength;
  }

  private pieceAt(textOffset: number): number {
    return lastAtOrBefore(this.textStarts, textOffset);
  }

  /** The source offset where the text character at `textOffset` begins. */
  toSourceStart(textOffset: number): number {
    if (this.textStarts.length === 0) return 0;
    const i = this.pieceAt(Math.max(0, Math.min(textOffset, this.textLength - 1)));
    const within = textOffset - this.textStarts[i];
    if (this.sourceLengths[i] !== this.textLengths[i]) return this.sourceStarts[i] + (within > 0 ? this.sourceLengths[i] : 0);
    return this.sourceStarts[i] + Math.min(within, this.sourceLengths[i]);
  }

  /** The source offset just after the text character at `textEnd - 1`, i.e. the exclusive end of a text range. */
  toSourceEnd(textEnd: number): number {
    if (this.textStarts.length === 0 || textEnd <= 0) return this.toSourceStart(0);
    const i = this.pieceAt(Math.min(textEnd - 1, this.textLength - 1));
    if (this.sourceLengths[i] !== this.textLengths[i]) return this.sourceStarts[i] + this.sourceLengths[i];
    return this.sourceStarts[i] + Math.min(textEnd - this.textStarts[i], this.sourceLengths[i]);
  }

  /**
   * The end of the longest prefix of [start, end) that is contiguous in the source, so a
   * match such as 拜登总统 in `拜登</a>总统` can be reported on 拜登 alone instead of spanning a tag.
   */
  contiguousEnd(start: number, end: number): number {
    if (this.textStarts.length === 0) return end;
    let i = this.pieceAt(start);
    while (i + 1 < this.textStarts.length && this.textStarts[i + 1] < end) {
      if (this.sourceStarts[i + 1] !== this.sourceStarts[i] + this.sourceLengths[i]) return this.textStarts[i + 1];
      i++;
    }
    return end;
  }

  /** Maps a text range [start, end) to the source range covering exactly those characters. */
  toSource(start: number, end: number): { start: number; end: number } {
    const sourceStart = this.toSourceStart(start);
    return { start: sourceStart, end: Math.max(sourceStart, this.toSourceEnd(end)) };
  }
}
