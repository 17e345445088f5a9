/**
 * Re-reads an article after an edit without parsing it again, when the edit cannot change its
 * layout: typing or deleting prose inside a run of visible text. The previous layout is
 * spliced (offsets after the edit move, the run grows or shrinks) and everything read from the
 * text (sections' names, title, date, outlet) is derived afresh, so the result is the one a full
 * parse gives. Any other edit returns undefined, and the caller parses in full.
 */
import type { SourceSpan, ParseResult } from './model';
import { BINARY_CHECK_LENGTH, FORMAT_CHECK_LENGTH, MAX_PARSED_CHARACTERS, deriveArticle, detectFormat, looksBinary, type ArticleStructure } from './parseArticle';

/** One contiguous change: source [start, end) of the old text replaced by `inserted`. */
export interface SourceEdit {
  start: number;
  end: number;
  inserted: string;
}

/**
 * The smallest single edit turning `before` into `after`: their common prefix and suffix are
 * left out. Editors send small changes, so the shared ends are nearly the whole text.
 */
export function singleEdit(before: string, after: string): SourceEdit {
  const shorter = Math.min(before.length, after.length);
  // Whole blocks are compared natively first; only the block holding the change goes by character.
  let prefix = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (prefix + block <= shorter && before.slice(prefix, prefix + block) === after.slice(prefix, prefix + block)) prefix += block;
  }
  let suffix = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (suffix + block <= shorter - prefix && before.slice(before.length - suffix - block, before.length - suffix) === after.slice(after.length - suffix - block, after.length - suffix)) suffix += block;
  }
  return { start: prefix, end: before.length - suffix, inserted: after.slice(prefix, after.length - suffix) };
}

/**
 * Characters that take no part in any markup Summit Lens reads (tags, entities, URLs, Markdown
 * and reStructuredText syntax, front matter): Han ideographs and CJK punctuation. Every piece
 * of syntax is made of ASCII characters, so an edit of these characters, between two of them,
 * neither makes nor breaks any.
 */
function isProseCharacter(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3001 || code === 0x3002 ||
    (code >= 0x300a && code <= 0x3011) ||
    code === 0xff01 || code === 0xff08 || code === 0xff09 || code === 0xff0c || code === 0xff1a || code === 0xff1b || code === 0xff1f ||
    code === 0x201c || code === 0x201d || code === 0x2014 || code === 0x2026
  );
}

/**
 * ASCII punctuation that is syntax nowhere by itself: every entity, URL or piece of Markdown it
 * could take part in also needs `&`, `/`, `[`, `]` or a line break, which are not plain.
 * (`-`, `=`, `*`, `_`, `~`, `#` and `>` are left out: a line of them, or starting with them, is syntax.)
 */
const PLAIN_PUNCTUATION = new Set([...',.?!;()"\''].map((character) => character.charCodeAt(0)));

/**
 * Prose characters, ASCII letters and digits, the space and plain punctuation: plain text,
 * though letters and digits also spell entities and URLs.
 */
function isPlainCharacter(code: number): boolean {
  return isProseCharacter(code) || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code === 0x20 || PLAIN_PUNCTUATION.has(code);
}

function all(test: (code: number) => boolean, text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) if (!test(text.charCodeAt(i))) return false;
  return true;
}

/**
 * How far around an edit of plain characters the text must be plain too. Every piece of syntax
 * those characters could complete holds a character that is not plain (`&`, `:`, `/`, `#`, `*`,
 * brackets, a line break …) within this distance: the longest, an entity, spans `&` and `;`
 * around 32 characters.
 */
const PLAIN_REACH = 40;

/**
 * Whether an edit can change no markup: Chinese prose typed or deleted between two prose
 * characters, or plain characters (letters, digits, spaces, some punctuation) typed or deleted
 * where nothing but plain characters stands nearby.
 */
function cannotChangeMarkup(old: string, edit: SourceEdit): boolean {
  if (all(isProseCharacter, old, edit.start - 1, edit.end + 1) && all(isProseCharacter, edit.inserted)) return true;
  return all(isPlainCharacter, edit.inserted) && all(isPlainCharacter, old, Math.max(0, edit.start - PLAIN_REACH), Math.min(old.length, edit.end + PLAIN_REACH));
}

/** The parse of `input` reusing `previous`'s layout, or undefined when the edit may change the layout. */
export function reparseAfterEdit(previous: ParseResult, input: string): ParseResult | undefined {
  const structure = previous.structure;
  if (!structure) return undefined;
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const old = structure.source;
  if (source === old) return { ...previous, textEdit: { start: 0, end: 0, inserted: '' } };
  if (source.length > MAX_PARSED_CHARACTERS || old.length > MAX_PARSED_CHARACTERS) return undefined;

  const edit = singleEdit(old, source);
  const delta = edit.inserted.length - (edit.end - edit.start);
  // Plain text on both sides of the edit, and the edit itself, all inside one run of visible text.
  if (edit.start - 1 <= structure.bodyStart || edit.end >= old.length || !cannotChangeMarkup(old, edit)) return undefined;
  const piece = structure.sourceMap.pieceHolding(edit.start - 1, edit.end + 1);
  if (piece < 0) return undefined;
  if (protectedSpans(structure).some((span) => span.start <= edit.end && edit.start <= span.end)) return undefined;
  // Binary content and the format are told from the file's and the body's heads, which only an
  // edit inside them (or one moving their window) can change.
  if (edit.start < BINARY_CHECK_LENGTH && looksBinary(source)) return undefined;
  if (
    edit.start < structure.bodyStart + FORMAT_CHECK_LENGTH &&
    detectFormat(source.slice(structure.bodyStart), structure.frontMatter, structure.stamp !== undefined || structure.header !== undefined) !== structure.format
  ) {
    return undefined;
  }

  const textStart = structure.sourceMap.textOffsetIn(piece, edit.start);
  const textEnd = textStart + (edit.end - edit.start);
  const moveSource = (offset: number) => (offset >= edit.end ? offset + delta : offset);
  const moveText = (offset: number) => (offset >= textEnd ? offset + delta : offset);
  const moveSpan = <T extends SourceSpan>(span: T): T => ({ ...span, start: moveSource(span.start), end: moveSource(span.end) });
  const page = structure.page;
  const spliced: ArticleStructure = {
    ...structure,
    source,
    title: structure.title && {
      ...structure.title,
      pieces: structure.title.pieces.map(([start, length, text]) => [moveSource(start), length, text]),
      bodyLine: structure.title.bodyLine && moveSpan(structure.title.bodyLine),
    },
    headings: structure.headings.map((heading) => ({ ...heading, headingSpan: moveSpan(heading.headingSpan), span: moveSpan(heading.span) })),
    htmlHeadings: structure.htmlHeadings.map((heading) => ({
      level: heading.level,
      textStart: moveText(heading.textStart),
      textEnd: moveText(heading.textEnd),
      sourceStart: moveSource(heading.sourceStart),
      sourceEnd: moveSource(heading.sourceEnd),
    })),
    page: {
      title: page.title && moveSpan(page.title),
      timeDatetime: page.timeDatetime && moveSpan(page.timeDatetime),
      metaDate: page.metaDate && moveSpan(page.metaDate),
      url: page.url && moveSpan(page.url),
    },
    pageTitle: structure.pageTitle && { ...structure.pageTitle, span: moveSpan(structure.pageTitle.span) },
    text: structure.text.slice(0, textStart) + edit.inserted + structure.text.slice(textEnd),
    sourceMap: structure.sourceMap.withResizedPiece(piece, edit.end, delta),
  };
  // The edit holds no line break and touches none, so later lines only move.
  const lines = previous.article.lines.afterEdit(source, edit.end, delta);
  return { ...deriveArticle(spliced, lines), textEdit: { start: textStart, end: textEnd, inserted: edit.inserted } };
}

/** Source stretches whose text is read as a field or a heading: an edit there is re-read in full. */
function protectedSpans(structure: ArticleStructure): SourceSpan[] {
  const spans: SourceSpan[] = [];
  for (const [start, length] of structure.title?.pieces ?? []) spans.push({ start, end: start + length });
  if (structure.title?.bodyLine) spans.push(structure.title.bodyLine);
  for (const heading of structure.headings) spans.push(heading.headingSpan, heading.span);
  for (const heading of structure.htmlHeadings) spans.push({ start: heading.sourceStart, end: heading.sourceEnd });
  const { title, timeDatetime, metaDate, url } = structure.page;
  for (const span of [title, timeDatetime, metaDate, url]) if (span) spans.push(span);
  if (structure.pageTitle) spans.push(structure.pageTitle.span);
  return spans;
}
