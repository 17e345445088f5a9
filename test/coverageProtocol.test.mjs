// The comparison over LSP: the server reads each article's sentences through the reading room's parses,
// and an article open in the editor is compared as the editor holds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startServer } from './support/lspClient.mjs';

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
