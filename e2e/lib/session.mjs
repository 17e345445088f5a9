// One editor session for an e2e file: a sandboxed code-server with the real extension installed,
// Chromium on it, the workbench loaded; closed again in the file's `after`.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './paths.mjs';
import { createSandbox, removeSandbox, installExtension, startCodeServer } from './codeServer.mjs';
import { launchBrowser, openPage, screenshot } from './browser.mjs';
import { waitForWorkbench } from './workbench.mjs';
import { buildRealVsix, realExtensionMissing } from './vsix.mjs';
import { CORPUS } from './corpus.mjs';

/**
 * Opens the real extension in a fresh code-server on `folder` (examples/corpus by default), with
 * `settings` over the sandbox's defaults. What was started is stopped again when a step fails.
 * @returns {Promise<{name: string, sandbox: object, server: object, browser: object, page: import('playwright-core').Page}>}
 */
export async function openEditorSession(name, { settings = {}, folder = CORPUS, viewport } = {}) {
  const missing = await realExtensionMissing();
  if (missing) throw new Error(`the real extension cannot be tested: ${missing}`);
  const vsix = await buildRealVsix();
  const session = { name };
  try {
    session.sandbox = await createSandbox({ settings });
    await installExtension(session.sandbox, vsix);
    session.server = await startCodeServer(session.sandbox, { folder });
    session.browser = await launchBrowser();
    session.page = await openPage(session.browser, session.server.folderUrl, viewport);
    await waitForWorkbench(session.page);
    return session;
  } catch (err) {
    await closeEditorSession(session);
    throw err;
  }
}

/** Closes the browser, stops code-server and removes the sandbox (each only if it was started). */
export async function closeEditorSession(session) {
  if (!session) return;
  await session.browser?.close().catch(() => {});
  await session.server?.stop().catch(() => {});
  await removeSandbox(session.sandbox).catch(() => {});
}

/** Runs `body`; on failure adds a screenshot `<shot>-FAILED` and code-server's log tail to the error. */
export async function reportFailure(session, shot, body) {
  try {
    return await body();
  } catch (err) {
    const file = session?.page ? await screenshot(session.page, `${shot}-FAILED`).catch(() => undefined) : undefined;
    if (file) err.message += `\n  screenshot: ${path.relative(REPO_ROOT, file)}`;
    if (session?.server) err.message += `\n--- code-server log (tail) ---\n${session.server.logs().slice(-3000)}`;
    throw err;
  }
}

/** The value of setting `id` in the session's user settings.json, as VS Code last wrote it. */
export async function userSetting(session, id) {
  const text = await readFile(path.join(session.sandbox.userDataDir, 'User', 'settings.json'), 'utf8');
  try {
    return JSON.parse(text)[id];
  } catch {
    // Caught mid-write: nothing to read yet.
    return undefined;
  }
}
