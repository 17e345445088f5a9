/**
 * What every feature handler needs: the connection, the language service, the open
 * documents, the settings, and a way to wait until the workspace is indexed.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SummitLensService } from './core/index';

export interface Settings {
  corpus: string[];
  inlayHints: boolean;
  codeLens: boolean;
}

export const DEFAULT_SETTINGS: Settings = { corpus: [], inlayHints: true, codeLens: true };

export interface ServerContext {
  connection: Connection;
  service: SummitLensService;
  documents: TextDocuments<TextDocument>;
  settings(): Settings;
}
