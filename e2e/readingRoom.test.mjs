// End-to-end: the reading room in a real VS Code (code-server, Chromium), on examples/corpus.
// The Summit Lens side bar (Meetings, People, Articles), a mention reached from the Meetings
// view, the reader with a hover inside it, a meeting page whose link opens the article, date
// hints shown whole where a line holds many, and the date hint and code lens settings turned off
// and on again without a restart. Screenshots: test-output/e2e/reading-*.png (the side bar, the
// reader and the meeting page copied to images/ for the README when E2E_README_IMAGES=1).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  until,
  readmeScreenshot,
  quickOpen,
  waitForLanguageMode,
  hoverText,
  runCommand,
  escape,
  codeLenses,
  inlayHints,
  goToLine,
  setBooleanSetting,
  resizeSideBar,
  dateHints,
  codeLensTitles,
  userSetting,
  openEditorSession,
  closeEditorSession,
  reportFailure,
} from './lib/index.mjs';

const T = { timeout: 240_000 };
// A paragraph line (1-based) with many date hints, in a one-paragraph-a-line article.
const HINTS_FILE = '004_281728caea736ce2.txt';
const HINTS_LINE = 16;
// Packaging the extension and starting code-server take minutes on a busy 2-CPU machine.
const SETUP = { timeout: 600_000 };

const shot = (s, name, options) => readmeScreenshot(s.page, `reading-${name}`, `screenshot-${name}`, options);

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

/**
 * Expands a row by its twistie (a click on the label would run its command). Tried again until the
 * row is expanded: the views refresh while the corpus is indexed, and a click can meet a row redrawn.
 */
async function expand(page, title, text) {
  const target = row(page, title, text);
  await until(
    async () => {
      await target.waitFor({ state: 'visible', timeout: 5_000 });
      if ((await target.getAttribute('aria-expanded')) === 'true') return true;
      await target.locator('.monaco-tl-twistie').click({ timeout: 5_000 });
      return target.and(page.locator('[aria-expanded="true"]')).waitFor({ timeout: 2_000 }).then(() => true, () => false);
    },
    { page, timeout: 30_000, message: `the ${title} row "${text}" did not expand` },
  );
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
      // Wider than VS Code's default, so that meeting and article titles are readable.
      await resizeSideBar(s.page, 460);
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
      await row(s.page, 'Meetings', '将共同努力推动美国总统拜登').click();
      await s.page.waitForSelector('.tabs-container .tab.active[aria-label*="002_5a86c4bf7c6d1edf.txt"]', { timeout: 30_000 });
      // The selection is the mention: the editor's selection highlight sits on 11月在旧金山的会晤.
      const selected = await until(() => s.page.evaluate(() => document.querySelector('.editor-group-container.active .monaco-editor .selected-text') !== null), { page: s.page, timeout: 15_000, message: 'nothing selected' });
      assert.ok(selected);
      await shot(s, 'sidebar', { clip: { x: 0, y: 0, width: 1000, height: 1000 } });
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
      // The article's three meeting lenses and Compare coverage, each drawn whole.
      const expected = [...(await codeLensTitles('003_631281b403010862.txt')), 'Compare coverage'].sort();
      let lenses = [];
      await until(async () => {
        lenses = await codeLenses(s.page);
        return JSON.stringify(lenses.map((lens) => lens.text).sort()) === JSON.stringify(expected);
      }, { page: s.page, timeout: 60_000, message: () => `the reader's lenses are not ${JSON.stringify(expected)} (shown: ${JSON.stringify(lenses)})` });
      assert.deepEqual(lenses.filter((lens) => !lens.whole), [], 'a code lens of the reader runs off the screen');
      const hover = await hoverText(s.page, '拜登总统', { accept: (h) => /Joe Biden/.test(h), timeout: 60_000 });
      assert.match(hover, /Joe Biden/);
      await shot(s, 'reader', { clip: { x: 0, y: 0, width: 1400, height: 1000 } });
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

  it('date hints show their whole date where a line holds many of them', T, async () => {
    await step(s, 'hints', async () => {
      // One paragraph line of this article holds nine date hints, more than VS Code's default budget
      // of 43 characters a line (editor.inlayHints.maximumLength) lets through whole.
      const expected = (await dateHints(HINTS_FILE)).filter((hint) => hint.line === HINTS_LINE - 1).map((hint) => hint.label);
      assert.equal(expected.length, 9, JSON.stringify(expected));
      await quickOpen(s.page, HINTS_FILE);
      await waitForLanguageMode(s.page, /^Summit Article$/);
      await goToLine(s.page, HINTS_LINE);
      const shown = await until(async () => {
        const hints = await inlayHints(s.page);
        return hints.length >= 5 ? hints : undefined;
      }, { page: s.page, timeout: 60_000, message: 'fewer than five date hints are shown on the paragraph line' });
      assert.deepEqual(shown, expected.slice(0, shown.length));
      for (const hint of shown) assert.match(hint, /^→ \d{4}-\d{2}-\d{2}$/);
    });
  });

  it('turning date hints and code lenses off and on again takes effect without a restart', T, async () => {
    await step(s, 'settings', async () => {
      // The article of the previous test is open: it has both code lenses and date hints.
      const seen = async () => ({ lenses: (await codeLenses(s.page)).length, hints: (await inlayHints(s.page)).length });
      const expect = async (wanted, message) => {
        let last;
        await until(async () => {
          last = await seen();
          return (last.lenses > 0) === wanted.lenses && (last.hints > 0) === wanted.hints;
        }, { page: s.page, timeout: 30_000, message: () => `${message} (${last.lenses} lenses, ${last.hints} hints shown)` });
      };
      // Set in the Settings editor, and written to the user's settings.json before the editor is looked at
      // (both default to true; put back to the default, a setting may be left out of the file).
      const turn = async (id, value) => {
        await setBooleanSetting(s.page, id, value);
        await until(async () => ((await userSetting(s, id)) ?? true) === value, { page: s.page, timeout: 15_000, message: `${id} was not written as ${value}` });
      };
      await expect({ lenses: true, hints: true }, 'the article shows no code lens or no date hint');
      await turn('summitLens.inlayHints.enabled', false);
      await expect({ lenses: true, hints: false }, 'the date hints stayed after summitLens.inlayHints.enabled was turned off');
      await turn('summitLens.codeLens.enabled', false);
      await expect({ lenses: false, hints: false }, 'the code lenses stayed after summitLens.codeLens.enabled was turned off');
      await turn('summitLens.inlayHints.enabled', true);
      await expect({ lenses: false, hints: true }, 'the date hints did not come back when summitLens.inlayHints.enabled was turned on');
      await turn('summitLens.codeLens.enabled', true);
      await expect({ lenses: true, hints: true }, 'the code lenses did not come back when summitLens.codeLens.enabled was turned on');
    });
  });
});
