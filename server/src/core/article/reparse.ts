/**
 * Re-reads an article after an edit without parsing it again where it can:
 * - typing or deleting prose inside a run of visible text cannot change the layout: the
 *   previous layout is spliced (offsets after the edit move, the run grows or shrinks);
 * - any other edit inside an HTML body is walked again from the last checkpoint before it until
 *   the walk is back in step with the previous one, and the rest of the previous walk is moved.
 * Everything read from the text (sections' names, title, date, outlet) is derived afresh, so the
 * result is the one a full parse gives. Other edits return undefined, and the caller parses in full.
 */
import { LineIndex } from '../text/lineIndex';
import { resumeHtmlWalk, type HtmlHeading, type WalkCheckpoint } from './htmlBody';
import type { SourceSpan, ParseResult } from './model';
import { BINARY_CHECK_LENGTH, FORMAT_CHECK_LENGTH, MAX_PARSED_CHARACTERS, byteOrderMarks, deriveArticle, detectFormat, looksBinary, type ArticleStructure } from './parseArticle';
import { VisibleTextBuilder } from './visibleText';

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
  // Byte-order marks stay in the source (see parseArticle); an edit among them is read afresh.
  const source = input;
  const old = structure.source;
  if (source === old) return { ...previous, textEdit: { start: 0, end: 0, inserted: '' } };
  if (source.length > MAX_PARSED_CHARACTERS || old.length > MAX_PARSED_CHARACTERS) return undefined;

  const edit = singleEdit(old, source);
  const delta = edit.inserted.length - (edit.end - edit.start);
  const marks = Math.max(byteOrderMarks(old), byteOrderMarks(source));
  if (marks > 0 && edit.start <= marks) return undefined;
  // Binary content and the format are told from the file's and the body's heads, which only an
  // edit inside them (or one moving their window) can change.
  if (edit.start < BINARY_CHECK_LENGTH && looksBinary(source)) return undefined;
  if (
    edit.start < structure.bodyStart + FORMAT_CHECK_LENGTH &&
    detectFormat(source.slice(structure.bodyStart), structure.frontMatter, structure.stamp !== undefined || structure.header !== undefined) !== structure.format
  ) {
    return undefined;
  }
  // Plain text on both sides of the edit, and the edit itself, all inside one run of visible text.
  const prose = edit.start - 1 > structure.bodyStart && edit.end < old.length && cannotChangeMarkup(old, edit);
  const piece = prose ? structure.sourceMap.pieceHolding(edit.start - 1, edit.end + 1) : -1;
  if (piece < 0 || protectedSpans(structure).some((span) => span.start <= edit.end && edit.start <= span.end)) return rewalkBody(previous, structure, source, edit);

  const textStart = structure.sourceMap.textOffsetIn(piece, edit.start);
  const textEnd = textStart + (edit.end - edit.start);
  const moveSource = sourceMover(edit);
  const moveText = (offset: number) => (offset >= textEnd ? offset + delta : offset);
  const spliced: ArticleStructure = {
    ...structure,
    ...movedFields(structure, moveSource),
    source,
    htmlHeadings: structure.htmlHeadings.map((heading) => movedHtmlHeading(heading, moveText, moveSource)),
    text: structure.text.slice(0, textStart) + edit.inserted + structure.text.slice(textEnd),
    sourceMap: structure.sourceMap.withResizedPiece(piece, edit.end, delta),
    // Checkpoints sit at end tags, never inside a run of text: those after the edit move.
    walk: structure.walk && {
      checkpoints: structure.walk.checkpoints.map((checkpoint) => (checkpoint.offset <= edit.start ? checkpoint : movedCheckpoint(checkpoint, moveSource, { text: delta, pieces: 0, headings: 0 }))),
      end: { ...structure.walk.end, textLength: structure.walk.end.textLength + delta },
    },
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

/**
 * How far into the body the stamp and `[title](url)` header are looked for: an edit there may
 * move the body's start, and is read in full.
 */
const BODY_HEAD_WINDOW = 4096 + 64;

/**
 * Walks an HTML body again from the last checkpoint at or before the edit. At each end tag past
 * the edit, the walk stops if the previous walk had a checkpoint at the same place (moved by the
 * edit) with the same elements open and the same last character: from there on both walks read
 * the same source in the same state, so the previous walk's text, pieces, headings and
 * checkpoints are moved rather than made again. Undefined when the edit is not in an HTML body,
 * or the re-walked stretch holds page fields (a `<time>`, `<meta>`, `<link>` or `<head>`).
 */
function rewalkBody(previous: ParseResult, structure: ArticleStructure, source: string, edit: SourceEdit): ParseResult | undefined {
  const walk = structure.walk;
  if (!walk || edit.start < structure.bodyStart + BODY_HEAD_WINDOW) return undefined;
  const delta = edit.inserted.length - (edit.end - edit.start);
  const checkpoints = walk.checkpoints;
  let at = 0;
  while (at + 1 < checkpoints.length && checkpoints[at + 1].offset <= edit.start) at++;
  const from = checkpoints[at];
  const later = new Map(checkpoints.slice(at + 1).map((checkpoint) => [checkpoint.offset, checkpoint] as const));
  const editEnd = edit.start + edit.inserted.length;
  let resumedAt: WalkCheckpoint | undefined;
  let resumedIndex = checkpoints.length;
  const builder = new VisibleTextBuilder(source, from.lastChar);
  const rewalk = resumeHtmlWalk(source, Math.min(source.length, MAX_PARSED_CHARACTERS), builder, from, (checkpoint) => {
    if (checkpoint.offset < editEnd) return false;
    const earlier = later.get(checkpoint.offset - delta);
    if (!earlier || !sameWalkState(earlier, checkpoint)) return false;
    resumedAt = earlier;
    resumedIndex = checkpoints.indexOf(earlier);
    return true;
  });
  // Page fields are first come, first served: a stretch that held or now holds one is read in full.
  const stretchEnd = resumedAt?.offset ?? structure.source.length;
  const { title, timeDatetime, metaDate, url } = structure.page;
  if (Object.values(rewalk.page).some(Boolean) || [title, timeDatetime, metaDate, url].some((span) => span && span.end > from.offset && span.start < stretchEnd)) return undefined;

  // What the previous walk had produced where the walks are back in step (or at its end).
  const resume = resumedAt ?? walk.end;
  const middleText = builder.toString();
  const textShift = from.textLength + middleText.length - resume.textLength;
  const pieceShift = from.pieceCount + builder.map.pieceCount - resume.pieceCount;
  const headingShift = from.headingCount + rewalk.headings.length - resume.headingCount;
  const moveSource = sourceMover(edit);
  const shift = { text: textShift, pieces: pieceShift, headings: headingShift };
  const spliced: ArticleStructure = {
    ...structure,
    ...movedFields(structure, moveSource),
    source,
    htmlHeadings: [
      ...structure.htmlHeadings.slice(0, from.headingCount),
      ...rewalk.headings.map((heading) => ({ ...heading, textStart: heading.textStart + from.textLength, textEnd: heading.textEnd + from.textLength })),
      ...structure.htmlHeadings.slice(resume.headingCount).map((heading) => movedHtmlHeading(heading, (offset) => offset + textShift, moveSource)),
    ],
    text: structure.text.slice(0, from.textLength) + middleText + structure.text.slice(resume.textLength),
    sourceMap: structure.sourceMap.spliced(from.pieceCount, from.textLength, builder.map, resume.pieceCount, resume.textLength, moveSource),
    walk: {
      checkpoints: [
        ...checkpoints.slice(0, at + 1),
        ...rewalk.checkpoints.map((checkpoint) => movedCheckpoint(checkpoint, (offset) => offset, { text: from.textLength, pieces: from.pieceCount, headings: from.headingCount })),
        ...checkpoints.slice(resumedIndex).map((checkpoint) => movedCheckpoint(checkpoint, moveSource, shift)),
      ],
      end: { textLength: walk.end.textLength + textShift, pieceCount: walk.end.pieceCount + pieceShift, headingCount: walk.end.headingCount + headingShift },
    },
  };
  // Lines after the edit only move, unless it holds a line break or sits right next to one.
  const old = structure.source;
  const breaks = /[\r\n]/.test(edit.inserted + old.slice(Math.max(0, edit.start - 1), edit.end + 1));
  const lines = breaks ? new LineIndex(source) : previous.article.lines.afterEdit(source, edit.end, delta);
  return { ...deriveArticle(spliced, lines), textEdit: { start: from.textLength, end: resume.textLength, inserted: middleText } };
}

/** Where an offset of the old source is in the new one: offsets from the edit's end on move. */
function sourceMover(edit: SourceEdit): (offset: number) => number {
  const delta = edit.inserted.length - (edit.end - edit.start);
  return (offset) => (offset >= edit.end ? offset + delta : offset);
}

/** The title, the source's own headings and the page fields, moved by an edit none of them holds. */
function movedFields(structure: ArticleStructure, moveSource: (offset: number) => number): Pick<ArticleStructure, 'title' | 'headings' | 'page' | 'pageTitle'> {
  const moveSpan = <T extends SourceSpan>(span: T): T => ({ ...span, start: moveSource(span.start), end: moveSource(span.end) });
  const { title, headings, page, pageTitle } = structure;
  return {
    title: title && { ...title, pieces: title.pieces.map(([start, length, text]) => [moveSource(start), length, text]), bodyLine: title.bodyLine && moveSpan(title.bodyLine) },
    headings: headings.map((heading) => ({ ...heading, headingSpan: moveSpan(heading.headingSpan), span: moveSpan(heading.span) })),
    page: {
      title: page.title && moveSpan(page.title),
      timeDatetime: page.timeDatetime && moveSpan(page.timeDatetime),
      metaDate: page.metaDate && moveSpan(page.metaDate),
      url: page.url && moveSpan(page.url),
    },
    pageTitle: pageTitle && { ...pageTitle, span: moveSpan(pageTitle.span) },
  };
}

function movedHtmlHeading(heading: HtmlHeading, moveText: (offset: number) => number, moveSource: (offset: number) => number): HtmlHeading {
  return { level: heading.level, textStart: moveText(heading.textStart), textEnd: moveText(heading.textEnd), sourceStart: moveSource(heading.sourceStart), sourceEnd: moveSource(heading.sourceEnd) };
}

/** A checkpoint moved in the source, and with what the walk had produced before it grown by `shift`. */
function movedCheckpoint(checkpoint: WalkCheckpoint, moveSource: (offset: number) => number, shift: { text: number; pieces: number; headings: number }): WalkCheckpoint {
  return {
    ...checkpoint,
    offset: moveSource(checkpoint.offset),
    textLength: checkpoint.textLength + shift.text,
    pieceCount: checkpoint.pieceCount + shift.pieces,
    headingCount: checkpoint.headingCount + shift.headings,
  };
}

/** Whether two walks at the same place will read on alike: the same elements open, the same last character. */
function sameWalkState(a: WalkCheckpoint, b: WalkCheckpoint): boolean {
  if (a.lastChar !== b.lastChar || a.open.length !== b.open.length || a.tree.stack.length !== b.tree.stack.length) return false;
  for (let i = 0; i < a.open.length; i++) {
    const x = a.open[i];
    const y = b.open[i];
    if (x.name !== y.name || x.block !== y.block) return false;
  }
  for (let i = 0; i < a.tree.stack.length; i++) if (a.tree.stack[i] !== b.tree.stack[i]) return false;
  return a.tree.foreignContext.join() === b.tree.foreignContext.join();
}
