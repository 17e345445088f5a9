/**
 * The corpus index: every analysed article, plus reverse maps from each figure and meeting
 * to the articles that mention it, kept up to date one article at a time.
 */
import type { ArticleAnalysis, FigureMentionEntry, IntroductionEntry, MeetingMentionEntry } from './analysis';
import type { Figure } from './figures/types';
import type { Position, Range } from './text/lineIndex';

export interface Location {
  uri: string;
  range: Range;
}

export type Target =
  | { kind: 'figure'; figureId: string; mention: FigureMentionEntry }
  | { kind: 'introduction'; figureId: string; introduction: IntroductionEntry }
  | { kind: 'meeting'; meetingId: string; mention: MeetingMentionEntry };

/** Characters that make a figure's compound form (拜习会, 習拜會談) a name for a meeting. */
const MEETING_WORD = /[会會晤谈談峰]/;

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether the character at `position` lies in `range` (the end is exclusive). */
export function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && before(position, range.end);
}

/** The first item whose range holds the character at `position`. */
function itemHolding<T>(items: readonly T[], rangeOf: (item: T) => Range, position: Position): T | undefined {
  return items.find((item) => contains(rangeOf(item), position));
}

/** The first item whose range ends right at `position` (a cursor just after a word still means the word). */
function itemEndingAt<T>(items: readonly T[], rangeOf: (item: T) => Range, position: Position): T | undefined {
  return items.find((item) => {
    const end = rangeOf(item).end;
    return end.line === position.line && end.character === position.character;
  });
}

/**
 * The item whose range holds the character at `position`; failing that, one that ends there.
 * A position between two adjacent mentions (拜登|习近平) thus belongs to the one that starts there.
 */
export function itemAt<T>(items: readonly T[], rangeOf: (item: T) => Range, position: Position): T | undefined {
  return itemHolding(items, rangeOf, position) ?? itemEndingAt(items, rangeOf, position);
}

function compareLocations(a: Location, b: Location): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export class CorpusIndex {
  private readonly articles = new Map<string, ArticleAnalysis>();
  private readonly figureArticles = new Map<string, Set<string>>();
  private readonly meetingArticles = new Map<string, Set<string>>();
  private readonly learned = new Map<string, { figure: Figure; uris: Set<string> }>();

  get size(): number {
    return this.articles.size;
  }

  uris(): IterableIterator<string> {
    return this.articles.keys();
  }

  get(uri: string): ArticleAnalysis | undefined {
    return this.articles.get(uri);
  }

  set(analysis: ArticleAnalysis): void {
    this.delete(analysis.uri);
    this.articles.set(analysis.uri, analysis);
    for (const mention of analysis.figures) addTo(this.figureArticles, mention.figureId, analysis.uri);
    for (const intro of analysis.introductions) addTo(this.figureArticles, intro.figureId, analysis.uri);
    for (const mention of analysis.meetings) addTo(this.meetingArticles, mention.meetingId, analysis.uri);
    for (const figure of analysis.learnedFigures) {
      const entry = this.learned.get(figure.id) ?? { figure, uris: new Set<string>() };
      entry.uris.add(analysis.uri);
      this.learned.set(figure.id, entry);
    }
  }

  delete(uri: string): boolean {
    const old = this.articles.get(uri);
    if (!old) return false;
    this.articles.delete(uri);
    for (const mention of old.figures) removeFrom(this.figureArticles, mention.figureId, uri);
    for (const intro of old.introductions) removeFrom(this.figureArticles, intro.figureId, uri);
    for (const mention of old.meetings) removeFrom(this.meetingArticles, mention.meetingId, uri);
    for (const figure of old.learnedFigures) {
      const entry = this.learned.get(figure.id);
      if (!entry) continue;
      entry.uris.delete(uri);
      if (entry.uris.size === 0) this.learned.delete(figure.id);
    }
    return true;
  }

  /** The figure or meeting mention under the cursor, if any (the innermost one). */
  targetAt(uri: string, position: Position): Target | undefined {
    const analysis = this.articles.get(uri);
    if (!analysis) return undefined;
    // The mention under the character at the cursor wins over one that merely ends there.
    return this.targetFound(analysis, itemHolding, position) ?? this.targetFound(analysis, itemEndingAt, position);
  }

  private targetFound(analysis: ArticleAnalysis, find: typeof itemHolding, position: Position): Target | undefined {
    const figure = find(analysis.figures, (mention) => mention.range, position);
    const meeting = find(analysis.meetings, (mention) => mention.range, position);
    if (figure && meeting && MEETING_WORD.test(figure.text)) {
      // A compound such as 拜习会 names both leaders, but a reader on it means the meeting.
      return { kind: 'meeting', meetingId: meeting.meetingId, mention: meeting };
    }
    if (figure) return { kind: 'figure', figureId: figure.figureId, mention: figure };
    if (meeting) return { kind: 'meeting', meetingId: meeting.meetingId, mention: meeting };
    const intro = find(analysis.introductions, (entry) => entry.nameRange, position);
    if (intro) return { kind: 'introduction', figureId: intro.figureId, introduction: intro };
    return undefined;
  }

  figureMentions(figureId: string): Location[] {
    const locations: Location[] = [];
    for (const uri of this.figureArticles.get(figureId) ?? []) {
      for (const mention of this.articles.get(uri)!.figures) if (mention.figureId === figureId) locations.push({ uri, range: mention.range });
    }
    return locations.sort(compareLocations);
  }

  meetingMentions(meetingId: string): Location[] {
    const locations: Location[] = [];
    for (const uri of this.meetingArticles.get(meetingId) ?? []) {
      for (const mention of this.articles.get(uri)!.meetings) if (mention.meetingId === meetingId) locations.push({ uri, range: mention.range });
    }
    return locations.sort(compareLocations);
  }

  articlesMentioningFigure(figureId: string): string[] {
    return [...(this.figureArticles.get(figureId) ?? [])].sort();
  }

  articlesMentioningMeeting(meetingId: string): string[] {
    return [...(this.meetingArticles.get(meetingId) ?? [])].sort();
  }

  /** Every introduction of a figure across the corpus, earliest article first. */
  introductions(figureId: string): Array<{ uri: string; date?: string; introduction: IntroductionEntry }> {
    const found: Array<{ uri: string; date?: string; introduction: IntroductionEntry }> = [];
    for (const uri of this.figureArticles.get(figureId) ?? []) {
      const analysis = this.articles.get(uri)!;
      for (const introduction of analysis.introductions) if (introduction.figureId === figureId) found.push({ uri, date: analysis.date, introduction });
    }
    return found.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.uri.localeCompare(b.uri));
  }

  learnedFigure(figureId: string): Figure | undefined {
    return this.learned.get(figureId)?.figure;
  }

  learnedFigures(): Figure[] {
    return [...this.learned.values()].map((entry) => entry.figure);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

function removeFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(key);
}
