// End-to-end: Summit Lens in a VS Code whose display language is Simplified Chinese, on
// examples/corpus. code-server shows a display language only with a language pack for it, and the
// marketplace's pack is a download: a minimal pack is built here (lib/languagePack.mjs), installed
// with --install-extension, registered, and code-server started with --locale zh-cn. Checked: the
// pack took effect (the Explorer is 资源管理器), the side bar's views have Chinese names, the
// Command Palette lists a command by its Chinese title and the command answers in Chinese, and a
// meeting's hover has Chinese labels (its Beijing day too) while the article's words stay as
// written. Screenshots: test-output/e2e/l10n-*.png.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  until,
  createSandbox,
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
  buildRealVsix,
  realExtensionMissing,
  closeEditorSession,
  reportFailure,
  CORPUS,
} from './lib/index.mjs';
import { PACK_EXPLORER_TITLE, buildChineseLanguagePack, registerLanguagePack } from './lib/languagePack.mjs';

const T = { timeout: 180_000 };

describe('Summit Lens in a Chinese VS Code', () => {
  let s;
  before(async () => {
    const missing = await realExtensionMissing();
    if (missing) throw new Error(`the real extension cannot be tested: ${missing}`);
    s = { name: 'l10n' };
    try {
      s.sandbox = await createSandbox({ settings: { 'editor.codeLens': true } });
      await installExtension(s.sandbox, await buildRealVsix());
      await installExtension(s.sandbox, await buildChineseLanguagePack());
      await registerLanguagePack(s.sandbox);
      s.server = await startCodeServer(s.sandbox, { folder: CORPUS, extraArgs: ['--locale', 'zh-cn'] });
      s.browser = await launchBrowser();
      s.page = await openPage(s.browser, s.server.folderUrl);
      await waitForWorkbench(s.page);
    } catch (err) {
      await closeEditorSession(s);
      throw err;
    }
  }, { timeout: 300_000 });
  after(() => closeEditorSession(s));

  it('the workbench is in the language pack\'s language', T, async () => {
    await reportFailure(s, 'l10n-pack', async () => {
      const explorer = await s.page.locator('.activitybar .action-item a').first().getAttribute('aria-label');
      assert.match(explorer, new RegExp(`^${PACK_EXPLORER_TITLE}`));
    });
  });

  it('a meeting\'s hover has Chinese labels and its Beijing day; the article\'s words are as written', T, async () => {
    await reportFailure(s, 'l10n-hover', async () => {
      await quickOpen(s.page, '000_07fb47a2ebcb9afd.txt');
      await waitForLanguageMode(s.page, /^Summit Article$|^Summit 文章$/);
      const hover = await hoverText(s.page, '会谈', { accept: (text) => /判定依据/.test(text), timeout: 60_000 });
      assert.match(hover, /^会谈 → 拜登与习近平旧金山（费罗丽庄园）会晤 · Biden–Xi meeting/m);
      assert.match(hover, /星期三 2023-11-15（北京 2023-11-16） · /);
      assert.match(hover, /\d+ 篇文章提及 · 详情 · 比较报道/);
      assert.doesNotMatch(hover, /Beijing|Mentioned in|Resolved by|main meeting/);
      await screenshot(s.page, 'l10n-hover');
    });
  });

  it('the side bar views have Chinese names', T, async () => {
    await reportFailure(s, 'l10n-views', async () => {
      await s.page.locator('.activitybar .action-item a[aria-label^="Summit Lens"]').first().click();
      const names = await until(
        async () => {
          const titles = (await s.page.locator('.sidebar .pane-header .title').allInnerTexts().catch(() => [])).map((title) => title.trim());
          return ['会晤', '人物', '文章'].every((name) => titles.includes(name)) ? titles : undefined;
        },
        { page: s.page, timeout: 30_000, message: 'the side bar views are not named 会晤, 人物, 文章' },
      );
      assert.deepEqual(names.filter((name) => ['会晤', '人物', '文章'].includes(name)), ['会晤', '人物', '文章']);
      await screenshot(s.page, 'l10n-side-bar');
    });
  });

  it('the Command Palette lists the Chinese title, and the command answers in Chinese', T, async () => {
    await reportFailure(s, 'l10n-command', async () => {
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
});
