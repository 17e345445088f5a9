/**
 * Reads an HTML (or Markdown with inline HTML) body: appends its visible text and collects its
 * headings and page metadata. The body is streamed through htmlparser2's tokenizer — the one
 * cheerio uses in its htmlparser2 mode — without building a DOM: a corpus of thousands of articles is
 * read once for text, and a tree per article would be garbage the moment the walk ends. A page's
 * `<head>`, small and read for its metadata only, is loaded with cheerio and queried with selectors.
 */
import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { ElementWalk, type ElementWalkState } from './elementWalk';
import type { TextMode, VisibleTextBuilder } from './visibleText';

/** Elements whose content a reader never sees as article prose. */
const HIDDEN_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'noscript', 'template', 'svg', 'canvas', 'head', 'nav', 'footer', 'aside',
  'button', 'select', 'option', 'form', 'input', 'textarea', 'object', 'embed', 'video', 'audio', 'map',
]);

const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th',
  'tbody', 'thead', 'blockquote', 'pre', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br',
  'center', 'address', 'body', 'html',
]);

const HEADING_LEVELS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4 };

/** Navigation, sharing and advertising containers, recognised by their role or class/id words. */
const BOILERPLATE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);
const BOILERPLATE_NAMES = /(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|breadcrumbs?|share|sharing|advert|advertisement|sidebar|comments?)(?:$|[\s_-])/i;

/** The attributes the walk reads: what hides an element, and what `collectPageInfo` looks for. */
const READ_ATTRIBUTES = new Set(['aria-hidden', 'hidden', 'role', 'class', 'id', 'datetime', 'content', 'property', 'name', 'itemprop', 'rel']);

export interface HtmlHeading {
  level: number;
  textStart: number;
  textEnd: number;
  sourceStart: number;
  sourceEnd: number;
}

interface PageValue {
  value: string;
  start: number;
  end: number;
}

export interface HtmlPageInfo {
  title?: PageValue;
  timeDatetime?: PageValue;
  metaDate?: PageValue;
  url?: PageValue;
  /** `<meta property="og:site_name">` or `application-name`: the outlet as the page names itself. */
  siteName?: PageValue;
}

export interface HtmlWalkResult {
  headings: HtmlHeading[];
  page: HtmlPageInfo;
  /** Where a later walk may resume (HTML mode only), in source order; a fresh walk's first is its start. */
  checkpoints: WalkCheckpoint[];
}

/**
 * The walk's state right after an end tag, outside hidden elements and headings: everything a
 * walk needs to resume there. Counts are of what the walk had produced by then.
 */
export interface WalkCheckpoint {
  /** Source offset just after the end tag's `>`. */
  offset: number;
  /** The open elements, outermost first; none hides its content there, so none is a `<head>`. */
  open: Array<{ name: string; block: boolean }>;
  tree: ElementWalkState;
  lastChar: string;
  textLength: number;
  pieceCount: number;
  headingCount: number;
}

/** A checkpoint is kept at the first end tag past every this many source characters. */
const CHECKPOINT_SPACING = 2048;

/**
 * No checkpoint is made with more elements open than this: a checkpoint copies the open
 * elements, and copies of a stack n deep at every end tag of a resumed walk are n².
 */
const MAX_CHECKPOINT_DEPTH = 256;

/** An element open during the walk, with what its end tag must undo. */
interface OpenElement {
  name: string;
  /** It hides its content (hidden element or boilerplate), so its end tag ends a hidden stretch. */
  hides: boolean;
  /** It starts a block, so its end tag ends the line. */
  block: boolean;
  heading?: HtmlHeading;
  /** Source offset of its start tag (the `<head>`'s, to hand that slice to cheerio). */
  start: number;
}

/** Class and id strings already judged: pages repeat the same few hundred of them thousands of times. */
const boilerplateNames = new Map<string, boolean>();

function isBoilerplate(attributes: Record<string, string>): boolean {
  if (attributes['aria-hidden'] === 'true' || attributes.hidden !== undefined) return true;
  if (attributes.role && BOILERPLATE_ROLES.has(attributes.role)) return true;
  return namesBoilerplate(attributes.class) || namesBoilerplate(attributes.id);
}

/** Whether a class or id value holds a boilerplate word (the words are whole, so class and id can be judged apart). */
function namesBoilerplate(names: string | undefined): boolean {
  if (!names) return false;
  let judged = boilerplateNames.get(names);
  if (judged === undefined) {
    judged = BOILERPLATE_NAMES.test(names);
    // Bounded, so a corpus of unique ids cannot grow it without end.
    if (boilerplateNames.size >= 10_000) boilerplateNames.clear();
    // A copy, not the value itself: a slice of the page keeps the whole page in memory for as long
    // as the cache holds it (in an index worker, thousands of pages). Slicing a joined string copies
    // it into a string of its own (a tenth of the cost of splitting and joining its characters).
    boilerplateNames.set((' ' + names).slice(1), judged);
  }
  return judged;
}

/**
 * Appends the visible text of `source[start, end)` to `builder`; never throws on malformed HTML
 * (htmlparser2 recovers from unclosed and stray tags the way browsers roughly do). `skip` is a
 * source stretch already read as the title, left out of the text. In HTML mode the walk keeps
 * checkpoints, so that after an edit it can be resumed before the edit instead of redone.
 */
export function walkHtmlBody(
  source: string,
  start: number,
  end: number,
  builder: VisibleTextBuilder,
  mode: TextMode,
  skip?: { start: number; end: number },
): HtmlWalkResult {
  return walk(source, start, end, builder, mode, skip);
}

/**
 * Resumes a walk at `from` (a checkpoint of an earlier walk over a source that differs only after
 * it) into a fresh builder, whose text and pieces then count from the checkpoint. At each end tag
 * where `stopAt` says the walk is back in step with the earlier one, it stops: the rest is the
 * earlier walk's, moved. Checkpoints and headings are reported as the fresh builder counts them.
 */
export function resumeHtmlWalk(
  source: string,
  end: number,
  builder: VisibleTextBuilder,
  from: WalkCheckpoint,
  stopAt: (checkpoint: WalkCheckpoint) => boolean,
): HtmlWalkResult {
  return walk(source, from.offset, end, builder, 'html', undefined, { from, stopAt });
}

function walk(
  source: string,
  start: number,
  end: number,
  builder: VisibleTextBuilder,
  mode: TextMode,
  skip: { start: number; end: number } | undefined,
  resume?: { from: WalkCheckpoint; stopAt: (checkpoint: WalkCheckpoint) => boolean },
): HtmlWalkResult {
  const body = source.slice(start, end);
  const headings: HtmlHeading[] = [];
  const page: HtmlPageInfo = {};
  const checkpoints: WalkCheckpoint[] = [];
  const checkpointHere = (offset: number, open: readonly OpenElement[], tree: ElementWalkState): WalkCheckpoint => ({
    offset,
    open: open.map(({ name, block }) => ({ name, block })),
    tree,
    lastChar: builder.lastCharacter,
    textLength: builder.length,
    pieceCount: builder.map.pieceCount,
    headingCount: headings.length,
  });
  // The start is a checkpoint too: the tokenizer starts there in text, with nothing open.
  if (mode === 'html' && !resume) checkpoints.push(checkpointHere(start, [], { stack: [], foreignContext: [false] }));
  // A body without a single tag (most Markdown articles) has nothing for an HTML parser to do.
  if (!resume && !body.includes('<')) {
    appendText(builder, mode, start, end, skip);
    return { headings, page, checkpoints };
  }

  // Only a hiding element's start is ever read (the <head>'s), and none is open at a checkpoint.
  const open: OpenElement[] = resume ? resume.from.open.map(({ name, block }) => ({ name, hides: false, block, start: resume.from.offset })) : [];
  /** How many open elements hide their content. */
  let hidden = 0;
  /** How many open elements are headings (no checkpoint inside one). */
  let openHeadings = 0;
  // Adjacent text events (htmlparser2 splits text at a stray `<`) are appended as one run.
  let textStart = -1;
  let textEnd = -1;
  const flushText = () => {
    if (textStart >= 0) appendText(builder, mode, textStart, textEnd, skip);
    textStart = -1;
  };
  const inSkip = (offset: number) => skip !== undefined && offset >= skip.start && offset < skip.end;
  let lastCheckpoint = start;

  const parser: ElementWalk = new ElementWalk(
    body,
    {
      ontext() {
        if (hidden > 0) return;
        const from = start + parser.startIndex;
        if (textStart < 0) textStart = from;
        textEnd = start + parser.endIndex + 1;
      },
      onopentag(name, attributes) {
        flushText();
        const tagStart = start + parser.startIndex;
        const element: OpenElement = { name, hides: false, block: false, start: tagStart };
        open.push(element);
        if (hidden > 0 || inSkip(tagStart)) {
          if (HIDDEN_ELEMENTS.has(name)) {
            element.hides = true;
            hidden++;
          }
          return;
        }
        if (name === 'time' || name === 'meta' || name === 'link') collectPageInfo(body, name, attributes, parser.startIndex, start, page);
        if (HIDDEN_ELEMENTS.has(name) || isBoilerplate(attributes)) {
          element.hides = true;
          hidden++;
          return;
        }
        if (BLOCK_ELEMENTS.has(name)) {
          element.block = true;
          builder.breakLine(tagStart);
        }
        const level = HEADING_LEVELS[name];
        if (level) {
          element.heading = { level, textStart: builder.length, textEnd: 0, sourceStart: tagStart, sourceEnd: 0 };
          openHeadings++;
        }
      },
      onclosetag() {
        flushText();
        const element = open.pop();
        if (!element) return;
        const elementEnd = start + parser.endIndex + 1;
        if (element.hides) {
          hidden--;
          // The page's metadata sits in its <head>: a small slice, read with selectors.
          if (element.name === 'head' && hidden === 0) readHead(body, element.start - start, elementEnd - start, start, page);
          return;
        }
        if (element.block) builder.breakLine(elementEnd);
        const heading = element.heading;
        if (heading) {
          openHeadings--;
          heading.textEnd = builder.length;
          heading.sourceEnd = elementEnd;
          if (heading.textEnd > heading.textStart) headings.push(heading);
        }
      },
      // Comments, directives and CDATA are not prose, but they do end a text run.
      onother: () => flushText(),
      onendtag() {
        // A stray end tag closes nothing and leaves a text run open: no checkpoint there.
        if (mode !== 'html' || hidden > 0 || textStart >= 0 || openHeadings > 0 || open.length > MAX_CHECKPOINT_DEPTH) return;
        const offset = start + parser.endIndex + 1;
        const due = offset - lastCheckpoint >= CHECKPOINT_SPACING;
        if (!due && !resume) return;
        const checkpoint = checkpointHere(offset, open, parser.state());
        if (resume?.stopAt(checkpoint)) {
          parser.stop();
          return;
        }
        if (!due) return;
        checkpoints.push(checkpoint);
        lastCheckpoint = offset;
      },
    },
    READ_ATTRIBUTES,
    resume?.from.tree,
  );
  parser.run();
  flushText();
  return { headings, page, checkpoints };
}

/** Appends a text run, leaving out the part inside `skip`. */
function appendText(builder: VisibleTextBuilder, mode: TextMode, from: number, to: number, skip: { start: number; end: number } | undefined): void {
  if (skip && skip.start < to && skip.end > from) {
    builder.appendSlice(from, Math.max(from, skip.start), mode);
    builder.appendSlice(Math.min(to, skip.end), to, mode);
  } else builder.appendSlice(from, to, mode);
}

/** Title, dates and canonical URL from a page's `<head>`, in document order. */
function readHead(body: string, headStart: number, headEnd: number, offset: number, page: HtmlPageInfo): void {
  const $ = load(body.slice(headStart, headEnd), { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: false } }, false);
  $('title, meta, link, time').each((_, element: Element) => {
    const tagStart = headStart + (element.startIndex ?? 0);
    if (element.name !== 'title') {
      collectPageInfo(body, element.name, element.attribs, tagStart, offset, page);
      return;
    }
    if (page.title) return;
    const inner = element.children[0];
    if (!inner || inner.startIndex === null) return;
    const innerStart = headStart + inner.startIndex;
    const innerEnd = headStart + (element.children[element.children.length - 1].endIndex ?? inner.startIndex) + 1;
    const raw = body.slice(innerStart, innerEnd);
    const text = decodeHTML(raw).trim();
    if (!text) return;
    // The span covers the title as written (entities and all), without the whitespace around it.
    const leading = raw.search(/\S/);
    page.title = { value: text, start: offset + innerStart + leading, end: offset + innerStart + raw.trimEnd().length };
  });
}

/**
 * A date or URL from a `<time datetime>`, a `<meta content>` or a canonical `<link>`; the first
 * of each kind wins. Attribute values are read from the source, so their spans are exact.
 */
function collectPageInfo(body: string, name: string, attributes: Record<string, string>, tagStart: number, offset: number, page: HtmlPageInfo): void {
  const valueOf = (attribute: string): PageValue | undefined => {
    const span = attributeSpan(body, tagStart, attribute);
    return span ? { value: decodeHTML(body.slice(span.start, span.end)), start: offset + span.start, end: offset + span.end } : undefined;
  };
  if (name === 'time' && !page.timeDatetime) {
    const value = attributes.datetime !== undefined ? valueOf('datetime') : undefined;
    if (value) page.timeDatetime = value;
  } else if (name === 'meta') {
    if (attributes.content === undefined) return;
    const property = decodeHTML(attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
    if (!page.metaDate && /(published_time|publishdate|pubdate|datepublished|publish-date|createdate)/.test(property)) {
      page.metaDate = valueOf('content');
    } else if (!page.url && property === 'og:url') {
      page.url = valueOf('content');
    } else if (!page.siteName && (property === 'og:site_name' || property === 'application-name')) {
      page.siteName = valueOf('content');
    }
  } else if (name === 'link' && !page.url && (attributes.rel ?? '').toLowerCase() === 'canonical') {
    page.url = valueOf('href');
  }
}

/** The source span of an attribute's value inside the start tag at `tagStart`, quotes excluded. */
function attributeSpan(body: string, tagStart: number, name: string): { start: number; end: number } | undefined {
  const tagEnd = body.indexOf('>', tagStart);
  const tag = body.slice(tagStart, tagEnd < 0 ? undefined : tagEnd);
  const at = new RegExp(`\\s${name}\\s*=\\s*(["']?)`, 'i').exec(tag);
  if (!at) return undefined;
  const start = tagStart + at.index + at[0].length;
  const quote = at[1];
  let end = start;
  const limit = tagStart + tag.length;
  while (end < limit && (quote ? body[end] !== quote : !/[\s>]/.test(body[end]))) end++;
  return { start, end };
}
