/**
 * The one door to the core: `createSummitLens` wires the knowledge, the corpus index and the
 * language service together and returns a frozen interface. The index and the knowledge stay
 * private; the server, the CLI and the index workers all go through this object, so a knowledge
 * change reaches every holder through one call, and "analysis never throws" is kept here, once.
 */
import type { ArticleAnalysis, OutlineEntry } from './analysis';
import type { Location } from './corpusIndex';
import type { Figure } from './figures/types';
import type { KnowledgeProblems, KnowledgeSource } from './knowledge';
import type { Meeting } from './meetings/types';
import type { Position, Range } from './text/lineIndex';
import { SummitLensService, type CodeLensAnswer, type HoverAnswer, type InlayHintAnswer, type SymbolAnswer } from './language/service';

export interface SummitLensInit {
  /** The workspace's own figure and meeting files (their YAML text), if any. */
  knowledge?: KnowledgeSource;
  /** How a document is named in the catalogue documents (a workspace-relative path). */
  displayPath?: (uri: string) => string;
}

export interface SummitLens {
  /** Replaces the workspace knowledge: the open articles are analysed again and every listener is told. */
  setKnowledge(source: KnowledgeSource): void;
  /** Called after every `setKnowledge` (index workers, caches); returns a function that unsubscribes. */
  onDidChangeKnowledge(listener: (source: KnowledgeSource) => void): () => void;
  knowledgeSource(): KnowledgeSource;
  knowledgeProblems(): KnowledgeProblems;

  /** Analyses an article without storing it. Never throws: a failure is a problem on the article. */
  analyze(uri: string, text: string): ArticleAnalysis;
  /** Analyses and stores an article read from disk. Never throws. */
  store(uri: string, text: string): ArticleAnalysis;
  /** Analyses and stores an article the editor holds open; an edit re-reads only what changed. Never throws. */
  update(uri: string, text: string): ArticleAnalysis;
  /** Stores an analysis made elsewhere (the cache, an index worker). Ignored while the editor holds the article. */
  put(analysis: ArticleAnalysis): void;
  /** The editor closed the article: the file on disk is the truth again. */
  close(uri: string): void;
  remove(uri: string): boolean;
  /** Whether the editor holds this article open (its text comes from the editor, not the disk). */
  isOpen(uri: string): boolean;
  analysis(uri: string): ArticleAnalysis | undefined;
  uris(): string[];
  articleCount(): number;

  outline(uri: string): OutlineEntry[];
  hover(uri: string, position: Position): HoverAnswer | undefined;
  definition(uri: string, position: Position): Location[];
  references(uri: string, position: Position): Location[];
  highlights(uri: string, position: Position): Range[];
  workspaceSymbols(query: string, limit?: number): SymbolAnswer[];
  codeLenses(uri: string): CodeLensAnswer[];
  inlayHints(uri: string, range?: Range): InlayHintAnswer[];
  virtualDocument(uri: string): string | undefined;

  figure(id: string): Figure | undefined;
  meeting(id: string): Meeting | undefined;
  meetings(): readonly Meeting[];
  figureMentions(figureId: string): Location[];
  meetingMentions(meetingId: string): Location[];
  articlesMentioningMeeting(meetingId: string): string[];
  /** The earliest introduction of a figure in the corpus. */
  firstIntroduction(figureId: string): { uri: string; nameRange: Range; text: string } | undefined;
}

/** A fault the tests inject to prove that a throwing analysis is a problem, not a crash (see testing.ts). */
let injectedFault: ((uri: string, text: string) => void) | undefined;

export function injectAnalysisFault(fault: ((uri: string, text: string) => void) | undefined): void {
  injectedFault = fault;
}

/** What an article becomes when its analysis throws: an empty analysis with one problem that says so. */
export function failedAnalysis(uri: string, error: unknown): ArticleAnalysis {
  const reason = error instanceof Error ? error.message : String(error);
  const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    uri,
    format: 'text',
    outline: [],
    folds: [],
    problems: [{ message: `Summit Lens could not analyse this article (${reason}); it is left out of outlines and references. Please report this file.`, severity: 'error', range: top }],
    figures: [],
    introductions: [],
    learnedFigures: [],
    meetings: [],
    dateCues: [],
  };
}

/** Runs one analysis behind the guard every door shares. */
function guarded(uri: string, text: string, analyse: () => ArticleAnalysis): ArticleAnalysis {
  try {
    injectedFault?.(uri, text);
    return analyse();
  } catch (error) {
    return failedAnalysis(uri, error);
  }
}

export function createSummitLens(init: SummitLensInit = {}): SummitLens {
  let source: KnowledgeSource = init.knowledge ?? {};
  const service = new SummitLensService(source, init.displayPath);
  const listeners = new Set<(source: KnowledgeSource) => void>();
  /** The editor's text of each open article, so new knowledge can analyse it again. */
  const openTexts = new Map<string, string>();

  const update = (uri: string, text: string): ArticleAnalysis => {
    openTexts.set(uri, text);
    try {
      injectedFault?.(uri, text);
      return service.update(uri, text);
    } catch (error) {
      // The editor's parse may be what failed: the next edit starts from a fresh one.
      service.close(uri);
      const failed = failedAnalysis(uri, error);
      service.index.set(failed);
      return failed;
    }
  };

  const lens: SummitLens = {
    setKnowledge(next) {
      source = next;
      service.setKnowledge(next);
      for (const [uri, text] of openTexts) {
        service.close(uri);
        update(uri, text);
      }
      for (const listener of listeners) listener(next);
    },
    onDidChangeKnowledge(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    knowledgeSource: () => source,
    knowledgeProblems: () => service.knowledge.problems,

    analyze: (uri, text) => guarded(uri, text, () => service.analyze(uri, text)),
    store(uri, text) {
      const analysis = lens.analyze(uri, text);
      if (!openTexts.has(uri)) service.index.set(analysis);
      return analysis;
    },
    update,
    put(analysis) {
      if (!openTexts.has(analysis.uri)) service.index.set(analysis);
    },
    close(uri) {
      openTexts.delete(uri);
      service.close(uri);
    },
    remove(uri) {
      openTexts.delete(uri);
      return service.remove(uri);
    },
    isOpen: (uri) => openTexts.has(uri),
    analysis: (uri) => service.index.get(uri),
    uris: () => [...service.index.uris()],
    articleCount: () => service.index.size,

    outline: (uri) => service.outline(uri),
    hover: (uri, position) => service.hover(uri, position),
    definition: (uri, position) => service.definition(uri, position),
    references: (uri, position) => service.references(uri, position),
    highlights: (uri, position) => service.highlights(uri, position),
    workspaceSymbols: (query, limit) => service.workspaceSymbols(query, limit),
    codeLenses: (uri) => service.codeLenses(uri),
    inlayHints: (uri, range) => service.inlayHints(uri, range),
    virtualDocument: (uri) => service.virtualDocument(uri),

    figure: (id) => service.figure(id),
    meeting: (id) => service.knowledge.meeting(id),
    meetings: () => service.knowledge.meetings,
    figureMentions: (id) => service.index.figureMentions(id),
    meetingMentions: (id) => service.index.meetingMentions(id),
    articlesMentioningMeeting: (id) => service.index.articlesMentioningMeeting(id),
    firstIntroduction(figureId) {
      const first = service.index.introductions(figureId)[0];
      return first && { uri: first.uri, nameRange: first.introduction.nameRange, text: first.introduction.text };
    },
  };
  return Object.freeze(lens);
}
