/**
 * Coverage pages on the server: the comparison of a meeting across outlets, the meetings to
 * choose from, and the coverage timeline with the articles behind each bar. The page gets
 * counts, never the corpus: the timeline is aggregated here. Sentences come from the reading
 * room's parse of each article (the editor's text when it is open).
 */
import type { Article } from '../core/article/model';
import type { ArticleAnalysis } from '../core/analysis';
import type { Location } from '../core/corpusIndex';
import { compareCoverage, coverageTimeline, DATE_WINDOWS, timelineArticles, type CoverageSources, type DateWindow } from '../core/language/coverage';
import { isHtmlFormat, readerUri } from '../core/language/reader';
import {
  COVERAGE_MEETINGS_REQUEST,
  COVERAGE_REQUEST,
  COVERAGE_TIMELINE_REQUEST,
  TIMELINE_ARTICLES_REQUEST,
  type CoverageMeetingItem,
  type CoverageParams,
  type TimelineSelection,
} from '../shared/protocol';
import type { Feature } from './feature';
import { parsedArticleOf } from './readingRoom';

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

export const coverage: Feature = {
  capabilities: {},
  register({ connection, lens, settings }) {
    // The reading room's parses: one cache, and the editor's text of open articles.
    const articleOf = (uri: string): Article | undefined => parsedArticleOf(lens, uri)?.article;
    /** Where a sentence's link lands: the reader for HTML articles when the user prefers it, else the source. */
    const target = (location: Location, analysis: ArticleAnalysis | undefined): Location => {
      if (!settings().readerDefault || !isHtmlFormat(analysis?.format)) return location;
      const reader = readerUri(location.uri);
      const range = parsedArticleOf(lens, location.uri)?.reader.toReaderRange(location.range);
      return reader && range ? { uri: reader, range } : location;
    };
    const sources: CoverageSources = { article: articleOf, target };

    connection.onRequest(COVERAGE_REQUEST, (params: CoverageParams) => {
      if (!params || typeof params.meetingId !== 'string') return null;
      const windows = strings(params.windows)?.filter((window): window is DateWindow => (DATE_WINDOWS as readonly string[]).includes(window));
      return compareCoverage(lens, sources, params.meetingId, { outlets: strings(params.outlets), windows }) ?? null;
    });

    connection.onRequest(COVERAGE_MEETINGS_REQUEST, (): CoverageMeetingItem[] =>
      lens
        .meetings()
        .map((meeting) => ({ id: meeting.id, label: meeting.title.zh.replace(/(?<=[\u2e80-\u9fff])\s+(?=[\u2e80-\u9fff])/g, ''), date: meeting.date, beijingDate: meeting.beijingDate, articles: lens.articlesMentioningMeeting(meeting.id).length }))
        .sort((a, b) => b.beijingDate.localeCompare(a.beijingDate)),
    );

    connection.onRequest(COVERAGE_TIMELINE_REQUEST, () => coverageTimeline(lens));

    connection.onRequest(TIMELINE_ARTICLES_REQUEST, (params: TimelineSelection) => {
      if (!params || typeof params.monday !== 'string') return [];
      const selection: TimelineSelection = { monday: params.monday };
      if (typeof params.meetingId === 'string') selection.meetingId = params.meetingId;
      if (typeof params.figureId === 'string') selection.figureId = params.figureId;
      if (typeof params.outlet === 'string') selection.outlet = params.outlet;
      return timelineArticles(lens, selection, target);
    });
  },
};
