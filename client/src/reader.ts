/**
 * The reader in VS Code: an article as plain text, served by the language server as the virtual
 * document `summit-lens:/reader/<path>`. It gets the article language, so hover, definition,
 * references and highlights answer in it; commands open it at the cursor and go back to the
 * exact source position.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { READER_LOCATION_REQUEST, type ReaderLocationParams, type ReaderLocationResult } from '../../server/src/shared/protocol';

export const READER_PATH = '/reader/';
const LANGUAGE_ID = 'summit-article';

export function isReader(uri: vscode.Uri): boolean {
  return uri.scheme === 'summit-lens' && uri.path.startsWith(READER_PATH);
}

/** Gives a reader the article language, whichever way it was opened (a command, a link, a definition). */
export async function adoptReader(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  if (!isReader(document.uri) || document.languageId === LANGUAGE_ID) return document;
  return vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

/** Opens a document (an article or a reader) with this range selected and revealed. */
export async function openAt(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const document = await adoptReader(await vscode.workspace.openTextDocument(uri));
  await vscode.window.showTextDocument(document, { selection: range, preview: true });
}

async function askLocation(client: LanguageClient | undefined, params: ReaderLocationParams): Promise<ReaderLocationResult | null | undefined> {
  return client?.sendRequest<ReaderLocationResult | null>(READER_LOCATION_REQUEST, params);
}

export function registerReader(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => void adoptReader(document)),
    vscode.commands.registerCommand('summitLens.openReader', async (resource?: vscode.Uri) => {
      const editor = vscode.window.activeTextEditor;
      const uri = resource instanceof vscode.Uri ? resource : editor?.document.uri;
      if (!uri || uri.scheme !== 'file') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Summit Lens: open a corpus article first; the reader shows it as plain text.'));
        return;
      }
      const position = editor && editor.document.uri.toString() === uri.toString() ? editor.selection.active : new vscode.Position(0, 0);
      const found = await askLocation(client(), { uri: uri.toString(), position: { line: position.line, character: position.character }, direction: 'toReader' });
      if (!found) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Summit Lens: this file is not a corpus article, so it has no reader.'));
        return;
      }
      const at = new vscode.Position(found.position.line, found.position.character);
      await openAt(vscode.Uri.parse(found.uri), new vscode.Range(at, at));
    }),
    vscode.commands.registerCommand('summitLens.openSource', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !isReader(editor.document.uri)) return;
      const position = editor.selection.active;
      const found = await askLocation(client(), { uri: editor.document.uri.toString(), position: { line: position.line, character: position.character }, direction: 'toSource' });
      const target = found ?? { uri: vscode.Uri.file(editor.document.uri.path.slice(READER_PATH.length - 1)).toString(), position: { line: 0, character: 0 } };
      const at = new vscode.Position(target.position.line, target.position.character);
      await openAt(vscode.Uri.parse(target.uri), new vscode.Range(at, at));
    }),
  );
}
