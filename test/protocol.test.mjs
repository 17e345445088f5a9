// The built language server over the real LSP protocol on stdio, on a copy of the sample corpus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sampleDir, seed, sliceRange } from './support/core.mjs';
import { startServer, positionOf } from './support/lspClient.mjs';

let workspace;
let server;
const seed003 = seed('003');
const seed002 = seed('002');

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'summit-lens-protocol-'));
  cpSync(sampleDir, workspace, { recursive: true });
  server = await startServer({ folders: [workspace], cacheDir: path.join(workspace, '.cache-for-test') });
  await server.indexed;
});

after(async () => {
  await server?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('initialize advertises the features users rely on', () => {
  const capabilities = server.initialize.capabilities;
  for (const name of ['documentSymbolProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'workspaceSymbolProvider', 'foldingRangeProvider', 'codeLensProvider', 'inlayHintProvider']) {
    assert.ok(capabilities[name], name);
  }
});

test('documentSymbol returns the article, its metadata and its sections with exact ranges', async () => {
  const uri = server.uriOf(seed003.name);
  const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols.length, 1);
  const article = symbols[0];
  assert.equal(article.name, '中美关系：习近平与拜登周二举行视频会晤 两国紧张关系能否降温？');
  // The outlet's display name comes from the outlet table (server/data), so only the date is pinned here.
  assert.match(article.detail, /^2021-11-13 · \S/);
  assert.equal(sliceRange(seed003.text, article.selectionRange), article.name);
  const names = article.children.map((child) => child.name);
  assert.equal(names[0], 'Metadata');
  const metadata = article.children[0].children.map((child) => child.name);
  assert.deepEqual([metadata[0], metadata[2]], ['2021-11-13', 'https://www.bbc.com/zhongwen/simp/world-59259316']);
  for (const section of ['时机和背景的考虑', '台湾议题如何谈']) {
    const symbol = article.children.find((child) => child.name === section);
    assert.ok(symbol, `${section} in ${names}`);
    assert.match(sliceRange(seed003.text, symbol.selectionRange), new RegExp(section));
  }
  assert.ok(names.includes('Meetings'), 'the outline lists the meetings mentioned');
});

test('hover on 拜登 says who he is and what he was at the article date', async () => {
  const position = positionOf(seed002.text, '拜登', 3);
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uriOf(seed002.name) }, position });
  assert.match(hover.contents.value, /Joe Biden/);
  assert.match(hover.contents.value, /President of the United States/);
  assert.equal(sliceRange(seed002.text, hover.range), '拜登');
});

test('hover on 何瑞恩 shows how this article introduces him', async () => {
  const position = positionOf(seed002.text, '何瑞恩');
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uriOf(seed002.name) }, position });
  assert.match(hover.contents.value, /Ryan Hass/);
  assert.match(hover.contents.value, /布鲁金斯学会/);
});

test('definition of a figure goes to the introduction in the article', async () => {
  const position = positionOf(seed002.text, '何瑞恩');
  const [location] = await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: server.uriOf(seed002.name) }, position });
  assert.equal(location.uri, server.uriOf(seed002.name));
  assert.equal(sliceRange(seed002.text, location.range), '何瑞恩');
});

test('references on 拜登 span every sample article, each range on the exact name', async () => {
  const position = positionOf(seed003.text, '拜登', 2);
  const locations = await server.connection.sendRequest('textDocument/references', { textDocument: { uri: server.uriOf(seed003.name) }, position, context: { includeDeclaration: true } });
  const files = new Set(locations.map((location) => path.basename(new URL(location.uri).pathname)));
  assert.equal(files.size, 4);
  for (const location of locations.slice(0, 40)) {
    const text = readFileSync(new URL(location.uri), 'utf8');
    assert.match(sliceRange(text, location.range), /拜登|Biden|拜习|习拜/);
  }
});

test('references on a meeting mention reach other articles that mean the same meeting', async () => {
  const seed000 = seed('000');
  const position = positionOf(seed000.text, '周三的习拜会');
  const locations = await server.connection.sendRequest('textDocument/references', { textDocument: { uri: server.uriOf(seed000.name) }, position: { line: position.line, character: position.character + 4 }, context: { includeDeclaration: true } });
  const files = new Set(locations.map((location) => path.basename(new URL(location.uri).pathname).slice(0, 3)));
  assert.ok(files.has('000') && files.has('002') && files.has('004'), [...files].join());
  assert.ok(!files.has('003'), 'the 2021 article does not mention the 2023 meeting');
});

test('definition of a meeting opens its catalogue document, which lists the articles', async () => {
  const seed000 = seed('000');
  const position = positionOf(seed000.text, '周三的习拜会');
  const [location] = await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: server.uriOf(seed000.name) }, position });
  assert.equal(location.uri, 'summit-lens:/meetings/2023-11-15-woodside.md');
  const text = await server.connection.sendRequest('summitLens/virtualDocument', { uri: location.uri });
  assert.match(text, /2023-11-15/);
  assert.match(text, /Woodside/);
  assert.match(text, /分析：拜登习近平11月会谈的背后原因/);
});

test('workspace symbols find figures by either script and meetings by place', async () => {
  const traditional = await server.connection.sendRequest('workspace/symbol', { query: '習近平' });
  assert.ok(traditional.some((symbol) => /Xi Jinping/.test(symbol.name)));
  const bali = await server.connection.sendRequest('workspace/symbol', { query: '峇里島' });
  assert.ok(bali.some((symbol) => /2022-11-14/.test(symbol.name)), JSON.stringify(bali.map((symbol) => symbol.name)));
});

test('editing an open article re-indexes it and cross-file references follow', async () => {
  const uri = server.uriOf(seed003.name);
  await server.open(seed003.name, seed003.text);
  const before = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(seed003.text, '华春莹'), context: { includeDeclaration: true } });
  const edited = `${seed003.text}\n<p>中国外交部发言人华春莹再次表示欢迎。</p>\n`;
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
  const after = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(edited, '华春莹'), context: { includeDeclaration: true } });
  assert.equal(after.length, before.length + 1);
});

test('typing Chinese into an open article moves every later range with it (incremental changes)', async () => {
  const uri = server.uriOf(seed002.name);
  await server.open(seed002.name, seed002.text);
  const target = positionOf(seed002.text, '何瑞恩');
  const before = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: target, context: { includeDeclaration: true } });
  // Two characters typed, one at a time, right before the name on its line.
  let text = seed002.text;
  const lines = text.split('\n');
  for (const [version, character] of [[2, target.character], [3, target.character + 1]]) {
    const at = { line: target.line, character };
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: '的' }] });
    lines[target.line] = lines[target.line].slice(0, character) + '的' + lines[target.line].slice(character);
  }
  text = lines.join('\n');
  const moved = { line: target.line, character: target.character + 2 };
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: moved });
  assert.equal(sliceRange(text, hover.range), '何瑞恩');
  const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(sliceRange(text, symbols[0].selectionRange), symbols[0].name);
  const after = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: moved, context: { includeDeclaration: true } });
  assert.equal(after.length, before.length);
  for (const location of after.filter((location) => location.uri === uri)) assert.match(sliceRange(text, location.range), /^(?:何瑞恩|Ryan Hass)$/);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('markup typed deep in an open article (a line break, a tag) moves every later range with it', async () => {
  const uri = server.uriOf(seed003.name);
  const start = seed003.text.indexOf('拜登', 6000);
  assert.ok(start > 0);
  await server.open(seed003.name, seed003.text);
  const before = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(seed003.text, '拜登'), context: { includeDeclaration: true } });
  // Enter, then `<br>`, typed right before a later 拜登, each as an incremental change.
  const lineStart = seed003.text.lastIndexOf('\n', start - 1) + 1;
  const at = { line: seed003.text.slice(0, lineStart).split('\n').length - 1, character: start - lineStart };
  let text = seed003.text;
  const lines = text.split('\n');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: '\n' }] });
  lines.splice(at.line, 1, lines[at.line].slice(0, at.character), lines[at.line].slice(at.character));
  const next = { line: at.line + 1, character: 0 };
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: next, end: next }, text: '<br>' }] });
  lines[at.line + 1] = `<br>${lines[at.line + 1]}`;
  text = lines.join('\n');
  const moved = { line: at.line + 1, character: 4 };
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: moved });
  assert.match(sliceRange(text, hover.range), /^拜登/);
  const after = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: moved, context: { includeDeclaration: true } });
  assert.equal(after.length, before.length);
  for (const location of after.filter((location) => location.uri === uri)) assert.match(sliceRange(text, location.range), /拜登|Biden|拜/);
  const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  for (const symbol of symbols.flatMap((symbol) => [symbol, ...(symbol.children ?? [])])) assert.ok(sliceRange(text, symbol.selectionRange).length > 0, symbol.name);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('inlay hints resolve relative dates, and code lenses list the meetings', async () => {
  const seed000 = seed('000');
  const uri = server.uriOf(seed000.name);
  const hints = await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
  assert.ok(hints.some((hint) => hint.label === '→ 2023-11-15'), JSON.stringify(hints.slice(0, 3)));
  const lenses = await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  assert.ok(lenses.some((lens) => /2023-11-15/.test(lens.command.title) && lens.command.command === 'summitLens.showReferences'));
});

test('a folder added to the workspace is indexed without a restart', async () => {
  const extra = mkdtempSync(path.join(tmpdir(), 'summit-lens-extra-'));
  try {
    const text = '---\ntitle: 新加的文章\ndate: 2022-11-15\n---\n<p>中国外交部发言人华春莹说，巴厘岛会晤很成功。</p>\n';
    writeFileSync(path.join(extra, 'added.md'), text);
    const uri = server.uriOf(seed003.name);
    const position = positionOf(seed003.text, '华春莹');
    const before = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(extra).href, name: 'extra' }], removed: [] } });
    const deadline = Date.now() + 10_000;
    let after = before;
    while (after.length === before.length && Date.now() < deadline) {
      after = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    }
    assert.ok(after.some((location) => location.uri === pathToFileURL(path.join(extra, 'added.md')).href), JSON.stringify(after.map((location) => location.uri)));
  } finally {
    rmSync(extra, { recursive: true, force: true });
  }
});
