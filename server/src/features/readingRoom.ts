/**
 * The reading room on the server: the side bar's trees, the reader documents and the meeting and
 * person pages, and a notification when the index changes. `readingRoomLens` wraps the facade
 * once, so every feature answers inside a reader (`summit-lens:/reader/<path>`) as it does in the
 * source, with positions mapped through the article's source map, and so that a change of the
 * index is noticed where it happens, not polled for.
 */
import type { Connection } from 'vscode-languageserver/node';
import { parseArticle } from '../core/article/parseArticle';
import type { Article } from '../core/article/model';
import type { ArticleAnalysis, OutlineEntry } from '../core/analysis';
import type { Location } from '../core/corpusIndex';
import type { SummitLens } from '../core/summitLens';
import type { Position, Range } from '../core/text/lineIndex';
import { articleOfReader, buildReader, isHtmlFormat, readerUri, type ReaderDocument } from '../core/language/reader';
import { meetingPage, personPage, readingRoomChildren, type ReadingRoomSources } from '../core/language/readingRoom';
import { readArticleFile } from '../io/readArticleFile';
import { documentUri, pathOfUri } from '../lsp/convert';
import {
  INDEX_CHANGED_NOTIFICATION,
  READER_LOCATION_REQUEST,
  READING_ROOM_REQUEST,
  type ReaderLocationParams,
  type ReaderLocationResult,
  type ReadingRoomParams,
  type Settings,
} from '../shared/protocol';
import type { Feature } from './feature';

/** How long the index must be still before the views are told: indexing stores thousands of articles in a burst. */
const QUIET_MS = 300;
/** Readers kept parsed; references across a large corpus would otherwise parse the same articles again and again. */
const READER_CACHE_SIZE = 200;

interface ReadingRoomState {
  connection?: Connection;
  settings: () => Settings | undefined;
  /** The parsed article and its reader (the editor's text when open), shared with other features. */
  readerOf: (uri: string) => { article: Article; reader: ReaderDocument } | undefined;
}

const states = new WeakMap<SummitLens, ReadingRoomState>();

export function readingRoomLens(inner: SummitLens): SummitLens {
  const state: ReadingRoomState = { settings: () => undefined, readerOf: () => undefined };
  /** The editor's text of open articles: a reader shows what the editor holds, not the disk. */
  const openTexts = new Map<string, string>();
  const readers = new Map<string, { analysis: ArticleAnalysis | undefined; article: Article; reader: ReaderDocument }>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const changed = () => {
    if (!state.connection || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      state.connection?.sendNotification(INDEX_CHANGED_NOTIFICATION).catch(() => undefined);
    }, QUIET_MS);
  };

  const sourceText = (uri: string): string | undefined => {
    const open = openTexts.get(uri);
    if (open !== undefined) return open;
    const file = pathOfUri(uri);
    if (file === undefined) return undefined;
    const read = readArticleFile(file);
    return read.ok ? read.text : undefined;
  };

  /** The parsed article and its reader, kept while the index holds the same analysis of it. */
  const readerOf = (uri: string) => {
    const analysis = inner.analysis(uri);
    const cached = readers.get(uri);
    if (cached && cached.analysis === analysis) return cached;
    const text = sourceText(uri);
    if (text === undefined) return undefined;
    const article = parseArticle(text, { fileName: uri }).article;
    const entry = { analysis, article, reader: buildReader(article) };
    readers.delete(uri);
    readers.set(uri, entry);
    if (readers.size > READER_CACHE_SIZE) readers.delete(readers.keys().next().value!);
    return entry;
  };
  state.readerOf = readerOf;

  /** The article a reader URI stands for, in the index's spelling. */
  const articleOf = (uri: string): string | undefined => {
    const article = articleOfReader(uri);
    return article === undefined ? undefined : documentUri(article);
  };

  /** Where a location should open: in the reader when the user prefers it for HTML articles (or asked from a reader of that article). */
  const target = (location: Location, analysis = inner.analysis(location.uri), fromReaderOf?: string): Location => {
    const toReader = location.uri === fromReaderOf || (state.settings()?.readerDefault === true && isHtmlFormat(analysis?.format));
    const reader = toReader ? readerUri(location.uri) : undefined;
    if (!reader) return location;
    const mapped = readerOf(location.uri)?.reader.toReaderRange(location.range);
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri: reader, range: mapped ?? top };
  };

  /** Runs a position question asked in a reader against its article, or as it is. */
  const inReader = <T>(uri: string, position: Position, ask: (uri: string, position: Position, article?: string) => T, fallback: T): T => {
    const article = articleOf(uri);
    if (article === undefined) return ask(uri, position);
    const mapped = readerOf(article)?.reader.toSource(position);
    return mapped ? ask(article, mapped, article) : fallback;
  };

  const mapOutline = (entries: OutlineEntry[], reader: ReaderDocument): OutlineEntry[] =>
    entries.flatMap((entry) => {
      const range = reader.toReaderRange(entry.range);
      const selectionRange = reader.toReaderRange(entry.selectionRange);
      if (!range || !selectionRange) return mapOutline(entry.children, reader);
      return [{ ...entry, range, selectionRange: within(selectionRange, range), children: mapOutline(entry.children, reader) }];
    });

  const sources: ReadingRoomSources = {
    article: (uri) => readerOf(uri)?.article,
    target: (location, analysis) => target(location, analysis),
  };

  const lens: SummitLens = {
    ...inner,
    setKnowledge(source) {
      inner.setKnowledge(source);
      changed();
    },
    store(uri, text) {
      const analysis = inner.store(uri, text);
      changed();
      return analysis;
    },
    update(uri, text) {
      // A reader is a view of an article, never an article of its own.
      if (articleOf(uri) !== undefined) return inner.analysis(articleOf(uri)!) ?? inner.analyze(uri, '');
      openTexts.set(uri, text);
      const analysis = inner.update(uri, text);
      changed();
      return analysis;
    },
    put(analysis) {
      inner.put(analysis);
      changed();
    },
    close(uri) {
      if (articleOf(uri) !== undefined) return;
      openTexts.delete(uri);
      inner.close(uri);
      changed();
    },
    remove(uri) {
      if (articleOf(uri) !== undefined) return false;
      openTexts.delete(uri);
      readers.delete(uri);
      const removed = inner.remove(uri);
      if (removed) changed();
      return removed;
    },
    analysis: (uri) => (articleOf(uri) !== undefined ? undefined : inner.analysis(uri)),

    outline(uri) {
      const article = articleOf(uri);
      if (article === undefined) return inner.outline(uri);
      const reader = readerOf(article)?.reader;
      return reader ? mapOutline(inner.outline(article), reader) : [];
    },
    hover(uri, position) {
      return inReader(
        uri,
        position,
        (asked, mapped, article) => {
          const answer = inner.hover(asked, mapped);
          if (!answer || article === undefined) return answer;
          const range = readerOf(article)?.reader.toReaderRange(answer.range);
          return { ...answer, range: range ?? { start: position, end: position } };
        },
        undefined,
      );
    },
    definition: (uri, position) => inReader(uri, position, (asked, mapped, article) => inner.definition(asked, mapped).map((location) => target(location, undefined, article)), []),
    references: (uri, position) => inReader(uri, position, (asked, mapped, article) => inner.references(asked, mapped).map((location) => target(location, undefined, article)), []),
    highlights(uri, position) {
      return inReader(
        uri,
        position,
        (asked, mapped, article) => {
          const ranges = inner.highlights(asked, mapped);
          if (article === undefined) return ranges;
          const reader = readerOf(article)?.reader;
          return reader ? ranges.flatMap((range) => reader.toReaderRange(range) ?? []) : [];
        },
        [],
      );
    },
    codeLenses(uri) {
      const article = articleOf(uri);
      return inner.codeLenses(article ?? uri);
    },
    inlayHints(uri, range) {
      const article = articleOf(uri);
      if (article === undefined) return inner.inlayHints(uri, range);
      const reader = readerOf(article)?.reader;
      if (!reader) return [];
      return inner.inlayHints(article).flatMap((hint) => {
        const position = reader.toReader(hint.position) ?? reader.toReaderRange({ start: hint.position, end: hint.position })?.end;
        return position ? [{ ...hint, position }] : [];
      });
    },
    virtualDocument(uri) {
      const article = articleOf(uri);
      if (article !== undefined) return readerOf(article)?.reader.text;
      const page = /^summit-lens:\/(meetings|figures)\/([^/]+)\.md$/.exec(uri);
      if (page) {
        let id: string;
        try {
          id = decodeURIComponent(page[2]);
        } catch {
          return undefined;
        }
        return (page[1] === 'meetings' ? meetingPage(lens, sources, id) : personPage(lens, sources, id)) ?? inner.virtualDocument(uri);
      }
      return inner.virtualDocument(uri);
    },
  };
  const frozen = Object.freeze(lens);
  states.set(frozen, state);
  readingRooms.set(frozen, { sources, readerOf, articleOf });
  return frozen;
}

/** A selection range kept inside its range, as LSP requires of document symbols. */
function within(inner: Range, outer: Range): Range {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const start = before(inner.start, outer.start) ? outer.start : inner.start;
  const end = before(outer.end, inner.end) ? outer.end : inner.end;
  return before(end, start) ? { start, end: start } : { start, end };
}

const readingRooms = new WeakMap<SummitLens, { sources: ReadingRoomSources; readerOf: (uri: string) => { reader: ReaderDocument } | undefined; articleOf: (uri: string) => string | undefined }>();

/**
 * The parsed article and its reader as the reading room keeps them: one cache for every feature
 * that needs an article's text (the coverage pages' sentences), and the editor's text when open.
 */
export function parsedArticleOf(lens: SummitLens, uri: string): { article: Article; reader: ReaderDocument } | undefined {
  return states.get(lens)?.readerOf(uri);
}

export const readingRoom: Feature = {
  capabilities: {},
  register({ connection, lens, settings }) {
    const state = states.get(lens);
    const room = readingRooms.get(lens);
    if (!state || !room) {
      connection.console.warn('Summit Lens: the reading room needs the facade made by readingRoomLens; the side bar stays empty.');
      return;
    }
    state.connection = connection;
    state.settings = settings;

    connection.onRequest(READING_ROOM_REQUEST, (params: ReadingRoomParams) => {
      if (!params || (params.view !== 'meetings' && params.view !== 'people' && params.view !== 'articles')) return [];
      return readingRoomChildren(lens, room.sources, params.view, typeof params.parent === 'string' ? params.parent : undefined, params.order === 'outlet' ? 'outlet' : 'date');
    });

    connection.onRequest(READER_LOCATION_REQUEST, (params: ReaderLocationParams): ReaderLocationResult | null => {
      if (!params || typeof params.uri !== 'string' || !params.position) return null;
      if (params.direction === 'toSource') {
        const article = room.articleOf(params.uri);
        const position = article === undefined ? undefined : room.readerOf(article)?.reader.toSource(params.position);
        return article !== undefined && position ? { uri: article, position } : null;
      }
      const article = documentUri(params.uri);
      const reader = article === undefined ? undefined : readerUri(article);
      if (article === undefined || reader === undefined) return null;
      const mapped = room.readerOf(article)?.reader;
      if (!mapped) return null;
      // A position in markup (or before the body) opens the reader at its top.
      return { uri: reader, position: mapped.toReader(params.position) ?? { line: 0, character: 0 } };
    });
  },
};
