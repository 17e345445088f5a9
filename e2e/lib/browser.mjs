// Debian's Chromium driven by playwright-core (no browser download needed).
import { chromium } from 'playwright-core';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CHROMIUM, OUTPUT_DIR, REPO_ROOT } from './paths.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--lang=en-US',
];

/** Launch Chromium with a fresh (temporary) profile. */
export async function launchBrowser({ executablePath = CHROMIUM, args = [] } = {}) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    timeout: 60_000,
  });
}

/** A new page sized like a laptop screen, with console errors collected. */
export async function openPage(browser, url, { width = 1600, height = 1000 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'en-US',
    // code-server writes to the clipboard on some actions; never prompt.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.consoleErrors = consoleErrors;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return page;
}

/** Save a screenshot (of the `clip` rectangle, when given) to test-output/e2e/<name>.png and return its path. */
export async function screenshot(page, name, { clip } = {}) {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: false, clip });
  return file;
}

/**
 * A screenshot for the README: test-output/e2e/<name>.png, and with E2E_README_IMAGES=1 also
 * images/<image>.png. `clip` keeps the picture to what its caption shows (and the file small).
 */
export async function readmeScreenshot(page, name, image, { clip } = {}) {
  const file = await screenshot(page, name, { clip });
  if (process.env.E2E_README_IMAGES) await copyFile(file, path.join(REPO_ROOT, 'images', `${image}.png`));
  return file;
}
