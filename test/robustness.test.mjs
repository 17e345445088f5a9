// Bad input over the protocol: a workspace full of broken files still indexes, the server
// reports what is wrong in diagnostics, and every good article keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sampleDir, seed } from './support/core.mjs';
import { positionOf, startServer } from './support/lspClient.mjs';

test('broken, binary, empty, huge and legacy-encoded files never take the server down', async () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'summit-lens-robust-'));
  const good = seed('002');
  copyFileSync(path.join(sampleDir, good.name), path.join(workspace, good.name));
  writeFileSync(path.join(workspace, 'empty.md'), '');
  writeFileSync(path.join(workspace, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  // A small article saved in GB18030, as older Chinese pages are: front matter, then 拜登会见习近平。
  writeFileSync(path.join(workspace, 'legacy.txt'), Buffer.from('2d2d2d0a7469746c653a20bec9cec40a646174653a20323032312d31312d31360a2d2d2d0a3c703eb0ddb5c7bbe1bcfbcfb0bdfcc6bda1a33c2f703e0a', 'hex'));
  const broken = '---\ntitle: "未闭合\ndate: [2023\n---\n<div><p>拜登<b>习近平' + '<div>'.repeat(5000);
  writeFileSync(path.join(workspace, 'broken.md'), broken);
  const paragraph = '<p>拜登与习近平在旧金山会晤。</p>\n';
  writeFileSync(path.join(workspace, 'huge.md'), `---\ntitle: 大文件\ndate: 2023-11-16\n---\n${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}`);
  const server = await startServer({ folders: [workspace] });
  try {
    await server.indexed;
    // An editor opens the broken article: the server says what is wrong instead of failing.
    await server.open('broken.md', broken);
    const deadline = Date.now() + 10_000;
    while (!server.diagnostics.has(server.uriOf('broken.md')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const problems = server.diagnostics.get(server.uriOf('broken.md')) ?? [];
    assert.ok(problems.some((problem) => /not valid YAML/.test(problem.message) && problem.severity === 1), JSON.stringify(problems));
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uriOf('broken.md') } });
    assert.equal(symbols.length, 1, 'the broken article still has an outline');
    await server.open('binary.html', '\u0000PNG');
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: server.uriOf(good.name) }, position: positionOf(good.text, '拜登', 2) });
    assert.match(hover.contents.value, /Joe Biden/);
    const references = await server.connection.sendRequest('textDocument/references', { textDocument: { uri: server.uriOf(good.name) }, position: positionOf(good.text, '习近平', 2), context: { includeDeclaration: true } });
    const files = new Set(references.map((location) => path.basename(new URL(location.uri).pathname)));
    for (const file of [good.name, 'legacy.txt']) assert.ok(files.has(file), `${file} in ${[...files]}`);
    // The 5 MB file is past the analysis limit: outlined only, and it says so.
    assert.ok(!files.has('huge.md'));
    const hugeProblems = server.diagnostics.get(server.uriOf('huge.md')) ?? [];
    assert.ok(hugeProblems.some((problem) => /only its outline is shown/.test(problem.message) && problem.severity === 2), JSON.stringify(hugeProblems));
    const hugeSymbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uriOf('huge.md') } });
    assert.equal(hugeSymbols[0].name, '大文件');
    assert.equal(server.child.exitCode, null, 'the server is still running');
    assert.deepEqual(server.stderr, []);
  } finally {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});
