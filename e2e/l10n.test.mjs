// End-to-end: Summit Lens in a VS Code whose display language is Simplified Chinese
// (code-server --locale zh-cn), on examples/corpus: the Command Palette shows the commands'
// Chinese titles, a command's message is Chinese, the side bar's views have Chinese names, and a
// hover's labels are Chinese while the article's own words are shown as written.
// Screenshot: test-output/e2e/l10n-*.png.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  REPO_ROOT,
  until,
  createSandbox,
  removeSandbox,
  installExtension,
  startCodeServer,
  launchBrowser,
  openPage,
  screenshot,
  waitForWorkbench,
  quickOpen,
  waitForLanguageMode,
  runCommand,
  hoverText,
  CORPUS,
  buildRealVsix,
  realExtensionMissing,
} from './lib/index.mjs';

const T = { timeout: 180_000 };

async function step(s, name, body) {
  try {
    return await body();
  } catch (err) {
    const file = await screenshot(s.page, `l10n-${name}-FAILED`).catch(() => undefined);
    if (file) err.message += `\n  screenshot: ${path.relative(REPO_ROOT, file)}`;
    if (s.server) err.message += `\n--- code-server log (tail) ---\n${s.server.logs().slice(-3000)}`;
    throw err;
  }
}

describe('Summit Lens in a Chinese VS Code', () => {
  let s;
  before(async () => {
    const missing = await realExtensionMissing();
    if (missing) throw new Error(`the real extension cannot be tested: ${missing}`);
    const vsix = await buildRealVsix();
    s = { name: 'l10n' };
    s.sandbox = await createSandbox({ settings: { 'editor.codeLens': true } });
    await installExtension(s.sandbox, vsix);
    s.server = await startCodeServer(s.sandbox, { folder: CORPUS, extraArgs: ['--locale', 'zh-cn'] });
    s.browser = await launchBrowser();
    s.page = await openPage(s.browser, s.server.folderUrl);
    await waitForWorkbench(s.page);
  }, T);
  after(async () => {
    await s?.browser?.close().catch(() => {});
    await s?.server?.stop().catch(() => {});
    await removeSandbox(s?.sandbox).catch(() => {});
  });

  it('a hover has Chinese labels and the article text as written', T, async () => {
    await step(s, 'hover', async () => {
      await quickOpen(s.page, '002_5a86c4bf7c6d1edf.txt');
      await waitForLanguageMode(s.page, /^Summit Article$/);
      const hover = await hoverText(s.page, '拜登', { accept: (h) => /Joe Biden/.test(h), timeout: 60_000 });
      assert.match(hover, /本文提及 \d+ 次 · 见于 \d+ 篇文章 · 定义/);
      assert.match(hover, /（截至 2023-10-29）/);
      assert.doesNotMatch(hover, /mentions in this article/);
      await screenshot(s.page, 'l10n-hover');
    });
  });

  it('the Command Palette lists the Chinese title, and the command answers in Chinese', T, async () => {
    await step(s, 'command', async () => {
      await runCommand(s.page, 'Summit Lens: 重新索引语料');
      const toast = await until(
        async () => {
          const texts = await s.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts().catch(() => []);
          return texts.find((text) => /Summit Lens 已索引/.test(text));
        },
        { page: s.page, timeout: 60_000, message: 'no Chinese message after re-indexing' },
      );
      assert.equal(toast.trim(), 'Summit Lens 已索引 4 篇文章。');
    });
  });

  it('the side bar views have Chinese names', T, async () => {
    await step(s, 'views', async () => {
      await s.page.locator('.activitybar .action-item a[aria-label^="Summit Lens"]').first().click();
      const titles = await until(
        async () => {
          const names = (await s.page.locator('.sidebar .pane-header .title').allInnerTexts().catch(() => [])).map((name) => name.trim());
          return ['会晤', '人物', '文章'].every((name) => names.includes(name)) ? names : undefined;
        },
        { page: s.page, timeout: 30_000, message: 'the side bar views are not named 会晤, 人物, 文章' },
      );
      assert.deepEqual(titles.filter((name) => ['会晤', '人物', '文章'].includes(name)), ['会晤', '人物', '文章']);
      await screenshot(s.page, 'l10n-side-bar');
    });
  });
});
