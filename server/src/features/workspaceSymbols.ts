/** Workspace symbols: figures by Chinese (either script) or English name, meetings by place, date or alias. */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver/node';
import type { Feature } from './feature';

export const workspaceSymbols: Feature = {
  capabilities: { workspaceSymbolProvider: true },
  register({ connection, lens }) {
    connection.onWorkspaceSymbol(({ query }, token): SymbolInformation[] => {
      if (token.isCancellationRequested) return [];
      return lens.workspaceSymbols(query).map((symbol) => ({
        name: symbol.name,
        containerName: symbol.detail,
        kind: symbol.kind === 'meeting' ? SymbolKind.Event : symbol.kind === 'figure' ? SymbolKind.Constant : SymbolKind.File,
        location: symbol.location,
      }));
    });
  },
};
