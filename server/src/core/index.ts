/**
 * The pure core of Summit Lens, behind one facade: reading articles, the figure and meeting
 * knowledge, recognition and the corpus index. Nothing here touches the editor, the protocol
 * or the file system; the language server and the CLI both build on it.
 */
export { parseArticle, MAX_PARSED_CHARACTERS } from './article/parseArticle';
export { reparseAfterEdit, singleEdit, type SourceEdit } from './article/reparse';
export { ElementWalk, type ElementHandlers } from './article/elementWalk';
export type { Article, ArticleFormat, Field, ParseResult, Problem, Section, SourceSpan } from './article/model';
export { buildOutline, type OutlineNode, type OutlineKind } from './article/outline';
export { LineIndex, type Position, type Range } from './text/lineIndex';
export { SourceMap } from './text/sourceMap';
export { LineScans, type LineMatch, type LineScan } from './text/lineScans';
export { normalizeForMatching, matchingTextOf, type MatchingText } from './text/normalize';
export { isCorpusArticle, articleVerdict, CORPUS_EXTENSIONS, type ArticleVerdict } from './article/detect';
export { analyzeArticle, analyzeParsed, type ArticleAnalysis, type OutlineEntry, type RangedProblem } from './analysis';
export { storeAnalysis, loadAnalysis } from './storedAnalysis';
export { CorpusIndex, type Location } from './corpusIndex';
export { Knowledge, type KnowledgeSource } from './knowledge';
export { SummitLensService, weekdayOf, type HoverAnswer, type SymbolAnswer, type CodeLensAnswer, type InlayHintAnswer } from './language/service';
export { VIRTUAL_SCHEME, meetingDocumentUri, figureDocumentUri } from './language/virtualDocuments';
export { roleAt } from './language/roles';
export { parseFigureCatalogue, mergeFigures } from './figures/catalogue';
export { FigureMatcher } from './figures/recognize';
export type { Figure, FigureMention, FigureOrigin, FigureRecognition, Introduction, Role, CatalogueProblem } from './figures/types';
export { parseMeetingCatalogue } from './meetings/catalogue';
export { recognizeMeetings, type MeetingInput } from './meetings/recognize';
export type { Meeting, MeetingKind, MeetingMention, DateCue, MeetingRecognition } from './meetings/types';
