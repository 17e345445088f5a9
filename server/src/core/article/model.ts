/**
 * The article model: what every corpus file is read into, whatever its format.
 * All offsets are UTF-16 offsets into the source text; `text` offsets are into the visible text.
 */
import type { SourceMap } from '../text/sourceMap';
import type { LineIndex } from '../text/lineIndex';
import type { ArticleStructure } from './parseArticle';

export type ArticleFormat =
  | 'jekyll-html'
  | 'jekyll-markdown'
  | 'stamp-html'
  | 'html'
  | 'markdown'
  | 'rst'
  | 'text'
  | 'binary'
  | 'empty';

export interface SourceSpan {
  start: number;
  end: number;
}

export type ProblemSeverity = 'error' | 'warning' | 'information';

export interface Problem {
  message: string;
  span: SourceSpan;
  severity: ProblemSeverity;
}

/** A metadata value together with where it was read from in the source. */
export interface Field {
  value: string;
  span: SourceSpan;
}

export interface Section {
  title: string;
  level: number;
  /** The heading itself. */
  headingSpan: SourceSpan;
  /** From the heading to the end of the section's content. */
  span: SourceSpan;
  children: Section[];
}

export interface Article {
  /** The source the article was read from, as given (byte-order marks kept, so ranges match the editor's text). */
  source: string;
  format: ArticleFormat;
  title?: Field;
  /** Where the title came from; a first sentence is derived, not read. */
  titleOrigin?: 'front matter' | 'description' | 'header' | 'heading' | 'page title' | 'first sentence';
  /** ISO date `YYYY-MM-DD`. */
  date?: Field;
  /** Where the date came from, for hovers and the outline. */
  dateOrigin?: 'front matter' | 'stamp' | 'time element' | 'meta' | 'json-ld' | 'title' | 'footnote' | 'dateline' | 'byline' | 'url' | 'file name' | 'inferred';
  outlet?: Field;
  /** The author as the front matter's byline gives it (`台灣特派員鄭智仁`); never taken for the outlet. */
  author?: Field;
  url?: Field;
  frontMatterSpan?: SourceSpan;
  sections: Section[];
  /** Visible text: the title, a blank line, then the body with tags dropped and entities decoded. */
  text: string;
  sourceMap: SourceMap;
  lines: LineIndex;
}

export interface ParseResult {
  article: Article;
  problems: Problem[];
  /** The layout read from the source, kept so that a later edit of prose can be spliced in (see `reparseAfterEdit`). */
  structure?: ArticleStructure;
  /** Set by `reparseAfterEdit`: how `article.text` differs from the previous parse's text. */
  textEdit?: { start: number; end: number; inserted: string };
}
