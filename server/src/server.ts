/**
 * The Summit Lens language server: connection wiring only. Features live in ./features,
 * one file each; the knowledge and the index live in the pure core.
 */
import { createConnection, DiagnosticSeverity, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Diagnostic, type InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { SummitLensService, type RangedProblem } from './core/index';
import { DEFAULT_SETTINGS, type ServerContext, type Settings } from './serverContext';
import { CorpusWorkspace, type FilesExclude } from './workspace/corpusWorkspace';
import { documentUri } from './lsp/convert';
import { registerDocumentSymbols } from './features/documentSymbols';
import { registerFoldingRanges } from './features/foldingRanges';
import { registerHover } from './features/hover';
import { registerDefinition } from './features/definition';
import { registerReferences } from './features/references';
import { registerDocumentHighlights } from './features/documentHighlights';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { registerCodeLens, SHOW_REFERENCES_COMMAND } from './features/codeLens';
import { registerInlayHints } from './features/inlayHints';
import { registerVirtualDocuments } from './features/virtualDocuments';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: Settings = { ...DEFAULT_SETTINGS };
let workspaceFolderUris: string[] = [];
let clientSendsFolderChanges = false;

const service = new SummitLensService({}, (uri) => displayPath(uri));
const workspace = new CorpusWorkspace(connection, service);
const context: ServerContext = { connection, service, documents, settings: () => settings };

function displayPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  const file = fileURLToPath(uri);
  for (const folder of workspaceFolderUris) {
    const root = fileURLToPath(folder);
    if (file.startsWith(root)) return path.relative(root, file).split(path.sep).join('/');
  }
  return path.basename(file);
}

function severity(problem: RangedProblem): DiagnosticSeverity {
  return problem.severity === 'error' ? DiagnosticSeverity.Error : problem.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/** Publishes an indexed article's problems, under the URI the client knows the document by. */
function publishDiagnostics(uri: string, clientUri = uri): void {
  const analysis = service.index.get(uri);
  const diagnostics: Diagnostic[] = (analysis?.problems ?? []).map((problem) => ({ range: problem.range, message: problem.message, severity: severity(problem), source: 'summit-lens' }));
  void connection.sendDiagnostics({ uri: clientUri, diagnostics });
}

/** Catalogue problems of the workspace's own figure and meeting files, shown on those files. */
function publishKnowledgeDiagnostics(files: string[]): void {
  const problems = service.knowledge.problems;
  for (const file of files) {
    const list = path.basename(file) === 'figures.yaml' ? problems.workspaceFigures : problems.workspaceMeetings;
    const diagnostics: Diagnostic[] = list.map((problem) => {
      const line = problem.line ?? 0;
      return { range: { start: { line, character: 0 }, end: { line, character: 200 } }, message: problem.message, severity: DiagnosticSeverity.Error, source: 'summit-lens' };
    });
    void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }
}

/**
 * Indexes the workspace with progress in the editor ("Indexing 1,234 / 3,000 articles"), which the
 * user may cancel there: at start, and again after a change of folders, corpus setting or knowledge.
 */
async function indexWithProgress(): Promise<void> {
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  let cancelled = false;
  progress?.token.onCancellationRequested(() => (cancelled = true));
  await workspace.indexAll(progress, () => cancelled);
}

function reloadKnowledge(): void {
  const knowledge = workspace.loadKnowledge();
  service.setKnowledge(knowledge);
  publishKnowledgeDiagnostics(knowledge.files);
}

connection.onInitialize((params: InitializeParams) => {
  workspaceFolderUris = (params.workspaceFolders ?? []).map((folder) => folder.uri);
  clientSendsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
  if (workspaceFolderUris.length === 0 && params.rootUri) workspaceFolderUris = [params.rootUri];
  workspace.setFolders(workspaceFolderUris);
  const options = (params.initializationOptions ?? {}) as Partial<Settings>;
  settings = { ...DEFAULT_SETTINGS, ...options };
  workspace.setCorpusGlobs(settings.corpus);
  // The client passes its storage folder for the analysis cache, and `files.exclude`.
  const workspaceOptions = (params.initializationOptions ?? {}) as { cacheDir?: string; filesExclude?: FilesExclude };
  workspace.setCacheDir(workspaceOptions.cacheDir);
  workspace.setFilesExclude(workspaceOptions.filesExclude);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Summit Lens' },
      foldingRangeProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'summit-lens', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  // Folders added to or removed from the workspace are indexed or forgotten without a restart.
  if (clientSendsFolderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders(async ({ added, removed }) => {
      const gone = new Set(removed.map((folder) => folder.uri));
      workspaceFolderUris = [...workspaceFolderUris.filter((uri) => !gone.has(uri)), ...added.map((folder) => folder.uri)];
      workspace.setFolders(workspaceFolderUris);
      await indexWithProgress();
    });
  }
  reloadKnowledge();
  await indexWithProgress();
  connection.languages.inlayHint.refresh().catch(() => undefined);
  void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
});

connection.onDidChangeConfiguration(({ settings: changed }) => {
  const exclude = (changed as { files?: { exclude?: FilesExclude } } | undefined)?.files?.exclude;
  if (exclude) workspace.setFilesExclude(exclude);
  const section = (changed as { summitLens?: Partial<Settings> } | undefined)?.summitLens;
  if (!section) return;
  const corpusChanged = JSON.stringify(section.corpus ?? settings.corpus) !== JSON.stringify(settings.corpus);
  settings = { ...settings, ...section };
  workspace.setCorpusGlobs(settings.corpus);
  connection.languages.inlayHint.refresh().catch(() => undefined);
  // Which files are articles depends on the corpus setting: index again under the new one.
  if (corpusChanged) void indexWithProgress();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  const knowledgeChanged = await workspace.applyFileEvents(changes);
  if (knowledgeChanged) {
    reloadKnowledge();
    workspace.reanalyzeOpen((uri) => documents.all().find((document) => documentUri(document.uri) === uri)?.getText());
    await indexWithProgress();
  }
  for (const document of documents.all()) publishDiagnostics(documentUri(document.uri), document.uri);
});

documents.onDidOpen(({ document }) => workspace.openUris.add(documentUri(document.uri)));
documents.onDidChangeContent(({ document }) => {
  // Only this article is re-analysed; the index's cross-file answers follow from it.
  const uri = documentUri(document.uri);
  service.update(uri, document.getText());
  publishDiagnostics(uri, document.uri);
});
documents.onDidClose(async ({ document }) => {
  const uri = documentUri(document.uri);
  workspace.openUris.delete(uri);
  service.close(uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  // The editor's text may have been discarded: the file on disk is the truth again.
  if (uri.startsWith('file:')) await workspace.indexFile(fileURLToPath(uri));
  else service.remove(uri);
});

// The cache is written after indexing and after file events; once more on the way out.
connection.onShutdown(() => workspace.dispose());

connection.onRequest('summitLens/reindex', async () => {
  reloadKnowledge();
  await indexWithProgress();
  return { articles: service.index.size };
});

registerDocumentSymbols(context);
registerFoldingRanges(context);
registerHover(context);
registerDefinition(context);
registerReferences(context);
registerDocumentHighlights(context);
registerWorkspaceSymbols(context);
registerCodeLens(context);
registerInlayHints(context);
registerVirtualDocuments(context);

export { SHOW_REFERENCES_COMMAND };

documents.listen(connection);
connection.listen();
