/**
 * The reading room in VS Code, registered with one call: the side bar, the reader, the meeting and
 * person pages, and the `summit-lens:` documents they are made of (all served by the language
 * server). Everything refreshes when the server says the index changed.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { VIRTUAL_DOCUMENT_REQUEST, type VirtualDocumentParams } from '../../../server/src/shared/protocol';
import { Pages, registerPages } from '../pages';
import { openAt, registerReader } from '../reader';
import { onIndexChanged } from './indexChanged';
import { OPEN_LOCATION_COMMAND, OPEN_PAGE_COMMAND, registerReadingRoomViews } from './readingRoomViews';

interface WireLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * Registers the reading room. Call before the client starts: the notification handler is kept
 * by the client until then. Opening the side bar starts the server (`startServer`), which starts
 * lazily otherwise. Returns a function that refreshes the views.
 */
export function registerReadingRoom(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, startServer: () => Promise<void> = async () => undefined): () => void {
  const documentsChanged = new vscode.EventEmitter<vscode.Uri>();
  const pages = new Pages(client);
  const refreshViews = registerReadingRoomViews(context, client, startServer);

  const refreshAll = () => {
    refreshViews();
    void pages.refresh();
    // Open readers and pages follow the index (an edit of the article, new knowledge).
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === 'summit-lens') documentsChanged.fire(document.uri);
  };

  context.subscriptions.push(
    documentsChanged,
    vscode.workspace.registerTextDocumentContentProvider('summit-lens', {
      onDidChange: documentsChanged.event,
      provideTextDocumentContent: async (uri) => (await client()?.sendRequest<string | null>(VIRTUAL_DOCUMENT_REQUEST, { uri: uri.toString() } satisfies VirtualDocumentParams)) ?? vscode.l10n.t('Summit Lens has nothing at {0}.', uri.toString()),
    }),
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, async (location: WireLocation) => {
      const { start, end } = location.range;
      await openAt(vscode.Uri.parse(location.uri), new vscode.Range(start.line, start.character, end.line, end.character));
    }),
    vscode.commands.registerCommand(OPEN_PAGE_COMMAND, (page: string) => pages.open(page)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Clicks and links go to the reader or the source depending on this setting.
      if (event.affectsConfiguration('summitLens.reader')) setTimeout(refreshAll, 200);
    }),
  );
  registerReader(context, client);
  registerPages(context, pages);

  const subscribe = () => {
    const current = client();
    if (!current) return;
    context.subscriptions.push(onIndexChanged(current, refreshAll));
    context.subscriptions.push(current.onDidChangeState(() => refreshViews()));
  };
  subscribe();
  return refreshAll;
}
