// The comparison over LSP: the server reads each article's sentences through the reading room's parses,
// and an article open in the editor is compared as the editor holds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { positionOf, startServer } from './support/lspClient.mjs';

const ARTICLE = '---\ntitle: 旧金山会晤\ndate: 2023-11-16\noutlet: 测试社\n---\n\n美国总统拜登与中国国家主席习近平15日在旧金山会晤。\n';

test('summitLens/coverage groups an article by outlet with its sentence, from the editor\'s text when open', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-coverage-'));
  writeFileSync(path.join(dir, 'a.md'), ARTICLE);
  const server = await startServer({ folders: [dir] });
  try {
    await server.indexed;
    const sentences = async () => {
      const answer = await server.request('summitLens/coverage', { meetingId: '2023-11-15-woodside' });
      return answer.outlets.flatMap((outlet) => outlet.articles.flatMap((article) => article.sentences.map((sentence) => sentence.text)));
    };
    // The title's mention, then the body's.
    assert.deepEqual(await sentences(), ['旧金山会晤 美国总统拜登与中国国家主席习近平15日在旧金山会晤。', '美国总统拜登与中国国家主席习近平15日在旧金山会晤。']);
    // Unsaved edits are what the comparison shows.
    await server.open('a.md', ARTICLE.replace('美国总统拜登', '拜登总统'));
    await server.request('textDocument/documentSymbol', { textDocument: { uri: server.uriOf('a.md') } });
    assert.deepEqual(await sentences(), ['旧金山会晤 拜登总统与中国国家主席习近平15日在旧金山会晤。', '拜登总统与中国国家主席习近平15日在旧金山会晤。']);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a hover on a meeting mention links to its comparison only for a client that declared the command', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-coverage-hover-'));
  writeFileSync(path.join(dir, 'a.md'), ARTICLE);
  const options = (commandLinks) => ({ summitLens: { corpus: [] }, files: { exclude: {} }, ...(commandLinks ? { commandLinks } : {}) });
  const vscodeLike = await startServer({ folders: [dir], initializationOptions: options(['summitLens.compareCoverage']) });
  const chinese = await startServer({ folders: [dir], locale: 'zh-tw', initializationOptions: options(['summitLens.compareCoverage']) });
  const other = await startServer({ folders: [dir], initializationOptions: options() });
  try {
    await Promise.all([vscodeLike.indexed, chinese.indexed, other.indexed]);
    const hover = async (server, needle, occurrence = 1) => (await server.request('textDocument/hover', { textDocument: { uri: server.uriOf('a.md') }, position: positionOf(ARTICLE, needle, occurrence) }))?.contents.value;
    const link = '[Compare coverage](command:summitLens.compareCoverage?%5B%222023-11-15-woodside%22%5D)';
    const meeting = await hover(vscodeLike, '会晤');
    assert.ok(meeting.endsWith(` · ${link}`), meeting);
    assert.ok((await hover(chinese, '会晤')).endsWith(' · [比較報導](command:summitLens.compareCoverage?%5B%222023-11-15-woodside%22%5D)'));
    // A client that declared nothing gets the same hover without the link; a person's hover never has one.
    assert.equal(await hover(other, '会晤'), meeting.slice(0, -` · ${link}`.length));
    assert.doesNotMatch(await hover(vscodeLike, '拜登', 0), /command:/);
  } finally {
    await Promise.all([vscodeLike.stop(), chinese.stop(), other.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
});
