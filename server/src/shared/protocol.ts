/**
 * The contract between the extension client and the language server, declared once for both:
 * the custom requests and commands, and the settings with the one function that reads them.
 * The client sends the settings in the same shape at start (initializationOptions) and on every
 * change (workspace/didChangeConfiguration), so the server reads both with `parseSettings`.
 */
import type { ArticleOrder, ReadingRoomNode, ReadingRoomView } from '../core/language/readingRoom';
import type { DateWindow } from '../core/language/coverage';

/** `summitLens/reindex`: reloads the knowledge files and indexes the workspace again. */
export const REINDEX_REQUEST = 'summitLens/reindex';
export interface ReindexResult {
  articles: number;
}

/** `summitLens/virtualDocument`: the text of a catalogue document (`summit-lens:/meetings/<id>.md`), or null. */
export const VIRTUAL_DOCUMENT_REQUEST = 'summitLens/virtualDocument';
export interface VirtualDocumentParams {
  uri: string;
}

/**
 * `summitLens/readingRoom`: the children of a node in one of the side bar's views (the top
 * level when `parent` is absent). The nodes are the core's `ReadingRoomNode`s, sent as they are.
 */
export const READING_ROOM_REQUEST = 'summitLens/readingRoom';
export interface ReadingRoomParams {
  view: ReadingRoomView;
  parent?: string;
  /** The Articles view's grouping. */
  order?: ArticleOrder;
}
export type { ReadingRoomNode, ReadingRoomView, ArticleOrder };

/** `summitLens/indexChanged` (server → client notification): the index changed; views refresh, open readers and pages reload. */
export const INDEX_CHANGED_NOTIFICATION = 'summitLens/indexChanged';

/**
 * `summitLens/readerLocation`: where a position of an article is in its reader (`toReader`), or
 * where a reader position is in the article's source; null when the other side shows nothing there.
 */
export const READER_LOCATION_REQUEST = 'summitLens/readerLocation';
export interface ReaderLocationParams {
  uri: string;
  position: { line: number; character: number };
  direction: 'toReader' | 'toSource';
}
export interface ReaderLocationResult {
  uri: string;
  position: { line: number; character: number };
}

/** The client command behind a code lens: arguments are the document URI, a position and the locations to list. */
export const SHOW_REFERENCES_COMMAND = 'summitLens.showReferences';

/** The configuration sections the client sends; `files.exclude` is VS Code's own. */
export const CONFIGURATION_SECTIONS = ['summitLens', 'files.exclude'];

/** VS Code's `files.exclude`: glob → true, or a `when` clause (which the server cannot evaluate, so it does not exclude). */
export type FilesExclude = Record<string, boolean | { when: string }>;

/** The settings as the server uses them. */
export interface Settings {
  corpus: string[];
  inlayHints: boolean;
  codeLens: boolean;
  filesExclude: FilesExclude;
  /** `summitLens.reader.default`: references, definitions and side-bar clicks open HTML articles in the reader. */
  readerDefault: boolean;
  /** `summitLens.semanticHighlighting.enabled`: people, meetings and dates coloured by meaning. */
  semanticHighlighting: boolean;
  /**
   * The client commands a hover may link to (`command:` links), as the client declared at start.
   * Other clients declare none, and their hovers carry no links they could not follow.
   */
  commandLinks: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ corpus: [], inlayHints: true, codeLens: true, filesExclude: {}, readerDefault: false, semanticHighlighting: true, commandLinks: [] });

/**
 * What the client sends, at start and on change: VS Code's configuration sections as they are
 * (`summitLens.inlayHints.enabled` arrives as `{ inlayHints: { enabled } }`). At start the client
 * adds the folder of its analysis cache.
 */
export interface ConfigurationPayload {
  summitLens?: {
    corpus?: unknown;
    inlayHints?: { enabled?: unknown };
    codeLens?: { enabled?: unknown };
    reader?: { default?: unknown };
    semanticHighlighting?: { enabled?: unknown };
  };
  files?: { exclude?: unknown };
}

export interface InitializationOptions extends ConfigurationPayload {
  /** An absolute folder for the analysis cache (the extension's storage); without it nothing is persisted. */
  cacheDir?: unknown;
  /** The commands the client runs from `command:` links in hovers (VS Code: its trusted commands). */
  commandLinks?: unknown;
}

export interface ParsedSettings {
  /** Each setting read; what is missing or mistyped keeps its previous (or default) value. */
  settings: Settings;
  /** The folder of the analysis cache, when the payload names a usable one. */
  cacheDir?: string;
  /** One sentence per mistyped value, for the user: which setting, what was wrong, what is used instead. */
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsolutePath(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

/**
 * Reads a settings payload (initialization options or a configuration change). Never throws: a
 * mistyped value is named in `problems` and the previous value is kept, so a typo in one setting
 * never disables the rest. A section the payload leaves out keeps its previous values.
 */
export function parseSettings(payload: unknown, previous: Readonly<Settings> = DEFAULT_SETTINGS): ParsedSettings {
  const settings: Settings = { ...previous, corpus: [...previous.corpus], filesExclude: { ...previous.filesExclude }, commandLinks: [...previous.commandLinks] };
  const problems: string[] = [];
  if (!isRecord(payload)) return { settings, problems: payload === undefined || payload === null ? [] : ['The Summit Lens settings are not an object; the defaults are used.'] };

  const section = payload.summitLens;
  if (isRecord(section)) {
    if ('corpus' in section && section.corpus !== undefined) {
      const corpus = section.corpus;
      if (Array.isArray(corpus) && corpus.every((entry) => typeof entry === 'string')) settings.corpus = corpus.filter((entry) => entry.trim() !== '');
      else if (typeof corpus === 'string') {
        // One glob written without the list around it means what the user wrote.
        settings.corpus = corpus.trim() ? [corpus] : [];
        problems.push(`summitLens.corpus should be a list of folders or globs; the text "${corpus}" is read as [${JSON.stringify(corpus)}].`);
      } else {
        problems.push(`summitLens.corpus should be a list of folders or globs, not ${JSON.stringify(corpus)}; ${settings.corpus.length ? 'the previous list is kept' : 'articles are recognised by their content'}.`);
      }
    }
    for (const name of ['inlayHints', 'codeLens', 'semanticHighlighting'] as const) {
      const value = section[name];
      if (value === undefined) continue;
      const enabled = isRecord(value) ? value.enabled : value;
      if (typeof enabled === 'boolean') settings[name] = enabled;
      else if (enabled !== undefined) problems.push(`summitLens.${name}.enabled should be true or false, not ${JSON.stringify(enabled)}; ${settings[name]} is used.`);
    }
    if (section.reader !== undefined) {
      const value = isRecord(section.reader) ? section.reader.default : section.reader;
      if (typeof value === 'boolean') settings.readerDefault = value;
      else if (value !== undefined) problems.push(`summitLens.reader.default should be true or false, not ${JSON.stringify(value)}; ${settings.readerDefault} is used.`);
    }
  } else if (section !== undefined) {
    problems.push(`The summitLens settings should be an object, not ${JSON.stringify(section)}; the defaults are used.`);
  }

  const files = payload.files;
  if (isRecord(files) && files.exclude !== undefined) {
    if (isRecord(files.exclude)) {
      const exclude: FilesExclude = {};
      for (const [glob, value] of Object.entries(files.exclude)) {
        if (typeof value === 'boolean' || (isRecord(value) && typeof value.when === 'string')) exclude[glob] = value as boolean | { when: string };
      }
      settings.filesExclude = exclude;
    } else {
      problems.push(`files.exclude should be an object of globs, not ${JSON.stringify(files.exclude)}; nothing is excluded.`);
      settings.filesExclude = {};
    }
  }

  // Only the initialization options name them; a configuration change leaves them as they are.
  if (Array.isArray(payload.commandLinks)) settings.commandLinks = payload.commandLinks.filter((command): command is string => typeof command === 'string');

  let cacheDir: string | undefined;
  if ('cacheDir' in payload && payload.cacheDir !== undefined && payload.cacheDir !== null) {
    const value = payload.cacheDir;
    if (typeof value === 'string' && isAbsolutePath(value)) cacheDir = value;
    else problems.push(`The cache folder should be an absolute path, not ${JSON.stringify(value)}; analyses are not persisted this session.`);
  }
  return { settings, cacheDir, problems };
}

/**
 * `summitLens/coverage`: how the outlets covered one meeting (the core's `MeetingCoverage`), or
 * null when the meeting is unknown. Filters by outlet and by date window relative to the meeting.
 */
export const COVERAGE_REQUEST = 'summitLens/coverage';
export interface CoverageParams {
  meetingId: string;
  outlets?: string[];
  windows?: DateWindow[];
}

/** The client command that opens the comparison page of a meeting (argument: the meeting id). */
export const COMPARE_COVERAGE_COMMAND = 'summitLens.compareCoverage';

/** `summitLens/coverageMeetings`: every meeting of the catalogue with how many articles mention it, for a quick pick. */
export const COVERAGE_MEETINGS_REQUEST = 'summitLens/coverageMeetings';
export interface CoverageMeetingItem {
  id: string;
  label: string;
  date: string;
  beijingDate: string;
  articles: number;
}

/** `summitLens/coverageTimeline`: articles per ISO week per meeting (by outlet) and per person, as counts. */
export const COVERAGE_TIMELINE_REQUEST = 'summitLens/coverageTimeline';

/** `summitLens/timelineArticles`: the articles behind one bar of the timeline. */
export const TIMELINE_ARTICLES_REQUEST = 'summitLens/timelineArticles';
export type { MeetingCoverage, CoverageTimeline, TimelineSelection, TimelineArticle, DateWindow } from '../core/language/coverage';
