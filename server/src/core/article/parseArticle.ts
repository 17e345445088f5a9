/**
 * The one entry point that turns any corpus file into an `Article` plus its problems.
 * It never throws: whatever it cannot read becomes a problem, and the rest is still read.
 */
import { LineIndex } from '../text/lineIndex';
import { SourceMap } from '../text/sourceMap';
import { compactDate, dateFromEpochMs, dateFromFrontMatter, isoDate, proseDate } from './dates';
import { readFrontMatter, scalarPieces, type FrontMatter } from './frontMatter';
import { walkHtmlBody, type HtmlHeading, type HtmlPageInfo, type WalkCheckpoint } from './htmlBody';
import type { Article, ArticleFormat, Field, ParseResult, Problem, Section, SourceSpan } from './model';
import { buildSections, type FlatHeading } from './sections';
import { VisibleTextBuilder, type TextMode } from './visibleText';

/** Larger files are read only in part; 16 M characters is far beyond any real article. */
export const MAX_PARSED_CHARACTERS = 16 * 1024 * 1024;

const STAMP_LINE = /^[ \t]*<!--\s*(\d{9,14}|NaN)\s*-->[ \t]*(?:\r?\n|$)/;
const LINK_HEADER = /^[ \t]*\[([^\]\r\n]+)\]\(([^)\s]+)\)[ \t]*\r?\n[ \t]*-{3,}[ \t]*(?:\r?\n|$)/;
// `[^\r\n]+` rather than `.*\S.*`: the latter backtracks quadratically on long HTML lines.
const UNDERLINED_LINE = /^([^\r\n]+)\r?\n([=\-~^*#]{3,})[ \t]*$/gm;
const UNDERLINE_AFTER_BREAK = /\n[=\-~^*#]{3}/;
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+([^\r\n]*?)[ \t#]*$/gm;
const HTML_DOCUMENT = /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml)/i;
const HTML_TAG = /<(?:div|p|main|article|section|span|table|br|ul|ol|li|img|a|h[1-6]|strong|b|i|em|blockquote|figure)[\s>/]/i;
const FOOTNOTE = /^\.\.[ \t]+\[(?:\d+|#[^\]]*|\*)\][ \t]+([^\r\n]*)$/gm;
const DATE_PREFIX = /^\s*\d{8}\s+/;
const TITLE_FOOTNOTE_REFERENCE = /\s*\[(?:\d+|#[^\]]*|\*)\]_\s*$/;

export interface TitleSource {
  value: string;
  pieces: Array<[number, number, string]>;
  /** The source line holding the title when it also sits in the body, so it is not read twice. */
  bodyLine?: SourceSpan;
}

export function parseArticle(input: string): ParseResult {
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const problems: Problem[] = [];
  try {
    return parseSource(source, problems);
  } catch (error) {
    // A bug in a reader must cost one file its structure, never the server.
    problems.push({
      message: `Summit Lens could not read this file: ${error instanceof Error ? error.message : String(error)}`,
      span: { start: 0, end: 0 },
      severity: 'error',
    });
    return { article: emptyArticle(source, 'text'), problems };
  }
}

function emptyArticle(source: string, format: ArticleFormat): Article {
  return { source, format, sections: [], text: '', sourceMap: new SourceMap(), lines: new LineIndex(source) };
}

/** How much of a file's head tells whether it is binary, and of a body's head which format it is. */
export const BINARY_CHECK_LENGTH = 8192;
export const FORMAT_CHECK_LENGTH = 20000;

export function looksBinary(source: string): boolean {
  // Only the head is read (a slice is a view, not a copy), and indexOf runs natively.
  const head = source.slice(0, BINARY_CHECK_LENGTH);
  if (head.includes('\u0000')) return true;
  let replacements = 0;
  for (let at = head.indexOf('\ufffd'); at >= 0; at = head.indexOf('\ufffd', at + 1)) replacements++;
  return head.length > 64 && replacements / head.length > 0.1;
}

function parseSource(source: string, problems: Problem[]): ParseResult {
  if (!/\S/.test(source)) {
    problems.push({ message: 'Empty file: there is no article to read.', span: { start: 0, end: source.length }, severity: 'warning' });
    return { article: emptyArticle(source, 'empty'), problems };
  }
  if (looksBinary(source)) {
    problems.push({
      message: 'This looks like a binary file (or a text file in an encoding that could not be decoded); it is not read as an article.',
      span: { start: 0, end: 0 },
      severity: 'error',
    });
    return { article: emptyArticle(source, 'binary'), problems };
  }
  let readable = source.length;
  if (source.length > MAX_PARSED_CHARACTERS) {
    readable = MAX_PARSED_CHARACTERS;
    problems.push({
      message: `This file has ${source.length.toLocaleString('en')} characters; only the first ${MAX_PARSED_CHARACTERS.toLocaleString('en')} are read.`,
      span: { start: 0, end: 0 },
      severity: 'warning',
    });
  }

  return deriveArticle(readStructure(source, readable, problems));
}

/**
 * What reading the file's layout yields: everything an edit of plain prose leaves as it is,
 * apart from shifting offsets. `reparseAfterEdit` splices it instead of reading again.
 */
export interface ArticleStructure {
  source: string;
  format: ArticleFormat;
  bodyStart: number;
  frontMatter?: FrontMatter;
  stamp?: { ms: string; span: SourceSpan };
  header?: { title: string; titleSpan: SourceSpan; url: string; urlSpan: SourceSpan };
  title?: TitleSource;
  /** Headings read from the source (underlined or `#`), or from the HTML walk. */
  headings: FlatHeading[];
  htmlHeadings: HtmlHeading[];
  page: HtmlPageInfo;
  pageTitle?: Field;
  text: string;
  sourceMap: SourceMap;
  /** Problems found while reading the layout (front matter, size); the rest are derived. */
  readProblems: Problem[];
  /** For HTML bodies: where the walk may resume after an edit, and what it had produced when it ended. */
  walk?: { checkpoints: WalkCheckpoint[]; end: WalkEnd };
}

/** How much text, how many source-map pieces and headings the body walk produced. */
export interface WalkEnd {
  textLength: number;
  pieceCount: number;
  headingCount: number;
}

/** Reads the file's layout and visible text: the costly part of parsing. */
function readStructure(source: string, readable: number, readProblems: Problem[]): ArticleStructure {
  const frontMatter = readFrontMatter(source);
  if (frontMatter) for (const problem of frontMatter.problems) readProblems.push(problem);
  let cursor = frontMatter?.bodyStart ?? 0;

  // The `<!--epoch-ms-->` stamp and the `[title](url)` / `------` header that archived posts carry.
  let stamp: ArticleStructure['stamp'];
  let header: ArticleStructure['header'];
  cursor = skipBlankLines(source, cursor);
  const stampMatch = STAMP_LINE.exec(source.slice(cursor, cursor + 64));
  if (stampMatch) {
    const valueStart = cursor + stampMatch[0].indexOf(stampMatch[1]);
    stamp = { ms: stampMatch[1], span: { start: valueStart, end: valueStart + stampMatch[1].length } };
    cursor = skipBlankLines(source, cursor + stampMatch[0].length);
  }
  const headerMatch = LINK_HEADER.exec(source.slice(cursor, cursor + 4096));
  if (headerMatch) {
    const titleStart = cursor + headerMatch[0].indexOf('[') + 1;
    const urlStart = titleStart + headerMatch[1].length + 2;
    header = {
      title: headerMatch[1],
      titleSpan: { start: titleStart, end: titleStart + headerMatch[1].length },
      url: headerMatch[2],
      urlSpan: { start: urlStart, end: urlStart + headerMatch[2].length },
    };
    cursor += headerMatch[0].length;
  }
  const bodyStart = cursor;
  const bodyEnd = readable;
  const format = detectFormat(source.slice(bodyStart, bodyEnd), frontMatter, stamp !== undefined || header !== undefined);
  const mode = textModeOf(format);

  const underlined = format === 'rst' ? underlinedHeadings(source, bodyStart, bodyEnd) : [];
  const markdownHeadings = mode === 'markdown' && format !== 'rst' ? markdownHeadingsIn(source, bodyStart, bodyEnd) : [];

  const title = chooseTitle(source, frontMatter, header, underlined, markdownHeadings);
  const builder = new VisibleTextBuilder(source);
  if (title) {
    for (const [start, length, text] of title.pieces) {
      if (length === text.length && source.slice(start, start + length) === text) builder.appendRaw(start, start + length);
      else builder.appendMapped(text, start, length);
    }
    builder.breakParagraph(title.pieces[0]?.[0] ?? 0);
  }
  const walk = walkHtmlBody(source, bodyStart, bodyEnd, builder, mode, title?.bodyLine);
  const walkEnd: WalkEnd = { textLength: builder.length, pieceCount: builder.map.pieceCount, headingCount: walk.headings.length };
  // A web page's title sits in its <head>, which the walk does not read as prose: it goes last.
  let pageTitle: Field | undefined;
  if (!title && walk.page.title) {
    const { value, start, end } = walk.page.title;
    const cleaned = value.replace(/\s+/g, ' ');
    builder.breakParagraph(start);
    if (source.slice(start, end) === cleaned) builder.appendRaw(start, end);
    else builder.appendMapped(cleaned, start, end - start);
    pageTitle = { value: cleaned, span: { start, end } };
  }
  // Sections: HTML headings, Markdown headings or underlined titles, whichever the body has.
  const headings = format === 'rst' ? underlined : markdownHeadings;
  return {
    source, format, bodyStart, frontMatter, stamp, header, title, headings, htmlHeadings: walk.headings, page: walk.page, pageTitle,
    text: builder.toString(), sourceMap: builder.map, readProblems,
    walk: mode === 'html' && !title?.bodyLine ? { checkpoints: walk.checkpoints, end: walkEnd } : undefined,
  };
}

/** Markdown, reStructuredText and plain text keep their syntax out of the text; HTML formats drop tags. */
export function textModeOf(format: ArticleFormat): TextMode {
  return format === 'jekyll-html' || format === 'stamp-html' || format === 'html' ? 'html' : 'markdown';
}

/** The article a structure stands for: sections, title, date, outlet and the problems worth telling. */
export function deriveArticle(structure: ArticleStructure, lines = new LineIndex(structure.source)): ParseResult {
  const { source, format, bodyStart, frontMatter, stamp, header, title, text, page } = structure;
  const problems = [...structure.readProblems];
  const bodyEnd = Math.min(source.length, MAX_PARSED_CHARACTERS);
  const body = source.slice(bodyStart, bodyEnd);
  let flat: FlatHeading[];
  if (textModeOf(format) === 'markdown') flat = structure.headings.filter((heading) => heading.span.start !== title?.bodyLine?.start);
  else flat = htmlHeadings(structure.htmlHeadings, text, title?.value);
  const sections: Section[] = buildSections(flat, bodyEnd);

  const article: Article = {
    source,
    format,
    sections,
    text,
    sourceMap: structure.sourceMap,
    lines,
    frontMatterSpan: frontMatter && frontMatter.bodyStart > 0 ? frontMatter.span : undefined,
  };
  if (title) {
    const first = title.pieces[0];
    const last = title.pieces[title.pieces.length - 1];
    article.title = { value: title.value, span: { start: first[0], end: last[0] + last[1] } };
  } else if (structure.pageTitle) {
    article.title = structure.pageTitle;
  }
  readDate(article, source, frontMatter, stamp, page, body, bodyStart, problems);
  readOutletAndUrl(article, source, frontMatter, header, page, text);
  if (!article.title) {
    problems.push({ message: 'No title found (front matter `title`, a `[title](url)` header, an underlined or `#` heading, or `<title>`).', span: { start: 0, end: 0 }, severity: 'information' });
  }
  if (!article.date) {
    problems.push({
      message: 'No date found, so relative dates (周三, 昨天) cannot be resolved to a meeting; add `date:` to the front matter or a `<!--epoch-ms-->` stamp.',
      span: { start: 0, end: 0 },
      severity: 'information',
    });
  }
  return { article, problems, structure };
}

function skipBlankLines(source: string, from: number): number {
  const match = /^(?:[ \t]*\r?\n)*/.exec(source.slice(from, from + 4096));
  return from + (match ? match[0].length : 0);
}

export function detectFormat(body: string, frontMatter: FrontMatter | undefined, hasHeader: boolean): ArticleFormat {
  const head = body.slice(0, FORMAT_CHECK_LENGTH);
  if (HTML_DOCUMENT.test(head)) return 'html';
  UNDERLINED_LINE.lastIndex = 0;
  // Performance: an underline always follows a line break, so most heads skip the slower full pattern.
  const underline = UNDERLINE_AFTER_BREAK.test(head) ? UNDERLINED_LINE.exec(head) : null;
  const firstLineEnd = head.search(/\S[^\r\n]*\r?\n/);
  if (underline && underline[2][0] === '=' && underline.index <= Math.max(0, firstLineEnd) && !frontMatter && !hasHeader) return 'rst';
  const html = HTML_TAG.test(head);
  if (frontMatter && frontMatter.bodyStart > 0) return html ? 'jekyll-html' : 'jekyll-markdown';
  if (hasHeader) return html ? 'stamp-html' : 'markdown';
  if (html && !/^\s*#/.test(head)) return 'html';
  return /^#{1,6}[ \t]/m.test(head) || /\]\(/.test(head) ? 'markdown' : 'text';
}

function underlinedHeadings(source: string, start: number, end: number): FlatHeading[] {
  const headings: FlatHeading[] = [];
  const levels = new Map<string, number>();
  UNDERLINED_LINE.lastIndex = start;
  for (let match; (match = UNDERLINED_LINE.exec(source)) && match.index < end; ) {
    const char = match[2][0];
    if (!match[1].trim()) continue;
    if (!levels.has(char)) levels.set(char, levels.size + 1);
    const lineText = match[1];
    const titleStart = match.index + lineText.search(/\S/);
    const titleEnd = match.index + lineText.trimEnd().length;
    headings.push({ title: lineText.trim(), level: levels.get(char)!, headingSpan: { start: titleStart, end: titleEnd }, span: { start: titleStart, end: match.index + match[0].length } });
  }
  return headings;
}

function markdownHeadingsIn(source: string, start: number, end: number): FlatHeading[] {
  const headings: FlatHeading[] = [];
  MARKDOWN_HEADING.lastIndex = start;
  for (let match; (match = MARKDOWN_HEADING.exec(source)) && match.index < end; ) {
    const title = plainMarkdown(match[2]);
    if (!title) continue;
    const textStart = match.index + match[0].indexOf(match[2], match[1].length);
    headings.push({ title, level: match[1].length, headingSpan: { start: textStart, end: textStart + match[2].length }, span: { start: match.index, end: match.index + match[0].length } });
  }
  return headings;
}

/** Inline Markdown reduced to its words, for headings shown in the outline. */
function plainMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[\[(?:[a-z]{2}:)?([^\]|]*)(?:\|[^\]]*)?\]\]/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/:[a-z_]+:/g, '')
    .replace(/[*_`]+/g, '')
    .trim();
}

function htmlHeadings(headings: HtmlHeading[], text: string, title: string | undefined): FlatHeading[] {
  const flat: FlatHeading[] = [];
  for (const heading of headings) {
    const name = text.slice(heading.textStart, heading.textEnd).replace(/\s+/g, ' ').trim();
    if (!name || name === title?.trim()) continue;
    flat.push({ title: name, level: heading.level, headingSpan: { start: heading.sourceStart, end: heading.sourceEnd }, span: { start: heading.sourceStart, end: heading.sourceEnd } });
  }
  return flat;
}

function chooseTitle(
  source: string,
  frontMatter: FrontMatter | undefined,
  header: { title: string; titleSpan: SourceSpan } | undefined,
  underlined: FlatHeading[],
  markdownHeadings: FlatHeading[],
): TitleSource | undefined {
  const fmTitle = frontMatter?.values.title;
  const fmSpan = frontMatter?.valueSpans.title;
  if (typeof fmTitle === 'string' && fmTitle.trim() && fmSpan) {
    return { value: fmTitle.trim(), pieces: trimPieces(scalarPieces(source, fmSpan, fmTitle)) };
  }
  if (header) return { value: header.title, pieces: [[header.titleSpan.start, header.title.length, header.title]] };
  const underlinedTitle = underlined[0];
  if (underlinedTitle && underlinedTitle.level === 1) {
    const span = underlinedTitle.headingSpan;
    let raw = source.slice(span.start, span.end);
    let start = span.start;
    const prefix = DATE_PREFIX.exec(raw);
    if (prefix) {
      start += prefix[0].length;
      raw = raw.slice(prefix[0].length);
    }
    raw = raw.replace(TITLE_FOOTNOTE_REFERENCE, '');
    return { value: raw, pieces: [[start, raw.length, raw]], bodyLine: underlinedTitle.span };
  }
  // The first substantial level 1–2 heading; navigation links such as `[返回](README.md)` are not titles.
  const heading = markdownHeadings.find((candidate) => candidate.level <= 2 && !/\]\(/.test(source.slice(candidate.headingSpan.start, candidate.headingSpan.end)) && candidate.title.length >= 2);
  if (heading) {
    const raw = source.slice(heading.headingSpan.start, heading.headingSpan.end);
    return { value: heading.title, pieces: raw === heading.title ? [[heading.headingSpan.start, raw.length, raw]] : [[heading.headingSpan.start, raw.length, heading.title]], bodyLine: heading.span };
  }
  return undefined;
}

function trimPieces(pieces: Array<[number, number, string]>): Array<[number, number, string]> {
  if (pieces.length === 1 && pieces[0][1] === pieces[0][2].length) {
    const [start, , text] = pieces[0];
    const leading = text.length - text.trimStart().length;
    const trimmed = text.trim();
    return [[start + leading, trimmed.length, trimmed]];
  }
  return pieces;
}

function readDate(
  article: Article,
  source: string,
  frontMatter: FrontMatter | undefined,
  stamp: { ms: string; span: SourceSpan } | undefined,
  page: { timeDatetime?: { value: string; start: number; end: number }; metaDate?: { value: string; start: number; end: number } },
  body: string,
  bodyStart: number,
  problems: Problem[],
): void {
  const set = (value: string | undefined, span: SourceSpan, origin: Article['dateOrigin']): boolean => {
    if (!value) return false;
    article.date = { value, span };
    article.dateOrigin = origin;
    return true;
  };
  const fmDate = frontMatter?.values.date;
  if (fmDate !== undefined && fmDate !== null && fmDate !== '') {
    const span = frontMatter!.valueSpans.date ?? frontMatter!.span;
    if (set(dateFromFrontMatter(fmDate), span, 'front matter')) return;
    problems.push({ message: `Front matter date ${JSON.stringify(String(fmDate))} is not a date Summit Lens can read (expected e.g. 2023-10-29).`, span, severity: 'warning' });
  }
  if (stamp && stamp.ms !== 'NaN' && set(dateFromEpochMs(Number(stamp.ms)), stamp.span, 'stamp')) return;
  if (page.timeDatetime && set(dateFromFrontMatter(page.timeDatetime.value), page.timeDatetime, 'time element')) return;
  if (article.title) {
    const compact = compactDate(article.title.value);
    const titleStart = article.title.span.start;
    if (compact && set(compact.date, { start: titleStart + compact.index, end: titleStart + compact.index + compact.length }, 'title')) return;
  }
  FOOTNOTE.lastIndex = 0;
  for (let match; (match = FOOTNOTE.exec(body)); ) {
    const found = proseDate(match[1]);
    if (found) {
      const start = bodyStart + match.index + match[0].indexOf(match[1]) + found.index;
      set(found.date, { start, end: start + found.length }, 'footnote');
      return;
    }
  }
  if (page.metaDate && set(dateFromFrontMatter(page.metaDate.value), page.metaDate, 'meta')) return;
  // Last resort: a date in the byline near the top, e.g. `更新时间：2023年11月19日` or `11/1/2023 4:25 AM UTC`.
  const lead = article.text.slice(0, 4000);
  const found = proseDate(lead);
  if (found && set(found.date, article.sourceMap.toSource(found.index, found.index + found.length), 'byline')) return;
  // Reposts often carry only a month and day (`9月10日`); the year and month of an upload path such as `/2021/09/` complete it.
  const uploadPath = /\/(20\d{2})\/(0[1-9]|1[0-2])\//.exec(body);
  if (uploadPath) {
    const month = Number(uploadPath[2]);
    let latestDay = 0;
    let daySpan: SourceSpan | undefined;
    for (const match of lead.matchAll(/(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)) {
      if (Number(match[1]) === month && Number(match[2]) > latestDay) {
        latestDay = Number(match[2]);
        daySpan = article.sourceMap.toSource(match.index!, match.index! + match[0].length);
      }
    }
    const date = latestDay ? isoDate(Number(uploadPath[1]), month, latestDay) : undefined;
    if (date && daySpan) set(date, daySpan, 'inferred');
  }
}

function readOutletAndUrl(
  article: Article,
  source: string,
  frontMatter: FrontMatter | undefined,
  header: { url: string; urlSpan: SourceSpan } | undefined,
  page: { url?: { value: string; start: number; end: number } },
  text: string,
): void {
  for (const key of ['author', 'outlet', 'source', 'publisher']) {
    const value = frontMatter?.values[key];
    const span = frontMatter?.valueSpans[key];
    if (typeof value === 'string' && value.trim() && span) {
      article.outlet = { value: value.trim(), span: unquoted(source, span) };
      break;
    }
  }
  for (const key of ['from', 'url', 'link', 'source_url', 'canonical_url', 'original_url']) {
    const value = frontMatter?.values[key];
    const span = frontMatter?.valueSpans[key];
    if (typeof value === 'string' && /^https?:/.test(value.trim()) && span) {
      article.url = { value: value.trim(), span: unquoted(source, span) };
      break;
    }
  }
  if (!article.url && header) article.url = { value: header.url, span: header.urlSpan };
  if (!article.url && page.url) article.url = { value: page.url.value, span: page.url };
  if (!article.outlet) {
    // Footnotes that name the authors, bylines such as `来源：央视网` (not picture credits), or the URL's host.
    const footnote = /^\.\.[ \t]+\[[^\]]+\][ \t]+[^\r\n]*?(?:更新|updated)\s+([^\r\n]+)$/im.exec(source);
    const byline = /(?<!图片|圖片|图像|圖像|封面|照片)(?:来源|來源|稿源|出处)\s*[：:]\s*([^\s　|｜<]{2,20})/.exec(text);
    if (footnote) {
      const start = footnote.index + footnote[0].length - footnote[1].length;
      article.outlet = { value: footnote[1].trim(), span: { start, end: start + footnote[1].trimEnd().length } };
    } else if (byline) {
      const textStart = byline.index + byline[0].length - byline[1].length;
      article.outlet = { value: byline[1], span: article.sourceMap.toSource(textStart, textStart + byline[1].length) };
    } else {
      if (article.url) {
        const host = /^https?:\/\/(?:www\.)?([^/:?#]+)/.exec(article.url.value);
        if (host) article.outlet = { value: host[1], span: article.url.span };
      }
    }
  }
}

function unquoted(source: string, span: SourceSpan): SourceSpan {
  const first = source[span.start];
  if ((first === '"' || first === "'") && source[span.end - 1] === first && span.end - span.start >= 2) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

export type { Field };
