/**
 * Coverage pages on the server: the comparison of a meeting across outlets, the meetings to
 * choose from, and the coverage timeline with the articles behind each bar. The page gets
 * counts, never the corpus: the timeline is aggregated here. Sentences come from a parse of the
 * article on disk (a few recent parses are kept), as the reading room makes its snippets.
 */
import { parseArticle } from '../core/article/parseArticle';
import type { Article } from '../core/article/model';
import type { ArticleAnalysis } from '../core/analysis';
import type { Location } from '../core/corpusIndex';
import { compareCoverage, coverageTimeline, DATE_WINDOWS, timelineArticles, type CoverageSources, type DateWindow } from '../core/language/coverage';
import { buildReader, isHtmlFormat, readerUri } from '../core/language/reader';
import { readArticleFile } from '../io/readArticleFile';
import { pathOfUri } from '../lsp/convert';
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

/** Parsed articles kept: one comparison reads each of its articles once. */
const PARSE_CACHE_SIZE = 100;

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

export const coverage: Feature = {
  capabilities: {},
  register({ connection, lens, settings }) {
    const parsed = new Map<string, { analysis: ArticleAnalysis | undefined; article: Article }>();
    const articleOf = (uri: string): Article | undefined => {
      const analysis = lens.analysis(uri);
      const cached = parsed.get(uri);
      if (cached && cached.analysis === analysis) return cached.article;
      const file = pathOfUri(uri);
      const read = file === undefined ? undefined : readArticleFile(file);
      if (!read?.ok) return undefined;
      const article = parseArticle(read.text, { fileName: uri }).article;
      parsed.delete(uri);
      parsed.set(uri, { analysis, article });
      if (parsed.size > PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
      return article;
    };
    /** Where a sentence's link lands: the reader for HTML articles when the user prefers it, else the source. */
    const target = (location: Location, analysis: ArticleAnalysis | undefined): Location => {
      if (!settings().readerDefault || !isHtmlFormat(analysis?.format)) return location;
      const reader = readerUri(location.uri);
      const article = articleOf(location.uri);
      const range = article ? buildReader(article).toReaderRange(location.range) : undefined;
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
