// Code lenses over the protocol: the main meeting heads the article with "Compare coverage" beside
// it, and every other meeting's lens sits above the line that first mentions it, so that the top
// line of an article about several meetings does not run off the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { core } from './support/core.mjs';
import { startServer } from './support/lspClient.mjs';

const BODY = ['拜登与习近平上周三在旧金山会晤。两人在旧金山的会晤持续四小时。', '', '这是旧金山会晤后的第一次通话。', '', '两人上一次见面是2022年11月14日在巴厘岛的会晤。'];
const ARTICLE = `---\ntitle: "一"\ndate: 2023-11-20\n---\n\n${BODY.join('\n')}\n`;
const FIRST_BODY_LINE = 5;

test('the main meeting\'s lens and Compare coverage head the article; another meeting\'s lens sits at its first mention (in the reader, at the date line)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-lenses-'));
  writeFileSync(path.join(dir, 'a.md'), ARTICLE);
  const server = await startServer({ folders: [dir] });
  try {
    await server.indexed;
    const lenses = await server.request('textDocument/codeLens', { textDocument: { uri: server.uriOf('a.md') } });
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command.title, lens.command.command]),
      [
        [0, '拜登与习近平旧金山会晤 2023-11-15/16: 4 mentions here · in 1 article', 'summitLens.showReferences'],
        [0, 'Compare coverage', 'summitLens.compareCoverage'],
        [FIRST_BODY_LINE + 4, '拜登与习近平巴厘岛会晤 2022-11-14: 1 mention here · in 1 article', 'summitLens.showReferences'],
      ],
    );
    // The references view anchors where the lens is.
    assert.deepEqual(lenses[2].command.arguments[1], { line: FIRST_BODY_LINE + 4, character: 0 });

    // In the reader (title, then date · outlet, then the paragraphs) the other lens stands above the date line.
    const reader = core.readerUri(server.uriOf('a.md'));
    const text = await server.request('summitLens/virtualDocument', { uri: reader });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: reader, languageId: 'summit-article', version: 1, text } });
    const inReader = await server.request('textDocument/codeLens', { textDocument: { uri: reader } });
    assert.deepEqual(inReader.map((lens) => [lens.range.start.line, lens.command.command]), [[0, 'summitLens.showReferences'], [0, 'summitLens.compareCoverage'], [1, 'summitLens.showReferences']]);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Compare coverage lens speaks the editor\'s display language', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-lenses-'));
  writeFileSync(path.join(dir, 'a.md'), ARTICLE);
  const server = await startServer({ folders: [dir], locale: 'zh-cn' });
  try {
    await server.indexed;
    const lenses = await server.request('textDocument/codeLens', { textDocument: { uri: server.uriOf('a.md') } });
    assert.deepEqual(lenses.slice(0, 2).map((lens) => lens.command.title), ['拜登与习近平旧金山会晤 2023-11-15/16：本文 4 次 · 共 1 篇文章', '比较报道']);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
