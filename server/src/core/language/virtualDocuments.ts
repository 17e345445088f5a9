/**
 * Readable documents for catalogue entries (a meeting, a figure), shown when the user goes
 * to the definition of something that has no introduction in any article.
 */
import type { CorpusIndex } from '../corpusIndex';
import type { Knowledge } from '../knowledge';
import type { Figure } from '../figures/types';
import { escapeMarkdown as md, markdownLink } from './markdown';

export const VIRTUAL_SCHEME = 'summit-lens';

export function meetingDocumentUri(meetingId: string): string {
  return `${VIRTUAL_SCHEME}:/meetings/${encodeURIComponent(meetingId)}.md`;
}

export function figureDocumentUri(figureId: string): string {
  return `${VIRTUAL_SCHEME}:/figures/${encodeURIComponent(figureId)}.md`;
}

const KIND_NAMES = { 'in-person': 'in person', video: 'video', call: 'phone call' } as const;

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
      `- **Date:** ${md(meeting.date)} local time${meeting.beijingDate !== meeting.date ? `, ${md(meeting.beijingDate)} Beijing time` : ''}`,
      `- **Kind:** ${KIND_NAMES[meeting.kind] ?? md(meeting.kind)}`,
      `- **Place:** ${md(meeting.place.zh)} — ${md(meeting.place.en)}`,
      ...(meeting.occasion ? [`- **Occasion:** ${md(meeting.occasion.zh)} — ${md(meeting.occasion.en)}`] : []),
      `- **Participants:** ${participants.join(', ') || '—'}`,
      `- **Also called:** ${md([...meeting.aliases, ...meeting.placeNames].join('、')) || '—'}`,
      '',
      '## Outcomes',
      '',
      md(meeting.summary.en),
      ...(meeting.summary.zh ? ['', md(meeting.summary.zh)] : []),
      '',
      `## Articles that mention it (${articles.length})`,
      '',
      ...articles.map((articleUri) => {
        const article = index.get(articleUri);
        const count = article?.meetings.filter((mention) => mention.meetingId === id).length ?? 0;
        const first = article?.meetings.find((mention) => mention.meetingId === id);
        const target = first ? `${articleUri}#L${first.range.start.line + 1}` : articleUri;
        return `- ${markdownLink(article?.title ?? displayPath(articleUri), target)} — ${md(article?.date ?? 'undated')}, ${count} mention${count === 1 ? '' : 's'}`;
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
    `- **Written as:** ${md([...new Set([...figure.names, ...figure.short, ...figure.latin])].join('、')) || '—'}`,
    ...(figure.country ? [`- **Country:** ${md(figure.country)}`] : []),
    `- **Source:** ${figure.origin === 'builtin' ? 'built-in catalogue' : figure.origin === 'workspace' ? 'workspace file .summit-lens/figures.yaml' : 'learned from an introduction in the corpus'}`,
    '',
    '## Roles',
    '',
    ...(figure.roles.length ? figure.roles.map((role) => `- ${md(role.zh)} — ${md(role.en)} (${md(role.from ?? '?')} – ${md(role.to ?? 'present')})`) : ['- —']),
    '',
    `## Introductions in the corpus (${introductions.length})`,
    '',
    ...introductions.slice(0, 50).map(({ uri, date, introduction }) => `- ${md(introduction.text)} — ${markdownLink(displayPath(uri), `${uri}#L${introduction.range.start.line + 1}`)} ${md(date ?? '')}`),
    '',
    `## Articles that mention ${md(figure.zh)} (${articles.length})`,
    '',
    ...articles.map((uri) => `- ${markdownLink(index.get(uri)?.title ?? displayPath(uri), uri)} — ${md(index.get(uri)?.date ?? 'undated')}`),
    '',
  ];
  return lines.join('\n');
}
