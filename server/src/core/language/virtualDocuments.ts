/**
 * Readable documents for catalogue entries (a meeting, a figure), shown when the user goes
 * to the definition of something that has no introduction in any article.
 */
import type { CorpusIndex } from '../corpusIndex';
import type { Knowledge } from '../knowledge';
import type { Figure } from '../figures/types';
import { escapeMarkdown as md, markdownLink } from './markdown';
import { meetingKindLabel, message } from './messages';

export const VIRTUAL_SCHEME = 'summit-lens';

export function meetingDocumentUri(meetingId: string): string {
  return `${VIRTUAL_SCHEME}:/meetings/${encodeURIComponent(meetingId)}.md`;
}

export function figureDocumentUri(figureId: string): string {
  return `${VIRTUAL_SCHEME}:/figures/${encodeURIComponent(figureId)}.md`;
}

/** The Markdown text of a virtual document, or undefined for an unknown URI. */
export function virtualDocument(uri: string, knowledge: Knowledge, index: CorpusIndex, displayPath: (uri: string) => string): string | undefined {
  const match = /^summit-lens:\/(meetings|figures)\/([^/]+)\.md$/.exec(uri);
  if (!match) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[2]);
  } catch {
    // A malformed escape (`%` alone) names no entry.
    return undefined;
  }
  if (match[1] === 'meetings') {
    const meeting = knowledge.meeting(id);
    if (!meeting) return undefined;
    const participants = meeting.participants.map((figureId) => {
      const figure = knowledge.figure(figureId);
      return md(figure ? `${figure.zh} (${figure.en})` : figureId);
    });
    const articles = index.articlesMentioningMeeting(id);
    const lines = [
      `# ${md(meeting.title.zh)} — ${md(meeting.title.en)}`,
      '',
      `- **${message('page.date')}:** ${message('page.localTime', md(meeting.date))}${meeting.beijingDate !== meeting.date ? `, ${message('page.beijingTime', md(meeting.beijingDate))}` : ''}`,
      `- **${message('page.kind')}:** ${md(meetingKindLabel(meeting.kind))}`,
      `- **${message('page.place')}:** ${md(meeting.place.zh)} — ${md(meeting.place.en)}`,
      ...(meeting.occasion ? [`- **${message('page.occasion')}:** ${md(meeting.occasion.zh)} — ${md(meeting.occasion.en)}`] : []),
      `- **${message('page.participants')}:** ${participants.join(', ') || '—'}`,
      `- **${message('page.alsoCalled')}:** ${md([...meeting.aliases, ...meeting.placeNames].join('、')) || '—'}`,
      '',
      `## ${message('page.outcomes')}`,
      '',
      md(meeting.summary.en),
      ...(meeting.summary.zh ? ['', md(meeting.summary.zh)] : []),
      '',
      `## ${message('page.articlesMentioningMeeting', articles.length)}`,
      '',
      ...articles.map((articleUri) => {
        const article = index.get(articleUri);
        const count = article?.meetings.filter((mention) => mention.meetingId === id).length ?? 0;
        const first = article?.meetings.find((mention) => mention.meetingId === id);
        const target = first ? `${articleUri}#L${first.range.start.line + 1}` : articleUri;
        return `- ${markdownLink(article?.title ?? displayPath(articleUri), target)} — ${md(article?.date ?? message('page.undated'))}, ${message('page.mentions', count)}`;
      }),
      '',
    ];
    return lines.join('\n');
  }
  const figure = knowledge.figure(id) ?? index.learnedFigure(id);
  if (!figure) return undefined;
  return figureDocument(figure, index, displayPath);
}

function figureDocument(figure: Figure, index: CorpusIndex, displayPath: (uri: string) => string): string {
  const articles = index.articlesMentioningFigure(figure.id);
  const introductions = index.introductions(figure.id);
  const lines = [
    `# ${md(figure.zh)} — ${md(figure.en)}`,
    '',
    `- **${message('page.writtenAs')}:** ${md([...new Set([...figure.names, ...figure.short, ...figure.latin])].join('、')) || '—'}`,
    ...(figure.country ? [`- **${message('page.country')}:** ${md(figure.country)}`] : []),
    `- **${message('page.source')}:** ${message(figure.origin === 'builtin' ? 'page.source.builtin' : figure.origin === 'workspace' ? 'page.source.workspace' : 'page.source.learned')}`,
    '',
    `## ${message('page.roles')}`,
    '',
    ...(figure.roles.length ? figure.roles.map((role) => `- ${md(role.zh)} — ${md(role.en)} (${md(role.from ?? '?')} – ${md(role.to ?? message('page.present'))})`) : ['- —']),
    '',
    `## ${message('page.introductions', introductions.length)}`,
    '',
    ...introductions.slice(0, 50).map(({ uri, date, introduction }) => `- ${md(introduction.text)} — ${markdownLink(displayPath(uri), `${uri}#L${introduction.range.start.line + 1}`)} ${md(date ?? '')}`),
    '',
    `## ${message('page.articlesMentioningFigure', md(figure.zh), articles.length)}`,
    '',
    ...articles.map((uri) => `- ${markdownLink(index.get(uri)?.title ?? displayPath(uri), uri)} — ${md(index.get(uri)?.date ?? message('page.undated'))}`),
    '',
  ];
  return lines.join('\n');
}
