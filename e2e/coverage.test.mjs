// End-to-end: the coverage pages in a real VS Code (code-server, Chromium), on examples/corpus.
// "Compare coverage" from an article's code lens (outlet columns, first coverage, a date-window
// filter, a sentence that opens its article), from the Command Palette's quick pick, and the
// coverage timeline (bars stacked by outlet, the meeting marked, a click on a bar lists its
// articles; per person); a meeting mention's hover links to its comparison, and an open comparison
// follows an article edited beside it. Screenshots: test-output/e2e/coverage-*.png (copied to images/ as
// screenshot-coverage-*.png when E2E_README_IMAGES=1).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  until,
  screenshot,
  quickOpen,
  waitForLanguageMode,
  runCommand,
  hoverText,
  openEditorSession,
  closeEditorSession,
  CORPUS,
} from './lib/index.mjs';

const T = { timeout: 180_000 };

async function shot(s, name) {
  const file = await screenshot(s.page, `coverage-${name}`);
  if (process.env.E2E_README_IMAGES) await copyFile(file, path.join(REPO_ROOT, 'images', `screenshot-coverage-${name}.png`));
  return file;
}

async function step(s, name, body) {
  try {
    return await body();
  } catch (err) {
    const file = await screenshot(s.page, `coverage-${name}-FAILED`).catch(() => undefined);
    if (file) err.message += `\n  screenshot: ${path.relative(REPO_ROOT, file)}`;
    if (s.server) err.message += `\n--- code-server log (tail) ---\n${s.server.logs().slice(-3000)}`;
    throw err;
  }
}

/** The webview frame of a coverage page (its body says which page) once `ready` says it has drawn. */
async function coverageFrame(page, kind, ready) {
  return until(
    async () => {
      for (const frame of page.frames()) {
        const found = await frame.evaluate((kind) => document.body?.dataset?.page === kind, kind).catch(() => false);
        if (found && (await ready(frame).catch(() => false))) return frame;
      }
      return undefined;
    },
    { page, timeout: 60_000, message: `the ${kind} page did not show` },
  );
}

/** Shows an article: its tab when it is open (a webview may hold the keyboard), else Quick Open. */
async function showArticle(page, fileName) {
  const tab = page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first();
  if (await tab.count()) await tab.click();
  else await quickOpen(page, fileName);
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${fileName}"]`, { timeout: 30_000 });
  await waitForLanguageMode(page, /^Summit Article$/);
}

const outletColumns = (frame) => frame.evaluate(() => [...document.querySelectorAll('section.outlet')].map((section) => section.dataset.outlet));

describe('the coverage pages in VS Code', () => {
  let s;
  let corpusCopy;
  before(async () => {
    // A copy of the sample corpus: the live-edit test types into an article, and the web editor
    // may save it; the shared examples/ must never change under other tests.
    corpusCopy = await mkdtemp(path.join(os.tmpdir(), 'summit-e2e-coverage-'));
    const folder = path.join(corpusCopy, 'corpus');
    await cp(CORPUS, folder, { recursive: true });
    s = await openEditorSession('coverage', { folder, settings: { 'editor.codeLens': true, 'files.autoSave': 'off' } });
  }, { timeout: 300_000 });
  after(async () => {
    await closeEditorSession(s);
    if (corpusCopy) await rm(corpusCopy, { recursive: true, force: true });
  });

  it('the code lens opens the comparison: a column per outlet, the first outlet, every sentence', T, async () => {
    await step(s, 'compare', async () => {
      await quickOpen(s.page, '000_07fb47a2ebcb9afd.txt');
      await waitForLanguageMode(s.page, /^Summit Article$/);
      const lens = s.page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Compare coverage' }).first();
      await lens.waitFor({ state: 'visible', timeout: 60_000 });
      await lens.click();
      // Opened while the corpus may still be indexing: the page's Refresh button asks again.
      const frame = await coverageFrame(s.page, 'compare', async (f) => {
        if ((await f.locator('section.outlet').count()) === 3) return true;
        await f.locator('#refresh').click({ timeout: 2_000 }).catch(() => {});
        return false;
      });
      assert.equal(await frame.locator('h1').innerText(), '拜登与习近平旧金山（费罗丽庄园）会晤');
      assert.deepEqual(await outletColumns(frame), ['大纪元', 'Unknown outlet', '自由亞洲電台']);
      assert.match(await frame.locator('#first').innerText(), /大纪元 \(2023-10-29\)/);
      assert.equal(await frame.locator('a.sentence').count(), 30);
      assert.equal(await frame.locator('section.outlet[data-outlet="大纪元"] .badge').innerText(), 'first');
      assert.match(await frame.locator('#window-filter').innerText(), /before \(1\).*during \(0\).*after \(2\)/s);
      await shot(s, 'compare');

      // The "after" window keeps the two outlets that wrote after the meeting.
      await frame.locator('#window-filter input[value="after"]').check();
      await until(async () => ((await outletColumns(frame)).join('|') === 'Unknown outlet|自由亞洲電台' ? true : undefined), { page: s.page, timeout: 20_000, message: 'the window filter did not apply' });

      // A sentence opens its article at the mention.
      await frame.locator('section.outlet[data-outlet="自由亞洲電台"] a.sentence').first().click();
      await s.page.waitForSelector('.tabs-container .tab.active[aria-label*="004_281728caea736ce2.txt"]', { timeout: 30_000 });
    });
  });

  it('the Command Palette asks for the meeting with a quick pick', T, async () => {
    await step(s, 'palette', async () => {
      await runCommand(s.page, 'Summit Lens: Compare coverage of a meeting');
      await s.page.locator('.quick-input-widget .monaco-list-row', { hasText: '旧金山' }).first().waitFor({ timeout: 20_000 });
      await s.page.keyboard.type('lima');
      await s.page.locator('.quick-input-widget .monaco-list-row', { hasText: '利马' }).first().waitFor({ timeout: 20_000 });
      await s.page.keyboard.press('Enter');
      const frame = await coverageFrame(s.page, 'compare', async (f) => /利马/.test(await f.locator('h1').innerText()));
      assert.deepEqual(await outletColumns(frame), ['自由亞洲電台']);
      assert.equal(await frame.locator('a.sentence').count(), 9);
    });
  });

  it('the timeline stacks a meeting\'s articles by outlet, marks the meeting, and lists the articles of a bar', T, async () => {
    await step(s, 'timeline', async () => {
      await runCommand(s.page, 'Summit Lens: Coverage timeline');
      const frame = await coverageFrame(s.page, 'timeline', async (f) => (await f.locator('#chart').getAttribute('data-bars')) !== null);
      assert.match(await frame.locator('#totals').innerText(), /^4 articles \(0 undated\), 158 weeks, 6 meetings covered\.$/);
      const chart = frame.locator('#chart');
      assert.equal(await frame.locator('#choice').inputValue(), '2023-11-15-woodside');
      assert.deepEqual((await chart.getAttribute('data-series')).split('|').sort(), ['Unknown outlet', '大纪元', '自由亞洲電台'].sort());
      assert.equal(await chart.getAttribute('data-total'), '3');
      assert.match(await chart.getAttribute('data-markers'), /2023-11-15/);
      await shot(s, 'timeline');

      const bars = JSON.parse(await chart.getAttribute('data-bars'));
      const bar = bars.find((entry) => entry.series === '大纪元');
      assert.equal(bar.week, '2023-W43');
      await chart.click({ position: { x: bar.x, y: bar.y } });
      await until(async () => ((await frame.locator('#bar-articles li').count()) === 1 ? true : undefined), { page: s.page, timeout: 20_000, message: 'a click on a bar listed no articles' });
      assert.match(await frame.locator('#bar-articles li').innerText(), /分析：拜登习近平11月会谈的背后原因 · 大纪元 · 2023-10-29/);

      // Per person: Biden appears in all four articles.
      await frame.locator('#mode').selectOption('person');
      await until(async () => ((await chart.getAttribute('data-series')) === '拜登 Joe Biden' ? true : undefined), { page: s.page, timeout: 20_000, message: 'the person view did not draw' });
      assert.equal(await chart.getAttribute('data-total'), '4');
      await shot(s, 'timeline-person');
    });
  });

  it('a meeting mention\'s hover has a Compare coverage link that opens the comparison of that meeting', T, async () => {
    await step(s, 'hover-link', async () => {
      await showArticle(s.page, '000_07fb47a2ebcb9afd.txt');
      const hover = await hoverText(s.page, '会谈', { accept: (text) => /Compare coverage/.test(text), timeout: 60_000 });
      assert.match(hover, /Mentioned in 3 articles · details · Compare coverage$/);
      // The comparison showed Lima last: the link names the San Francisco meeting.
      await s.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Compare coverage' }).click();
      const frame = await coverageFrame(s.page, 'compare', async (f) => /旧金山/.test(await f.locator('h1').innerText()));
      assert.equal(await frame.locator('h1').innerText(), '拜登与习近平旧金山（费罗丽庄园）会晤');
      assert.deepEqual(await outletColumns(frame), ['大纪元', 'Unknown outlet', '自由亞洲電台']);
    });
  });

  it('the comparison follows an article edited in the editor, without a refresh', T, async () => {
    await step(s, 'live', async () => {
      // The article beside the comparison: both visible at once.
      await showArticle(s.page, '004_281728caea736ce2.txt');
      await runCommand(s.page, 'View: Move Editor into Right Group');
      await s.page.locator('.editor-group-container .tab', { hasText: 'Coverage:' }).first().click();
      const column = (f) => f.locator('section.outlet[data-outlet="自由亞洲電台"] a.sentence');
      const frame = await coverageFrame(s.page, 'compare', async (f) => (await column(f).count()) > 0);
      const before = await column(frame).count();

      // A tab's click gives its editor the keyboard (code lenses lie over the text itself).
      await s.page.locator('.tabs-container .tab[aria-label*="004_281728caea736ce2.txt"]').first().click();
      await s.page.waitForSelector('.editor-group-container.active .monaco-editor.focused', { timeout: 10_000 });
      await s.page.keyboard.press('Control+End');
      await s.page.keyboard.press('Enter');
      await s.page.keyboard.type('拜登与习近平在旧金山会晤。');
      const sentences = await until(
        async () => {
          // The page may redraw while the sentence is still being typed: wait for all of it.
          const texts = await column(frame).allInnerTexts();
          return texts.length === before + 1 && texts.some((text) => text.includes('拜登与习近平在旧金山会晤。')) ? texts : undefined;
        },
        { page: s.page, timeout: 30_000, message: 'the comparison did not show the new sentence' },
      );
      assert.ok(sentences.some((text) => text.includes('拜登与习近平在旧金山会晤。')), sentences.join('\n'));
      // The page may redraw meanwhile (each change of the index refreshes it): scrolled by the page itself.
      await frame.evaluate(() => document.querySelector('section.outlet[data-outlet="自由亞洲電台"]')?.scrollIntoView({ block: 'end' }));
      await shot(s, 'compare-live');

      // Deleting the line again takes the sentence away.
      await s.page.keyboard.press('Shift+Home');
      await s.page.keyboard.press('Backspace');
      await s.page.keyboard.press('Backspace');
      await until(async () => ((await column(frame).count()) === before ? true : undefined), { page: s.page, timeout: 30_000, message: 'the comparison kept the deleted sentence' });
    });
  });
});
