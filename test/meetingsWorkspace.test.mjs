// A workspace's own meeting between other participants (a Blinken–Wang Yi meeting), over the real
// LSP protocol: it links from plain prose exactly as a built-in meeting does, with the hover's
// "Resolved by" cue, references and the code lens; the built-in Trump–Xi meetings link alongside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sliceRange } from './support/core.mjs';
import { startServer, positionOf } from './support/lspClient.mjs';

const meetingsYaml = `meetings:
  - id: 2023-06-19-blinken-wang
    date: 2023-06-18
    beijingDate: 2023-06-19
    kind: in-person
    title: {zh: 布林肯与王毅北京会谈, en: Blinken–Wang Yi talks in Beijing}
    place: {zh: 北京钓鱼台, en: Diaoyutai State Guesthouse, Beijing}
    placeNames: [钓鱼台]
    participants: [antony-blinken, wang-yi]
    aliases: [布王会]
    summary: {en: The US secretary of state met China's top diplomat in Beijing during his visit of June 2023.}
`;

const article = `---
title: 布林肯访华
date: 2023-06-20
---
<p>美国国务卿布林肯与王毅周一在钓鱼台会谈，双方同意稳定关系。</p>
<p>特朗普与习近平2019年6月在大阪会晤。</p>
`;

let workspace;
let server;

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'summit-lens-meetings-'));
  mkdirSync(path.join(workspace, '.summit-lens'));
  writeFileSync(path.join(workspace, '.summit-lens', 'meetings.yaml'), meetingsYaml);
  writeFileSync(path.join(workspace, 'blinken.md'), article);
  server = await startServer({ folders: [workspace], cacheDir: path.join(workspace, '.cache-for-test') });
  await server.indexed;
});

after(async () => {
  await server?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('a workspace meeting between other participants links from prose, and the hover says what resolved it', async () => {
  const uri = server.uriOf('blinken.md');
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(article, '会谈') });
  assert.ok(hover, 'the mention has a hover');
  assert.match(hover.contents.value, /布林肯与王毅北京会谈/);
  assert.match(hover.contents.value, /Resolved by: .*place 钓鱼台/);
  // The local day, with Beijing's where it differs.
  assert.match(hover.contents.value, /2023-06-18 \(Beijing 2023-06-19\)/);
  // The mention takes in the date and place written before it.
  assert.equal(sliceRange(article, hover.range), '周一在钓鱼台会谈');
});

test('the code lens lists both the workspace meeting and the built-in Osaka meeting', async () => {
  const uri = server.uriOf('blinken.md');
  const lenses = await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  const titles = lenses.map((lens) => lens.command?.title ?? '').join(' | ');
  assert.match(titles, /布林肯与王毅北京会谈 2023-06-18\/19/);
  assert.match(titles, /2019-06-29/);
});

test("references of the workspace meeting find its mentions: the talks, and the title's visit (访华 names the host, Wang Yi)", async () => {
  const uri = server.uriOf('blinken.md');
  const locations = await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: positionOf(article, '会谈'), context: { includeDeclaration: true } });
  assert.deepEqual(locations.map((location) => sliceRange(article, location.range)), ['访华', '周一在钓鱼台会谈']);
});
