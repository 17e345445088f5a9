// Starts dist/server.js over stdio and speaks LSP to it, for the protocol tests and the benchmark.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { root } from './core.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

/**
 * A running server with a workspace open: this build's, or `serverScript` (the benchmark's
 * reference build). `indexed` resolves when the start-up indexing ends (its work-done progress
 * reports `end`); `logs` collects window/logMessage texts.
 */
export async function startServer({ folders, cacheDir, filesExclude, settings = {}, env = {}, initializationOptions, nodeArgs = [], locale, serverScript = path.join(root, 'dist/server.js') }) {
  const child = spawn(process.execPath, [...nodeArgs, serverScript, '--stdio'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs = [];
  const progress = [];
  let resolveIndexed;
  const indexed = new Promise((resolve) => (resolveIndexed = resolve));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onNotification('window/logMessage', ({ message }) => logs.push(message));
  const diagnostics = new Map();
  connection.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics: list }) => diagnostics.set(uri, list));
  connection.onNotification('$/progress', ({ value }) => {
    progress.push(value);
    if (value.kind === 'end') resolveIndexed(performance.now());
  });
  connection.listen();
  const workspaceFolders = folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) }));
  const started = performance.now();
  const initialize = await connection.sendRequest('initialize', {
    processId: process.pid,
    // The editor's display language, as VS Code's client sends it (`vscode.env.language`).
    ...(locale ? { locale } : {}),
    rootUri: workspaceFolders[0]?.uri ?? null,
    workspaceFolders,
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    },
    // The shape the extension sends (server/src/shared/protocol.ts), unless a test sends its own.
    initializationOptions: initializationOptions ?? { summitLens: { corpus: [], inlayHints: { enabled: true }, codeLens: { enabled: true }, ...settings }, files: { exclude: filesExclude }, cacheDir },
  });
  await connection.sendNotification('initialized', {});
  const uriOf = (file) => pathToFileURL(path.join(folders[0], file)).href;
  return {
    child,
    connection,
    initialize,
    diagnostics,
    pid: child.pid,
    logs,
    uriOf,
    /** Opens a document in the editor sense: from now on its text comes from the client. */
    open: (file, text, languageId = 'summit-article') =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId, version: 1, text } }),
    progress,
    stderr,
    started,
    /** Milliseconds from `initialize` to the end of indexing. */
    indexed: indexed.then((ended) => ended - started),
    request: (method, params) => connection.sendRequest(method, params),
    notify: (method, params) => connection.sendNotification(method, params),
    /** Peak resident memory of the server process (all its threads), in MB, from /proc. */
    peakRssMb() {
      try {
        const status = require('node:fs').readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+) kB/.exec(status);
        return match ? Number(match[1]) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill();
          resolve();
        }, 2000);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      connection.dispose();
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
