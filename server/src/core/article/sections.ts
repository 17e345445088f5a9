/**
 * Turns a flat list of headings into nested sections, each spanning up to the next heading
 * of the same or a higher level.
 */
import type { Section, SourceSpan } from './model';

export interface FlatHeading {
  title: string;
  level: number;
  headingSpan: SourceSpan;
  span: SourceSpan;
}

export function buildSections(headings: FlatHeading[], documentEnd: number): Section[] {
  const roots: Section[] = [];
  const open: Section[] = [];
  for (const heading of headings) {
    const section: Section = { title: heading.title, level: heading.level, headingSpan: heading.headingSpan, span: { start: heading.span.start, end: documentEnd }, children: [] };
    while (open.length > 0 && open[open.length - 1].level >= heading.level) {
      open.pop()!.span.end = endBefore(heading.span.start);
    }
    if (open.length > 0) open[open.length - 1].children.push(section);
    else roots.push(section);
    open.push(section);
  }
  return roots;
}

function endBefore(offset: number): number {
  return Math.max(0, offset);
}
