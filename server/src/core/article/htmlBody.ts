/**
 * Walks an HTML (or Markdown with inline HTML) body parsed by cheerio in its htmlparser2
 * mode, appending visible text and collecting headings and page metadata.
 */
import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
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

const PAGE_INFO_ELEMENTS = new Set(['title', 'meta', 'time', 'link']);

/** Navigation, sharing and advertising containers, recognised by their role or class/id words. */
const BOILERPLATE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);
const BOILERPLATE_NAMES = /(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|breadcrumbs?|share|sharing|advert|advertisement|sidebar|comments?)(?:$|[\s_-])/i;

export interface HtmlHeading {
  level: number;
  textStart: number;
  textEnd: number;
  sourceStart: number;
  sourceEnd: number;
}

export interface HtmlPageInfo {
  title?: { value: string; start: number; end: number };
  timeDatetime?: { value: string; start: number; end: number };
  metaDate?: { value: string; start: number; end: number };
  url?: { value: string; start: number; end: number };
}

export interface HtmlWalkResult {
  headings: HtmlHeading[];
  page: HtmlPageInfo;
}

function isBoilerplate(element: Element): boolean {
  const attributes = element.attribs;
  if (attributes['aria-hidden'] === 'true' || attributes.hidden !== undefined) return true;
  if (attributes.role && BOILERPLATE_ROLES.has(attributes.role)) return true;
  const names = `${attributes.class ?? ''} ${attributes.id ?? ''}`;
  return names.length > 1 && BOILERPLATE_NAMES.test(names);
}

/** The source span of an attribute's value inside an element's start tag. */
function attributeSpan(source: string, element: Element, name: string): { start: number; end: number } | undefined {
  const value = element.attribs[name];
  if (value === undefined || element.startIndex === null) return undefined;
  const tagEnd = source.indexOf('>', element.startIndex);
  const tag = source.slice(element.startIndex, tagEnd < 0 ? undefined : tagEnd);
  const at = new RegExp(`\\s${name}\\s*=\\s*["']?`, 'i').exec(tag);
  if (!at) return undefined;
  const start = element.startIndex + at.index + at[0].length;
  return { start, end: start + value.length };
}

/**
 * Appends the visible text of `source[start, end)` to `builder`; never throws on malformed HTML
 * (htmlparser2 recovers from unclosed and stray tags the way browsers roughly do).
 */
export function walkHtmlBody(
  source: string,
  start: number,
  end: number,
  builder: VisibleTextBuilder,
  mode: TextMode,
  skip?: { start: number; end: number },
): HtmlWalkResult {
  const body = source.slice(start, end);
  // A body without a single tag (most Markdown articles) has nothing for an HTML parser to do.
  if (!body.includes('<')) {
    if (skip && skip.start >= start && skip.end <= end) {
      builder.appendSlice(start, skip.start, mode);
      builder.appendSlice(skip.end, end, mode);
    } else builder.appendSlice(start, end, mode);
    return { headings: [], page: {} };
  }
  const $ = load(body, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true } }, false);
  const headings: HtmlHeading[] = [];
  const page: HtmlPageInfo = {};
  const roots = $.root()[0].children as AnyNode[];

  // An explicit stack instead of recursion: unclosed tags can nest thousands deep.
  type Step = { node: AnyNode; exit: boolean; heading?: HtmlHeading };
  const stack: Step[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i], exit: false });
  while (stack.length > 0) {
    const step = stack.pop()!;
    const node = step.node;
    const nodeStart = (node.startIndex ?? 0) + start;
    const nodeEnd = (node.endIndex ?? node.startIndex ?? 0) + start + 1;
    if (step.exit) {
      const element = node as Element;
      if (BLOCK_ELEMENTS.has(element.name)) builder.breakLine(nodeEnd);
      if (step.heading) {
        step.heading.textEnd = builder.length;
        step.heading.sourceEnd = nodeEnd;
        if (step.heading.textEnd > step.heading.textStart) headings.push(step.heading);
      }
      continue;
    }
    if (skip && nodeStart >= skip.start && nodeEnd <= skip.end) continue;
    if (node.type === 'text') {
      if (skip && nodeStart < skip.end && nodeEnd > skip.start) {
        builder.appendSlice(nodeStart, skip.start, mode);
        builder.appendSlice(skip.end, nodeEnd, mode);
      } else {
        builder.appendSlice(nodeStart, nodeEnd, mode);
      }
      continue;
    }
    if (node.type !== 'tag') {
      // Comments, directives and CDATA are not prose.
      continue;
    }
    const element = node as Element;
    const name = element.name;
    // Page metadata is gathered on the way; a cheerio selector here would cost quadratic time on long fragments.
    if (PAGE_INFO_ELEMENTS.has(name)) collectPageInfo(body, element, start, page, $);
    else if (name === 'head') {
      for (const child of element.children) if (child.type === 'tag' && PAGE_INFO_ELEMENTS.has((child as Element).name)) collectPageInfo(body, child as Element, start, page, $);
    }
    if (HIDDEN_ELEMENTS.has(name) || isBoilerplate(element)) continue;
    if (BLOCK_ELEMENTS.has(name)) builder.breakLine(nodeStart);
    let heading: HtmlHeading | undefined;
    const level = /^h([1-4])$/.exec(name);
    if (level) heading = { level: +level[1], textStart: builder.length, textEnd: 0, sourceStart: nodeStart, sourceEnd: nodeEnd };
    stack.push({ node, exit: true, heading });
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
  }
  return { headings, page };
}

function collectPageInfo(body: string, element: Element, offset: number, page: HtmlPageInfo, $: ReturnType<typeof load>): void {
  const name = element.name;
  if (name === 'title' && !page.title && element.startIndex !== null) {
    const text = $(element).text().trim();
    const inner = element.children[0];
    if (text && inner && inner.startIndex !== null) {
      const rawStart = offset + inner.startIndex;
      const leading = body.slice(inner.startIndex, inner.startIndex + 200).search(/\S/);
      page.title = { value: text, start: rawStart + Math.max(0, leading), end: rawStart + Math.max(0, leading) + text.length };
    }
  } else if (name === 'time' && !page.timeDatetime) {
    const key = Object.keys(element.attribs).find((attribute) => attribute.toLowerCase() === 'datetime');
    const span = key ? attributeSpan(body, element, key) : undefined;
    if (key && span) page.timeDatetime = { value: element.attribs[key], start: offset + span.start, end: offset + span.end };
  } else if (name === 'meta') {
    const property = (element.attribs.property ?? element.attribs.name ?? element.attribs.itemprop ?? '').toLowerCase();
    const span = attributeSpan(body, element, 'content');
    if (!span) return;
    const value = element.attribs.content;
    if (!page.metaDate && /(published_time|publishdate|pubdate|datepublished|publish-date|createdate)/.test(property)) {
      page.metaDate = { value, start: offset + span.start, end: offset + span.end };
    } else if (!page.url && property === 'og:url') {
      page.url = { value, start: offset + span.start, end: offset + span.end };
    }
  } else if (name === 'link' && !page.url && (element.attribs.rel ?? '').toLowerCase() === 'canonical') {
    const span = attributeSpan(body, element, 'href');
    if (span) page.url = { value: element.attribs.href, start: offset + span.start, end: offset + span.end };
  }
}
