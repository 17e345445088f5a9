/**
 * Converts the core's protocol-neutral answers to LSP shapes: the only place that knows both.
 */
import { SymbolKind, type DocumentSymbol, type Location as LspLocation } from 'vscode-languageserver/node';
import type { Location, OutlineEntry } from '../core/index';

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
