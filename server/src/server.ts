/**
 * The Summit Lens language server: wiring only. The facade answers, the workspace layer chooses,
 * reads and indexes files (as the CLI does), and each feature file registers its own handlers.
 */
// First, so that jieba's dictionary is built while the rest loads (see serverStart.ts).
import './workspace/serverStart';
import * as path from 'node:path';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSummitLens } from './core/index';
import { documentUri, pathOfUri } from './lsp/convert';
import { VERSION } from './shared/version';
import { DEFAULT_SETTINGS, REINDEX_REQUEST, parseSettings, type ReindexResult, type Settings } from './shared/protocol';
import { CorpusFiles } from './workspace/corpusFiles';
import { Indexer, type FileChange, type IndexProgress } from './workspace/indexer';
import { readWorkspaceKnowledge } from './workspace/knowledgeFiles';
import type { Feature, FeatureContext } from './features/feature';
import { createDiagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { definition } from './features/definition';
import { references } from './features/references';
import { documentHighlights } from './features/documentHighlights';
import { workspaceSymbols } from './features/workspaceSymbols';
import { codeLens } from './features/codeLens';
import { inlayHints } from './features/inlayHints';
import { virtualDocuments } from './features/virtualDocuments';
import { readingRoom, readingRoomLens } from './features/readingRoom';
import { coverage } from './features/coverage';
import { semanticTokens } from './features/semanticTokens';
import { message, problemMessage, setLocale } from './core/language/messages';

const FEATURES: Feature[] = [documentSymbols, foldingRanges, hover, definition, references, documentHighlights, workspaceSymbols, codeLens, inlayHints, virtualDocuments, readingRoom, semanticTokens, coverage];

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = { ...DEFAULT_SETTINGS };
/** The workspace folders as the client names them, and as paths. */
let folderUris: string[] = [];
let clientSendsFolderChanges = false;

const files = new CorpusFiles();
// The reading room answers inside readers and tells the side bar when the index changes.
const lens = readingRoomLens(createSummitLens({ displayPath }));
const reporter = { log: (message: string) => connection.console.log(message), warn: (message: string) => connection.console.warn(message) };
const indexer = new Indexer(lens, files, reporter);
const diagnostics = createDiagnostics(connection, lens);

/** URIs already reported as unusable, so each is logged once. */
const ignoredUris = new Set<string>();

/** The index's URI for a client's URI; a `file:` URI with no local path is ignored, with one log line. */
function articleUri(clientUri: string): string | undefined {
  const uri = documentUri(clientUri);
  if (uri === undefined && !ignoredUris.has(clientUri)) {
    ignoredUris.add(clientUri);
    reporter.warn(`Summit Lens ignores ${clientUri}: it names no file on this machine.`);
  }
  return uri;
}

function folderPaths(uris: string[]): string[] {
  return uris.flatMap((uri) => {
    const folder = pathOfUri(uri);
    if (folder === undefined) articleUri(uri);
    return folder === undefined ? [] : [folder];
  });
}

function displayPath(uri: string): string {
  const file = pathOfUri(uri);
  if (file === undefined) return uri;
  for (const root of files.folders) {
    if (file.startsWith(root + path.sep)) return path.relative(root, file).split(path.sep).join('/');
  }
  return path.basename(file);
}

/** Runs a handler's work; a failure is logged, never an unhandled rejection that ends the server. */
function guard(work: () => Promise<unknown> | void): void {
  try {
    Promise.resolve(work()).catch((error: unknown) => reporter.warn(`Summit Lens: ${error instanceof Error ? error.stack : String(error)}`));
  } catch (error) {
    reporter.warn(`Summit Lens: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

function applySettings(payload: unknown): { corpusChanged: boolean } {
  const parsed = parseSettings(payload, settings);
  for (const problem of parsed.problems) {
    reporter.warn(problem);
    void connection.window.showWarningMessage(`Summit Lens: ${problemMessage(problem)}`);
  }
  const corpusChanged = JSON.stringify([parsed.settings.corpus, parsed.settings.filesExclude]) !== JSON.stringify([settings.corpus, settings.filesExclude]);
  settings = parsed.settings;
  files.setCorpusGlobs(settings.corpus);
  files.setFilesExclude(settings.filesExclude);
  if (parsed.cacheDir !== undefined) indexer.setCacheDir(parsed.cacheDir);
  return { corpusChanged };
}

/**
 * Indexes the workspace with progress in the editor ("Indexing 1,234 / 3,000 articles"), which the
 * user may cancel there: at start, and again after a change of folders, corpus setting or knowledge.
 */
async function indexWithProgress(): Promise<void> {
  const reporterOfProgress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  let cancelled = false;
  reporterOfProgress?.token.onCancellationRequested(() => (cancelled = true));
  const progress: IndexProgress = {
    begin: (total) => reporterOfProgress?.begin('Summit Lens', 0, message('progress.indexing', 0, total.toLocaleString('en')), true),
    report: (done, total) => reporterOfProgress?.report(Math.round((done / Math.max(1, total)) * 100), message('progress.indexing', done.toLocaleString('en'), total.toLocaleString('en'))),
    end: () => reporterOfProgress?.done(),
  };
  await indexer.indexAll(progress, () => cancelled);
  diagnostics.corpus(indexer.unreadable);
}

function reloadKnowledge(): void {
  const read = readWorkspaceKnowledge(files.folders);
  for (const problem of read.problems) reporter.warn(problem.message);
  // One call: the open articles, the index workers and the cache key all follow.
  lens.setKnowledge(read.source);
  diagnostics.knowledge(read.files, lens.knowledgeProblems(), read.problems);
  for (const document of documents.all()) {
    const uri = articleUri(document.uri);
    if (uri !== undefined) diagnostics.article(uri, document.uri);
  }
}

function refreshEditorViews(): void {
  connection.languages.inlayHint.refresh().catch(() => undefined);
  connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  connection.sendRequest('workspace/semanticTokens/refresh').catch(() => undefined);
}

connection.onInitialize((params: InitializeParams) => {
  // Hover labels, lenses, pages and progress speak the editor's display language.
  setLocale(params.locale);
  folderUris = (params.workspaceFolders ?? []).map((folder) => folder.uri);
  if (folderUris.length === 0 && params.rootUri) folderUris = [params.rootUri];
  clientSendsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
  files.setFolders(folderPaths(folderUris));
  applySettings(params.initializationOptions);
  const capabilities: ServerCapabilities = {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  for (const feature of FEATURES) Object.assign(capabilities, feature.capabilities);
  return { capabilities, serverInfo: { name: 'summit-lens', version: VERSION } };
});

connection.onInitialized(() =>
  guard(async () => {
    // Folders added to or removed from the workspace are indexed or forgotten without a restart.
    if (clientSendsFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) =>
        guard(async () => {
          const gone = new Set(removed.map((folder) => folder.uri));
          folderUris = [...folderUris.filter((uri) => !gone.has(uri)), ...added.map((folder) => folder.uri)];
          files.setFolders(folderPaths(folderUris));
          await indexWithProgress();
        }),
      );
    }
    reloadKnowledge();
    await indexWithProgress();
    refreshEditorViews();
  }),
);

connection.onDidChangeConfiguration(({ settings: changed }) =>
  guard(async () => {
    const { corpusChanged } = applySettings(changed);
    // Turning hints or lenses off (or on) shows at once, without a restart.
    refreshEditorViews();
    // Which files are articles depends on the corpus setting and files.exclude: index again under the new ones.
    if (corpusChanged) await indexWithProgress();
  }),
);

connection.onDidChangeWatchedFiles(({ changes }) =>
  guard(async () => {
    const fileChanges: FileChange[] = [];
    for (const change of changes) {
      const file = pathOfUri(change.uri);
      if (file === undefined) articleUri(change.uri);
      else fileChanges.push({ file, deleted: change.type === 3 });
    }
    const knowledgeChanged = await indexer.applyFileChanges(fileChanges);
    if (knowledgeChanged) {
      reloadKnowledge();
      await indexWithProgress();
    } else {
      diagnostics.corpus(indexer.unreadable);
    }
  }),
);

documents.onDidChangeContent(({ document }) => {
  // Only this article is re-analysed; the index's cross-file answers follow from it.
  const uri = articleUri(document.uri);
  if (uri === undefined) return;
  lens.update(uri, document.getText());
  diagnostics.article(uri, document.uri);
});

documents.onDidClose(({ document }) =>
  guard(async () => {
    const uri = articleUri(document.uri);
    if (uri === undefined) return;
    lens.close(uri);
    // The editor's text may have been discarded: the file on disk is the truth again.
    const file = pathOfUri(uri);
    if (file !== undefined) await indexer.indexFile(file);
    else lens.remove(uri);
    diagnostics.closed(uri, document.uri);
  }),
);

// The cache is written after indexing and after file events; once more on the way out.
connection.onShutdown(() => indexer.dispose());

connection.onRequest(REINDEX_REQUEST, async (): Promise<ReindexResult> => {
  reloadKnowledge();
  await indexWithProgress();
  return { articles: lens.articleCount() };
});

const context: FeatureContext = { connection, lens, settings: () => settings, articleUri };
for (const feature of FEATURES) feature.register(context);

// A last guard: a rejection nobody handled is logged, and the server keeps answering.
process.on('unhandledRejection', (error) => reporter.warn(`Summit Lens: unhandled ${error instanceof Error ? error.stack : String(error)}`));

documents.listen(connection);
connection.listen();
