/**
 * The testing entry (bundled as dist/core.js for the tests and the benchmark): the facade, the
 * core's inner pieces that tests check one by one, the workspace layer and the command line in
 * process, and the hook that makes an analysis throw. Nothing in the product imports this file.
 */
export * from './core/index';
export { injectAnalysisFault } from './core/summitLens';
export { reparseAfterEdit, singleEdit, type SourceEdit } from './core/article/reparse';
export { ElementWalk, type ElementHandlers } from './core/article/elementWalk';
export { buildOutline, type OutlineNode, type OutlineKind } from './core/article/outline';
export { SourceMap } from './core/text/sourceMap';
export { LineScans, type LineMatch, type LineScan } from './core/text/lineScans';
export { normalizeForMatching, matchingTextOf, type MatchingText } from './core/text/normalize';
export { analyzeArticle, analyzeParsed } from './core/analysis';
export { CorpusIndex } from './core/corpusIndex';
export { Knowledge } from './core/knowledge';
export { SummitLensService } from './core/language/service';
export { parseFigureCatalogue, mergeFigures } from './core/figures/catalogue';
export { FigureMatcher } from './core/figures/recognize';
export { parseMeetingCatalogue } from './core/meetings/catalogue';
export { recognizeMeetings, type MeetingInput } from './core/meetings/recognize';
export { findDates, meetingDates, meetingDatesCompact } from './core/meetings/dates';
export { CorpusFiles } from './workspace/corpusFiles';
export { readWorkspaceKnowledge } from './workspace/knowledgeFiles';
export { Indexer } from './workspace/indexer';
export { main as runCli } from './cli/main';
export { parseSettings, DEFAULT_SETTINGS } from './shared/protocol';
export { documentUri, pathOfUri } from './lsp/convert';
export { buildReader, sentenceAround, readerUri, articleOfReader } from './core/language/reader';
export { readingRoomChildren, meetingPage, personPage, joinChineseLines } from './core/language/readingRoom';
export { segmentWindow, isCommonWord, nameLengthAtStart, tagHere, useWindowTagger, makeSegmenterImage, useSegmenterImage, segmenterOrigin } from './core/figures/segmenter';
export { startSegmenterImage, takeSegmenterImage, receiveSegmenterImage, cancelSegmenterImage } from './workspace/segmenterImage';
export { prestartIndexWorker, prestartedWorkerFate, adoptPrestartedWorker } from './workspace/prestartedWorker';
export { buildSegmenterFromStoredImage, readSegmenterImageFile } from './workspace/segmenterImageFile';
export { FormIndex, gatherForms } from './core/figures/formIndex';
export { SharedSegmenter, slotTagger } from './workspace/sharedSegmenter';
