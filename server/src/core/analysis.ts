/**
 * Analyses one article: reads it, finds its figures and meetings, and turns every text
 * offset into an exact source range. The result holds no reference to the source text,
 * so the index can keep thousands of them cheaply.
 */
import type { ArticleFormat, ParseResult, Problem } from './article/model';
import { buildOutline, type OutlineKind, type OutlineNode } from './article/outline';
import { parseArticle } from './article/parseArticle';
import type { Figure, FigureRecognition } from './figures/types';
import type { Knowledge } from './knowledge';
import { meetingDates } from './meetings/dates';
import { recognizeMeetings } from './meetings/recognize';
import type { MeetingRecognition } from './meetings/types';
import type { LineIndex, Range } from './text/lineIndex';
import { matchingTextOf } from './text/normalize';
import type { SourceMap } from './text/sourceMap';

export interface RangedProblem {
  message: string;
  severity: Problem['severity'];
  range: Range;
}

export interface OutlineEntry {
  name: string;
  detail: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineEntry[];
}

export interface FigureMentionEntry {
  figureId: string;
  text: string;
  range: Range;
}

export interface IntroductionEntry {
  figureId: string;
  /** The whole introduction. */
  range: Range;
  /** The name inside it. */
  nameRange: Range;
  text: string;
  descriptor?: string;
}

export interface MeetingMentionEntry {
  meetingId: string;
  text: string;
  range: Range;
  cue: string;
}

export interface DateCueEntry {
  text: string;
  date: string;
  range: Range;
  meetingId?: string;
}

export interface ArticleAnalysis {
  uri: string;
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
  format: ArticleFormat;
  outline: OutlineEntry[];
  /** Ranges to fold: the front matter and each section. */
  folds: Range[];
  problems: RangedProblem[];
  figures: FigureMentionEntry[];
  introductions: IntroductionEntry[];
  learnedFigures: Figure[];
  meetings: MeetingMentionEntry[];
  dateCues: DateCueEntry[];
}

/**
 * Above this many characters of visible text (≈ 1.5 MB of Chinese) an article is outlined only:
 * figures and meetings are not looked for, which costs seconds per megabyte.
 */
export const MAX_RECOGNISED_CHARACTERS = 500_000;
const NOTHING_RECOGNISED: FigureRecognition = { mentions: [], introductions: [], learned: [] };
const NO_MEETINGS: MeetingRecognition = { mentions: [], dateCues: [] };

function outlineOnlyProblem(length: number): Problem {
  return {
    message: `This file has ${length.toLocaleString('en')} characters of text, more than the ${MAX_RECOGNISED_CHARACTERS.toLocaleString('en')} that are searched for figures and meetings: only its outline is shown.`,
    severity: 'warning',
    span: { start: 0, end: 0 },
  };
}

export function analyzeArticle(uri: string, source: string, knowledge: Knowledge): ArticleAnalysis {
  return analyzeParsed(uri, parseArticle(source, { fileName: uri }), knowledge);
}

/** Analyses an article already parsed (after an edit, the editor's parse is spliced rather than redone). */
export function analyzeParsed(uri: string, { article, problems }: ParseResult, knowledge: Knowledge, matching = matchingTextOf(article.text)): ArticleAnalysis {
  const { normalized, lower } = matching;
  const lines = article.lines;
  const toRange = (start: number, end: number) => textRange(article.sourceMap, lines, start, end);
  // A text this long is a collection or a dump rather than an article: it is outlined, not searched.
  const outlineOnly = article.text.length > MAX_RECOGNISED_CHARACTERS;

  const recognized = outlineOnly ? NOTHING_RECOGNISED : knowledge.matcher.recognize(article.text, normalized, matching.scans, article.date?.value);
  const meetingRecognition = outlineOnly ? NO_MEETINGS : recognizeMeetings(
    { text: article.text, normalized, lower, scans: matching.scans, lowerScans: matching.lowerScans, articleDate: article.date?.value, title: article.title?.value, figures: recognized.mentions },
    knowledge,
  );

  const meetingIds = [...new Set(meetingRecognition.mentions.map((mention) => mention.meetingId))];
  const meetingGroup: OutlineNode[] = [];
  if (meetingIds.length > 0) {
    const children: OutlineNode[] = meetingIds.map((id) => {
      const mentions = meetingRecognition.mentions.filter((mention) => mention.meetingId === id);
      const meeting = knowledge.meeting(id);
      const first = article.sourceMap.toSource(mentions[0].start, mentions[0].end);
      return {
        name: meeting ? `${meeting.title.zh} ${meetingDates(meeting)}` : id,
        detail: `${mentions.length} mention${mentions.length === 1 ? '' : 's'}`,
        kind: 'meeting',
        span: first,
        selectionSpan: first,
        children: [],
      };
    });
    const span = { start: children.reduce((least, child) => Math.min(least, child.span.start), Infinity), end: children.reduce((most, child) => Math.max(most, child.span.end), -Infinity) };
    meetingGroup.push({ name: 'Meetings', detail: `${meetingIds.length} meeting${meetingIds.length === 1 ? '' : 's'}`, kind: 'meetings', span, selectionSpan: span, children });
  }

  const outline = buildOutline(article, meetingGroup).map((node) => outlineEntry(node, lines));
  const folds: Range[] = [];
  if (article.frontMatterSpan) folds.push(lines.rangeOf(article.frontMatterSpan.start, article.frontMatterSpan.end));
  const addSectionFolds = (sections: typeof article.sections) => {
    for (const section of sections) {
      folds.push(lines.rangeOf(section.span.start, section.span.end));
      addSectionFolds(section.children);
    }
  };
  addSectionFolds(article.sections);

  return {
    uri,
    title: article.title?.value,
    date: article.date?.value,
    outlet: article.outlet?.value,
    url: article.url?.value,
    format: article.format,
    outline,
    folds,
    problems: (outlineOnly ? [...problems, outlineOnlyProblem(article.text.length)] : problems).map((problem) => ({ message: problem.message, severity: problem.severity, range: lines.rangeOf(problem.span.start, problem.span.end) })),
    figures: recognized.mentions.map((mention) => ({ figureId: mention.figureId, text: mention.text, range: toRange(mention.start, mention.end) })),
    introductions: recognized.introductions.map((intro) => ({
      figureId: intro.figureId,
      range: toRange(intro.start, intro.end),
      nameRange: toRange(intro.nameStart, intro.nameEnd),
      text: article.text.slice(intro.start, intro.end),
      descriptor: intro.descriptor,
    })),
    learnedFigures: recognized.learned,
    meetings: meetingRecognition.mentions.map((mention) => ({ meetingId: mention.meetingId, text: mention.text, range: toRange(mention.start, mention.end), cue: mention.cue })),
    dateCues: meetingRecognition.dateCues.map((cue) => ({ text: cue.text, date: cue.date, meetingId: cue.meetingId, range: toRange(cue.start, cue.end) })),
  };
}

function textRange(map: SourceMap, lines: LineIndex, start: number, end: number): Range {
  const span = map.toSource(start, map.contiguousEnd(start, end));
  return lines.rangeOf(span.start, span.end);
}

function outlineEntry(node: OutlineNode, lines: LineIndex): OutlineEntry {
  return {
    name: node.name,
    detail: node.detail,
    kind: node.kind,
    range: lines.rangeOf(node.span.start, node.span.end),
    selectionRange: lines.rangeOf(node.selectionSpan.start, node.selectionSpan.end),
    children: node.children.map((child) => outlineEntry(child, lines)),
  };
}
