// A minimal LSP client over stdio for protocol tests: starts the built server, initializes
// it on a workspace folder, and sends real requests.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './core.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export async function startServer(workspaceFolder, initializationOptions = {}) {
  const child = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const progressDone = new Promise((resolve) => {
    connection.onNotification('$/progress', ({ value }) => value?.kind === 'end' && resolve());
  });
  const logs = [];
  connection.onNotification('window/logMessage', ({ message }) => logs.push(message));
  const diagnostics = new Map();
  connection.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics: list }) => diagnostics.set(uri, list));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(workspaceFolder).href;
  const initialize = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
    capabilities: { window: { workDoneProgress: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    initialize,
    logs,
    diagnostics,
    /** Resolves when the initial indexing reports its end. */
    indexed: () => progressDone,
    uriOf: (file) => pathToFileURL(path.join(workspaceFolder, file)).href,
    open(file, text, languageId = 'summit-article') {
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(path.join(workspaceFolder, file)).href, languageId, version: 1, text } });
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}

/** The LSP position (UTF-16) of the n-th occurrence of `needle` in `text`. */
export function positionOf(text, needle, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}
