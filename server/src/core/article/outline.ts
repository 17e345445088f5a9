/**
 * The document outline: the article, its metadata, then its sections, as editors show them.
 */
import type { Article, Section, SourceSpan } from './model';

export type OutlineKind = 'article' | 'metadata' | 'date' | 'outlet' | 'source' | 'section' | 'meetings' | 'meeting' | 'figures' | 'figure';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** Everything the node covers. */
  span: SourceSpan;
  /** The characters to reveal and select, e.g. the heading or the value. */
  selectionSpan: SourceSpan;
  children: OutlineNode[];
}

export function buildOutline(article: Article, extraGroups: OutlineNode[] = []): OutlineNode[] {
  const whole: SourceSpan = { start: 0, end: article.source.length };
  const metadata: OutlineNode[] = [];
  if (article.date) {
    const derived = article.dateOrigin === 'url' || article.dateOrigin === 'file name' || article.dateOrigin === 'inferred';
    const origin = article.dateOrigin === 'url' ? 'source URL' : article.dateOrigin === 'inferred' ? 'upload path and the text' : article.dateOrigin ?? 'file';
    metadata.push(leaf(article.date.value, `date, ${derived ? 'derived from' : 'from'} the ${origin}`, 'date', article.date.span));
  }
  if (article.outlet) metadata.push(leaf(article.outlet.value, 'outlet', 'outlet', article.outlet.span));
  if (article.url) metadata.push(leaf(article.url.value, 'source', 'source', article.url.span));
  const children: OutlineNode[] = [];
  if (metadata.length > 0) {
    const span = cover(metadata.map((node) => node.span));
    children.push({ name: 'Metadata', detail: metadata.map((node) => node.kind).join(', '), kind: 'metadata', span, selectionSpan: metadata[0].selectionSpan, children: metadata });
  }
  // Loops, not push(...array): an article may have more sections than a call takes arguments.
  for (const section of article.sections) children.push(sectionNode(section));
  for (const group of extraGroups) children.push(group);
  const titleSpan = article.title?.span ?? { start: 0, end: 0 };
  // A title the file does not give (its first sentence) is marked, so a reader knows to add one.
  const derivedTitle = article.titleOrigin === 'first sentence' ? 'title derived from the first sentence' : undefined;
  const detail = [article.date?.value, article.outlet?.value, derivedTitle].filter(Boolean).join(' · ');
  return [{ name: article.title?.value || '(untitled article)', detail, kind: 'article', span: whole, selectionSpan: titleSpan, children }];
}

function leaf(name: string, detail: string, kind: OutlineKind, span: SourceSpan): OutlineNode {
  return { name, detail, kind, span, selectionSpan: span, children: [] };
}

function sectionNode(section: Section): OutlineNode {
  return {
    name: section.title,
    detail: `h${section.level}`,
    kind: 'section',
    span: section.span,
    selectionSpan: section.headingSpan,
    children: section.children.map(sectionNode),
  };
}

function cover(spans: SourceSpan[]): SourceSpan {
  let start = Infinity;
  let end = -Infinity;
  for (const span of spans) {
    if (span.start < start) start = span.start;
    if (span.end > end) end = span.end;
  }
  return { start, end };
}
