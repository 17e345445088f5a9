// End-to-end: the reading room in a real VS Code (code-server, Chromium), on examples/corpus.
// The Summit Lens side bar (Meetings, People, Articles), a mention reached from the Meetings
// view, the reader with a hover inside it, a meeting page whose link opens the article, and the
// code lens setting turned off without a restart. Screenshots: test-output/e2e/reading-*.png
// (copied to images/ for the README when E2E_README_IMAGES=1).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import {
  REPO_ROOT,
  until,
  screenshot,
  quickOpen,
  waitForLanguageMode,
  hoverText,
  runCommand,
  escape,
  openEditorSession,
  closeEditorSession,
  reportFailure,
} from './lib/index.mjs';

const T = { timeout: 240_000 };
// Packaging the extension and starting code-server take minutes on a busy 2-CPU machine.
const SETUP = { timeout: 600_000 };

async function shot(s, name) {
  const file = await screenshot(s.page, `reading-${name}`);
  if (process.env.E2E_README_IMAGES) await copyFile(file, path.join(REPO_ROOT, 'images', `screenshot-${name}.png`));
  return file;
}

/** Runs `body`; on failure saves a screenshot and code-server's log tail. */
const step = (s, name, body) => reportFailure(s, `reading-${name}`, body);

/** The rows of a side-bar view (its pane found by the header's title), as their texts. */
async function viewRows(page, title) {
  return page.evaluate((title) => {
    const pane = [...document.querySelectorAll('.pane')].find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === title.toLowerCase());
    if (!pane) return [];
    return [...pane.querySelectorAll('.pane-body .monaco-list-row')].map((row) => row.innerText.replace(/\s+/g, ' ').trim());
  }, title);
}

/** A row of a view whose text contains `text`. */
function row(page, title, text) {
  return page.locator('.pane', { has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) }).locator('.pane-body .monaco-list-row', { hasText: text }).first();
}

async function rowsMatching(page, title, accept, message) {
  return until(
    async () => {
      const rows = await viewRows(page, title);
      return accept(rows) ? rows : undefined;
    },
    { page, timeout: 60_000, message: () => message },
  );
}

/** Shows the Summit Lens side bar: its activity-bar icon, or the command palette when the icon is not found. */
async function showSideBar(page) {
  await until(
    async () => {
      if (await page.locator('.pane-header .title', { hasText: /^Meetings$/i }).first().isVisible().catch(() => false)) return true;
      const icon = page.locator('.activitybar .action-item a[aria-label^="Summit Lens"], .activitybar .action-item[aria-label^="Summit Lens"]').first();
      if (await icon.isVisible().catch(() => false)) await icon.click();
      else await runCommand(page, 'Summit Lens: Focus on Meetings View').catch(() => {});
      return undefined;
    },
    { page, timeout: 60_000, message: 'the Summit Lens side bar did not open' },
  );
}

/** Expands a row by its twistie (a click on the label would run its command). */
async function expand(page, title, text) {
  const target = row(page, title, text);
  await target.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await target.getAttribute('aria-expanded')) !== 'true') await target.locator('.monaco-tl-twistie').click();
}

/** The text of the active editor's rendered lines. */
async function editorText(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
    // The editor renders spaces as no-break spaces.
    return editor ? [...editor.querySelectorAll('.view-lines .view-line')].map((line) => line.textContent.replace(/\u00a0/g, ' ')).join('\n') : '';
  });
}

/** The webview frame that shows a page (its body carries data-page). */
async function pageFrame(page) {
  return until(
    async () => {
      for (const frame of page.frames()) {
        const has = await frame.evaluate(() => !!document.body?.dataset?.page).catch(() => false);
        if (has) return frame;
      }
      return undefined;
    },
    { page, timeout: 60_000, message: 'no meeting page was shown' },
  );
}

describe('the Summit Lens reading room in VS Code', () => {
  let s;
  before(async () => {
    s = await openEditorSession('reading', { settings: { 'editor.codeLens': true } });
  }, SETUP);
  after(() => closeEditorSession(s));

  it('the side bar shows meetings by leader pair, people and articles by title', T, async () => {
    await step(s, 'sidebar', async () => {
      await showSideBar(s.page);
      const groups = await rowsMatching(s.page, 'Meetings', (rows) => rows.some((r) => r.includes('拜登 · 习近平')), 'the Meetings view has no 拜登 · 习近平 group');
      assert.ok(groups.some((r) => r.includes('奥巴马 · 习近平')), groups.join('\n'));
      const people = await rowsMatching(s.page, 'People', (rows) => rows.some((r) => r.includes('拜登 Joe Biden')), 'the People view has no 拜登 Joe Biden');
      assert.match(people.find((r) => r.includes('拜登 Joe Biden')), /\d articles?/);
      await expand(s.page, 'Articles', '2023');
      const articles = await rowsMatching(s.page, 'Articles', (rows) => rows.some((r) => r.includes('习拜会成果、争议及利害关系解析')), 'the Articles view has no titles');
      assert.ok(articles.every((r) => !/\.txt/.test(r)), articles.join('\n'));
    });
  });

  it('expanding a meeting down to a mention and clicking it lands on the mention', T, async () => {
    await step(s, 'mention', async () => {
      // The other two views are collapsed so that the Meetings tree has the side bar's height (its rows are virtualised).
      for (const title of ['People', 'Articles']) {
        const header = s.page.locator('.pane-header', { has: s.page.locator('.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
        if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
      }
      await expand(s.page, 'Meetings', '拜登 · 习近平');
      await expand(s.page, 'Meetings', '2023-11-15');
      await expand(s.page, 'Meetings', '分析：拜登习近平11月会谈的背后原因');
      await rowsMatching(s.page, 'Meetings', (rows) => rows.some((r) => r.includes('将共同努力推动美国总统拜登')), 'no mention sentence under the article');
      await shot(s, 'sidebar');
      await row(s.page, 'Meetings', '将共同努力推动美国总统拜登').click();
      await s.page.waitForSelector('.tabs-container .tab.active[aria-label*="002_5a86c4bf7c6d1edf.txt"]', { timeout: 30_000 });
      // The selection is the mention: the editor's selection highlight sits on 11月在旧金山的会晤.
      const selected = await until(() => s.page.evaluate(() => document.querySelector('.editor-group-container.active .monaco-editor .selected-text') !== null), { page: s.page, timeout: 15_000, message: 'nothing selected' });
      assert.ok(selected);
    });
  });

  it('the reader shows the article as plain text, and a hover on a name in it works', T, async () => {
    await step(s, 'reader', async () => {
      await quickOpen(s.page, '003_631281b403010862.txt');
      await waitForLanguageMode(s.page, /^Summit Article$/);
      await runCommand(s.page, 'Summit Lens: Open in the reader');
      const text = await until(async () => {
        const t = await editorText(s.page);
        return t.includes('2021-11-13 · BBC中文網') ? t : undefined;
      }, { page: s.page, timeout: 30_000, message: 'the reader did not open' });
      assert.ok(!/<(p|div|span)\b/.test(text), text.slice(0, 300));
      const hover = await hoverText(s.page, '拜登总统', { accept: (h) => /Joe Biden/.test(h), timeout: 60_000 });
      assert.match(hover, /Joe Biden/);
      await shot(s, 'reader');
      await escape(s.page);
    });
  });

  it('a meeting page lists the articles, and its link opens the article', T, async () => {
    await step(s, 'page', async () => {
      await showSideBar(s.page);
      await row(s.page, 'Meetings', '2023-11-15').locator('.label-name').click();
      const frame = await pageFrame(s.page);
      const heading = await frame.locator('h1').first().innerText();
      assert.match(heading, /拜登与习近平旧金山/);
      const links = await frame.locator('h3 a').allInnerTexts();
      assert.deepEqual(links, ['分析：拜登习近平11月会谈的背后原因', '习拜会成果、争议及利害关系解析', '拜登"再会"习近平 美中关系困扰何在？']);
      await shot(s, 'meeting-page');
      await frame.locator('h3 a').nth(1).click();
      await s.page.waitForSelector('.tabs-container .tab.active[aria-label*="000_07fb47a2ebcb9afd.txt"]', { timeout: 30_000 });
    });
  });

  it('turning code lenses off takes effect without a restart', T, async () => {
    await step(s, 'settings', async () => {
      const lenses = () => s.page.evaluate(() => document.querySelectorAll('.editor-group-container.active .codelens-decoration a').length);
      await until(async () => ((await lenses()) > 0 ? true : undefined), { page: s.page, timeout: 60_000, message: 'no code lens on the article' });
      await runCommand(s.page, 'Preferences: Open User Settings');
      // The settings editor opens with its search box focused.
      await s.page.waitForSelector('.settings-editor', { timeout: 20_000 });
      await s.page.keyboard.type('summitLens.codeLens.enabled');
      const checkbox = s.page.locator('.settings-editor .setting-item-bool .setting-value-checkbox').first();
      await checkbox.waitFor({ state: 'visible', timeout: 20_000 });
      await checkbox.click();
      await s.page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+W`);
      await until(async () => ((await lenses()) === 0 ? true : undefined), { page: s.page, timeout: 30_000, message: 'the code lenses stayed after the setting was turned off' });
    });
  });
});
