/**
 * The reader: an article as plain text (title, date and outlet, then its headings and paragraphs,
 * no markup), served as a virtual document so that any LSP client can open it. Every position in
 * the reader maps to the article's visible text and through its source map to the source file,
 * and back, so hover, definition, references and highlights answer inside the reader as they do
 * in the source.
 */
import type { Article } from '../article/model';
import { LineIndex, type Position, type Range } from '../text/lineIndex';
import { lastAtOrBefore } from '../text/sortedSearch';

export const READER_PREFIX = 'summit-lens:/reader';

/** The reader's URI for a `file:` article URI: the same path under `summit-lens:/reader`. */
export function readerUri(articleUri: string): string | undefined {
  if (!articleUri.startsWith('file://')) return undefined;
  return READER_PREFIX + articleUri.slice('file://'.length);
}

/** The article URI a reader URI stands for, or undefined for any other URI. */
export function articleOfReader(uri: string): string | undefined {
  if (!uri.startsWith(READER_PREFIX + '/')) return undefined;
  const rest = uri.slice(READER_PREFIX.length).replace(/[?#].*$/, '');
  return `file://${rest}`;
}

/** HTML articles are the ones the reader is the default view of, when the user asks for that. */
export function isHtmlFormat(format: string | undefined): boolean {
  return format === 'html' || format === 'jekyll-html' || format === 'stamp-html';
}

/** The index of the last element at most `value`, or -1 when every element is greater. */
function atOrBefore(sorted: readonly number[], value: number): number {
  return sorted.length === 0 || sorted[0] > value ? -1 : lastAtOrBefore(sorted, value);
}

/** A run of reader characters that are, one for one, a run of the article's visible text. */
interface Segment {
  readerStart: number;
  textStart: number;
  length: number;
}

export interface ReaderDocument {
  text: string;
  /** The reader position of a source position, or undefined when it shows nothing there (markup). */
  toReader(position: Position): Position | undefined;
  toReaderRange(range: Range): Range | undefined;
  /** The source position of a reader position, or undefined in the header lines the reader adds. */
  toSource(position: Position): Position | undefined;
  toSourceRange(range: Range): Range | undefined;
  /** The text offset (into `Article.text`) of a source offset; for sentences around mentions. */
  textOffsetOfSource(sourceOffset: number): number;
}

/** The source → text direction of a source map: its pieces sorted by where they start in the source. */
function inverseMap(article: Article): (sourceOffset: number, side: 'start' | 'end') => number {
  const { textStarts, sourceStarts, sourceLengths, textLengths } = article.sourceMap.pieces();
  // Text the parser adds (line breaks between blocks) has no source characters and maps nowhere back.
  const order = sourceStarts.map((_, i) => i).filter((i) => sourceLengths[i] > 0).sort((a, b) => sourceStarts[a] - sourceStarts[b]);
  const starts = order.map((i) => sourceStarts[i]);
  return (sourceOffset, side) => {
    if (order.length === 0) return 0;
    const k = atOrBefore(starts, sourceOffset);
    if (k < 0) return textStarts[order[0]];
    const i = order[k];
    const within = sourceOffset - sourceStarts[i];
    if (within < sourceLengths[i]) {
      // A decoded entity is one text character for several source characters.
      if (sourceLengths[i] !== textLengths[i]) return textStarts[i] + (side === 'end' && within > 0 ? textLengths[i] : 0);
      return textStarts[i] + within;
    }
    // Between pieces (inside markup): a start moves to the next shown character, an end stays after the last one.
    if (side === 'end' || k + 1 >= order.length) return textStarts[i] + textLengths[i];
    return textStarts[order[k + 1]];
  };
}

/** Characters that only pad a line of visible text (spaces, ideographic spaces, no-break spaces). */
const PADDING = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

/**
 * Builds the reader of a parsed article: the title, a line with the date and the outlet, then
 * each non-empty line of the body as its own paragraph (trimmed, separated by one blank line).
 */
export function buildReader(article: Article): ReaderDocument {
  const segments: Segment[] = [];
  let text = '';
  const pushMapped = (textStart: number, length: number) => {
    if (length <= 0) return;
    segments.push({ readerStart: text.length, textStart, length });
    text += article.text.slice(textStart, textStart + length);
  };

  const title = article.title?.value ?? '';
  const source = article.text;
  // The visible text begins with the title (when there is one) and a blank line.
  let bodyStart = 0;
  if (title && source.startsWith(title)) {
    pushMapped(0, title.length);
    bodyStart = title.length;
  } else {
    text += title || 'Untitled article';
  }
  const meta = [article.date?.value, article.outlet?.value, article.author?.value].filter((value): value is string => !!value && value.trim() !== '');
  text += '\n' + (meta.length ? meta.join(' · ') : 'undated') + '\n';

  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = bodyStart;
  const visit = (start: number, end: number) => {
    const line = source.slice(start, end);
    const leading = line.length - line.replace(/^[\s\u3000\u00a0]+/, '').length;
    const trimmed = line.replace(PADDING, '');
    if (!trimmed) return;
    text += '\n';
    pushMapped(start + leading, trimmed.length);
    text += '\n';
  };
  lineBreak.lastIndex = bodyStart;
  for (let match = lineBreak.exec(source); match; match = lineBreak.exec(source)) {
    visit(lineStart, match.index);
    lineStart = match.index + match[0].length;
  }
  visit(lineStart, source.length);

  const readerLines = new LineIndex(text);
  const sourceLines = article.lines;
  const toText = inverseMap(article);
  const byText = segments; // Built in text order, so sorted by textStart as well as readerStart.
  const readerStarts = segments.map((segment) => segment.readerStart);
  const textStarts = byText.map((segment) => segment.textStart);

  const readerOffsetOfText = (textOffset: number, side: 'start' | 'end'): number | undefined => {
    const k = atOrBefore(textStarts, side === 'end' ? textOffset - 1 : textOffset);
    if (k < 0) return undefined;
    const segment = byText[k];
    const within = textOffset - segment.textStart;
    if (side === 'start' && within >= segment.length) return undefined;
    if (side === 'end' && within > segment.length) return undefined;
    return segment.readerStart + within;
  };
  const textOffsetOfReader = (readerOffset: number, side: 'start' | 'end'): number | undefined => {
    const k = atOrBefore(readerStarts, side === 'end' ? readerOffset - 1 : readerOffset);
    if (k < 0) return undefined;
    const segment = segments[k];
    const within = readerOffset - segment.readerStart;
    if (within > segment.length || (side === 'start' && within === segment.length)) return undefined;
    return segment.textStart + within;
  };

  const document: ReaderDocument = {
    text,
    toReader(position) {
      const offset = readerOffsetOfText(toText(sourceLines.offsetAt(position), 'start'), 'start');
      return offset === undefined ? undefined : readerLines.positionAt(offset);
    },
    toReaderRange(range) {
      const start = readerOffsetOfText(toText(sourceLines.offsetAt(range.start), 'start'), 'start');
      const end = readerOffsetOfText(toText(sourceLines.offsetAt(range.end), 'end'), 'end');
      if (start === undefined || end === undefined || end < start) return undefined;
      return { start: readerLines.positionAt(start), end: readerLines.positionAt(end) };
    },
    toSource(position) {
      const offset = readerLines.offsetAt(position);
      const textOffset = textOffsetOfReader(offset, 'start') ?? textOffsetOfReader(offset, 'end');
      if (textOffset === undefined) return undefined;
      const sourceOffset = textOffset >= article.sourceMap.length ? article.sourceMap.toSourceEnd(textOffset) : article.sourceMap.toSourceStart(textOffset);
      return sourceLines.positionAt(sourceOffset);
    },
    toSourceRange(range) {
      const start = textOffsetOfReader(readerLines.offsetAt(range.start), 'start');
      const end = textOffsetOfReader(readerLines.offsetAt(range.end), 'end');
      if (start === undefined || end === undefined || end < start) return undefined;
      const mapped = article.sourceMap.toSource(start, end);
      return { start: sourceLines.positionAt(mapped.start), end: sourceLines.positionAt(mapped.end) };
    },
    textOffsetOfSource: (sourceOffset) => toText(sourceOffset, 'start'),
  };
  return document;
}

/** Sentence ends in Chinese and English prose, and line breaks (a heading or a caption ends there too). */
const SENTENCE_END = /[。！？!?；;\n]/;
const MAX_SIDE = 60;

export interface Snippet {
  text: string;
  /** Where the mention is inside `text` (UTF-16 offsets), for highlighting. */
  highlight: [number, number];
}

/**
 * The sentence around a mention (text offsets into the visible text), shortened to at most
 * about 60 characters on each side of the mention, with an ellipsis where it was cut.
 */
export function sentenceAround(visibleText: string, start: number, end: number): Snippet {
  let from = start;
  while (from > 0 && start - from < MAX_SIDE && !SENTENCE_END.test(visibleText[from - 1])) from--;
  let to = end;
  while (to < visibleText.length && to - end < MAX_SIDE && !SENTENCE_END.test(visibleText[to])) to++;
  // The sentence's own full stop belongs to it.
  if (to < visibleText.length && /[。！？!?]/.test(visibleText[to])) to++;
  const cutBefore = from > 0 && !SENTENCE_END.test(visibleText[from - 1]);
  const cutAfter = to < visibleText.length && !SENTENCE_END.test(visibleText[to - 1]) && !SENTENCE_END.test(visibleText[to]);
  const squeeze = (part: string) => part.replace(/[\s\u3000\u00a0]+/g, ' ');
  const before = squeeze(visibleText.slice(from, start).replace(/^[\s\u3000\u00a0]+/, ''));
  const mention = squeeze(visibleText.slice(start, end));
  const after = squeeze(visibleText.slice(end, to).replace(/[\s\u3000\u00a0]+$/, ''));
  const prefix = cutBefore ? '…' : '';
  const mentionStart = prefix.length + before.length;
  const text = `${prefix}${before}${mention}${after}${cutAfter ? '…' : ''}`;
  return { text, highlight: [mentionStart, mentionStart + mention.length] };
}
