/**
 * Coverage of meetings across outlets: the comparison of how each outlet told one meeting (its
 * articles, the sentences that mention the meeting, the people named in them) and the timeline
 * of articles per ISO week, per meeting and outlet and per person. Protocol-neutral and pure:
 * the server, the CLI and the tests call the same functions. Analyses keep no source text, so
 * sentences come from a parse of the article, as in the reading room (`buildReader` and
 * `sentenceAround`); the timeline needs only the analyses, so it stays cheap at any corpus size.
 */
import type { ArticleAnalysis } from '../analysis';
import type { Article } from '../article/model';
import type { Location } from '../corpusIndex';
import type { SummitLens } from '../summitLens';
import { buildReader, sentenceAround } from './reader';
import { meetingDatesLabel, message, type MessageKey } from './messages';

export type DateWindow = 'before' | 'during' | 'after' | 'undated';
export const DATE_WINDOWS: readonly DateWindow[] = ['before', 'during', 'after', 'undated'];

/** What the comparison needs besides the index: an article's parse, and where a click on a sentence should land. */
export interface CoverageSources {
  article(uri: string): Article | undefined;
  target?(location: Location, analysis: ArticleAnalysis | undefined): Location;
}

export interface CoverageFilter {
  /** Outlets to keep (as the articles name them; "Unknown outlet" for none); all when absent or empty. */
  outlets?: string[];
  /** Date windows to keep; all when absent or empty. */
  windows?: DateWindow[];
}

export interface CoveragePerson {
  id: string;
  zh: string;
  en: string;
  /** How many of the outlet's mention sentences name this person. */
  sentences: number;
}

export interface CoverageSentence {
  /** The sentence around the mention (shortened to about 60 characters each side). */
  text: string;
  /** Where the mention is inside `text`. */
  highlight: [number, number];
  /** The mention in the article (the source, or the reader where that is the default). */
  location: Location;
  /** The people named within the sentence (figure ids, in order of appearance). */
  people: string[];
}

export interface CoverageArticle {
  uri: string;
  title: string;
  date: string | null;
  window: DateWindow;
  sentences: CoverageSentence[];
}

export interface OutletCoverage {
  outlet: string;
  /** The date of the outlet's earliest article on the meeting, or null when every article is undated. */
  first: string | null;
  articles: CoverageArticle[];
  people: CoveragePerson[];
}

export interface MeetingCoverage {
  meeting: { id: string; title: { zh: string; en: string }; date: string; beijingDate: string; place: { zh: string; en: string } };
  /** Every outlet that covered the meeting, before filtering (for the filter's choices). */
  allOutlets: string[];
  /** Articles per date window, before filtering. */
  windows: Record<DateWindow, number>;
  /** The outlets whose first article has the earliest date (several on a tie). */
  firstOutlets: string[];
  /** One group per outlet, earliest coverage first. */
  outlets: OutletCoverage[];
  articleCount: number;
  sentenceCount: number;
}

export const UNKNOWN_OUTLET = 'Unknown outlet';
/** Sentences are the same sentence-end characters the reader uses; a person counts when no end lies between. */
const SENTENCE_END = /[。！？!?；;\n]/;
/** How far from the mention a person may be named and still be in its sentence (the reader's snippet reach). */
const SENTENCE_REACH = 60;

function dayOfArticle(analysis: ArticleAnalysis | undefined): string | null {
  const date = analysis?.date;
  return date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;
}

export function outletOf(analysis: ArticleAnalysis | undefined): string {
  return analysis?.outlet?.trim() || UNKNOWN_OUTLET;
}

function titleOf(analysis: ArticleAnalysis | undefined, uri: string): string {
  if (analysis?.title?.trim()) return analysis.title.trim();
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}

/** Before, during or after a meeting: relative to its Beijing date; a US-evening meeting's local date also counts as during. */
export function dateWindow(articleDay: string | null, meeting: { date: string; beijingDate: string }): DateWindow {
  if (!articleDay) return 'undated';
  const first = meeting.date < meeting.beijingDate ? meeting.date : meeting.beijingDate;
  if (articleDay < first) return 'before';
  if (articleDay <= meeting.beijingDate || articleDay === meeting.date) return 'during';
  return 'after';
}

/** The sentences of one article's mentions of a meeting, with the people named in each, from one parse. */
function sentencesOf(lens: SummitLens, sources: CoverageSources, uri: string, analysis: ArticleAnalysis, meetingId: string): CoverageSentence[] {
  const mentions = analysis.meetings.filter((mention) => mention.meetingId === meetingId);
  if (mentions.length === 0) return [];
  const article = sources.article(uri);
  const reader = article ? buildReader(article) : undefined;
  const textOffset = (position: Location['range']['start']) => (article && reader ? reader.textOffsetOfSource(article.lines.offsetAt(position)) : 0);
  const people = article ? analysis.figures.map((mention) => ({ id: mention.figureId, start: textOffset(mention.range.start) })) : [];
  const target = (location: Location) => (sources.target ? sources.target(location, analysis) : location);
  return mentions.map((mention) => {
    const location = target({ uri, range: mention.range });
    if (!article) return { text: mention.text, highlight: [0, mention.text.length] as [number, number], location, people: [] };
    const start = textOffset(mention.range.start);
    const end = Math.max(start + 1, textOffset(mention.range.end));
    const snippet = sentenceAround(article.text, start, end);
    const named: string[] = [];
    for (const person of people) {
      if (named.includes(person.id) || Math.abs(person.start - start) > SENTENCE_REACH) continue;
      const between = person.start < start ? article.text.slice(person.start, start) : article.text.slice(end, person.start);
      if (!SENTENCE_END.test(between)) named.push(person.id);
    }
    return { text: snippet.text, highlight: snippet.highlight, location, people: named };
  });
}

/**
 * How the outlets covered one meeting: one group per outlet with its articles in date order,
 * each with the sentences that mention the meeting and the people named there. Undefined when
 * the meeting is not in the catalogue. Never throws on a missing or unreadable article: its
 * sentences are then the mention's own words.
 */
export function compareCoverage(lens: SummitLens, sources: CoverageSources, meetingId: string, filter: CoverageFilter = {}): MeetingCoverage | undefined {
  const meeting = lens.meeting(meetingId);
  if (!meeting) return undefined;
  const outletsWanted = new Set(filter.outlets ?? []);
  const windowsWanted = new Set(filter.windows ?? []);
  const windows: Record<DateWindow, number> = { before: 0, during: 0, after: 0, undated: 0 };
  const allOutlets = new Set<string>();
  const groups = new Map<string, CoverageArticle[]>();
  const uris = lens.articlesMentioningMeeting(meetingId);
  const dated = uris.map((uri) => ({ uri, analysis: lens.analysis(uri) })).map((entry) => ({ ...entry, day: dayOfArticle(entry.analysis) }));
  dated.sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || titleOf(a.analysis, a.uri).localeCompare(titleOf(b.analysis, b.uri)) || a.uri.localeCompare(b.uri));
  for (const { uri, analysis, day } of dated) {
    if (!analysis) continue;
    const outlet = outletOf(analysis);
    const window = dateWindow(day, meeting);
    allOutlets.add(outlet);
    windows[window]++;
    if (outletsWanted.size > 0 && !outletsWanted.has(outlet)) continue;
    if (windowsWanted.size > 0 && !windowsWanted.has(window)) continue;
    const article: CoverageArticle = { uri, title: titleOf(analysis, uri), date: day, window, sentences: sentencesOf(lens, sources, uri, analysis, meetingId) };
    const group = groups.get(outlet) ?? [];
    group.push(article);
    groups.set(outlet, group);
  }
  const outlets: OutletCoverage[] = [...groups].map(([outlet, articles]) => {
    const counts = new Map<string, number>();
    for (const article of articles) for (const sentence of article.sentences) for (const id of sentence.people) counts.set(id, (counts.get(id) ?? 0) + 1);
    const people = [...counts].map(([id, sentences]) => {
      const figure = lens.figure(id);
      return { id, zh: figure?.zh ?? id, en: figure?.en ?? id, sentences };
    });
    people.sort((a, b) => b.sentences - a.sentences || a.en.localeCompare(b.en));
    return { outlet, first: articles.find((article) => article.date)?.date ?? null, articles, people };
  });
  outlets.sort((a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999') || a.outlet.localeCompare(b.outlet));
  const earliest = outlets[0]?.first ?? null;
  return {
    meeting: { id: meeting.id, title: meeting.title, date: meeting.date, beijingDate: meeting.beijingDate, place: meeting.place },
    allOutlets: [...allOutlets].sort((a, b) => a.localeCompare(b)),
    windows,
    firstOutlets: earliest ? outlets.filter((group) => group.first === earliest).map((group) => group.outlet) : [],
    outlets,
    articleCount: outlets.reduce((sum, group) => sum + group.articles.length, 0),
    sentenceCount: outlets.reduce((sum, group) => sum + group.articles.reduce((inner, article) => inner + article.sentences.length, 0), 0),
  };
}

/** The ISO week of a date (`2023-W46`) and the Monday it starts on. */
export function isoWeek(day: string): { week: string; monday: string } {
  const [year, month, date] = day.split('-').map(Number);
  const time = Date.UTC(year, month - 1, date);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  const monday = time - weekday * 86_400_000;
  const thursday = monday + 3 * 86_400_000;
  const isoYear = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return { week: `${isoYear}-W${String(week).padStart(2, '0')}`, monday: new Date(monday).toISOString().slice(0, 10) };
}

/** Sparse counts: [week index, outlet index, articles]. */
export type OutletCell = [number, number, number];

export interface TimelineMeeting {
  id: string;
  label: string;
  date: string;
  beijingDate: string;
  /** The index in `weeks` of the meeting's (Beijing) week, or -1 when it lies outside the corpus's weeks. */
  week: number;
  articles: number;
  cells: OutletCell[];
}

export interface TimelinePerson {
  id: string;
  zh: string;
  en: string;
  articles: number;
  /** Sparse counts: [week index, articles]. */
  cells: Array<[number, number]>;
}

export interface CoverageTimeline {
  /** Every ISO week from the earliest to the latest dated article (or meeting shown), with its Monday. */
  weeks: Array<{ week: string; monday: string }>;
  outlets: string[];
  meetings: TimelineMeeting[];
  people: TimelinePerson[];
  articles: number;
  undated: number;
}

export interface TimelineOptions {
  /** How many people to send, the most frequent first. */
  people?: number;
}

/** The longest axis sent: a corpus spanning more years is cut to its latest weeks, which keeps the page usable. */
const MAX_WEEKS = 52 * 40;

/**
 * Articles per ISO week: for each meeting the corpus mentions, stacked by outlet, and for each
 * person. Counts only: one pass over the analyses, whatever the corpus size.
 */
export function coverageTimeline(lens: SummitLens, options: TimelineOptions = {}): CoverageTimeline {
  const weekOf = new Map<string, { week: string; monday: string }>();
  const week = (day: string) => {
    let found = weekOf.get(day);
    if (!found) weekOf.set(day, (found = isoWeek(day)));
    return found;
  };
  const outletIndex = new Map<string, number>();
  const meetingCounts = new Map<string, Map<string, number>>();
  const meetingArticles = new Map<string, number>();
  const personCounts = new Map<string, Map<string, number>>();
  const personArticles = new Map<string, number>();
  let articles = 0;
  let undated = 0;
  let minMonday: string | undefined;
  let maxMonday: string | undefined;
  for (const uri of lens.uris()) {
    const analysis = lens.analysis(uri);
    if (!analysis) continue;
    articles++;
    const day = dayOfArticle(analysis);
    if (!day) {
      undated++;
      continue;
    }
    const { monday } = week(day);
    if (!minMonday || monday < minMonday) minMonday = monday;
    if (!maxMonday || monday > maxMonday) maxMonday = monday;
    const outlet = outletOf(analysis);
    if (!outletIndex.has(outlet)) outletIndex.set(outlet, outletIndex.size);
    const key = `${monday}\u001f${outletIndex.get(outlet)}`;
    for (const id of new Set(analysis.meetings.map((mention) => mention.meetingId))) {
      const counts = meetingCounts.get(id) ?? new Map<string, number>();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      meetingCounts.set(id, counts);
      meetingArticles.set(id, (meetingArticles.get(id) ?? 0) + 1);
    }
    for (const id of new Set(analysis.figures.map((mention) => mention.figureId))) {
      const counts = personCounts.get(id) ?? new Map<string, number>();
      counts.set(monday, (counts.get(monday) ?? 0) + 1);
      personCounts.set(id, counts);
      personArticles.set(id, (personArticles.get(id) ?? 0) + 1);
    }
  }

  const weeks: Array<{ week: string; monday: string }> = [];
  const weekIndex = new Map<string, number>();
  if (minMonday && maxMonday) {
    const last = Date.parse(`${maxMonday}T00:00:00Z`);
    const first = Math.max(Date.parse(`${minMonday}T00:00:00Z`), last - (MAX_WEEKS - 1) * 7 * 86_400_000);
    for (let time = first; time <= last; time += 7 * 86_400_000) {
      const monday = new Date(time).toISOString().slice(0, 10);
      weekIndex.set(monday, weeks.length);
      weeks.push({ week: isoWeek(monday).week, monday });
    }
  }

  const meetings: TimelineMeeting[] = [];
  for (const meeting of lens.meetings()) {
    const counts = meetingCounts.get(meeting.id);
    if (!counts) continue;
    const cells: OutletCell[] = [];
    for (const [key, count] of counts) {
      const [monday, outlet] = key.split('\u001f');
      const index = weekIndex.get(monday);
      if (index !== undefined) cells.push([index, Number(outlet), count]);
    }
    cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    meetings.push({
      id: meeting.id,
      label: meeting.title.zh.replace(/(?<=[\u2e80-\u9fff])\s+(?=[\u2e80-\u9fff])/g, ''),
      date: meeting.date,
      beijingDate: meeting.beijingDate,
      week: weekIndex.get(week(meeting.beijingDate).monday) ?? -1,
      articles: meetingArticles.get(meeting.id) ?? 0,
      cells,
    });
  }
  meetings.sort((a, b) => a.beijingDate.localeCompare(b.beijingDate) || a.id.localeCompare(b.id));

  const people: TimelinePerson[] = [...personArticles]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.people ?? 50)
    .map(([id, total]) => {
      const figure = lens.figure(id);
      const cells: Array<[number, number]> = [];
      for (const [monday, count] of personCounts.get(id)!) {
        const index = weekIndex.get(monday);
        if (index !== undefined) cells.push([index, count]);
      }
      cells.sort((a, b) => a[0] - b[0]);
      return { id, zh: figure?.zh ?? id, en: figure?.en ?? id, articles: total, cells };
    });
  return { weeks, outlets: [...outletIndex.keys()], meetings, people, articles, undated };
}

export interface TimelineSelection {
  /** The Monday of the week clicked. */
  monday: string;
  meetingId?: string;
  figureId?: string;
  outlet?: string;
}

export interface TimelineArticle {
  uri: string;
  title: string;
  date: string;
  outlet: string;
  location: Location;
}

/** The articles behind one bar of the timeline (a week, for a meeting or a person, and optionally one outlet). */
export function timelineArticles(lens: SummitLens, selection: TimelineSelection, target?: (location: Location, analysis: ArticleAnalysis | undefined) => Location): TimelineArticle[] {
  const found: TimelineArticle[] = [];
  const candidates = selection.meetingId ? lens.articlesMentioningMeeting(selection.meetingId) : selection.figureId ? [...new Set(lens.figureMentions(selection.figureId).map((location) => location.uri))] : lens.uris();
  for (const uri of candidates) {
    const analysis = lens.analysis(uri);
    const day = dayOfArticle(analysis);
    if (!analysis || !day || isoWeek(day).monday !== selection.monday) continue;
    if (selection.outlet !== undefined && outletOf(analysis) !== selection.outlet) continue;
    const first = selection.meetingId ? analysis.meetings.find((mention) => mention.meetingId === selection.meetingId)?.range : selection.figureId ? analysis.figures.find((mention) => mention.figureId === selection.figureId)?.range : undefined;
    const location = { uri, range: first ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    found.push({ uri, title: titleOf(analysis, uri), date: day, outlet: outletOf(analysis), location: target ? target(location, analysis) : location });
  }
  return found.sort((a, b) => a.date.localeCompare(b.date) || a.outlet.localeCompare(b.outlet) || a.title.localeCompare(b.title));
}

/** The comparison as Markdown, for a story or a paper (the CLI's `compare --markdown`). */
export function coverageMarkdown(coverage: MeetingCoverage, pathOf: (uri: string) => string = (uri) => uri): string {
  const { meeting } = coverage;
  const escape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const lines = [
    `# ${escape(meeting.title.zh)}`,
    '',
    `_${escape(meeting.title.en)}_ · ${meetingDatesLabel(meeting)} · ${escape(meeting.place.en)}`,
    '',
    message('coverage.summary', message('count.article', coverage.articleCount), message('count.outlet', coverage.outlets.length), message('count.sentence', coverage.sentenceCount)),
    message('coverage.windows', coverage.windows.before, coverage.windows.during, coverage.windows.after, coverage.windows.undated ? message('coverage.undated', coverage.windows.undated) : ''),
    coverage.firstOutlets.length ? message('coverage.first', coverage.firstOutlets.map(escape).join(', '), coverage.outlets[0].first ?? '') : message('coverage.noDated'),
    '',
  ];
  for (const group of coverage.outlets) {
    lines.push(`## ${escape(group.outlet)}`, '');
    lines.push(message('coverage.outlet', message('count.article', group.articles.length), group.first ? message('coverage.firstOn', group.first) : ''));
    if (group.people.length) lines.push(message('coverage.people', group.people.map((person) => `${escape(person.zh)} (${escape(person.en)}) ×${person.sentences}`).join(', ')));
    lines.push('');
    for (const article of group.articles) {
      lines.push(`### ${escape(article.title)}`, '', `${article.date ?? message('page.undated')} · ${message(`window.${article.window}` as MessageKey)} · ${escape(pathOf(article.uri))}`, '');
      for (const sentence of article.sentences) lines.push(`- ${escape(sentence.text)}${message('coverage.line', sentence.location.range.start.line + 1)}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
