/**
 * The one entry point that turns any corpus file into an `Article` plus its problems.
 * It never throws: whatever it cannot read becomes a problem, and the rest is still read.
 */
import builtinOutlets from '../../../data/outlets.yaml';
import { LineIndex } from '../text/lineIndex';
import { normalizeForMatching } from '../text/normalize';
import { SourceMap } from '../text/sourceMap';
import { bylineDate, compactDate, dateFromEpochMs, dateFromFrontMatter, datelineIn, daysInMonth, isoDate, pathDate, proseDate, resolveDateline, uploadPathMonth, type PartialDate } from './dates';
import { readFrontMatter, scalarPieces, type FrontMatter } from './frontMatter';
import { OutletIndex, unwrapArchiveUrl, type Outlet } from './outlets';
import { walkHtmlBody, type HtmlHeading, type HtmlPageInfo, type WalkCheckpoint } from './htmlBody';
import type { Dateline } from './dates';
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
// The heading's text runs to the line's end; its closing `#`s and spaces are cut off in code, since
// a lazy text group before `[ \t#]*$` backtracks quadratically over a long run of them.
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+([^\r\n]*)$/gm;
/** A link or image in a heading; its parts stop at the next bracket, so unclosed ones cost no rescans. */
const INLINE_LINK = /!?\[[^\][\r\n]*\]\([^)(\r\n]*\)/g;
/** What may stand between the links of a site's navigation (`#### [首页](…) | [新闻](…)`). */
const NAVIGATION_SEPARATORS = /^[\s|｜·•/]*$/;
/** A numbered item of a digest (`1. 标题`, `一、标题`): a section, never the article's title. */
const NUMBERED_HEADING = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]/;
const HTML_DOCUMENT = /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml)/i;
const HTML_TAG = /<(?:div|p|main|article|section|span|table|br|ul|ol|li|img|a|h[1-6]|strong|b|i|em|blockquote|figure)[\s>/]/i;
const FOOTNOTE = /^\.\.[ \t]+\[(?:\d+|#[^\][\r\n]*|\*)\][ \t]+([^\r\n]*)$/gm;
const DATE_PREFIX = /^\s*\d{8}\s+/;
const TITLE_FOOTNOTE_REFERENCE = /\[(?:\d+|#[^\][]*|\*)\]_\s*$/;

export interface TitleSource {
  value: string;
  pieces: Array<[number, number, string]>;
  /** The source line holding the title when it also sits in the body, so it is not read twice. */
  bodyLine?: SourceSpan;
  origin?: 'front matter' | 'description' | 'header' | 'heading';
}

export interface ParseOptions {
  /** The file's name or URI: a date in it (`2020-03-27-title.md`) is a last resort for the article's date. */
  fileName?: string;
}

/** The table of news outlets the build parsed from server/data/outlets.yaml. */
const OUTLETS = new OutletIndex(builtinOutlets);

/** How many byte-order marks open the text (a file saved twice by a careless tool has two). */
export function byteOrderMarks(input: string): number {
  let count = 0;
  while (input.charCodeAt(count) === 0xfeff) count++;
  return count;
}

export function parseArticle(input: string, options: ParseOptions = {}): ParseResult {
  const source = input;
  const problems: Problem[] = [];
  try {
    return parseSource(source, problems, options);
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

function parseSource(source: string, problems: Problem[], options: ParseOptions): ParseResult {
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

  // Byte-order marks stay in the source, so ranges match an editor that keeps them in the text;
  // the readers see line breaks in their place (same length), which no pattern takes for content.
  const marks = byteOrderMarks(source);
  const view = marks > 0 ? '\n'.repeat(marks) + source.slice(marks) : source;
  const structure = readStructure(view, readable, problems, marks);
  structure.source = source;
  structure.fileName = options.fileName;
  return deriveArticle(structure);
}

/**
 * What reading the file's layout yields: everything an edit of plain prose leaves as it is,
 * apart from shifting offsets. `reparseAfterEdit` splices it instead of reading again.
 */
export interface ArticleStructure {
  source: string;
  fileName?: string;
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
function readStructure(source: string, readable: number, readProblems: Problem[], marks = 0): ArticleStructure {
  const frontMatter = readFrontMatter(source, marks);
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

  const title = chooseTitle(source, frontMatter, header, underlined, markdownHeadings, bodyStart);
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
  // A page with no <title> is titled by its first <h1>.
  const firstH1 = !title && !structure.pageTitle ? structure.htmlHeadings.find((heading) => heading.level === 1) : undefined;
  const h1Title = firstH1 ? text.slice(firstH1.textStart, firstH1.textEnd).replace(/\s+/g, ' ').trim() : '';
  let flat: FlatHeading[];
  if (textModeOf(format) === 'markdown') flat = structure.headings.filter((heading) => heading.span.start !== title?.bodyLine?.start);
  else flat = htmlHeadings(structure.htmlHeadings, text, title?.value ?? (h1Title || undefined));
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
    article.titleOrigin = title.origin ?? 'heading';
  } else if (structure.pageTitle) {
    article.title = withoutSiteSuffix(structure.pageTitle, source, page.siteName?.value);
    article.titleOrigin = 'page title';
  } else if (firstH1 && h1Title) {
    const at = text.indexOf(h1Title, firstH1.textStart);
    // A heading written over several lines reads as one; its span is then the whole element.
    const span = at >= 0 ? structure.sourceMap.toSource(at, at + h1Title.length) : { start: firstH1.sourceStart, end: firstH1.sourceEnd };
    article.title = { value: h1Title, span };
    article.titleOrigin = 'heading';
  } else {
    const sentence = firstSentence(text);
    if (sentence) {
      article.title = { value: sentence.value, span: structure.sourceMap.toSource(sentence.start, sentence.end) };
      article.titleOrigin = 'first sentence';
      problems.push({ message: 'No title in the file: its first sentence serves as the title. Add a `title:` to the front matter or a heading to give one.', span: article.title.span, severity: 'information' });
    }
  }
  // The lead: where datelines and bylines stand (after the title, at the top of the body).
  const lead = text.slice(0, LEAD_LENGTH);
  const dateline = datelineIn(lead);
  const datelineOutlet = dateline && OUTLETS.startingWith(dateline.name);
  // A bare dateline (`新华社北京11月15日电`) counts only when it names a known outlet.
  const usableDateline = dateline && (dateline.bracketed || datelineOutlet) ? dateline : undefined;
  readOutletAndUrl(article, source, frontMatter, header, page, text, usableDateline, datelineOutlet);
  readDate(article, { source, fileName: structure.fileName, frontMatter, stamp, page, body, bodyStart, lead, dateline: usableDateline }, problems);
  if (!article.title) {
    problems.push({ message: 'No title found (front matter `title`, a `[title](url)` header, an underlined or `#` heading, `<title>`, or a first sentence).', span: { start: 0, end: 0 }, severity: 'information' });
  }
  return { article, problems, structure };
}

/** `拜登会见习近平 - BBC News 中文`, `… | 大纪元`: the site's name after a page's title. */
const TITLE_SUFFIX = /\s*[-|｜_–—]\s*([^-|｜_–—]{2,40})$/;

/** A page title without the site's name it ends with, when that name is a known outlet or the page's site name. */
function withoutSiteSuffix(title: Field, source: string, siteName: string | undefined): Field {
  const suffix = TITLE_SUFFIX.exec(title.value);
  if (!suffix || suffix.index < 2) return title;
  const name = suffix[1].trim();
  const isSite = name === siteName?.trim() || OUTLETS.named(name) !== undefined || OUTLETS.startingWith(name)?.length === name.length || /^(?:BBC|VOA|RFA|DW|RFI)\b/i.test(name);
  if (!isSite) return title;
  const value = title.value.slice(0, suffix.index);
  // The span shrinks only where the title is written as it reads (no entities to map).
  const written = source.slice(title.span.start, title.span.end) === title.value;
  return { value, span: written ? { start: title.span.start, end: title.span.start + value.length } : title.span };
}

/** How much of the visible text a dateline or a byline may stand in. */
const LEAD_LENGTH = 3000;
const SENTENCE_END = /[。！？!?；;]|(?:\.\s)|\n\s*\n/;

/**
 * The first sentence of a text with no title: up to the first full stop or blank line. Automatic
 * subtitles put one short phrase on each line, so short lines are joined until the sentence has
 * a few words (at most three lines and 60 characters).
 */
function firstSentence(text: string): { value: string; start: number; end: number } | undefined {
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  const window = text.slice(start, start + 240);
  let end = window.search(SENTENCE_END);
  if (end < 0) end = window.length;
  let lines = 1;
  for (let at = window.indexOf('\n'); at >= 0 && at < end; at = window.indexOf('\n', at + 1)) {
    if (window.slice(0, at).trim().length >= 8 || ++lines > 3) {
      end = at;
      break;
    }
  }
  end = Math.min(end, 60);
  const raw = window.slice(0, end).trimEnd();
  const value = raw.replace(/\s*\n\s*/g, ' ').trim();
  return value.length >= 2 ? { value, start, end: start + raw.length } : undefined;
}

function skipBlankLines(source: string, from: number): number {
  const match = /^(?:[ \t]*\r?\n)*/.exec(source.slice(from, from + 4096));
  return from + (match ? match[0].length : 0);
}

/**
 * Where the first text on a line that a line break ends begins, or -1: what
 * `search(/\S[^\r\n]*\r?\n/)` finds, in one pass (that search rescans a long line from each of its characters).
 */
function firstEndedLineText(head: string): number {
  for (let start = 0; start < head.length; ) {
    let end = start;
    let text = -1;
    for (; end < head.length && head[end] !== '\r' && head[end] !== '\n'; end++) if (text < 0 && /\S/.test(head[end])) text = end;
    const ended = head[end] === '\n' || (head[end] === '\r' && head[end + 1] === '\n');
    if (text >= 0 && ended) return text;
    start = end + 1;
  }
  return -1;
}

export function detectFormat(body: string, frontMatter: FrontMatter | undefined, hasHeader: boolean): ArticleFormat {
  const head = body.slice(0, FORMAT_CHECK_LENGTH);
  if (HTML_DOCUMENT.test(head)) return 'html';
  UNDERLINED_LINE.lastIndex = 0;
  // Performance: an underline always follows a line break, so most heads skip the slower full pattern.
  const underline = UNDERLINE_AFTER_BREAK.test(head) ? UNDERLINED_LINE.exec(head) : null;
  const firstLineEnd = firstEndedLineText(head);
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
    const lineEnd = match.index + match[0].length;
    const textStart = lineEnd - match[2].length;
    // The text ends before the closing run of spaces and `#`s.
    let textEnd = lineEnd;
    while (textEnd > textStart && (source[textEnd - 1] === ' ' || source[textEnd - 1] === '\t' || source[textEnd - 1] === '#')) textEnd--;
    const raw = source.slice(textStart, textEnd);
    const title = plainMarkdown(raw);
    if (!title || isNavigation(raw)) continue;
    headings.push({ title, level: match[1].length, headingSpan: { start: textStart, end: textEnd }, span: { start: match.index, end: lineEnd } });
  }
  return headings;
}

/** A heading made only of links (`#### [首页](…) | [新闻](…)`): a site's navigation, not a section or a title. */
function isNavigation(text: string): boolean {
  INLINE_LINK.lastIndex = 0;
  if (!INLINE_LINK.test(text)) return false;
  return NAVIGATION_SEPARATORS.test(text.replace(INLINE_LINK, ''));
}

/**
 * Inline Markdown reduced to its words, for headings shown in the outline. Every bracketed part
 * stops at the next bracket of its kind, so a run of unclosed links (`[a](b` × n) is read once.
 */
function plainMarkdown(text: string): string {
  return text
    .replace(/!\[[^\][]*\]\([^)(]*\)/g, '')
    .replace(/\[\[(?:[a-z]{2}:)?([^\][|]*)(?:\|[^\][]*)?\]\]/g, '$1')
    .replace(/\[([^\][]*)\]\([^)(]*\)/g, '$1')
    .replace(/:[a-z_]+:/g, '')
    .replace(/[*_`]+/g, '')
    .trim();
}

/**
 * A section's name is at most this many characters of its heading's text: headings nested in
 * headings (`<h1>a<h1>b…`) each hold all the text after them, and n names of all of it are n².
 */
const MAX_SECTION_NAME = 200;

function htmlHeadings(headings: HtmlHeading[], text: string, title: string | undefined): FlatHeading[] {
  const flat: FlatHeading[] = [];
  // The walk lists headings as they close: a heading left open around the next (`<h2>a</hp>…<h2>b`)
  // closes after it. Sections follow the source order, or a section would end before it starts.
  for (const heading of [...headings].sort((a, b) => a.sourceStart - b.sourceStart)) {
    const long = heading.textEnd - heading.textStart > MAX_SECTION_NAME;
    const shown = text.slice(heading.textStart, long ? heading.textStart + MAX_SECTION_NAME : heading.textEnd).replace(/\s+/g, ' ').trim();
    const name = long ? `${shown}…` : shown;
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
  bodyStart: number,
): TitleSource | undefined {
  const fmTitle = frontMatter?.values.title;
  const fmSpan = frontMatter?.valueSpans.title;
  // Wiki.js daily pages: the title is the day, the description the headline.
  const description = frontMatter?.values.description;
  const descriptionSpan = frontMatter?.valueSpans.description;
  if ((typeof fmTitle === 'string' || typeof fmTitle === 'number') && ONLY_A_DATE.test(String(fmTitle)) && typeof description === 'string' && description.trim() && descriptionSpan) {
    return { value: description.trim(), pieces: trimPieces(scalarPieces(source, descriptionSpan, description)), origin: 'description' };
  }
  if (typeof fmTitle === 'string' && fmTitle.trim() && fmSpan) {
    return { value: fmTitle.trim(), pieces: trimPieces(scalarPieces(source, fmSpan, fmTitle)), origin: 'front matter' };
  }
  if (header) return { value: header.title, pieces: [[header.titleSpan.start, header.title.length, header.title]], origin: 'header' };
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
    raw = raw.replace(TITLE_FOOTNOTE_REFERENCE, '').trimEnd();
    return { value: raw, pieces: [[start, raw.length, raw]], bodyLine: underlinedTitle.span };
  }
  // A news site's Markdown mirror opens with its headline at any level, underlined with `------`.
  const opening = markdownHeadings[0];
  const underline = opening && opening.span.start <= skipBlankLines(source, bodyStart) ? /^[ \t]*(?:\r\n|\r|\n)[ \t]*-{3,}[ \t]*(?:\r\n|\r|\n|$)/.exec(source.slice(opening.span.end, opening.span.end + 256)) : null;
  // Otherwise the first substantial level 1–2 heading; navigation links such as `[返回](README.md)`
  // and the numbered items of a digest are not titles.
  const heading = underline
    ? opening
    : markdownHeadings.find((candidate) => candidate.level <= 2 && !/\]\(/.test(source.slice(candidate.headingSpan.start, candidate.headingSpan.end)) && !NUMBERED_HEADING.test(candidate.title) && candidate.title.length >= 2);
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

interface DateEvidence {
  source: string;
  fileName?: string;
  frontMatter?: FrontMatter;
  stamp?: { ms: string; span: SourceSpan };
  page: HtmlPageInfo;
  body: string;
  bodyStart: number;
  lead: string;
  dateline?: Dateline;
}

/** Front-matter keys that hold the publication date, most trusted first (`lastmod` only when nothing else is given). */
const FRONT_MATTER_DATE_KEYS = ['date', 'published', 'pubDate', 'publishDate', 'publish_date', 'date_published', 'datePublished', 'dateCreated', 'created', 'created_at', 'lastmod', 'updated', 'dateModified'];
/** Where a date was read from (not derived): these may be checked against each other. */
const METADATA_ORIGINS = new Set<Article['dateOrigin']>(['front matter', 'stamp', 'time element', 'meta', 'json-ld']);

/**
 * The article's date, from the most trusted place that gives one: front matter or page metadata,
 * the title's `YYYYMMDD`, a footnote, the dateline, a byline, the source URL or the file name,
 * and last an upload path's month with a day of that month from the lead. A date in the body's
 * prose is never the article's date.
 */
function readDate(article: Article, evidence: DateEvidence, problems: Problem[]): void {
  const { source, frontMatter, stamp, page, body, bodyStart, lead, dateline } = evidence;
  const set = (value: string | undefined, span: SourceSpan, origin: NonNullable<Article['dateOrigin']>): boolean => {
    if (!value || article.date) return Boolean(value && article.date);
    article.date = { value, span };
    article.dateOrigin = origin;
    return true;
  };
  for (const key of FRONT_MATTER_DATE_KEYS) {
    const value = frontMatter?.values[key];
    if (value === undefined || value === null || value === '' || typeof value === 'boolean') continue;
    const span = frontMatter!.valueSpans[key] ?? frontMatter!.span;
    if (set(dateFromFrontMatter(value), span, 'front matter')) break;
    problems.push({ message: `Front matter ${key} ${JSON.stringify(String(value))} is not a date Summit Lens can read (expected e.g. 2023-10-29).`, span, severity: 'warning' });
  }
  // Wiki.js daily pages are titled with their day.
  const fmTitle = frontMatter?.values.title;
  if (!article.date && (typeof fmTitle === 'string' || typeof fmTitle === 'number') && ONLY_A_DATE.test(String(fmTitle)) && frontMatter!.valueSpans.title) {
    set(dateFromFrontMatter(String(fmTitle)) ?? compactDate(String(fmTitle))?.date, frontMatter!.valueSpans.title, 'front matter');
  }
  if (stamp && stamp.ms !== 'NaN') set(dateFromEpochMs(Number(stamp.ms)), stamp.span, 'stamp');
  if (page.timeDatetime) set(dateFromFrontMatter(page.timeDatetime.value), page.timeDatetime, 'time element');
  if (page.metaDate) set(dateFromFrontMatter(page.metaDate.value), page.metaDate, 'meta');
  const jsonLd = article.date ? undefined : jsonLdDate(source, bodyStart);
  if (jsonLd) set(dateFromFrontMatter(jsonLd.value), jsonLd.span, 'json-ld');
  if (article.title && article.titleOrigin !== 'first sentence') {
    const compact = compactDate(article.title.value);
    const titleStart = article.title.span.start;
    if (compact) set(compact.date, { start: titleStart + compact.index, end: titleStart + compact.index + compact.length }, 'title');
  }
  FOOTNOTE.lastIndex = 0;
  for (let match; !article.date && (match = FOOTNOTE.exec(body)); ) {
    const found = proseDate(match[1]);
    if (found) {
      const start = bodyStart + match.index + match[0].indexOf(match[1]) + found.index;
      set(found.date, { start, end: start + found.length }, 'footnote');
    }
  }

  // Dates from where the file came from: the source URL (an archive's capture date is not one) and the file name.
  const url = article.url ? unwrapArchiveUrl(article.url.value) : undefined;
  const inUrl = url ? pathDate(url.replace(/^[a-z]+:\/\/[^/]*/i, '')) : undefined;
  const inFileName = evidence.fileName ? pathDate(fileNameOf(evidence.fileName)) : undefined;
  // Performance: the body is searched for an upload path only when nothing better dates the article.
  const upload = article.date || inUrl || inFileName ? undefined : uploadPathMonth(body);
  const reference: PartialDate | undefined = article.date
    ? partial(article.date.value)
    : inUrl
      ? partial(inUrl.date)
      : inFileName
        ? partial(inFileName.date)
        : upload && { year: upload.year, month: upload.month };

  const datelineDate = dateline && resolveDateline(dateline, reference);
  const datelineSpan = dateline && article.sourceMap.toSource(dateline.index, dateline.index + dateline.length);
  if (datelineDate && datelineSpan) {
    if (article.date && METADATA_ORIGINS.has(article.dateOrigin) && datelineDate > dayAfter(article.date.value)) {
      problems.push({ message: `The dateline says ${datelineDate}, later than the date ${article.date.value} the ${article.dateOrigin} gives: one of them is wrong.`, span: datelineSpan, severity: 'warning' });
    }
    set(datelineDate, datelineSpan, 'dateline');
  }
  const byline = article.date ? undefined : bylineDate(lead);
  if (byline) set(byline.date, article.sourceMap.toSource(byline.index, byline.index + byline.length), 'byline');
  // A full date in the title (`新闻联播 2022年11月14日`, `2021.11.23 电话会谈摘要`) is the day it reports.
  if (!article.date && article.title && article.titleOrigin !== 'first sentence') {
    const found = proseDate(article.title.value) ?? pathDate(article.title.value);
    const { span } = article.title;
    const written = source.slice(span.start, span.end) === article.title.value;
    if (found) set(found.date, written ? { start: span.start + found.index, end: span.start + found.index + found.length } : span, 'title');
  }
  if (inUrl && article.url) {
    // The span is the URL as written; the date's own characters sit inside it (an archive's URL holds two).
    set(inUrl.date, article.url.span, 'url');
  }
  if (inFileName) set(inFileName.date, { start: 0, end: 0 }, 'file name');
  // Reposts often carry only a month and day (`9月10日`); the year and month of an upload path such as `/2021/09/` complete it.
  if (!article.date && upload) {
    let latestDay = 0;
    let daySpan: SourceSpan | undefined;
    for (const match of lead.matchAll(/(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日/g)) {
      if (Number(match[1]) === upload.month && Number(match[2]) > latestDay) {
        latestDay = Number(match[2]);
        daySpan = article.sourceMap.toSource(match.index!, match.index! + match[0].length);
      }
    }
    const date = latestDay ? isoDate(upload.year, upload.month, latestDay) : undefined;
    if (date && daySpan) set(date, daySpan, 'inferred');
  }

  const derivedFrom: Partial<Record<NonNullable<Article['dateOrigin']>, string>> = {
    url: 'the source URL',
    'file name': 'the file name',
    inferred: `an upload path's month (${upload ? `${upload.year}-${String(upload.month).padStart(2, '0')}` : ''}) and a day of that month in the text`,
  };
  const derived = article.dateOrigin && derivedFrom[article.dateOrigin];
  if (article.date && derived) {
    problems.push({ message: `The date ${article.date.value} is derived from ${derived}; no front matter, page metadata, dateline or byline gives it. Add \`date:\` to the front matter to confirm it.`, span: article.date.span, severity: 'information' });
  }
  if (article.date && METADATA_ORIGINS.has(article.dateOrigin)) {
    for (const [found, where, span] of [[inUrl, 'source URL', article.url?.span], [inFileName, 'file name', { start: 0, end: 0 }]] as const) {
      if (found && span && found.date > dayAfter(article.date.value)) {
        problems.push({ message: `The ${where} says ${found.date}, later than the date ${article.date.value} the ${article.dateOrigin} gives: one of them is wrong.`, span, severity: 'warning' });
      }
    }
  }
  if (!article.date) {
    const month = upload ? ` Only the month is known (${upload.year}-${String(upload.month).padStart(2, '0')}, from an upload path).` : '';
    problems.push({
      message: `No date found, so relative dates (周三, 昨天) cannot be resolved to a meeting.${month} Add \`date:\` to the front matter or a \`<!--epoch-ms-->\` stamp.`,
      span: { start: 0, end: 0 },
      severity: 'information',
    });
  }
}

const ONLY_A_DATE = /^\s*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8})\s*$/;

function partial(date: string): PartialDate {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function dayAfter(date: string): string {
  // Performance: an ISO day is counted on without a Date; anything else goes through one, as it always did.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (day) {
    const [year, month, dayOfMonth] = [+day[1], +day[2], +day[3]];
    if (year < 9999 && month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month)) {
      if (dayOfMonth < daysInMonth(year, month)) return `${day[1]}-${day[2]}-${String(dayOfMonth + 1).padStart(2, '0')}`;
      return month < 12 ? `${day[1]}-${String(month + 1).padStart(2, '0')}-01` : `${String(year + 1).padStart(4, '0')}-01-01`;
    }
  }
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function fileNameOf(path: string): string {
  const decoded = /%[0-9a-f]{2}/i.test(path) ? safeDecode(path) : path;
  return decoded.slice(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `"datePublished": "2020-06-28T08:00:00+08:00"` in a page's JSON-LD, found without parsing the script. */
function jsonLdDate(source: string, from: number): { value: string; span: SourceSpan } | undefined {
  const key = source.indexOf('"datePublished"', from);
  if (key < 0) return undefined;
  const match = /^"datePublished"\s*:\s*"([^"\r\n]{4,40})"/.exec(source.slice(key, key + 80));
  if (!match) return undefined;
  const start = key + match[0].length - match[1].length - 1;
  return { value: match[1], span: { start, end: start + match[1].length } };
}

const BYLINE_SOURCE = /(?<!图片|圖片|图像|圖像|封面|照片)(?:来源|來源|稿源|出处)\s*[：:]\s*([\u3400-\u9fffA-Za-z0-9]{2,12})(?![\u3400-\u9fffA-Za-z0-9])/;

/** Words of a reporter's byline (`台灣特派員鄭智仁`, `中國組記者翁維愷`): an author, never an outlet. */
const REPORTER_BYLINE = /记者|記者|特派员|特派員|特约|特約|通讯员|通訊員|撰稿|编辑|編輯|评论员|評論員|主播|作者|译者|譯者|reporter|correspondent/i;

/**
 * The outlet, from the most trusted place that names it: the front matter, the dateline, the
 * page's site name, the source URL's domain (data/outlets.yaml), a `来源：` line, and for a video
 * platform's page the channel that posted it. A byline names the author, never the outlet.
 */
function readOutletAndUrl(
  article: Article,
  source: string,
  frontMatter: FrontMatter | undefined,
  header: { url: string; urlSpan: SourceSpan } | undefined,
  page: HtmlPageInfo,
  text: string,
  dateline: Dateline | undefined,
  datelineOutlet: { outlet: Outlet; length: number } | undefined,
): void {
  // An outlet is named in the script of the article's title.
  const nameOf = (outlet: Outlet) => (outlet.traditional !== outlet.name && article.title && normalizeForMatching(article.title.value) !== article.title.value ? outlet.traditional : outlet.name);
  const frontMatterString = (key: string): Field | undefined => {
    const value = frontMatter?.values[key];
    const span = frontMatter?.valueSpans[key];
    return typeof value === 'string' && value.trim() && span ? { value: value.trim(), span: unquoted(source, span) } : undefined;
  };
  for (const key of ['from', 'url', 'link', 'source_url', 'canonical_url', 'original_url', 'source', 'original']) {
    const field = frontMatterString(key);
    if (field && /^https?:/.test(field.value)) {
      article.url = field;
      break;
    }
  }
  if (!article.url && header) article.url = { value: header.url, span: header.urlSpan };
  if (!article.url && page.url) article.url = { value: page.url.value, span: page.url };
  if (!article.url) {
    // A repost's link to where it was copied from: `[轉載自GNews](https://gnews.org/…)`, `[原文链接](…)`.
    const repost = /\[(?:轉載自|转载自|轉自|转自|原文|来源|來源|出处|出處|Source)[^\]\r\n]{0,30}\]\((https?:\/\/[^)\s]+)\)/i.exec(source.slice(0, 8000));
    if (repost) {
      const start = repost.index + repost[0].length - 1 - repost[1].length;
      article.url = { value: repost[1], span: { start, end: start + repost[1].length } };
    }
  }
  const author = frontMatterString('author') ?? frontMatterString('authors') ?? frontMatterString('byline');
  if (author) article.author = author;
  else {
    // A footnote that names the authors: `.. [1] 2023年11月17日11:10 CST 更新 Charles Hutzler / Lingling Wei`.
    const footnote = /^\.\.[ \t]+\[[^\]\r\n]+\][ \t]+[^\r\n]*?(?:更新|updated)[ \t]+([^\r\n]+)$/im.exec(source);
    if (footnote) {
      const start = footnote.index + footnote[0].length - footnote[1].length;
      article.author = { value: footnote[1].trim(), span: { start, end: start + footnote[1].trimEnd().length } };
    }
  }

  for (const key of ['outlet', 'publisher', 'site_name', 'siteName', 'site', 'source', 'media']) {
    const field = frontMatterString(key);
    if (field && !/^https?:/.test(field.value) && !REPORTER_BYLINE.test(field.value)) {
      const known = OUTLETS.named(field.value);
      article.outlet = known && known.name !== field.value && known.traditional !== field.value ? field : field;
      return;
    }
  }
  if (dateline) {
    const span = article.sourceMap.toSource(dateline.nameIndex, dateline.nameIndex + (datelineOutlet?.length ?? dateline.name.length));
    if (datelineOutlet) {
      article.outlet = { value: source.slice(span.start, span.end) === nameOf(datelineOutlet.outlet) ? nameOf(datelineOutlet.outlet) : source.slice(span.start, span.end), span };
      return;
    }
    if (dateline.bracketed && dateline.name.length <= 10 && !REPORTER_BYLINE.test(dateline.name)) {
      article.outlet = { value: dateline.name, span };
      return;
    }
  }
  if (page.siteName && page.siteName.value.trim()) {
    const known = OUTLETS.named(page.siteName.value);
    article.outlet = { value: known ? nameOf(known) : page.siteName.value.trim(), span: page.siteName };
    return;
  }
  const host = article.url ? OUTLETS.ofUrl(unwrapArchiveUrl(article.url.value)) : undefined;
  if (host && host !== 'platform') {
    article.outlet = { value: nameOf(host), span: article.url!.span };
    return;
  }
  // Bylines such as `来源：央视网` (not picture credits), when they name an outlet rather than a phrase.
  const bylineHead = text.slice(0, LEAD_LENGTH * 2);
  // Performance: every such word ends in 源 or is 出处, and a native search says whether the head has one.
  const byline = bylineHead.includes('源') || bylineHead.includes('出处') ? BYLINE_SOURCE.exec(bylineHead) : null;
  if (byline) {
    const textStart = byline.index + byline[0].length - byline[1].length;
    const known = OUTLETS.named(byline[1]);
    article.outlet = { value: known ? nameOf(known) : byline[1], span: article.sourceMap.toSource(textStart, textStart + byline[1].length) };
    return;
  }
  // A channel on a video platform is the outlet of what it posts (a reporter's byline is not).
  if (author && host === 'platform' && !REPORTER_BYLINE.test(author.value)) {
    article.outlet = author;
    return;
  }
  if (article.url && host === undefined) {
    const hostName = /^https?:\/\/(?:www\.)?([^/:?#]+)/.exec(unwrapArchiveUrl(article.url.value));
    if (hostName) article.outlet = { value: hostName[1], span: article.url.span };
  }
}

function unquoted(source: string, span: SourceSpan): SourceSpan {
  const first = source[span.start];
  if ((first === '"' || first === "'") && source[span.end - 1] === first && span.end - span.start >= 2) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

export type { Field };
