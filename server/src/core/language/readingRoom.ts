/**
 * The reading room's data: the side bar's trees (meetings, people, articles) and the readable
 * pages of a meeting or a person, computed from the index. Protocol-neutral: the server sends
 * these nodes as they are, and any client can draw them.
 */
import type { ArticleAnalysis } from '../analysis';
import type { Article } from '../article/model';
import type { Location } from '../corpusIndex';
import { canonicalName } from '../figures/script';
import type { Figure } from '../figures/types';
import type { Meeting } from '../meetings/types';
import type { SummitLens } from '../summitLens';
import { meetingDatesLabel, meetingKindLabel, message, weekdayLabel } from './messages';
import { escapeMarkdown as md, linkTarget } from './markdown';
import { buildReader, sentenceAround, type Snippet } from './reader';
import { figureDocumentUri, meetingDocumentUri } from './virtualDocuments';

export type ReadingRoomView = 'meetings' | 'people' | 'articles';
export type ArticleOrder = 'date' | 'outlet';

export type NodeIcon = 'group' | 'meeting' | 'person' | 'learned-person' | 'article' | 'article-problem' | 'mention' | 'outlet' | 'year';

export interface ReadingRoomNode {
  /** Unique in its view, and the parent id of its children. */
  id: string;
  label: string;
  /** Where the label should be highlighted (the mention inside a sentence). */
  highlight?: [number, number];
  description?: string;
  tooltip?: string;
  icon: NodeIcon;
  expandable: boolean;
  /** A click opens this article position. */
  open?: Location;
  /** A click opens this page (a meeting's or a person's). */
  page?: string;
}

/** What the reading room needs besides the index: an article's parse for sentences, and where a click should land. */
export interface ReadingRoomSources {
  /** The parsed article (from the editor's text or the disk), or undefined when it cannot be read. */
  article(uri: string): Article | undefined;
  /** Where a click on a mention should go (the source, or the reader where that is the default). */
  target(location: Location, analysis: ArticleAnalysis | undefined): Location;
}

const SEPARATOR = '\u001f';

function plural(count: number, word: 'article' | 'meeting' | 'mention' | 'problem'): string {
  return message(`count.${word}`, count.toLocaleString('en'));
}

/** Chinese text from folded YAML gets a space at each line break: 「再次 会晤」 reads 「再次会晤」. */
export function joinChineseLines(text: string): string {
  return text.replace(/(?<=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])[ \t]+(?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])/g, '');
}

function articleLabel(analysis: ArticleAnalysis | undefined, uri: string): string {
  if (analysis?.title?.trim()) return analysis.title.trim();
  // No title at all: the file's name is all there is, without its folders.
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return name || uri;
}

function articleDescription(analysis: ArticleAnalysis | undefined): string {
  return [analysis?.outlet, analysis?.date ?? message('page.undated')].filter(Boolean).join(' · ');
}

function byDate(lens: SummitLens) {
  return (a: string, b: string) => (lens.analysis(a)?.date ?? '9999').localeCompare(lens.analysis(b)?.date ?? '9999') || articleLabel(lens.analysis(a), a).localeCompare(articleLabel(lens.analysis(b), b));
}

function problemCount(analysis: ArticleAnalysis | undefined): number {
  return analysis?.problems.filter((problem) => problem.severity !== 'information').length ?? 0;
}

function articleNode(lens: SummitLens, sources: ReadingRoomSources, id: string, uri: string, expandable: boolean): ReadingRoomNode {
  const analysis = lens.analysis(uri);
  const problems = problemCount(analysis);
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    id,
    label: articleLabel(analysis, uri),
    description: `${articleDescription(analysis)}${problems ? ` · ⚠ ${plural(problems, 'problem')}` : ''}`,
    tooltip: [articleLabel(analysis, uri), articleDescription(analysis), ...(analysis?.problems ?? []).filter((problem) => problem.severity !== 'information').slice(0, 5).map((problem) => `⚠ ${problem.message}`)].join('\n'),
    icon: problems ? 'article-problem' : 'article',
    expandable,
    open: sources.target({ uri, range: top }, analysis),
  };
}

/** The sentence of each mention, from one parse of the article; the mentions' ranges are source ranges. */
function snippets(sources: ReadingRoomSources, uri: string, ranges: Location['range'][]): Array<Snippet | undefined> {
  const article = sources.article(uri);
  if (!article) return ranges.map(() => undefined);
  const reader = buildReader(article);
  return ranges.map((range) => {
    const start = reader.textOffsetOfSource(article.lines.offsetAt(range.start));
    const end = Math.max(start, reader.textOffsetOfSource(article.lines.offsetAt(range.end)));
    return sentenceAround(article.text, start, end === start ? start + 1 : end);
  });
}

function mentionNodes(lens: SummitLens, sources: ReadingRoomSources, parentId: string, uri: string, ranges: Location['range'][], written: string[]): ReadingRoomNode[] {
  const analysis = lens.analysis(uri);
  const sentences = snippets(sources, uri, ranges);
  return ranges.map((range, i) => {
    const sentence = sentences[i];
    return {
      id: `${parentId}${SEPARATOR}${range.start.line}:${range.start.character}`,
      label: sentence?.text ?? written[i],
      highlight: sentence?.highlight,
      description: sentence ? undefined : `line ${range.start.line + 1}`,
      tooltip: `${written[i]} — ${articleLabel(analysis, uri)}, line ${range.start.line + 1}`,
      icon: 'mention',
      expandable: false,
      open: sources.target({ uri, range }, analysis),
    };
  });
}

/** A meeting's two leaders (the first two participants; aides follow them) as a group key and label. */
function leaderPair(lens: SummitLens, meeting: Meeting): { key: string; label: string; english: string } {
  const leaders = meeting.participants.slice(0, 2);
  const figures = leaders.map((id) => lens.figure(id));
  return {
    key: leaders.join('+'),
    label: figures.map((figure, i) => figure?.zh ?? leaders[i]).join(' · '),
    english: figures.map((figure, i) => figure?.en ?? leaders[i]).join(' · '),
  };
}

/** The kind and the place, without saying "phone call" twice when the place is a phone call. */
function kindAndPlace(meeting: Meeting): string {
  const kind = meetingKindLabel(meeting.kind);
  return meeting.place.en.toLowerCase().startsWith(kind.split(' ')[0]) ? meeting.place.en : `${kind} · ${meeting.place.en}`;
}

function meetingNode(lens: SummitLens, meeting: Meeting): ReadingRoomNode {
  const articles = lens.articlesMentioningMeeting(meeting.id).length;
  return {
    id: `meeting${SEPARATOR}${meeting.id}`,
    label: `${meeting.date} ${joinChineseLines(meeting.title.zh)}`,
    description: `${kindAndPlace(meeting)} · ${plural(articles, 'article')}`,
    tooltip: `${meeting.title.en}\n${weekdayLabel(meeting.date)} ${meetingDatesLabel(meeting)} · ${meeting.place.zh} · ${meeting.place.en}`,
    icon: 'meeting',
    expandable: articles > 0,
    page: meetingDocumentUri(meeting.id),
  };
}

function meetingTree(lens: SummitLens, sources: ReadingRoomSources, parent: string[]): ReadingRoomNode[] {
  const meetings = [...lens.meetings()].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  if (parent.length === 0) {
    // Groups: one per leader pair, in the order of their first meeting; the years give the era.
    const groups = new Map<string, { label: string; english: string; meetings: Meeting[] }>();
    for (const meeting of meetings) {
      const pair = leaderPair(lens, meeting);
      const group = groups.get(pair.key) ?? { label: pair.label, english: pair.english, meetings: [] };
      group.meetings.push(meeting);
      groups.set(pair.key, group);
    }
    return [...groups].map(([key, group]) => {
      const first = group.meetings[0].date.slice(0, 4);
      const last = group.meetings[group.meetings.length - 1].date.slice(0, 4);
      const mentioned = group.meetings.filter((meeting) => lens.articlesMentioningMeeting(meeting.id).length > 0).length;
      return {
        id: `group${SEPARATOR}${key}`,
        label: group.label,
        description: `${group.english} · ${first === last ? first : `${first}–${last}`} · ${plural(group.meetings.length, 'meeting')}${mentioned ? message('tree.inCorpus', mentioned) : ''}`,
        icon: 'group' as const,
        expandable: true,
      };
    });
  }
  if (parent[0] === 'group') return meetings.filter((meeting) => leaderPair(lens, meeting).key === parent[1]).map((meeting) => meetingNode(lens, meeting));
  if (parent[0] === 'meeting') {
    const id = parent[1];
    return lens
      .articlesMentioningMeeting(id)
      .sort(byDate(lens))
      .map((uri) => {
        const count = lens.analysis(uri)?.meetings.filter((mention) => mention.meetingId === id).length ?? 0;
        const node = articleNode(lens, sources, `article${SEPARATOR}${id}${SEPARATOR}${uri}`, uri, count > 0);
        return { ...node, description: `${node.description} · ${plural(count, 'mention')}` };
      });
  }
  if (parent[0] === 'article') {
    const [, id, uri] = parent;
    const mentions = lens.analysis(uri)?.meetings.filter((mention) => mention.meetingId === id) ?? [];
    return mentionNodes(lens, sources, parent.join(SEPARATOR), uri, mentions.map((mention) => mention.range), mentions.map((mention) => mention.text));
  }
  return [];
}

/** Every person the index mentions (catalogue or learned), with the articles that mention them. */
function peopleInIndex(lens: SummitLens): Array<{ figure: Figure; articles: number }> {
  const counts = new Map<string, number>();
  for (const uri of lens.uris()) {
    const analysis = lens.analysis(uri);
    if (!analysis) continue;
    const ids = new Set([...analysis.figures.map((mention) => mention.figureId), ...analysis.introductions.map((intro) => intro.figureId)]);
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const people: Array<{ figure: Figure; articles: number }> = [];
  for (const [id, articles] of counts) {
    const figure = lens.figure(id);
    if (figure) people.push({ figure, articles });
  }
  return people.sort((a, b) => b.articles - a.articles || a.figure.en.localeCompare(b.figure.en));
}

/** A person's name in the article scripts both, when they differ, then in English. */
function filterableName(figure: Figure): string {
  const otherScript = canonicalName(figure, true);
  const names = [figure.zh, otherScript !== figure.zh ? otherScript : undefined, figure.en && figure.en !== figure.zh ? figure.en : undefined];
  return names.filter(Boolean).join(' ');
}

function peopleTree(lens: SummitLens, sources: ReadingRoomSources, parent: string[]): ReadingRoomNode[] {
  if (parent.length === 0) {
    return peopleInIndex(lens).map(({ figure, articles }) => {
      const learned = figure.origin === 'learned';
      const role = figure.roles[figure.roles.length - 1];
      return {
        // The other script's name and the English one are in the label, since the tree's filter reads
        // only labels: 習近平, 习近平 and Xi Jinping all find him.
        id: `person${SEPARATOR}${figure.id}`,
        label: filterableName(figure),
        description: `${learned ? `${message('tree.learned')} · ` : ''}${plural(articles, 'article')}`,
        tooltip: [`${figure.zh} · ${figure.en}`, role ? `${role.zh} · ${role.en}` : '', learned ? message('tree.learnedTooltip') : message('tree.inCatalogue')].filter(Boolean).join('\n'),
        icon: learned ? ('learned-person' as const) : ('person' as const),
        expandable: true,
        page: figureDocumentUri(figure.id),
      };
    });
  }
  if (parent[0] === 'person') {
    const id = parent[1];
    const uris = new Set(lens.figureMentions(id).map((location) => location.uri));
    for (const uri of lens.uris()) if (lens.analysis(uri)?.introductions.some((intro) => intro.figureId === id)) uris.add(uri);
    return [...uris].sort(byDate(lens)).map((uri) => {
      const count = lens.analysis(uri)?.figures.filter((mention) => mention.figureId === id).length ?? 0;
      const node = articleNode(lens, sources, `article${SEPARATOR}${id}${SEPARATOR}${uri}`, uri, count > 0);
      return { ...node, description: `${node.description} · ${plural(count, 'mention')}` };
    });
  }
  if (parent[0] === 'article') {
    const [, id, uri] = parent;
    const mentions = lens.analysis(uri)?.figures.filter((mention) => mention.figureId === id) ?? [];
    return mentionNodes(lens, sources, parent.join(SEPARATOR), uri, mentions.map((mention) => mention.range), mentions.map((mention) => mention.text));
  }
  return [];
}

function articlesTree(lens: SummitLens, sources: ReadingRoomSources, parent: string[], order: ArticleOrder): ReadingRoomNode[] {
  const uris = lens.uris().sort(byDate(lens)).reverse();
  const groupOf = (uri: string) => (order === 'outlet' ? (lens.analysis(uri)?.outlet?.trim() || message('tree.unknownOutlet')) : (lens.analysis(uri)?.date?.slice(0, 4) ?? message('tree.undated')));
  if (parent.length === 0) {
    const groups = new Map<string, number>();
    for (const uri of uris) groups.set(groupOf(uri), (groups.get(groupOf(uri)) ?? 0) + 1);
    const names = [...groups.keys()];
    if (order === 'outlet') names.sort((a, b) => groups.get(b)! - groups.get(a)! || a.localeCompare(b));
    return names.map((name) => ({ id: `${order}${SEPARATOR}${name}`, label: name, description: plural(groups.get(name)!, 'article'), icon: order === 'outlet' ? ('outlet' as const) : ('year' as const), expandable: true }));
  }
  if (parent[0] === order) return uris.filter((uri) => groupOf(uri) === parent[1]).map((uri) => articleNode(lens, sources, `file${SEPARATOR}${uri}`, uri, false));
  return [];
}

/** The children of a node (its id, or undefined for the view's top level). */
export function readingRoomChildren(lens: SummitLens, sources: ReadingRoomSources, view: ReadingRoomView, parentId: string | undefined, order: ArticleOrder = 'date'): ReadingRoomNode[] {
  const parent = parentId ? parentId.split(SEPARATOR) : [];
  if (view === 'meetings') return meetingTree(lens, sources, parent);
  if (view === 'people') return peopleTree(lens, sources, parent);
  if (view === 'articles') return articlesTree(lens, sources, parent, order);
  return [];
}

/** How a page links to an article position: a `file:` URI with `#L<line>,<column>`, or the reader's. */
function positionLink(location: Location): string {
  return `${location.uri}#L${location.range.start.line + 1},${location.range.start.character + 1}`;
}

function mentionList(lens: SummitLens, sources: ReadingRoomSources, mentionsOf: (analysis: ArticleAnalysis) => Location['range'][], uris: string[], limit = 300): string[] {
  const lines: string[] = [];
  for (const [i, uri] of uris.sort(byDate(lens)).entries()) {
    const analysis = lens.analysis(uri);
    const ranges = analysis ? mentionsOf(analysis) : [];
    const first = sources.target({ uri, range: ranges[0] ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, analysis);
    lines.push(`### [${md(articleLabel(analysis, uri))}](${linkTarget(positionLink(first))})`, '', `${md(articleDescription(analysis))} · ${plural(ranges.length, 'mention')}`, '');
    // Sentences for the first few hundred articles; past that a page would take seconds to build.
    if (i < limit) {
      const sentences = snippets(sources, uri, ranges.slice(0, 5));
      sentences.forEach((sentence, k) => {
        if (sentence) lines.push(`> ${md(sentence.text)} [↗](${linkTarget(positionLink(sources.target({ uri, range: ranges[k] }, analysis)))})`, '');
      });
    }
  }
  return lines;
}

/** A meeting's page: summary, dates (local and Beijing), place, participants, and every article mentioning it. */
export function meetingPage(lens: SummitLens, sources: ReadingRoomSources, meetingId: string): string | undefined {
  const meeting = lens.meeting(meetingId);
  if (!meeting) return undefined;
  const participants = meeting.participants.map((id) => {
    const figure = lens.figure(id);
    return figure ? `[${md(figure.zh)} ${md(figure.en)}](${linkTarget(figureDocumentUri(id))})` : md(id);
  });
  const uris = lens.articlesMentioningMeeting(meetingId);
  return [
    `# ${md(joinChineseLines(meeting.title.zh))}`,
    '',
    `_${md(meeting.title.en)}_`,
    '',
    `- **${message('page.date')}:** ${message('page.localTime', `${weekdayLabel(meeting.date)} ${md(meeting.date)}`)}${meeting.beijingDate !== meeting.date ? ` · ${message('page.beijingTime', `${weekdayLabel(meeting.beijingDate)} ${md(meeting.beijingDate)}`)}` : message('page.sameDayInBeijing')}`,
    `- **${message('page.place')}:** ${md(joinChineseLines(meeting.place.zh))} · ${md(meeting.place.en)}`,
    `- **${message('page.kind')}:** ${md(meetingKindLabel(meeting.kind))}`,
    ...(meeting.occasion ? [`- **${message('page.occasion')}:** ${md(joinChineseLines(meeting.occasion.zh))} · ${md(meeting.occasion.en)}`] : []),
    `- **${message('page.participants')}:** ${participants.join(', ') || '—'}`,
    '',
    `## ${message('page.summary')}`,
    '',
    ...(meeting.summary.zh ? [md(joinChineseLines(meeting.summary.zh)), ''] : []),
    md(meeting.summary.en),
    '',
    `## ${message('page.articles', uris.length)}`,
    '',
    ...(uris.length ? mentionList(lens, sources, (analysis) => analysis.meetings.filter((mention) => mention.meetingId === meetingId).map((mention) => mention.range), uris) : [message('page.noArticleMentionsMeeting'), '']),
  ].join('\n');
}

/** A person's page: names, roles, and every article mentioning them in date order with the sentence. */
export function personPage(lens: SummitLens, sources: ReadingRoomSources, figureId: string): string | undefined {
  const figure = lens.figure(figureId);
  if (!figure) return undefined;
  const uris = [...new Set(lens.figureMentions(figureId).map((location) => location.uri))];
  const introduction = lens.firstIntroduction(figureId);
  return [
    `# ${md(figure.zh)} · ${md(figure.en)}`,
    '',
    `- **${message('page.writtenAs')}:** ${md([...new Set([...figure.names, ...figure.short, ...figure.latin])].join('、')) || '—'}`,
    ...(figure.country ? [`- **${message('page.country')}:** ${md(figure.country)}`] : []),
    `- **${message('page.source')}:** ${message(figure.origin === 'learned' ? 'page.source.learnedNotInCatalogue' : figure.origin === 'workspace' ? 'page.source.workspaceCatalogue' : 'page.source.builtinCatalogue')}`,
    ...(introduction ? [`- **${message('page.introducedAs')}:** [${md(introduction.text)}](${linkTarget(positionLink(sources.target({ uri: introduction.uri, range: introduction.nameRange }, lens.analysis(introduction.uri))))})`] : []),
    '',
    ...(figure.roles.length ? [`## ${message('page.roles')}`, '', ...figure.roles.map((role) => `- ${md(role.zh)} · ${md(role.en)} (${md(role.from ?? '?')} – ${md(role.to ?? message('page.present'))})`), ''] : []),
    `## ${message('page.articles', uris.length)}`,
    '',
    ...(uris.length ? mentionList(lens, sources, (analysis) => analysis.figures.filter((mention) => mention.figureId === figureId).map((mention) => mention.range), uris) : [message('page.noArticleMentionsPerson'), '']),
  ].join('\n');
}
