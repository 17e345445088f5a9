// Semantic highlighting: people, meetings and resolved dates as tokens that slice to exactly what they name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { core } from './support/core.mjs';
import { startServer } from './support/lspClient.mjs';

const ARTICLE = [
  '---',
  'title: 拜登与习近平在旧金山会晤',
  'date: 2023-11-17',
  '---',
  '',
  '美国总统拜登与中国国家主席习近平周三在旧金山会晤。',
  '美国智库布鲁金斯学会高级研究员、中国通贺文森（Vincent Hall）表示，拜习会有助稳定关系。',
  '白宫周四发表声明。',
  '',
].join('\n');

/** Decodes the LSP wire form back into [line, character, text, type, modifiers] using the legend. */
function decode(data, legend, lines) {
  const tokens = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    tokens.push([line, character, lines[line].slice(character, character + data[i + 2]), legend.tokenTypes[data[i + 3]], modifiers.join(',')]);
  }
  return tokens;
}

test('tokens slice to the names, meeting mentions and dates, one token per character', () => {
  const lens = core.createSummitLens();
  const analysis = lens.analyze('file:///a.md', ARTICLE);
  const tokens = core.semanticTokensOf(analysis);
  const lines = ARTICLE.split('\n');
  const seen = tokens.map((t) => [t.line, lines[t.line].slice(t.character, t.character + t.length), t.type, t.modifiers.join(',')]);
  assert.deepEqual(seen, [
    [1, '拜登', 'person', 'catalogue'],
    [1, '习近平', 'person', 'catalogue'],
    [1, '旧金山会晤', 'meeting', 'linked'],
    [5, '拜登', 'person', 'catalogue'],
    [5, '习近平', 'person', 'catalogue'],
    // The date 周三 lies inside the meeting mention and is coloured as part of it.
    [5, '周三在旧金山会晤', 'meeting', 'linked'],
    [6, '贺文森', 'person', 'learned'],
    [6, 'Vincent Hall', 'person', 'learned'],
    [6, '拜习会', 'meeting', 'linked'],
    [7, '周四', 'date', 'resolved'],
  ]);
  // The compound 拜习会 names Biden and Xi too, but is coloured once, as the meeting.
  assert.equal(seen.filter(([line, text]) => line === 6 && text.includes('拜')).length, 1);
  for (let i = 1; i < tokens.length; i++) {
    const [a, b] = [tokens[i - 1], tokens[i]];
    assert.ok(a.line < b.line || a.character + a.length <= b.character, 'tokens never overlap');
  }
});

test('a range request returns only the tokens of that range, and the wire form decodes to the same tokens', () => {
  const lens = core.createSummitLens();
  const analysis = lens.analyze('file:///a.md', ARTICLE);
  const all = core.semanticTokensOf(analysis);
  const line6 = core.semanticTokensOf(analysis, { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } });
  assert.deepEqual(line6, all.filter((t) => t.line === 6));
  assert.ok(line6.length >= 1);
  const legend = { tokenTypes: [...core.SEMANTIC_TOKEN_TYPES], tokenModifiers: [...core.SEMANTIC_TOKEN_MODIFIERS] };
  const decoded = decode(core.encodeSemanticTokens(all), legend, ARTICLE.split('\n'));
  assert.deepEqual(decoded, all.map((t) => [t.line, t.character, ARTICLE.split('\n')[t.line].slice(t.character, t.character + t.length), t.type, t.modifiers.join(',')]));
});

test('over LSP, semantic tokens slice to the names and turn off with the setting', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-tokens-'));
  writeFileSync(path.join(dir, 'a.md'), ARTICLE);
  const server = await startServer({ folders: [dir] });
  try {
    await server.indexed;
    const legend = server.initialize.capabilities.semanticTokensProvider.legend;
    const uri = server.uriOf('a.md');
    const { data } = await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decode(data, legend, ARTICLE.split('\n'));
    assert.deepEqual(tokens.filter(([line, , , type]) => line === 5 && type === 'person').map(([, , text]) => text), ['拜登', '习近平']);
    assert.ok(tokens.some(([line, , text, type]) => line === 6 && text === '拜习会' && type === 'meeting'));
    await server.notify('workspace/didChangeConfiguration', { settings: { summitLens: { corpus: [], semanticHighlighting: { enabled: false } }, files: { exclude: {} } } });
    assert.deepEqual((await server.request('textDocument/semanticTokens/full', { textDocument: { uri } })).data, []);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
