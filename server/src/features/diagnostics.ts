/**
 * Problems as diagnostics: each indexed article's problems (as `summit-lens check` lists them),
 * files that could not be read, and the problems of the workspace's knowledge files, shown on
 * those files. Open articles are published under the URI the client knows them by.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { KnowledgeProblems, RangedProblem, SummitLens } from '../core/index';
import type { KnowledgeFileProblem } from '../workspace/knowledgeFiles';
import { message as localMessage, problemMessage } from '../core/language/messages';

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function severity(problem: RangedProblem): DiagnosticSeverity {
  return problem.severity === 'error' ? DiagnosticSeverity.Error : problem.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export interface DiagnosticsPublisher {
  /** Publishes one article's problems; `clientUri` is how the client names the document, if open. */
  article(uri: string, clientUri?: string): void;
  /** The client closed a document: its problems are shown again under the index's name, if any. */
  closed(uri: string, clientUri: string): void;
  /** Every indexed article with problems, and every unreadable file; clears what is fixed or gone. */
  corpus(unreadable: ReadonlyMap<string, string>): void;
  /** The knowledge files' problems, on their lines. */
  knowledge(files: readonly string[], problems: KnowledgeProblems, unreadable: readonly KnowledgeFileProblem[]): void;
}

export function createDiagnostics(connection: Connection, lens: SummitLens): DiagnosticsPublisher {
  /** Per index URI, the client's URI of an open document. */
  const clientUris = new Map<string, string>();
  /** What was published with at least one problem, so it can be cleared. */
  const published = new Set<string>();

  const send = (uri: string, diagnostics: Diagnostic[]) => {
    if (diagnostics.length > 0) published.add(uri);
    else if (!published.delete(uri)) return;
    connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  };
  const articleDiagnostics = (uri: string): Diagnostic[] =>
    (lens.analysis(uri)?.problems ?? []).map((problem) => ({ range: problem.range, message: problemMessage(problem.message), severity: severity(problem), source: 'summit-lens' }));

  return {
    article(uri, clientUri) {
      if (clientUri !== undefined) clientUris.set(uri, clientUri);
      const target = clientUris.get(uri) ?? uri;
      // The client's first look at an open document always gets an answer, even an empty one.
      if (clientUri !== undefined) published.add(target);
      send(target, articleDiagnostics(uri));
    },
    closed(uri, clientUri) {
      clientUris.delete(uri);
      send(clientUri, []);
      if (clientUri !== uri) send(uri, articleDiagnostics(uri));
    },
    corpus(unreadable) {
      const current = new Set<string>();
      for (const uri of lens.uris()) {
        const diagnostics = articleDiagnostics(uri);
        const target = clientUris.get(uri) ?? uri;
        if (diagnostics.length > 0 || clientUris.has(uri)) current.add(target);
        if (diagnostics.length > 0) send(target, diagnostics);
      }
      for (const [file, message] of unreadable) {
        const uri = pathToFileURL(file).href;
        current.add(uri);
        send(uri, [{ range: TOP, message: localMessage('diagnostics.unreadable', message), severity: DiagnosticSeverity.Error, source: 'summit-lens' }]);
      }
      for (const uri of [...published]) if (!current.has(uri)) send(uri, []);
    },
    knowledge(files, problems, unreadable) {
      for (const file of files) {
        const list = path.basename(file) === 'figures.yaml' ? problems.workspaceFigures : problems.workspaceMeetings;
        const diagnostics: Diagnostic[] = list.map((problem) => {
          const line = problem.line ?? 0;
          return { range: { start: { line, character: 0 }, end: { line, character: 200 } }, message: problemMessage(problem.message), severity: DiagnosticSeverity.Error, source: 'summit-lens' };
        });
        for (const failure of unreadable) if (failure.file === file) diagnostics.push({ range: TOP, message: failure.message, severity: DiagnosticSeverity.Error, source: 'summit-lens' });
        // Always sent, empty too: a fixed file's old problems go away.
        connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics }).catch(() => undefined);
      }
    },
  };
}
