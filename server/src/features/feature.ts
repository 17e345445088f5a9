/**
 * What a feature file exports: the capability it adds to the server's `initialize` answer and a
 * function that registers its handlers. server.ts lists the features and nothing more.
 */
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { SummitLens } from '../core/index';
import type { Settings } from '../shared/protocol';

export interface FeatureContext {
  connection: Connection;
  lens: SummitLens;
  settings(): Settings;
  /** The index's URI for a client's document URI, or undefined (logged) when it names no local file. */
  articleUri(clientUri: string): string | undefined;
}

export interface Feature {
  capabilities: ServerCapabilities;
  register(context: FeatureContext): void;
}
