// End-to-end: what a user sees in a real VS Code (code-server 4.99 = VS Code
// 1.99, in Debian's headless Chromium). Run with `bash e2e/run.sh`, or
// `node --test e2e/` after `bash e2e/setup.sh`.
//
// 1. "smoke recipe" proves the machinery with a tiny fixture extension
//    (e2e/fixtures/smoke-extension): install a .vsix, open a file via Quick
//    Open, hover, outline, Find All References, Peek References.
// 2. "Summit Lens" does the same with the real extension on examples/corpus.
//    Hover and references assertions are soft (skipped with a message when the
//    language server provides nothing yet) unless E2E_REQUIRE_HOVER=1 /
//    E2E_REQUIRE_REFERENCES=1 (or E2E_STRICT=1 for both).
//
// Screenshots go to test-output/e2e/*.png.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import {
  REPO_ROOT,
  FIXTURES_DIR,
  DeadlineError,
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
  hoverText,
  outlineItems,
  findAllReferences,
  peekReferences,
  escape,
  buildSmokeVsix,
  buildRealVsix,
  realExtensionMissing,
} from './lib/index.mjs';

const STRICT = process.env.E2E_STRICT === '1';
const REQUIRE_HOVER = STRICT || process.env.E2E_REQUIRE_HOVER === '1';
const REQUIRE_REFERENCES = STRICT || process.env.E2E_REQUIRE_REFERENCES === '1';
const REFERENCES_TERM = process.env.E2E_REFERENCES_TERM || '视频会晤';

/** A sandboxed code-server with one extension installed, and a page on it. */
async function openSession(name, { vsix, folder }) {
  const session = { name };
  session.sandbox = await createSandbox();
  await installExtension(session.sandbox, vsix);
  session.server = await startCodeServer(session.sandbox, { folder });
  session.browser = await launchBrowser();
  session.page = await openPage(session.browser, session.server.folderUrl);
  await waitForWorkbench(session.page);
  return session;
}

async function closeSession(session) {
  if (!session) return;
  await session.browser?.close().catch(() => {});
  await session.server?.stop().catch(() => {});
  await removeSandbox(session.sandbox).catch(() => {});
}

/** Run `body`; on failure save a screenshot and code-server's log tail. */
async function step(session, shot, body) {
  try {
    const result = await body();
    if (session?.page) await screenshot(session.page, `${session.name}-${shot}`);
    return result;
  } catch (err) {
    if (session?.page) {
      const file = await screenshot(session.page, `${session.name}-${shot}-FAILED`).catch(() => undefined);
      if (file) err.message += `\n  screenshot: ${path.relative(REPO_ROOT, file)}`;
    }
    if (session?.server) err.message += `\n--- code-server log (tail) ---\n${session.server.logs().slice(-3000)}`;
    throw err;
  }
}

const T = { timeout: 180_000 };

describe('smoke recipe: fixture extension in code-server + Chromium', () => {
  let s;
  let vsix;
  before(async () => {
    vsix = await buildSmokeVsix();
    s = await openSession('smoke', { vsix, folder: path.join(FIXTURES_DIR, 'smoke-workspace') });
  }, T);
  after(async () => {
    await closeSession(s);
    if (vsix) await rm(path.dirname(vsix), { recursive: true, force: true });
  });

  it('opens a file via Quick Open in the contributed language', T, async () => {
    await step(s, 'open', async () => {
      await quickOpen(s.page, 'alpha.smoke');
      const mode = await waitForLanguageMode(s.page, /Summit Smoke/);
      assert.match(mode, /Summit Smoke Article/);
    });
  });

  it('shows a hover from the extension', T, async () => {
    const text = await step(s, 'hover', () => hoverText(s.page, '拜登', { accept: (h) => /Joe Biden/.test(h) }));
    assert.match(text, /拜登 — Joe Biden/);
    await escape(s.page);
  });

  it('lists document symbols in the Outline view', T, async () => {
    const items = await step(s, 'outline', () => outlineItems(s.page, { accept: (i) => i.length >= 2 }));
    assert.deepEqual(items, ['时机和背景的考虑', '台湾议题如何谈']);
  });

  it('Find All References lists matches from several files', T, async () => {
    const rows = await step(s, 'references', () =>
      findAllReferences(s.page, '拜登', {
        accept: (r) => r.filter((x) => x.level === 1).length >= 2 && /in 2 files/.test(r.summary),
      }),
    );
    const files = rows.filter((r) => r.level === 1).map((r) => r.text);
    assert.deepEqual(files.sort(), ['alpha.smoke', 'beta.smoke']);
    assert.match(rows.summary, /3 results in 2 files/);
  });

  it('Peek References shows the reference widget', T, async () => {
    const rows = await step(s, 'peek', () =>
      peekReferences(s.page, '拜登', { accept: (r) => r.some((x) => x.startsWith('beta.smoke')) }),
    );
    assert.ok(rows.some((r) => /^alpha\.smoke 2$/.test(r)), JSON.stringify(rows));
    assert.ok(rows.some((r) => /^beta\.smoke 1$/.test(r)), JSON.stringify(rows));
    await escape(s.page);
  });
});

const missing = await realExtensionMissing();

describe('Summit Lens in VS Code on examples/corpus', { skip: missing && `real extension not testable yet: ${missing}` }, () => {
  const ARTICLE = '003_631281b403010862.txt';
  let s;
  before(async () => {
    const vsix = await buildRealVsix();
    s = await openSession('summit', { vsix, folder: path.join(REPO_ROOT, 'examples', 'corpus') });
  }, T);
  after(() => closeSession(s));

  it('opens an article via Quick Open as a Summit article', T, async () => {
    await step(s, 'open', async () => {
      await quickOpen(s.page, ARTICLE);
      const mode = await waitForLanguageMode(s.page, /Summit|Article/i);
      assert.match(mode, /Summit|Article/i);
    });
  });

  it('lists the article sections in the Outline view', T, async () => {
    const wanted = ['时机和背景的考虑', '台湾议题如何谈'];
    const items = await step(s, 'outline', () =>
      outlineItems(s.page, { accept: (i) => wanted.every((w) => i.some((x) => x.includes(w))), timeout: 60_000 }),
    );
    for (const w of wanted) assert.ok(items.some((x) => x.includes(w)), `${w} missing from outline ${JSON.stringify(items)}`);
  });

  it('hovering 拜登 shows Joe Biden', T, async (t) => {
    try {
      const text = await step(s, 'hover', () =>
        hoverText(s.page, '拜登', { accept: (h) => /Joe Biden/.test(h), timeout: REQUIRE_HOVER ? 60_000 : 20_000 }),
      );
      assert.match(text, /Joe Biden/);
    } catch (err) {
      if (REQUIRE_HOVER || !(err instanceof DeadlineError)) throw err;
      t.skip(`no "Joe Biden" hover yet (set E2E_REQUIRE_HOVER=1 to make this fail): ${err.message.split('\n')[0]}`);
    } finally {
      await escape(s.page);
    }
  });

  it(`Find All References on ${REFERENCES_TERM} lists several articles`, T, async (t) => {
    try {
      const rows = await step(s, 'references', () =>
        findAllReferences(s.page, REFERENCES_TERM, {
          accept: (r) => r.filter((x) => x.level === 1).length >= 2,
          timeout: REQUIRE_REFERENCES ? 60_000 : 20_000,
        }),
      );
      const files = rows.filter((r) => r.level === 1).map((r) => r.text);
      assert.ok(files.length >= 2, JSON.stringify(rows));
      for (const f of files) assert.match(f, /^\d{3}_[0-9a-f]+\.txt/);
    } catch (err) {
      if (REQUIRE_REFERENCES || !(err instanceof DeadlineError)) throw err;
      t.skip(`no cross-article references yet (set E2E_REQUIRE_REFERENCES=1 to make this fail): ${err.message.split('\n')[0]}`);
    }
  });
});
