/**
 * The language service: answers editor questions (hover, definition, references, symbols,
 * lenses, hints) from the knowledge and the corpus index, in protocol-neutral shapes.
 * LSP handlers convert these answers and nothing more.
 */
import { analyzeArticle, analyzeParsed, type ArticleAnalysis, type DateCueEntry, type OutlineEntry } from '../analysis';
import type { ParseResult } from '../article/model';
import { parseArticle } from '../article/parseArticle';
import { reparseAfterEdit } from '../article/reparse';
import { matchingTextAfterEdit, matchingTextOf, normalizeForMatching, type MatchingText } from '../text/normalize';
import { CorpusIndex, itemAt, type Location } from '../corpusIndex';
import type { Figure } from '../figures/types';
import { Knowledge, type KnowledgeSource } from '../knowledge';
import type { Position, Range } from '../text/lineIndex';
import { roleAt } from './roles';
import { canonicalName, writtenInTraditional } from '../figures/script';
import { meetingDatesCompact } from '../meetings/dates';
import { figureDocumentUri, meetingDocumentUri, virtualDocument } from './virtualDocuments';
import { escapeMarkdown, linkTarget } from './markdown';
import { cueLabel, meetingDatesLabel, meetingKindLabel, message, weekdayLabel } from './messages';

export interface HoverAnswer {
  markdown: string;
  range: Range;
  /** The meeting a meeting mention names, for links the client can follow (compare its coverage). */
  meetingId?: string;
}

export interface SymbolAnswer {
  name: string;
  detail: string;
  kind: 'figure' | 'meeting' | 'article';
  location: Location;
}

export interface CodeLensAnswer {
  range: Range;
  title: string;
  meetingId: string;
  /** Where the references view should anchor, and what it lists. */
  position: Position;
  locations: Location[];
}

export interface InlayHintAnswer {
  position: Position;
  label: string;
  tooltip: string;
}

const MAX_MEETING_LENSES = 3;

/** A meeting's title short enough for a code lens: without its bracketed aside, at most 16 characters. */
function shortTitle(title: string): string {
  const bare = title.replace(/（[^）]*）|\([^)]*\)/g, '') || title;
  return bare.length > 16 ? `${bare.slice(0, 15)}…` : bare;
}

/** Whether a date cue only restates the one just before it, as in 周四（26日）: one hint is enough. */
function repeatsPrevious(previous: DateCueEntry | undefined, cue: DateCueEntry): boolean {
  return !!previous && previous.date === cue.date && previous.range.end.line === cue.range.start.line && cue.range.start.character - previous.range.end.character <= 2;
}

export class SummitLensService {
  knowledge: Knowledge;
  readonly index = new CorpusIndex();
  /** The last parse of each article the editor holds, so that typing re-reads only what changed. */
  private readonly editorParses = new Map<string, { parse: ParseResult; matching: MatchingText }>();

  constructor(source: KnowledgeSource = {}, private readonly displayPath: (uri: string) => string = (uri) => uri) {
    this.knowledge = new Knowledge(source);
  }

  /** Replaces the workspace knowledge; callers re-analyse the articles afterwards. */
  setKnowledge(source: KnowledgeSource): Knowledge {
    this.knowledge = new Knowledge(source);
    return this.knowledge;
  }

  analyze(uri: string, text: string): ArticleAnalysis {
    return analyzeArticle(uri, text, this.knowledge);
  }

  /** Analyses and stores an article read from disk: nothing is kept for later edits. */
  store(uri: string, text: string): ArticleAnalysis {
    const analysis = this.analyze(uri, text);
    this.index.set(analysis);
    return analysis;
  }

  /**
   * Analyses and stores an article the editor holds; the index's cross-file answers follow at
   * once. An edit of prose reuses the previous parse (see `reparseAfterEdit`).
   */
  update(uri: string, text: string): ArticleAnalysis {
    const previous = this.editorParses.get(uri);
    const parse = (previous && reparseAfterEdit(previous.parse, text)) ?? parseArticle(text, { fileName: uri });
    const matching = previous && parse.textEdit ? matchingTextAfterEdit(previous.matching, parse.textEdit) : matchingTextOf(parse.article.text);
    this.editorParses.set(uri, { parse, matching });
    const analysis = analyzeParsed(uri, parse, this.knowledge, matching);
    this.index.set(analysis);
    return analysis;
  }

  /** The editor closed the article: its parse is no longer kept. */
  close(uri: string): void {
    this.editorParses.delete(uri);
  }

  remove(uri: string): boolean {
    this.editorParses.delete(uri);
    return this.index.delete(uri);
  }

  outline(uri: string): OutlineEntry[] {
    return this.index.get(uri)?.outline ?? [];
  }

  figure(id: string): Figure | undefined {
    return this.knowledge.figure(id) ?? this.index.learnedFigure(id);
  }

  hover(uri: string, position: Position): HoverAnswer | undefined {
    const analysis = this.index.get(uri);
    const target = this.index.targetAt(uri, position);
    if (analysis && target && target.kind !== 'meeting') {
      const figure = this.figure(target.figureId);
      if (!figure) return undefined;
      const range = target.kind === 'figure' ? target.mention.range : target.introduction.nameRange;
      const written = target.kind === 'figure' ? target.mention.text : target.introduction.text;
      return { markdown: this.figureHover(figure, written, analysis), range };
    }
    if (analysis && target?.kind === 'meeting') {
      return { markdown: this.meetingHover(target.meetingId, target.mention.cue, target.mention.text), range: target.mention.range, meetingId: target.meetingId };
    }
    const cue = this.dateCueAt(uri, position);
    if (cue) return { markdown: this.dateCueHover(cue), range: cue.range };
    return undefined;
  }

  private figureHover(figure: Figure, written: string, analysis: ArticleAnalysis): string {
    const role = roleAt(figure, analysis.date);
    const here = analysis.figures.filter((mention) => mention.figureId === figure.id).length;
    const articles = this.index.articlesMentioningFigure(figure.id).length;
    const introduction = analysis.introductions.find((intro) => intro.figureId === figure.id);
    const definition = this.figureDefinition(figure.id, analysis.uri);
    // The canonical name in the article's script: a traditional article gets the traditional name.
    const traditional = writtenInTraditional(analysis.figures.map((mention) => mention.text));
    const writtenHere = analysis.figures.filter((mention) => mention.figureId === figure.id).map((mention) => mention.text);
    // A learned Chinese name has no English one: its `en` is the name again, and is not repeated.
    const english = figure.en !== figure.zh ? ` · ${escapeMarkdown(figure.en)}` : '';
    const canonical = canonicalName(figure, traditional, writtenHere);
    // The name is said once: 「**拜登** · Joe Biden」, not 「拜登 — 拜登 · Joe Biden」.
    const lines = [`**${escapeMarkdown(written)}**${canonical === written ? '' : ` — ${escapeMarkdown(canonical)}`}${english}`];
    if (role) lines.push('', `${escapeMarkdown(role.zh)} · ${escapeMarkdown(role.en)}${analysis.date ? message('hover.asOf', escapeMarkdown(analysis.date)) : ''}`);
    if (introduction) lines.push('', message('hover.introducedHere', escapeMarkdown(introduction.text)));
    if (figure.origin === 'learned') {
      // Why a learned person is a person: the introduction, byline or list the text presents them in.
      const elsewhere = introduction ? undefined : this.index.introductions(figure.id)[0]?.introduction;
      lines.push('', elsewhere ? message('hover.learnedElsewhere', escapeMarkdown(elsewhere.text)) : message('hover.learnedAbove'));
    }
    const link = definition ? ` · [${message('hover.definition')}](${linkTarget(`${definition.uri}#L${definition.range.start.line + 1}${definition.range.start.character ? `,${definition.range.start.character + 1}` : ''}`)})` : '';
    lines.push('', `${message('hover.mentionsHere', here)} · ${message('hover.inArticles', articles)}${link}`);
    return lines.join('\n');
  }

  private meetingHover(meetingId: string, cue: string, written: string): string {
    const meeting = this.knowledge.meeting(meetingId);
    if (!meeting) return `**${escapeMarkdown(written)}** — ${escapeMarkdown(meetingId)}`;
    const articles = this.index.articlesMentioningMeeting(meetingId).length;
    const when = `${weekdayLabel(meeting.date)} ${meetingDatesLabel(meeting)}`;
    return [
      `**${escapeMarkdown(written)}** → ${escapeMarkdown(meeting.title.zh)} · ${escapeMarkdown(meeting.title.en)}`,
      '',
      `${when} · ${escapeMarkdown(meeting.place.zh)} ${escapeMarkdown(meeting.place.en)} · ${escapeMarkdown(meetingKindLabel(meeting.kind))}${meeting.occasion ? ` · ${escapeMarkdown(meeting.occasion.en)}` : ''}`,
      '',
      message('hover.resolvedBy', escapeMarkdown(cueLabel(cue))),
      '',
      `${message('hover.mentionedIn', articles)} · [${message('hover.details')}](${linkTarget(meetingDocumentUri(meetingId))})`,
    ].join('\n');
  }

  private dateCueHover(cue: DateCueEntry): string {
    const meeting = cue.meetingId ? this.knowledge.meeting(cue.meetingId) : undefined;
    return `**${escapeMarkdown(cue.text)}** → ${weekdayLabel(cue.date)} ${cue.date}${meeting ? `\n\n${escapeMarkdown(meeting.title.zh)} · ${escapeMarkdown(meeting.title.en)} · ${meetingDatesLabel(meeting)}` : ''}`;
  }

  /** The introduction in this article, else the earliest in the corpus, else the catalogue entry. */
  figureDefinition(figureId: string, uri: string): Location | undefined {
    const local = this.index.get(uri)?.introductions.find((intro) => intro.figureId === figureId);
    if (local) return { uri, range: local.nameRange };
    const earliest = this.index.introductions(figureId)[0];
    if (earliest) return { uri: earliest.uri, range: earliest.introduction.nameRange };
    if (this.figure(figureId)) return { uri: figureDocumentUri(figureId), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    return undefined;
  }

  definition(uri: string, position: Position): Location[] {
    const target = this.index.targetAt(uri, position);
    if (!target) {
      const cue = this.dateCueAt(uri, position);
      return cue?.meetingId ? [this.meetingDefinition(cue.meetingId)] : [];
    }
    if (target.kind === 'meeting') return [this.meetingDefinition(target.meetingId)];
    const location = this.figureDefinition(target.figureId, uri);
    return location ? [location] : [];
  }

  private dateCueAt(uri: string, position: Position): DateCueEntry | undefined {
    const analysis = this.index.get(uri);
    return analysis ? itemAt(analysis.dateCues, (entry) => entry.range, position) : undefined;
  }

  meetingDefinition(meetingId: string): Location {
    return { uri: meetingDocumentUri(meetingId), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }

  references(uri: string, position: Position): Location[] {
    const target = this.index.targetAt(uri, position);
    if (!target) {
      const cue = this.dateCueAt(uri, position);
      return cue?.meetingId ? this.index.meetingMentions(cue.meetingId) : [];
    }
    if (target.kind === 'meeting') return this.index.meetingMentions(target.meetingId);
    return this.index.figureMentions(target.figureId);
  }

  highlights(uri: string, position: Position): Range[] {
    return this.references(uri, position).filter((location) => location.uri === uri).map((location) => location.range);
  }

  workspaceSymbols(query: string, limit = 200): SymbolAnswer[] {
    const answers: SymbolAnswer[] = [];
    for (const meeting of this.knowledge.searchMeetings(query)) {
      answers.push({ name: `${meeting.title.zh} ${meetingDatesLabel(meeting)}`, detail: `${meeting.title.en} · ${meeting.place.en}`, kind: 'meeting', location: this.meetingDefinition(meeting.id) });
    }
    const figures = [...this.knowledge.searchFigures(query)];
    // Learned people are found in either script, like catalogue ones (習近平-style queries).
    const needle = normalizeForMatching(query.trim()).toLowerCase();
    for (const figure of this.index.learnedFigures()) {
      if (!needle || [figure.zh, figure.en, ...figure.names, ...figure.latin].some((name) => normalizeForMatching(name).toLowerCase().includes(needle))) figures.push(figure);
    }
    for (const figure of figures) {
      if (answers.length >= limit) break;
      const location = this.figureDefinition(figure.id, '');
      if (location) answers.push({ name: figure.en !== figure.zh ? `${figure.zh} ${figure.en}` : figure.zh, detail: roleAt(figure)?.en ?? '', kind: 'figure', location });
    }
    return answers.slice(0, limit);
  }

  codeLenses(uri: string): CodeLensAnswer[] {
    const analysis = this.index.get(uri);
    if (!analysis) return [];
    const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const here = new Map<string, number>();
    for (const mention of analysis.meetings) here.set(mention.meetingId, (here.get(mention.meetingId) ?? 0) + 1);
    // The most mentioned meetings first; past three, one lens lists the rest, so the line fits the screen.
    const ids = [...here.keys()].sort((a, b) => here.get(b)! - here.get(a)!);
    const lenses = ids.slice(0, MAX_MEETING_LENSES).map((meetingId) => {
      const meeting = this.knowledge.meeting(meetingId);
      const locations = this.index.meetingMentions(meetingId);
      const articles = new Set(locations.map((location) => location.uri)).size;
      // The compact form of the one date rule: a lens line has little room (local/Beijing day).
      const name = meeting ? `${shortTitle(meeting.title.zh)} ${meetingDatesCompact(meeting)}` : meetingId;
      return { range: top, title: message('lens.meeting', name, message('lens.mentionsHere', here.get(meetingId)!), message('lens.inArticles', articles)), meetingId, position: top.start, locations };
    });
    const rest = ids.slice(MAX_MEETING_LENSES);
    if (rest.length > 0) {
      const locations = rest.flatMap((meetingId) => this.index.meetingMentions(meetingId).filter((location) => location.uri === uri));
      lenses.push({ range: top, title: message('lens.more', rest.length), meetingId: rest[0], position: top.start, locations });
    }
    return lenses;
  }

  inlayHints(uri: string, range?: Range): InlayHintAnswer[] {
    const analysis = this.index.get(uri);
    if (!analysis) return [];
    return analysis.dateCues
      .filter((cue) => !range || (cue.range.end.line >= range.start.line && cue.range.start.line <= range.end.line))
      .filter((cue) => !/\d{4}/.test(cue.text))
      .filter((cue, i, cues) => !repeatsPrevious(cues[i - 1], cue))
      .map((cue) => ({ position: cue.range.end, label: `→ ${cue.date}`, tooltip: `${cue.text} → ${weekdayLabel(cue.date)} ${cue.date}` }));
  }

  virtualDocument(uri: string): string | undefined {
    return virtualDocument(uri, this.knowledge, this.index, this.displayPath);
  }
}
