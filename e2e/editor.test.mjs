// End-to-end: what a user sees in a real VS Code (code-server 4.99 = VS Code
// 1.99, in Debian's headless Chromium). Run with `bash e2e/run.sh`, or
// `node --test e2e/` after `bash e2e/setup.sh`.
//
// The real extension (built and packaged by run.sh) on examples/corpus: the
// language set by content, grammar colours, the Outline, a figure hover, and
// Find All References on a meeting mention across articles. All strict:
// nothing is skipped, and every check is one a Summit Lens change can fail.
//
// Screenshots go to test-output/e2e/*.png.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  until,
  clickText,
  screenshot,
  quickOpen,
  waitForLanguageMode,
  hoverText,
  outlineItems,
  findAllReferences,
  escape,
  lineTokens,
  changeLanguageMode,
  runCommand,
  DeadlineError,
  meetingAt,
  codeLensTitles,
  codeLenses,
  inlayHints,
  readmeScreenshot,
  openEditorSession,
  closeEditorSession,
  reportFailure,
} from './lib/index.mjs';

// The meeting mention used for Find All References: the first occurrence of
// the term in the file (checked against `summit-lens index --json`).
const REFERENCES_FILE = process.env.E2E_REFERENCES_FILE || '000_07fb47a2ebcb9afd.txt';
const REFERENCES_TERM = process.env.E2E_REFERENCES_TERM || '会谈';

/** Runs `body`; saves a screenshot after it, and on failure a screenshot and code-server's log tail. */
async function step(session, shot, body) {
  const result = await reportFailure(session, `${session.name}-${shot}`, body);
  await screenshot(session.page, `${session.name}-${shot}`);
  return result;
}

const T = { timeout: 180_000 };
/** How long the lens test waits for the lenses before it opens the article's editor anew. */
const REOPEN_AFTER_MS = 10_000;

describe('Summit Lens in VS Code on examples/corpus', () => {
  const ARTICLE = '003_631281b403010862.txt';
  let s;
  before(async () => {
    s = await openEditorSession('summit');
  }, T);
  after(() => closeEditorSession(s));

  it('opens an article via Quick Open as a Summit Article', T, async () => {
    await step(s, 'open', async () => {
      await quickOpen(s.page, ARTICLE);
      // The file is .txt: the client switches it to summit-article by content.
      const mode = await waitForLanguageMode(s.page, /^Summit Article$/);
      assert.equal(mode, 'Summit Article');
    });
  });

  it('colours the article with the Summit grammar', T, async () => {
    // The <!--stamp--> line: plain text would be one token in the default
    // foreground; the grammar gives the comment delimiters and the stamp
    // their own theme colours.
    const stamp = '<!--1636774988000-->';
    const info = await step(s, 'highlight', () =>
      until(
        async () => {
          const t = await lineTokens(s.page, stamp);
          return t && new Set(t.tokens.map((x) => x.cls)).size >= 2 ? t : undefined;
        },
        { page: s.page, timeout: 30_000, message: 'the stamp line is not tokenised by the grammar' },
      ),
    );
    const coloured = info.tokens.filter((x) => x.color !== info.foreground);
    assert.ok(coloured.length > 0, `no token of the stamp line differs from the default foreground: ${JSON.stringify(info)}`);
  });

  it('lists the article sections in the Outline view', T, async () => {
    const wanted = ['时机和背景的考虑', '台湾议题如何谈'];
    const items = await step(s, 'outline', () =>
      outlineItems(s.page, { accept: (i) => wanted.every((w) => i.some((x) => x.includes(w))), timeout: 60_000 }),
    );
    for (const w of wanted) assert.ok(items.some((x) => x.includes(w)), `${w} missing from outline ${JSON.stringify(items)}`);
    // The article title heads the outline.
    assert.match(items[0], /习近平与拜登/);
  });

  it('hovering 拜登 shows Joe Biden', T, async () => {
    try {
      const text = await step(s, 'hover', () =>
        hoverText(s.page, '拜登', { accept: (h) => /Joe Biden/.test(h), timeout: 60_000 }),
      );
      assert.match(text, /Joe Biden/);
    } finally {
      await escape(s.page);
    }
  });

  it('an article about three meetings shows every code lens whole', T, async () => {
    const titles = await codeLensTitles(ARTICLE);
    assert.equal(titles.length, 3, JSON.stringify(titles));
    const expected = [...titles, 'Compare coverage'].sort();
    let shown = [];
    const started = Date.now();
    let reopened = false;
    await step(s, 'lenses', () =>
      until(async () => {
        shown = await codeLenses(s.page);
        // code-server 4.99 at times draws none of the lenses it received while the editor was opening
        // (a protocol trace shows the server's answer with every lens) and never asks again for that
        // editor; an editor opened anew asks and draws them, as closing and reopening the tab does.
        if (shown.length === 0 && !reopened && Date.now() - started > REOPEN_AFTER_MS) {
          reopened = true;
          await s.page.mouse.move(1, 1);
          await s.page.keyboard.press('Control+W');
          await quickOpen(s.page, ARTICLE);
        }
        return JSON.stringify(shown.map((lens) => lens.text).sort()) === JSON.stringify(expected) ? shown : undefined;
      }, { page: s.page, timeout: 60_000, message: () => `the lenses of ${ARTICLE} are not ${JSON.stringify(expected)} (shown: ${JSON.stringify(shown)})` }),
    );
    assert.deepEqual(shown.filter((lens) => !lens.whole), [], 'a code lens runs off the screen');
  });

  it('a plain-text article shows its meeting lens whole and its date hints, and a hover on a person says the name once', T, async () => {
    const FILE = '000_07fb47a2ebcb9afd.txt';
    const [meetingLens] = await codeLensTitles(FILE);
    // The compact form of the two days (local/Beijing) keeps the lens line short.
    assert.match(meetingLens, /^拜登与习近平旧金山会晤 2023-11-15\/16: \d+ mentions here · in 3 articles$/);
    try {
      await step(s, 'lens-hint-hover', async () => {
        await quickOpen(s.page, FILE);
        await waitForLanguageMode(s.page, /^Summit Article$/);
        // The count of articles is final once the corpus is indexed (the server then refreshes the lenses).
        let shown = [];
        const lenses = await until(async () => {
          shown = await codeLenses(s.page);
          return shown[0]?.text === meetingLens ? shown : undefined;
        }, { page: s.page, timeout: 60_000, message: () => `the article does not show the lens "${meetingLens}" (shown: ${JSON.stringify(shown)})` });
        assert.deepEqual(lenses, [{ text: meetingLens, whole: true }, { text: 'Compare coverage', whole: true }]);
        const hints = await until(async () => {
          const shown = await inlayHints(s.page);
          return shown.length >= 2 ? shown : undefined;
        }, { page: s.page, timeout: 30_000, message: 'the article shows no date hints' });
        // 周三 (twice on screen) is the Wednesday of the meeting week.
        assert.deepEqual(hints.slice(0, 2), ['→ 2023-11-15', '→ 2023-11-15']);
        // For the picture the Outline fills the explorer (the folder's file list is folded), and the
        // name hovered sits low enough for the hover to leave the lens line and the first hints in view.
        const folder = s.page.locator('.part.sidebar .pane-header', { has: s.page.locator('.title', { hasText: /^corpus$/i }) }).first();
        if ((await folder.getAttribute('aria-expanded', { timeout: 5_000 }).catch(() => null)) === 'true') await folder.click();
        // The sixth 拜登 on screen opens line 13 (拜登发推称); its hover sits over lines 8–12.
        const hover = await hoverText(s.page, '拜登', { occurrence: 5, accept: (h) => /Joe Biden/.test(h), timeout: 60_000 });
        assert.equal(hover.split('\n')[0].trim(), '拜登 · Joe Biden');
        await readmeScreenshot(s.page, 'summit-readme-hover', 'screenshot-hover', { clip: { x: 0, y: 0, width: 1300, height: 1000 } });
      });
    } finally {
      await escape(s.page);
    }
  });

  it(`Find All References on a meeting mention (${REFERENCES_TERM} in ${REFERENCES_FILE}) lists every article mentioning the meeting`, T, async () => {
    const expected = await meetingAt(REFERENCES_FILE, REFERENCES_TERM);
    assert.ok(expected.articles.length >= 2, `meeting ${expected.id} is mentioned in only ${expected.articles} (pick another E2E_REFERENCES_TERM)`);
    const rows = await step(s, 'references', async () => {
      await quickOpen(s.page, REFERENCES_FILE);
      await waitForLanguageMode(s.page, /^Summit Article$/);
      return findAllReferences(s.page, REFERENCES_TERM, {
        // Rows first, then the view's "N results in M files" message.
        accept: (r) => r.filter((x) => x.level === 1).length >= expected.articles.length && /\bin \d+ files?\b/.test(r.summary),
        timeout: 60_000,
      });
    });
    // The picture is of the references: the hover that the click on the mention may have opened goes.
    await s.page.mouse.move(5, 5);
    await s.page.waitForSelector('.monaco-hover:not(.hidden) .monaco-hover-content', { state: 'hidden', timeout: 5_000 }).catch(() => {});
    await readmeScreenshot(s.page, 'summit-readme-references', 'screenshot-references', { clip: { x: 0, y: 0, width: 1300, height: 720 } });
    const files = rows.filter((r) => r.level === 1).map((r) => r.text.replace(/\s.*$/, ''));
    assert.deepEqual(files.filter((f) => f.endsWith('.txt')).sort(), expected.articles, `meeting ${expected.id}: ${JSON.stringify(rows)}`);
    assert.match(rows.summary, new RegExp(`in ${expected.articles.length} files`));
  });

  it('Go to Definition on a meeting mention opens its page, listing the articles that mention it', T, async () => {
    const expected = await meetingAt(REFERENCES_FILE, REFERENCES_TERM);
    const { heading, links } = await step(s, 'definition', async () => {
      await quickOpen(s.page, REFERENCES_FILE);
      await waitForLanguageMode(s.page, /^Summit Article$/);
      await clickText(s.page, REFERENCES_TERM);
      await s.page.keyboard.press('F12');
      // The definition is the meeting's page: a webview whose body names the page it shows.
      const frame = await until(
        async () => {
          for (const frame of s.page.frames()) {
            const shown = await frame.evaluate(() => document.body?.dataset?.page ?? '').catch(() => '');
            if (shown.includes(expected.id)) return frame;
          }
          return undefined;
        },
        { page: s.page, timeout: 30_000, message: `the page of ${expected.id} did not open` },
      );
      return { heading: await frame.locator('h1').first().innerText(), links: await frame.locator('h3 a').allInnerTexts() };
    });
    assert.ok(heading.length > 0, 'the page has a title');
    assert.equal(links.length, expected.articles.length, `one link per article mentioning ${expected.id}: ${JSON.stringify(links)}`);
    // Back to the article for the next test.
    await runCommand(s.page, 'View: Close Editor');
    await quickOpen(s.page, REFERENCES_FILE);
    await waitForLanguageMode(s.page, /^Summit Article$/);
  });

  it('respects the user switching an article to Plain Text', T, async () => {
    await step(s, 'plaintext', async () => {
      assert.equal(await changeLanguageMode(s.page, 'Plain Text'), 'Plain Text');
      // The extension classifies documents as they open; a language change is a
      // close + open, which must not be taken for a fresh open. Wait (bounded)
      // for the flip back that must not come.
      const flipped = await waitForLanguageMode(s.page, /^Summit Article$/, { timeout: 5_000 }).catch((err) => {
        if (err instanceof DeadlineError) return undefined;
        throw err;
      });
      assert.equal(flipped, undefined, 'the article went back to Summit Article after the user chose Plain Text');
    });
  });
});
