// Date hints: each label is the whole date, and VS Code shows every hint of a line whole, however
// many a paragraph line holds (it would cut them at 43 characters a line, `2024-…`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { core, root, seed } from './support/core.mjs';
import { startServer } from './support/lspClient.mjs';

/** VS Code's default `editor.inlayHints.maximumLength`: the characters of all hints of one line together. */
const VS_CODE_LINE_BUDGET = 43;

test('a date hint says the whole date after the words it dates: 周四 → 2023-10-26', () => {
  const lens = core.createSummitLens();
  const body = '拜登说，周四，美国印太司令部声明称。';
  lens.update('file:///a.md', `---\ntitle: "一"\ndate: 2023-10-29\n---\n\n${body}\n`);
  const [hint] = lens.inlayHints('file:///a.md');
  assert.deepEqual(hint, { position: { line: 5, character: body.indexOf('周四') + 2 }, label: '→ 2023-10-26', tooltip: '周四 → Thursday 2023-10-26' });
});

test('a paragraph line with many date hints: the server sends each whole, and the article language lifts VS Code\'s line budget', async () => {
  const article = seed('004');
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-hints-'));
  writeFileSync(path.join(dir, 'a.txt'), article.text);
  const server = await startServer({ folders: [dir] });
  try {
    await server.indexed;
    const uri = server.uriOf('a.txt');
    const hints = await server.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } } });
    const line = hints.filter((hint) => hint.position.line === 15);
    assert.deepEqual(
      line.map((hint) => hint.label),
      ['→ 2024-11-16', '→ 2024-11-16', '→ 2024-11-13', '→ 2024-11-16', '→ 2024-11-14', '→ 2024-11-14', '→ 2024-11-13', '→ 2024-11-14', '→ 2024-11-16'],
    );
    assert.ok(line.map((hint) => hint.label).join('').length > VS_CODE_LINE_BUDGET, 'the line holds more than the default budget');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  // 0 is "no limit": no hint of an article is cut or dropped.
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.contributes.configurationDefaults['[summit-article]']['editor.inlayHints.maximumLength'], 0);
});
