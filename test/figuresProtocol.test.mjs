// A learned person over the real LSP protocol: a hover in a traditional-script article shows the
// name in that script and says where the person was learned from; workspace symbols find them
// whichever script the query is in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startServer, positionOf } from './support/lspClient.mjs';

const ARTICLE = ['---', 'title: 拜習會前瞻', 'date: 2023-11-14', '---', '', '（中央社記者張淑伶綜合報導）美國總統拜登與中國國家主席習近平將會晤。', '', '張淑伶指出，雙方都有需要。', ''].join('\n');
let workspace;
let server;

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'summit-lens-figures-protocol-'));
  writeFileSync(path.join(workspace, 'trad.md'), ARTICLE);
  server = await startServer({ folders: [workspace], cacheDir: path.join(workspace, '.cache-for-test') });
  await server.indexed;
});

after(async () => {
  await server?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('hover on a learned person in a traditional article: the name in that script, and why', async () => {
  const position = positionOf(ARTICLE, '張淑伶', 1);
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uriOf('trad.md') }, position });
  const lines = hover.contents.value.split('\n');
  assert.equal(lines[0], '**張淑伶**');
  assert.ok(!hover.contents.value.includes('张淑伶'), 'no simplified name in a traditional article');
  assert.equal(lines[2], 'Introduced here as: «中央社記者張淑伶»');
  assert.equal(lines[4], '_Not in the catalogue; learned from the introduction above._');
});

test('workspace symbols find a learned person in either script', async () => {
  for (const query of ['張淑伶', '张淑伶']) {
    const symbols = await server.connection.sendRequest('workspace/symbol', { query });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['张淑伶'], query);
  }
});
