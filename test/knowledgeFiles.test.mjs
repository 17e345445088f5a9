// The workspace's own figure file over the protocol: merged over the built-ins, reloaded on
// change, and a bad entry reported on its line while the good ones still work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, positionOf } from './support/lspClient.mjs';

const article = '---\ntitle: 测试文章\ndate: 2023-11-16\n---\n<p>白宫顾问张三丰说，拜登与习近平的会晤很成功。</p>\n';

test('.summit-lens/figures.yaml adds people, reports bad entries on their line, and reloads on change', async () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'summit-lens-knowledge-'));
  const figuresFile = path.join(workspace, '.summit-lens', 'figures.yaml');
  mkdirSync(path.dirname(figuresFile));
  writeFileSync(path.join(workspace, 'a.md'), article);
  writeFileSync(figuresFile, '- id: zhang-sanfeng\n  en: Zhang Sanfeng\n  zh: 张三丰\n  names: [张三丰]\n- en: Nobody\n  zh: 无名\n');
  const server = await startServer({ folders: [workspace], cacheDir: path.join(workspace, '.cache-for-test') });
  try {
    await server.indexed;
    const uri = server.uriOf('a.md');
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(article, '张三丰') });
    assert.match(hover?.contents.value ?? '', /Zhang Sanfeng/);
    const problems = server.diagnostics.get(pathToFileURL(figuresFile).href) ?? [];
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0].message, /no "id"/);
    assert.equal(problems[0].range.start.line, 4);

    // The user fixes the file: the server reloads it and the diagnostic goes away.
    writeFileSync(figuresFile, '- id: zhang-sanfeng\n  en: Zhang San-feng\n  zh: 张三丰\n  names: [张三丰]\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(figuresFile).href, type: 2 }] });
    const deadline = Date.now() + 10_000;
    let value = '';
    while (Date.now() < deadline) {
      const again = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(article, '张三丰') });
      value = again?.contents.value ?? '';
      if (/Zhang San-feng/.test(value)) break;
    }
    assert.match(value, /Zhang San-feng/);
    assert.deepEqual(server.diagnostics.get(pathToFileURL(figuresFile).href), []);
    // Every article is analysed again with the new knowledge, with progress shown as at start.
    const begins = () => server.progress.filter((report) => report.kind === 'begin').length;
    const ends = () => server.progress.filter((report) => report.kind === 'end').length;
    const until = Date.now() + 10_000;
    while ((begins() < 2 || ends() < 2) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(begins(), 2, JSON.stringify(server.progress));
    assert.equal(ends(), 2);
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});
