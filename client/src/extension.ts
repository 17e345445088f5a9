/**
 * The Summit Lens extension: gives corpus articles their language (by content, never by
 * extension alone), starts the language server, and adds the editor-only pieces: the
 * catalogue documents, the references command behind code lenses, and settings sync.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CORPUS_EXTENSIONS, isCorpusArticle } from '../../server/src/core/index';
import {
  COMPARE_COVERAGE_COMMAND,
  CONFIGURATION_SECTIONS,
  DEFAULT_SETTINGS,
  REINDEX_REQUEST,
  SHOW_REFERENCES_COMMAND,
  parseSettings,
  type ConfigurationPayload,
  type InitializationOptions,
  type ReindexResult,
} from '../../server/src/shared/protocol';
import { registerReadingRoom } from './views/readingRoom';
import { registerCoverage } from './coverage';

export const LANGUAGE_ID = 'summit-article';
const CANDIDATE_LANGUAGES = new Set(['markdown', 'plaintext', 'html', 'restructuredtext']);

let client: LanguageClient | undefined;

/**
 * The only commands a hover's `command:` links may run (VS Code trusts no others), and the ones
 * the server is told it may link to: "Compare coverage" on a meeting mention.
 */
const HOVER_COMMAND_LINKS = [COMPARE_COVERAGE_COMMAND];

/**
 * Files whose language was changed away from the one they had (the user picked
 * "Plain Text" for an article, say): left alone for the rest of the session.
 * VS Code reports a language change as a close immediately followed, in the same
 * tick, by an open of the same document; a real reopen comes later.
 */
const languageChosenElsewhere = new Set<string>();
const closedThisTick = new Set<string>();

/** The configuration sections as VS Code holds them: the one shape the server reads, at start and on change. */
function configuration(): ConfigurationPayload {
  return {
    summitLens: vscode.workspace.getConfiguration().get<ConfigurationPayload['summitLens']>('summitLens', {}),
    files: { exclude: vscode.workspace.getConfiguration('files').get('exclude', {}) },
  };
}

function settings() {
  return parseSettings(configuration(), DEFAULT_SETTINGS).settings;
}

function inConfiguredCorpus(document: vscode.TextDocument): boolean {
  const globs = settings().corpus;
  if (globs.length === 0) return false;
  return globs.some((glob) => vscode.languages.match({ pattern: glob.includes('*') ? glob : `**/${glob.replace(/\/+$/, '')}/**` }, document) > 0);
}

/** Gives an article the article language; unrelated Markdown, HTML and text files are left alone. */
async function classify(document: vscode.TextDocument): Promise<void> {
  if (document.languageId === LANGUAGE_ID || document.uri.scheme !== 'file') return;
  const key = document.uri.toString();
  if (closedThisTick.has(key)) languageChosenElsewhere.add(key);
  if (languageChosenElsewhere.has(key)) return;
  if (!CANDIDATE_LANGUAGES.has(document.languageId) && !CORPUS_EXTENSIONS.has(path.extname(document.fileName).toLowerCase())) return;
  const explicit = settings().corpus.length > 0;
  if (explicit ? inConfiguredCorpus(document) : isCorpusArticle(document.getText())) {
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps jieba's dictionary image for every workspace in the extension's global storage (see segmenterImageFile.ts).
  const env = { ...process.env, SUMMIT_LENS_CACHE_DIR: context.globalStorageUri.fsPath };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { env } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,txt,html,htm,shtml,rst,yaml}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { fileEvents: watcher, configurationSection: CONFIGURATION_SECTIONS },
    initializationOptions: {
      ...configuration(),
      // The analysis cache lives in the extension's storage, never in the user's folders.
      cacheDir: (context.storageUri ?? context.globalStorageUri).fsPath,
      commandLinks: HOVER_COMMAND_LINKS,
    } satisfies InitializationOptions,
    markdown: { isTrusted: { enabledCommands: HOVER_COMMAND_LINKS }, supportHtml: false },
    outputChannelName: 'Summit Lens',
  };
  client = new LanguageClient('summitLens', 'Summit Lens', serverOptions, clientOptions);

  // The server starts lazily: only once the workspace shows an article, names a corpus or has
  // knowledge files, or the user opens the side bar. Other Markdown, text and HTML work never starts it.
  let starting: Promise<void> | undefined;
  const startServer = (): Promise<void> => (starting ??= client!.start().catch((error: unknown) => void vscode.window.showErrorMessage(vscode.l10n.t('Summit Lens could not start: {0}', String(error)))));

  // The side bar, the reader, the meeting and person pages, and the summit-lens: documents.
  registerReadingRoom(context, () => client, startServer);
  // Compare coverage of a meeting, and the coverage timeline (webviews drawn from server aggregates).
  registerCoverage(context, () => client, startServer);
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, async (uri: string, position: { line: number; character: number }, locations: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>) => {
      const converted = locations.map((location) => client!.protocol2CodeConverter.asLocation(location));
      await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character), converted);
    }),
    vscode.commands.registerCommand('summitLens.reindex', async () => {
      await startServer();
      const result = await client?.sendRequest<ReindexResult>(REINDEX_REQUEST);
      void vscode.window.showInformationMessage(vscode.l10n.t('Summit Lens indexed {0} articles.', result?.articles ?? 0));
    }),
    vscode.commands.registerCommand('summitLens.markAsArticle', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return;
      languageChosenElsewhere.delete(document.uri.toString());
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      closedThisTick.add(key);
      setTimeout(() => closedThisTick.delete(key), 0);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === LANGUAGE_ID) void startServer();
      void classify(document);
    }),
  );
  for (const document of vscode.workspace.textDocuments) await classify(document);
  const knowledgeFiles = await vscode.workspace.findFiles('.summit-lens/*.yaml', undefined, 1);
  if (settings().corpus.length > 0 || knowledgeFiles.length > 0 || vscode.workspace.textDocuments.some((document) => document.languageId === LANGUAGE_ID)) await startServer();
}

export async function deactivate(): Promise<void> {
  // A server that never started has nothing to stop.
  if (client?.isRunning()) await client.stop();
}
