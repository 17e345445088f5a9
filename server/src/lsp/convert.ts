/**
 * Converts the core's protocol-neutral answers to LSP shapes: the only place that knows both.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SymbolKind, type DocumentSymbol, type Location as LspLocation } from 'vscode-languageserver/node';
import type { Location, OutlineEntry } from '../core/index';
import { message } from '../core/language/messages';

/**
 * The local path a `file:` URI from the client names, or undefined when it names none: another
 * host (`file://server/share/x.md`), a malformed escape (`file:///%`), an encoded slash
 * (`file:///x/a%2Fb.md`), or another scheme. Every URI from the client goes through here or
 * `documentUri`, and neither can throw.
 */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The one spelling of a document's URI that the index uses, or undefined for a `file:` URI with
 * no local path (the caller ignores it, with a log line). Clients spell the same file differently:
 * VS Code percent-encodes `+`, `(`, `)`, `!`, `@`, `'` and more (`op%2Bed`), while the server names
 * files it reads from disk as Node does (`op+ed`). Other schemes (`untitled:`) are kept as written.
 */
export function documentUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return uri;
  const file = pathOfUri(uri);
  if (file === undefined) return undefined;
  try {
    return pathToFileURL(file).href;
  } catch {
    return undefined;
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

/**
 * The outline's own group names in the display language. The analysis (cached, made in worker
 * threads) writes them in English; the article's words are shown as written.
 */
function outlineName(entry: OutlineEntry): string {
  if (entry.kind === 'metadata') return message('outline.metadata');
  if (entry.kind === 'meetings') return message('outline.meetings');
  // A meeting's name ends with its dates by the one date rule, its Beijing day labelled in English.
  if (entry.kind === 'meeting') return entry.name.replace(/ \(Beijing (\d{4}-\d{2}-\d{2})\)$/, (_, day: string) => message('date.beijing', day));
  return entry.name || ' ';
}

/** A group's count (`3 meetings`, a meeting's `2 mentions`) in the display language. */
function outlineDetail(entry: OutlineEntry): string {
  const count = entry.kind === 'meetings' || entry.kind === 'meeting' ? /^(\d+) (meeting|mention)s?$/.exec(entry.detail) : null;
  return count ? message(count[2] === 'meeting' ? 'count.meeting' : 'count.mention', +count[1]) : entry.detail;
}

export function toDocumentSymbol(entry: OutlineEntry): DocumentSymbol {
  return {
    name: outlineName(entry),
    detail: outlineDetail(entry),
    kind: OUTLINE_KINDS[entry.kind] ?? SymbolKind.String,
    range: entry.range,
    selectionRange: entry.selectionRange,
    children: entry.children.map(toDocumentSymbol),
  };
}

export function toLspLocation(location: Location): LspLocation {
  return { uri: location.uri, range: location.range };
}
