/**
 * The pure core of Summit Lens, behind one facade: `createSummitLens` returns the language
 * service over a private corpus index and knowledge. Nothing here touches the editor, the
 * protocol or the file system; the language server, the CLI and the client all import this file.
 * What only the tests need is exported from server/src/testing.ts.
 */
export { createSummitLens, failedAnalysis, type SummitLens, type SummitLensInit } from './summitLens';
export { parseArticle, MAX_PARSED_CHARACTERS } from './article/parseArticle';
export type { Article, ArticleFormat, Field, ParseResult, Problem, Section, SourceSpan } from './article/model';
export { LineIndex, type Position, type Range } from './text/lineIndex';
export { isCorpusArticle, articleVerdict, CORPUS_EXTENSIONS, type ArticleVerdict } from './article/detect';
export type { ArticleAnalysis, OutlineEntry, RangedProblem } from './analysis';
export { storeAnalysis, loadAnalysis } from './storedAnalysis';
export type { Location } from './corpusIndex';
export type { KnowledgeSource, KnowledgeProblems } from './knowledge';
export type { HoverAnswer, SymbolAnswer, CodeLensAnswer, InlayHintAnswer } from './language/service';
export { VIRTUAL_SCHEME, meetingDocumentUri, figureDocumentUri } from './language/virtualDocuments';
export { roleAt } from './language/roles';
export { semanticTokensOf, encodeSemanticTokens, SEMANTIC_TOKEN_TYPES, SEMANTIC_TOKEN_MODIFIERS, type SemanticToken } from './language/semanticTokens';
export type { Figure, FigureMention, FigureOrigin, FigureRecognition, Introduction, Role, CatalogueProblem } from './figures/types';
export type { Meeting, MeetingKind, MeetingMention, DateCue, MeetingRecognition } from './meetings/types';
export { compareCoverage, coverageTimeline, timelineArticles, coverageMarkdown, dateWindow, isoWeek, DATE_WINDOWS, UNKNOWN_OUTLET } from './language/coverage';
export type { CoverageFilter, CoverageSources, MeetingCoverage, OutletCoverage, CoverageArticle, CoverageSentence, CoveragePerson, CoverageTimeline, TimelineMeeting, TimelinePerson, TimelineSelection, TimelineArticle, DateWindow } from './language/coverage';
