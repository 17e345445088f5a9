/**
 * Maps offsets in an article's visible text back to offsets in its source file.
 * Text is built from pieces of the source; a decoded entity is one piece whose
 * single text character stands for several source characters, so ranges can be
 * mapped back exactly even inside HTML with entities.
 */
import { lastAtOrBefore } from './sortedSearch';
export class SourceMap {
  private textStarts: number[] = [];
  private sourceStarts: number[] = [];
  private sourceLengths: number[] = [];
  private textLengths: number[] = [];
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

  get pieceCount(): number {
    return this.textStarts.length;
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

  /**
   * The one-to-one piece (source characters shown as they are) that holds the source range
   * [start, end), or -1. Pieces are in text order, which is source order apart from a title
   * read from the front matter or a page's head, so the pieces are searched one by one.
   */
  pieceHolding(start: number, end: number): number {
    for (let i = 0; i < this.textStarts.length; i++) {
      const pieceStart = this.sourceStarts[i];
      if (pieceStart <= start && end <= pieceStart + this.sourceLengths[i] && this.sourceLengths[i] === this.textLengths[i]) return i;
    }
    return -1;
  }

  /** The text offset of a source offset inside the one-to-one piece `index`. */
  textOffsetIn(index: number, sourceOffset: number): number {
    return this.textStarts[index] + (sourceOffset - this.sourceStarts[index]);
  }

  /**
   * The map after `delta` characters were inserted (or, negative, removed) inside the one-to-one
   * piece `index`, before source offset `sourceEnd`: that piece grows, later text moves, and so
   * does every piece from `sourceEnd` on in the source.
   */
  withResizedPiece(index: number, sourceEnd: number, delta: number): SourceMap {
    const map = new SourceMap();
    map.textStarts = this.textStarts.slice();
    map.sourceStarts = this.sourceStarts.slice();
    map.sourceLengths = this.sourceLengths.slice();
    map.textLengths = this.textLengths.slice();
    map.sourceLengths[index] += delta;
    map.textLengths[index] += delta;
    for (let i = index + 1; i < map.textStarts.length; i++) map.textStarts[i] += delta;
    for (let i = 0; i < map.sourceStarts.length; i++) if (i !== index && map.sourceStarts[i] >= sourceEnd) map.sourceStarts[i] += delta;
    map.textLength = this.textLength + delta;
    return map;
  }

  /**
   * This map with its pieces from `cut` (text offset `cutText`) up to `resume` (text offset
   * `resumeText`) replaced by `middle`'s. The kept pieces after it move in the text to follow
   * `middle`, and in the source by `moveSource`.
   */
  spliced(cut: number, cutText: number, middle: SourceMap, resume: number, resumeText: number, moveSource: (offset: number) => number): SourceMap {
    const map = new SourceMap();
    map.textStarts = this.textStarts.slice(0, cut);
    map.sourceStarts = this.sourceStarts.slice(0, cut);
    map.sourceLengths = this.sourceLengths.slice(0, cut);
    map.textLengths = this.textLengths.slice(0, cut);
    for (let i = 0; i < middle.textStarts.length; i++) {
      map.textStarts.push(middle.textStarts[i] + cutText);
      map.sourceStarts.push(middle.sourceStarts[i]);
      map.sourceLengths.push(middle.sourceLengths[i]);
      map.textLengths.push(middle.textLengths[i]);
    }
    const shift = cutText + middle.textLength - resumeText;
    for (let i = resume; i < this.textStarts.length; i++) {
      map.textStarts.push(this.textStarts[i] + shift);
      map.sourceStarts.push(moveSource(this.sourceStarts[i]));
      map.sourceLengths.push(this.sourceLengths[i]);
      map.textLengths.push(this.textLengths[i]);
    }
    map.textLength = this.textLength + shift;
    return map;
  }

  /** The pieces as parallel arrays: for tests and debugging. */
  pieces(): { textStarts: number[]; sourceStarts: number[]; sourceLengths: number[]; textLengths: number[] } {
    return { textStarts: this.textStarts, sourceStarts: this.sourceStarts, sourceLengths: this.sourceLengths, textLengths: this.textLengths };
  }

  /** Maps a text range [start, end) to the source range covering exactly those characters. */
  toSource(start: number, end: number): { start: number; end: number } {
    const sourceStart = this.toSourceStart(start);
    return { start: sourceStart, end: Math.max(sourceStart, this.toSourceEnd(end)) };
  }
}
