// Drive the VS Code workbench (as served by code-server) like a person would:
// keyboard shortcuts, the command palette, Quick Open, the mouse for hovers.
// Every wait is bounded and event-driven (Playwright waits / `until`).

import { until } from './wait.mjs';

const isMac = process.platform === 'darwin';
const MOD = isMac ? 'Meta' : 'Control';

/** Wait until the workbench is up and the folder's explorer has loaded. */
export async function waitForWorkbench(page, { timeout = 90_000 } = {}) {
  await page.waitForSelector('.monaco-workbench', { timeout });
  await page.waitForSelector('.part.statusbar', { timeout });
  // The explorer shows the workspace folder's files once the remote FS is ready.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
  // Focus the workbench so keyboard shortcuts reach it.
  await page.locator('.part.editor').click({ position: { x: 200, y: 200 } }).catch(() => {});
}

/** The label texts of the rows in the Quick Input list currently shown. */
async function quickInputRows(page) {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts();
}

/** Close any open quick input / widget. */
export async function escape(page) {
  await page.keyboard.press('Escape');
}

async function openQuickInput(page, key, prefix) {
  await until(
    async () => {
      await page.keyboard.press(key);
      await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 2_000 });
      return true;
    },
    { page, timeout: 20_000, message: `quick input did not open with ${key}` },
  );
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(prefix);
  return input;
}

/**
 * Run a command from the command palette by its label, e.g.
 * "Explorer: Focus on Outline View". Picks the row whose label matches exactly
 * (falling back to the first row containing the text).
 */
export async function runCommand(page, label, { timeout = 20_000 } = {}) {
  const input = await openQuickInput(page, 'F1', '>');
  await input.pressSequentially(label, { delay: 0 });
  // Move the keyboard focus onto the row labelled exactly `label` (or, if
  // none is, keep the first row when it contains `label`), then press Enter.
  await until(
    async () => {
      const state = await page.evaluate((label) => {
        const rows = [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')].sort(
          (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
        );
        const name = (r) => (r.querySelector('.label-name')?.textContent ?? '').trim();
        const focused = rows.find((r) => r.classList.contains('focused'));
        const exact = rows.find((r) => name(r) === label);
        return {
          count: rows.length,
          focused: focused ? { index: Number(focused.dataset.index), name: name(focused) } : undefined,
          exact: exact ? Number(exact.dataset.index) : undefined,
          first: rows[0] ? name(rows[0]) : '',
        };
      }, label);
      if (state.focused && state.focused.name === label) return true;
      if (state.exact === undefined && state.focused && state.focused.index === 0 && state.first.includes(label)) return true;
      if (state.exact !== undefined && state.focused) {
        await page.keyboard.press(state.exact > state.focused.index ? 'ArrowDown' : 'ArrowUp');
        return false;
      }
      await page
        .waitForSelector('.quick-input-widget .quick-input-list .monaco-list-row.focused', { timeout: 1_000 })
        .catch(() => {});
      return false;
    },
    { page, timeout, message: `command "${label}" not found in the command palette` },
  );
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/** Open a workspace file via Quick Open (Ctrl+P, type the name, Enter). */
export async function quickOpen(page, fileName, { timeout = 30_000 } = {}) {
  const input = await openQuickInput(page, `${MOD}+P`, '');
  await input.pressSequentially(fileName, { delay: 0 });
  await until(
    async () => {
      const rows = await quickInputRows(page);
      if (rows.some((r) => r.includes(fileName))) return true;
      await page
        .waitForSelector('.quick-input-widget .quick-input-list .monaco-list-row', { timeout: 1_000 })
        .catch(() => {});
      return false;
    },
    { page, timeout, message: `Quick Open found no file named ${fileName}` },
  );
  await page.keyboard.press('Enter');
  await waitForActiveEditor(page, fileName, { timeout });
}

/** Wait until the active editor tab shows `fileName` and its text is rendered. */
export async function waitForActiveEditor(page, fileName, { timeout = 30_000 } = {}) {
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${fileName}"]`, { timeout });
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines .view-line', { timeout });
}

/** The text of the status bar's language mode indicator ("Plain Text", ...). */
export async function languageMode(page, { timeout = 10_000 } = {}) {
  const item = page.locator('#status\\.editor\\.mode');
  await item.waitFor({ state: 'visible', timeout });
  return (await item.innerText()).trim();
}

/** Wait until the status bar language mode matches `re`; returns the text. */
export async function waitForLanguageMode(page, re, { timeout = 30_000 } = {}) {
  let last = '';
  return until(
    async () => {
      last = await languageMode(page, { timeout: 2_000 }).catch(() => '');
      if (re.test(last)) return last;
      await page
        .waitForFunction(
          (prev) => document.querySelector('#status\\.editor\\.mode')?.textContent?.trim() !== prev,
          last,
          { timeout: 2_000 },
        )
        .catch(() => {});
      return undefined;
    },
    { page, timeout, message: () => `language mode did not match ${re} (last: "${last}")` },
  );
}

/** Change Language Mode of the active editor to `name` (e.g. "Plain Text"). */
export async function changeLanguageMode(page, name, { timeout = 20_000 } = {}) {
  await runCommand(page, 'Change Language Mode');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(name);
  await until(
    () =>
      page.evaluate(
        (name) =>
          [...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name')].some(
            (l) => l.textContent.trim() === name,
          ),
        name,
      ),
    { page, timeout, message: `language "${name}" not offered by Change Language Mode` },
  );
  await page.keyboard.press('Enter');
  return waitForLanguageMode(page, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), { timeout });
}

/**
 * The viewport rectangle of the `occurrence`-th rendered occurrence of `text`
 * in the active editor (character `charOffset` of it), or undefined when no
 * rendered line contains it.
 */
export async function locateText(page, text, { occurrence = 0, charOffset = 0 } = {}) {
  return page.evaluate(
    ({ text, occurrence, charOffset }) => {
      const editor =
        document.querySelector('.editor-group-container.active .editor-instance .monaco-editor') ||
        document.querySelector('.editor-instance .monaco-editor');
      if (!editor) return undefined;
      const lines = [...editor.querySelectorAll('.view-lines .view-line')].sort(
        (a, b) => parseFloat(a.style.top) - parseFloat(b.style.top),
      );
      const box = editor.querySelector('.overflow-guard')?.getBoundingClientRect() ?? editor.getBoundingClientRect();
      let seen = 0;
      for (const line of lines) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const value = node.nodeValue.replace(/\u00a0/g, ' ');
          let from = 0;
          for (;;) {
            const i = value.indexOf(text, from);
            if (i < 0) break;
            if (seen++ === occurrence) {
              const range = document.createRange();
              const at = Math.min(i + charOffset, value.length - 1);
              range.setStart(node, at);
              range.setEnd(node, at + 1);
              const r = range.getBoundingClientRect();
              const cx = r.left + r.width / 2;
              const cy = r.top + r.height / 2;
              // Only occurrences actually on screen inside the editor count
              // (long lines render far past the right edge).
              if (r.width === 0 || cx < box.left + 60 || cx > box.right - 20 || cy < box.top || cy > box.bottom) {
                seen--;
                from = i + text.length;
                continue;
              }
              return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height };
            }
            from = i + text.length;
          }
        }
      }
      return undefined;
    },
    { text, occurrence, charOffset },
  );
}

/** Move the cursor onto `text` in the active editor (a click on it). */
export async function clickText(page, text, opts = {}) {
  const pos = await until(() => locateText(page, text, opts), {
    page,
    timeout: opts.timeout ?? 15_000,
    message: `"${text}" is not rendered in the active editor`,
  });
  await page.mouse.click(pos.x, pos.y);
  return pos;
}

/** Text of the visible hover widget(s), or '' if none. */
export async function hoverContent(page) {
  const hovers = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content');
  const texts = await hovers.allInnerTexts().catch(() => []);
  return texts.join('\n').trim();
}

/**
 * Hover the mouse over `text` in the active editor and return the hover's
 * text once it satisfies `accept` (default: non-empty). Retries by moving the
 * mouse away and back; each try waits for the hover widget, not a timer.
 */
export async function hoverText(page, text, { occurrence = 0, charOffset = 0, accept = (s) => s.length > 0, timeout = 30_000 } = {}) {
  let last = '';
  return until(
    async ({ tries }) => {
      const pos = await locateText(page, text, { occurrence, charOffset });
      if (!pos) return undefined;
      // Away (to the top-left of the editor), then onto the character; nudge by a
      // pixel on alternate tries so the editor sees a real mouse move.
      await page.mouse.move(5, 5);
      await page.mouse.move(pos.x + (tries % 2), pos.y, { steps: 2 });
      await page
        .waitForSelector('.monaco-hover:not(.hidden) .monaco-hover-content', { state: 'visible', timeout: 3_000 })
        .catch(() => {});
      // Content can arrive after the widget ("Loading..."): wait for it to settle.
      await page
        .waitForFunction(
          () => {
            const el = document.querySelector('.monaco-hover:not(.hidden) .monaco-hover-content');
            return el && el.textContent.trim() && !/^Loading/.test(el.textContent.trim());
          },
          null,
          { timeout: 3_000 },
        )
        .catch(() => {});
      last = await hoverContent(page);
      return accept(last) ? last : undefined;
    },
    { page, timeout, message: () => `no acceptable hover on "${text}" (last hover: "${last}")` },
  );
}

/**
 * Open the Outline view and return its rows' labels (top to bottom, the whole
 * tree, not just the rows currently rendered) once `accept` holds.
 */
export async function outlineItems(page, { accept = (items) => items.length > 0, timeout = 30_000 } = {}) {
  await runCommand(page, 'Explorer: Focus on Outline View');
  let last = [];
  return until(
    async () => {
      await page.waitForSelector('.outline-pane .monaco-list-row', { timeout: 2_000 }).catch(() => {});
      last = await collectOutline(page);
      return accept(last) ? last : undefined;
    },
    { page, timeout, message: () => `outline not as expected (last: ${JSON.stringify(last)})` },
  );
}

/** Rendered rows of the Outline tree (sticky-scroll copies excluded). */
async function renderedOutlineRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.outline-pane .monaco-list-row')]
      .filter((r) => !r.closest('.monaco-tree-sticky-container'))
      .map((r) => ({
        index: Number(r.dataset.index),
        label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
        focused: r.classList.contains('focused'),
      })),
  );
}

/**
 * The labels of all Outline rows. The tree is virtualised (only the rows in
 * view are in the DOM), so walk it with the keyboard: Home, then PageDown
 * until the focus stops moving, collecting the rows rendered on the way.
 */
async function collectOutline(page) {
  const seen = new Map();
  const merge = (rows) => rows.forEach((r) => r.label && seen.set(r.index, r.label));
  let rows = await renderedOutlineRows(page);
  merge(rows);
  if (rows.length === 0) return [];
  await page.locator('.outline-pane .monaco-list').first().focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 100; i++) {
    rows = await renderedOutlineRows(page);
    merge(rows);
    const focused = rows.find((r) => r.focused)?.index ?? -1;
    await page.keyboard.press('PageDown');
    const moved = await page
      .waitForFunction(
        (prev) => {
          const f = [...document.querySelectorAll('.outline-pane .monaco-list-row.focused')].find(
            (r) => !r.closest('.monaco-tree-sticky-container'),
          );
          return f && Number(f.dataset.index) !== prev;
        },
        focused,
        { timeout: 1_500 },
      )
      .then(() => true, () => false);
    if (!moved) break;
  }
  merge(await renderedOutlineRows(page));
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
}

/**
 * Find All References on `text` (click on it, then the command) and return the
 * References view rows (files and matches) once `accept` holds.
 */
export async function findAllReferences(page, text, { occurrence = 0, accept = (r) => r.length > 0, timeout = 45_000 } = {}) {
  await clickText(page, text, { occurrence });
  await runCommand(page, 'References: Find All References');
  let last = [];
  return until(
    async () => {
      await page.waitForSelector('.pane-body .monaco-list-row[aria-level]', { timeout: 2_000 }).catch(() => {});
      last = await referencesViewRows(page);
      return accept(last) ? last : undefined;
    },
    { page, timeout, message: () => `references view not as expected (last: ${JSON.stringify(last)})` },
  );
}

/**
 * Rows of the References view: { level, text } (level 1: files, 2: matches).
 * The array also carries `summary`, the view's message ("3 results in 2 files").
 */
export async function referencesViewRows(page) {
  const { rows, summary } = await page.evaluate(() => {
    const panes = [...document.querySelectorAll('.pane')].filter((p) =>
      /^\s*references\s*$/i.test(p.querySelector('.pane-header .title')?.textContent ?? ''),
    );
    const rows = panes.flatMap((p) => [...p.querySelectorAll('.pane-body .monaco-list-row[aria-level]')]);
    const summary = panes.map((p) => p.querySelector('.pane-body .message')?.textContent?.trim() ?? '').join(' ').trim();
    return {
      summary,
      rows: rows.map((r) => ({ level: Number(r.getAttribute('aria-level')), text: r.innerText.replace(/\s+/g, ' ').trim() })),
    };
  });
  rows.summary = summary;
  return rows;
}

/**
 * Peek References on `text` and return the file rows of the peek widget
 * (`.reference-zone-widget`).
 */
export async function peekReferences(page, text, { occurrence = 0, accept = (r) => r.length > 0, timeout = 30_000 } = {}) {
  await clickText(page, text, { occurrence });
  await runCommand(page, 'Peek References');
  let last = [];
  return until(
    async () => {
      await page.waitForSelector('.reference-zone-widget .ref-tree .monaco-list-row', { timeout: 2_000 }).catch(() => {});
      last = (await page.locator('.reference-zone-widget .ref-tree .monaco-list-row').allInnerTexts()).map((s) =>
        s.replace(/\s+/g, ' ').trim(),
      );
      return accept(last) ? last : undefined;
    },
    { page, timeout, message: () => `peek references not as expected (last: ${JSON.stringify(last)})` },
  );
}

/**
 * Syntax colouring of the rendered line of the active editor that contains
 * `text`: `{ line, tokens: [{ text, cls, color }], foreground }`, where
 * `foreground` is the editor's default text colour (what an untokenised
 * plain-text line shows), or undefined when no such line is rendered.
 */
export async function lineTokens(page, text) {
  return page.evaluate((text) => {
    const editor =
      document.querySelector('.editor-group-container.active .editor-instance .monaco-editor') ||
      document.querySelector('.editor-instance .monaco-editor');
    const viewLines = editor?.querySelector('.view-lines');
    if (!viewLines) return undefined;
    const line = [...viewLines.querySelectorAll('.view-line')].find((l) =>
      l.textContent.replace(/\u00a0/g, ' ').includes(text),
    );
    if (!line) return undefined;
    const tokens = [...line.querySelectorAll('span > span')].map((s) => ({
      text: s.textContent,
      cls: [...s.classList].filter((c) => /^mtk\d+$/.test(c)).join(' '),
      color: getComputedStyle(s).color,
    }));
    return { line: line.textContent, tokens, foreground: getComputedStyle(viewLines).color };
  }, text);
}

/**
 * The code lenses rendered in the active editor: `{ text, whole }` each, where `whole` says the
 * lens is drawn entirely inside the editor (not cut off at its right edge).
 */
export async function codeLenses(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
    if (!editor) return [];
    const box = (editor.querySelector('.overflow-guard') ?? editor).getBoundingClientRect();
    // The vertical scrollbar covers the editor's right edge.
    const right = box.right - (editor.querySelector('.scrollbar.vertical')?.getBoundingClientRect().width ?? 0);
    return [...editor.querySelectorAll('.codelens-decoration a')].map((lens) => {
      const r = lens.getBoundingClientRect();
      return { text: lens.textContent.replace(/\u00a0/g, ' ').trim(), whole: r.width > 0 && r.left >= box.left && r.right <= right };
    });
  });
}

/**
 * The inlay hints rendered in the active editor, top to bottom: the texts of the injected
 * decorations (`dyn-rule-*` spans) inside its view lines, padding left out.
 */
export async function inlayHints(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
    if (!editor) return [];
    const lines = [...editor.querySelectorAll('.view-lines .view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.flatMap((line) =>
      [...line.querySelectorAll('span[class*="dyn-rule-"]')].map((span) => span.textContent.replace(/[\u00a0\u200a]/g, ' ').trim()).filter(Boolean),
    );
  });
}

/** Moves the cursor to the start of `line` (1-based) with Go to Line, which scrolls it into view. */
export async function goToLine(page, line) {
  const input = await openQuickInput(page, `${MOD}+G`, ':');
  await input.pressSequentially(String(line), { delay: 0 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/**
 * Sets the boolean setting `id` in the user Settings editor (a click on its checkbox when it is
 * not already `value`), then closes the Settings editor.
 */
export async function setBooleanSetting(page, id, value) {
  await runCommand(page, 'Preferences: Open User Settings');
  // The settings editor opens with its search box focused.
  await page.waitForSelector('.settings-editor', { timeout: 20_000 });
  await page.keyboard.type(id);
  const checkbox = page.locator('.settings-editor .setting-item-bool .setting-value-checkbox').first();
  await checkbox.waitFor({ state: 'visible', timeout: 20_000 });
  await until(
    async () => {
      const checked = (await checkbox.getAttribute('aria-checked')) === 'true';
      if (checked === value) return true;
      await checkbox.click();
      // One click a state change: a second click before the first shows would undo it.
      await page.waitForFunction(
        ({ before }) => document.querySelector('.settings-editor .setting-item-bool .setting-value-checkbox')?.getAttribute('aria-checked') !== before,
        { before: String(checked) },
        { timeout: 10_000 },
      ).catch(() => {});
      return false;
    },
    { page, timeout: 20_000, message: `${id} could not be set to ${value}` },
  );
  await page.keyboard.press(`${MOD}+W`);
  await page.waitForSelector('.settings-editor', { state: 'hidden', timeout: 10_000 }).catch(() => {});
}

/** Drags the side bar's edge until the side bar is `width` pixels wide (wider than VS Code's default, for labels). */
export async function resizeSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || Math.abs(box.width - width) < 2) return;
  const edge = { x: box.x + box.width, y: box.y + box.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, edge.y, { steps: 5 });
  await page.mouse.up();
  await until(
    async () => {
      const now = await page.locator('.part.sidebar').boundingBox();
      return now && Math.abs(now.width - width) < 8;
    },
    { page, timeout: 10_000, message: `the side bar could not be made ${width} px wide` },
  );
}
