// One engine: the CLI and the language server choose the same files and report the same
// problems (on the dev set, when ../shared is present), and a throwing analysis is a problem on
// its article at every door, never a crash or an aborted run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { core, devFolder, root, sampleDir, seed } from './support/core.mjs';
import { startServer } from './support/lspClient.mjs';

const cli = path.join(root, 'dist/cli.js');

/** Runs the CLI in this process (so an injected fault reaches it), analysing in this thread. */
async function runCliHere(args) {
  const out = [];
  const err = [];
  const workers = process.env.SUMMIT_LENS_WORKERS;
  process.env.SUMMIT_LENS_WORKERS = '0';
  try {
    const status = await core.runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    if (workers === undefined) delete process.env.SUMMIT_LENS_WORKERS;
    else process.env.SUMMIT_LENS_WORKERS = workers;
  }
}

test('an analysis that throws is a problem on that article; the CLI run goes on and reports the rest', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-fault-'));
  try {
    copyFileSync(path.join(sampleDir, seed('002').name), path.join(dir, 'a-good.md'));
    // Other content than a-good.md's: the same bytes would be answered from the index's cache.
    writeFileSync(path.join(dir, 'b-throws.md'), `${seed('002').text}\n`);
    core.injectAnalysisFault((uri) => {
      if (uri.endsWith('b-throws.md')) throw new Error('injected fault');
    });
    const index = await runCliHere(['index', dir, '--json']);
    assert.equal(index.status, 0, index.stderr);
    const articles = JSON.parse(index.stdout).articles;
    assert.deepEqual(articles.map((article) => article.path), ['a-good.md', 'b-throws.md']);
    assert.equal(articles[0].title, '分析：拜登习近平11月会谈的背后原因');
    assert.deepEqual(articles[1].problems.map((problem) => problem.severity), ['error']);
    assert.match(articles[1].problems[0].message, /could not analyse this article \(injected fault\)/);
    const check = await runCliHere(['check', dir]);
    assert.equal(check.status, 1);
    assert.match(check.stdout, /^b-throws\.md:1:1: error: Summit Lens could not analyse this article \(injected fault\)/m);
  } finally {
    core.injectAnalysisFault(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the editor door: a throwing analysis of an open article is a problem, and the next edit is analysed again', () => {
  const lens = core.createSummitLens();
  const uri = 'file:///open.md';
  const text = seed('002').text;
  core.injectAnalysisFault(() => {
    throw new Error('while typing');
  });
  try {
    const failed = lens.update(uri, text);
    assert.equal(failed.problems.length, 1);
    assert.match(failed.problems[0].message, /\(while typing\)/);
    assert.equal(lens.analysis(uri), failed, 'the article is in the index with its problem');
    assert.match(lens.store('file:///disk.md', text).problems[0].message, /while typing/);
  } finally {
    core.injectAnalysisFault(undefined);
  }
  const healed = lens.update(uri, `${text}\n`);
  assert.equal(healed.title, '分析：拜登习近平11月会谈的背后原因');
  assert.ok(healed.figures.length > 10);
});

test('the facade is frozen, and new knowledge reaches the open articles and every listener in one call', () => {
  const lens = core.createSummitLens();
  assert.ok(Object.isFrozen(lens));
  assert.equal(lens.index, undefined, 'the index is private');
  assert.equal(lens.knowledge, undefined, 'the knowledge is private');
  const uri = 'file:///a.md';
  const article = '---\ntitle: 测试文章\ndate: 2023-11-16\n---\n<p>白宫顾问张三丰说，拜登与习近平的会晤很成功。</p>\n';
  lens.update(uri, article);
  assert.ok(!lens.analysis(uri).figures.some((mention) => mention.figureId === 'zhang-sanfeng'));
  const heard = [];
  lens.onDidChangeKnowledge((source) => heard.push(source));
  const source = { workspaceFigures: '- id: zhang-sanfeng\n  en: Zhang Sanfeng\n  zh: 张三丰\n  names: [张三丰]\n' };
  lens.setKnowledge(source);
  assert.deepEqual(heard, [source]);
  assert.ok(lens.analysis(uri).figures.some((mention) => mention.figureId === 'zhang-sanfeng'), 'the open article is analysed again');
});

/** `path:line:column: severity: message` lines of `summit-lens check`, as a set per file. */
function checkLines(stdout) {
  const byFile = new Map();
  for (const line of stdout.split('\n')) {
    const match = /^(.+?):(\d+):(\d+): (error|warning|information): (.*)$/.exec(line);
    if (!match) continue;
    const [, file, row, column, severity, message] = match;
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(`${row}:${column} ${severity} ${message}`);
  }
  for (const list of byFile.values()) list.sort();
  return byFile;
}

const SEVERITY_NAMES = { 1: 'error', 2: 'warning', 3: 'information' };

test('on the dev set, the CLI and the editor index the same files and report the same problems', { skip: devFolder ? false : 'the dev corpus (../shared/corpus/dev) is not present' }, async () => {
  const json = spawnSync(process.execPath, [cli, 'index', devFolder, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(json.status, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  const cliFiles = report.articles.map((article) => article.path).sort();
  const check = spawnSync(process.execPath, [cli, 'check', devFolder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const cliProblems = checkLines(check.stdout);

  // Answers checked by hand, so agreement cannot hide a shared mistake.
  const oped = report.articles.find((article) => article.path === 'NodeBE4+oped2/1048069_特朗普签署《香港自治法案》，白宫演说猛批中国与拜登.md');
  assert.equal(oped.title, '特朗普签署《香港自治法案》，白宫演说猛批中国与拜登');
  assert.equal(oped.date, '2020-07-15');
  assert.deepEqual(oped.figures[0], { id: 'donald-trump', name: 'Donald Trump', nameZh: '特朗普', text: '特朗普', range: { start: { line: 1, character: 1 }, end: { line: 1, character: 4 } } });

  const cacheDir = mkdtempSync(path.join(tmpdir(), 'summit-lens-dev-cache-'));
  const server = await startServer({ folders: [devFolder], cacheDir });
  try {
    await server.indexed;
    // The same files: every article the CLI lists has an outline in the editor, and no other file has one.
    const editorFiles = [];
    for (const file of spawnSync('find', [devFolder, '-type', 'f'], { encoding: 'utf8' }).stdout.trim().split('\n')) {
      const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: pathToFileURL(file).href } });
      if (symbols.length > 0) editorFiles.push(path.relative(devFolder, file).split(path.sep).join('/'));
    }
    assert.deepEqual(editorFiles.sort(), cliFiles);
    // The same problems, published for every article that has any.
    const expectedCount = cliProblems.size;
    const deadline = Date.now() + 20_000;
    while (server.diagnostics.size < expectedCount && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const editorProblems = new Map();
    for (const [uri, diagnostics] of server.diagnostics) {
      if (diagnostics.length === 0) continue;
      const file = path.relative(devFolder, new URL(uri).pathname).split(path.sep).join('/');
      editorProblems.set(
        decodeURIComponent(file),
        diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${SEVERITY_NAMES[diagnostic.severity]} ${diagnostic.message}`).sort(),
      );
    }
    assert.deepEqual(new Map([...editorProblems].sort()), new Map([...cliProblems].sort()));
  } finally {
    await server.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a file event, a document or a folder with a URI that names no local file is ignored with a log line', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-uris-'));
  writeFileSync(path.join(dir, 'a.md'), seed('002').text);
  const bad = ['file://host/share/x.md', 'file:///%', 'file:///x/a%2Fb.md'];
  const server = await startServer({ folders: [dir], cacheDir: path.join(dir, '.cache') });
  try {
    await server.indexed;
    await server.notify('workspace/didChangeWatchedFiles', { changes: bad.map((uri) => ({ uri, type: 2 })) });
    for (const uri of bad) {
      await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'summit-article', version: 1, text: '拜登' } });
      assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
      await server.notify('textDocument/didClose', { textDocument: { uri } });
    }
    await server.notify('workspace/didChangeWorkspaceFolders', { event: { added: bad.map((uri) => ({ uri, name: 'x' })), removed: [] } });
    // Still alive and answering for the good article.
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: server.uriOf('a.md') } });
    assert.equal(symbols[0].name, '分析：拜登习近平11月会谈的背后原因');
    for (const uri of bad) assert.ok(server.logs.some((line) => line.includes(`ignores ${uri}`)), `${uri} is logged`);
    assert.equal(server.child.exitCode, null);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
