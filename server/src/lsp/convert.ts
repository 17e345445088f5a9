/**
 * Converts the core's protocol-neutral answers to LSP shapes: the only place that knows both.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SymbolKind, type DocumentSymbol, type Location as LspLocation } from 'vscode-languageserver/node';
import type { Location, OutlineEntry } from '../core/index';

/**
 * The one spelling of a document's URI that the index uses. Clients spell the same file
 * differently: VS Code percent-encodes `+`, `(`, `)`, `!`, `@`, `'` and more (`op%2Bed`), while the
 * server names files it reads from disk as Node does (`op+ed`). Every URI a client sends is
 * brought to the server's spelling, so one file is one article whatever the client wrote.
 */
export function documentUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    // A file URI naming another host (file://server/share) has no local path; it is kept as written.
    return uri;
  }
}

const OUTLINE_KINDS: Record<OutlineEntry['kind'], SymbolKind> = {
  article: SymbolKind.File,
  metadata: SymbolKind.Namespace,
  date: SymbolKind.Constant,
  outlet: SymbolKind.String,
  source: SymbolKind.Key,
  section: SymbolKind.Module,
  meetings: SymbolKind.Namespace,
  meeting: SymbolKind.Event,
  figures: SymbolKind.Namespace,
  figure: SymbolKind.Constant,
};

export function toDocumentSymbol(entry: OutlineEntry): DocumentSymbol {
  return {
    name: entry.name || ' ',
    detail: entry.detail,
    kind: OUTLINE_KINDS[entry.kind] ?? SymbolKind.String,
    range: entry.range,
    selectionRange: entry.selectionRange,
    children: entry.children.map(toDocumentSymbol),
  };
}

export function toLspLocation(location: Location): LspLocation {
  return { uri: location.uri, range: location.range };
}
