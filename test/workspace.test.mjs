// Protocol tests of the workspace index: the real server over stdio, a temporary workspace of
// sample articles, edits and watched-file events, and the persisted cache (fresh, stale, corrupt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { core, sampleDir } from './support/core.mjs';
import { startServer } from './support/lspClient.mjs';

const FILE_CHANGE = { Created: 1, Changed: 2, Deleted: 3 };
const BIDEN_SENTENCE = '\n\n拜登当天再次发表讲话。\n';

function makeWorkspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-workspace-'));
  const folder = path.join(dir, 'corpus');
  mkdirSync(folder);
  // Written rather than copied: the samples are read-only and some tests edit the copies.
  for (const name of readdirSync(sampleDir)) writeFileSync(path.join(folder, name), readFileSync(path.join(sampleDir, name)));
  return { dir, folder, cacheDir: path.join(dir, 'storage') };
}

const uriOf = (file) => pathToFileURL(file).href;

/** A copy of one of the workspace's samples under a new name in a new subfolder; returns its path. */
function copyIntoSubfolder(folder, subfolder, name, sample) {
  const file = path.join(folder, subfolder, name);
  mkdirSync(path.dirname(file));
  writeFileSync(file, readFileSync(path.join(folder, sample)));
  return file;
}

/** What the index should answer, computed in-process from the files on disk (and any overrides). */
function expectedMentions(folder, figureId, overrides = {}) {
  const service = new core.SummitLensService({});
  const counts = {};
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (!name.endsWith('.txt')) continue;
    const uri = uriOf(file);
    const analysis = service.update(uri, overrides[uri] ?? readFileSync(file, 'utf8'));
    const here = analysis.figures.filter((mention) => mention.figureId === figureId).length;
    if (here > 0) counts[uri] = here;
  }
  return counts;
}

function countByUri(locations) {
  const counts = {};
  for (const location of locations) counts[location.uri] = (counts[location.uri] ?? 0) + 1;
  return counts;
}

/** The position of the first mention of a figure in a file, from the in-process analysis. */
function firstMention(file, figureId) {
  const analysis = core.analyzeArticle(uriOf(file), readFileSync(file, 'utf8'), new core.Knowledge({}));
  const mention = analysis.figures.find((entry) => entry.figureId === figureId);
  assert.ok(mention, `${path.basename(file)} mentions ${figureId}`);
  return mention.range.start;
}

/** Watched-file events are notifications, handled asynchronously: retry until the answer follows (or time out). */
async function eventually(check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

async function references(server, file, position) {
  return server.request('textDocument/references', { textDocument: { uri: uriOf(file) }, position, context: { includeDeclaration: true } });
}

test('references and counts follow edits, added and deleted files, without a rebuild', async () => {
  const { dir, folder, cacheDir } = makeWorkspace();
  const server = await startServer({ folders: [folder], cacheDir });
  try {
    await server.indexed;
    const anchor = path.join(folder, '004_281728caea736ce2.txt');
    const position = firstMention(anchor, 'joe-biden');
    assert.deepEqual(countByUri(await references(server, anchor, position)), expectedMentions(folder, 'joe-biden'));
    assert.ok(server.progress.some((value) => value.kind === 'begin' && /Indexing 0 \/ 4 articles/.test(value.message)), 'progress counts the articles');

    // Editing an open article re-indexes it from the editor's text.
    const edited = path.join(folder, '002_5a86c4bf7c6d1edf.txt');
    const text = readFileSync(edited, 'utf8');
    await server.notify('textDocument/didOpen', { textDocument: { uri: uriOf(edited), languageId: 'summit-article', version: 1, text } });
    await server.notify('textDocument/didChange', { textDocument: { uri: uriOf(edited), version: 2 }, contentChanges: [{ text: text + BIDEN_SENTENCE }] });
    const afterEdit = countByUri(await references(server, anchor, position));
    assert.equal(afterEdit[uriOf(edited)], expectedMentions(folder, 'joe-biden')[uriOf(edited)] + 1);
    assert.deepEqual(afterEdit, expectedMentions(folder, 'joe-biden', { [uriOf(edited)]: text + BIDEN_SENTENCE }));

    // A file added on disk joins the answers.
    const added = path.join(folder, '010_added.txt');
    writeFileSync(added, readFileSync(path.join(folder, '000_07fb47a2ebcb9afd.txt')));
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: FILE_CHANGE.Created }] });
    await eventually(async () => assert.equal(countByUri(await references(server, anchor, position))[uriOf(added)], 25));
    const hover = await server.request('textDocument/hover', { textDocument: { uri: uriOf(anchor) }, position });
    assert.match(hover.contents.value ?? hover.contents, /in 5 articles/);

    // A deleted file leaves them; the open, edited article keeps its editor text.
    const deleted = path.join(folder, '003_631281b403010862.txt');
    rmSync(deleted);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(deleted), type: FILE_CHANGE.Deleted }] });
    const afterDelete = await eventually(async () => {
      const counts = countByUri(await references(server, anchor, position));
      assert.equal(counts[uriOf(deleted)], undefined);
      return counts;
    });
    assert.deepEqual(afterDelete, expectedMentions(folder, 'joe-biden', { [uriOf(edited)]: text + BIDEN_SENTENCE }));

    // A changed file is re-read.
    writeFileSync(added, readFileSync(added, 'utf8') + BIDEN_SENTENCE);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: FILE_CHANGE.Changed }] });
    await eventually(async () => assert.equal(countByUri(await references(server, anchor, position))[uriOf(added)], 26));

    // Meeting references span the corpus too.
    const meetingFile = path.join(folder, '000_07fb47a2ebcb9afd.txt');
    const meetingRefs = await server.request('textDocument/references', { textDocument: { uri: uriOf(meetingFile) }, position: { line: 0, character: 10 }, context: { includeDeclaration: true } });
    assert.ok(meetingRefs.length > 0 && meetingRefs.some((location) => location.uri === uriOf(added)), 'the added copy mentions the same meeting');
    // Every event above touched one file: the corpus was indexed once, at start.
    assert.equal(server.logs.filter((line) => /indexed \d+ articles/.test(line)).length, 1);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file the editor names with another URI spelling (VS Code writes + as %2B) is one article, open and after closing', async () => {
  const { dir, folder, cacheDir } = makeWorkspace();
  const file = copyIntoSubfolder(folder, 'op+ed (2023)', '002_copy.txt', '002_5a86c4bf7c6d1edf.txt');
  const server = await startServer({ folders: [folder], cacheDir });
  try {
    await server.indexed;
    const anchor = path.join(folder, '004_281728caea736ce2.txt');
    const position = firstMention(anchor, 'joe-biden');
    const expected = countByUri(await references(server, anchor, position));
    assert.ok(expected[uriOf(file)] > 0);
    // How VS Code (vscode-uri) spells the same file: every reserved character percent-encoded.
    const editorUri = uriOf(file).replace(/[+()!$&'=,;@]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
    assert.notEqual(editorUri, uriOf(file));
    const text = readFileSync(file, 'utf8');
    await server.notify('textDocument/didOpen', { textDocument: { uri: editorUri, languageId: 'summit-article', version: 1, text } });
    await server.notify('textDocument/didChange', { textDocument: { uri: editorUri, version: 2 }, contentChanges: [{ text: text + BIDEN_SENTENCE }] });
    const whileOpen = countByUri(await references(server, anchor, position));
    assert.equal(Object.keys(whileOpen).length, Object.keys(expected).length, JSON.stringify(Object.keys(whileOpen)));
    assert.equal(whileOpen[uriOf(file)], expected[uriOf(file)] + 1);
    // Requests naming the editor's URI are answered for that article.
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: editorUri } });
    assert.equal(symbols.length, 1);
    // Closed unsaved: the file on disk is the article again, still once.
    await server.notify('textDocument/didClose', { textDocument: { uri: editorUri } });
    await eventually(async () => assert.deepEqual(countByUri(await references(server, anchor, position)), expected));
    // A deletion the watcher reports in the editor's spelling removes it.
    rmSync(file);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: editorUri, type: FILE_CHANGE.Deleted }] });
    await eventually(async () => assert.equal(countByUri(await references(server, anchor, position))[uriOf(file)], undefined));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a second start reuses the cache; stale entries and a corrupt cache are rebuilt, never an error', async () => {
  const { dir, folder, cacheDir } = makeWorkspace();
  const anchor = path.join(folder, '004_281728caea736ce2.txt');
  const position = firstMention(anchor, 'joe-biden');
  const run = async (check) => {
    const server = await startServer({ folders: [folder], cacheDir });
    try {
      await server.indexed;
      assert.deepEqual(countByUri(await references(server, anchor, position)), expectedMentions(folder, 'joe-biden'));
      await check?.(server);
    } finally {
      await server.stop();
    }
    assert.deepEqual(server.stderr.join(''), '', 'nothing on stderr');
    return server.logs.join('\n');
  };
  try {
    const first = await run();
    assert.match(first, /cache: no cache yet/);
    const cacheFile = path.join(cacheDir, 'analysis-cache.json');
    assert.ok(existsSync(cacheFile), 'the cache is written');

    // From the cache, every range is where a fresh analysis puts it.
    const rangesAsAnalysed = async (server) => {
      for (const location of await references(server, anchor, position)) {
        const file = fileURLToPath(location.uri);
        const analysis = core.analyzeArticle(location.uri, readFileSync(file, 'utf8'), new core.Knowledge({}));
        const ranges = [...analysis.figures.map((mention) => mention.range), ...analysis.introductions.flatMap((intro) => [intro.range, intro.nameRange])];
        assert.ok(ranges.some((range) => JSON.stringify(range) === JSON.stringify(location.range)), `${path.basename(file)} ${JSON.stringify(location.range)}`);
      }
    };
    assert.match(await run(rangesAsAnalysed), /indexed 4 articles from 4 files in [\d.]+ s \(4 from the cache/);

    // A file changed while the server was down: its stale entry is not used.
    const changed = path.join(folder, '000_07fb47a2ebcb9afd.txt');
    writeFileSync(changed, readFileSync(changed, 'utf8') + BIDEN_SENTENCE);
    assert.match(await run(), /\(3 from the cache/);

    writeFileSync(cacheFile, '{"format": "summit-lens-analysis-cache/1", "key": ');
    assert.match(await run(), /cache is corrupt/);

    writeFileSync(cacheFile, JSON.stringify({ format: 'summit-lens-analysis-cache/1', key: 'from another version', entries: {} }));
    assert.match(await run(), /cache is stale/);

    // Right key, garbage entries: each is dropped and its file analysed again.
    const valid = JSON.parse(readFileSync(cacheFile, 'utf8'));
    for (const hash of Object.keys(valid.entries)) valid.entries[hash] = { article: true, analysis: { figures: 'not a list' } };
    writeFileSync(cacheFile, JSON.stringify(valid));
    assert.match(await run(), /\(0 from the cache/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files.exclude keeps folders out of the index and out of file events', async () => {
  const { dir, folder, cacheDir } = makeWorkspace();
  const hidden = copyIntoSubfolder(folder, 'archive', '020_copy.txt', '000_07fb47a2ebcb9afd.txt');
  const server = await startServer({ folders: [folder], cacheDir, filesExclude: { '**/archive': true, '**/*.tmp': false } });
  try {
    await server.indexed;
    const anchor = path.join(folder, '004_281728caea736ce2.txt');
    const position = firstMention(anchor, 'joe-biden');
    const before = countByUri(await references(server, anchor, position));
    assert.equal(before[uriOf(hidden)], undefined);
    assert.equal(Object.keys(before).length, 4);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(hidden), type: FILE_CHANGE.Changed }] });
    assert.deepEqual(countByUri(await references(server, anchor, position)), before);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('small files indexed by worker threads each keep their own text (several share one read buffer)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-small-'));
  const names = ['王毅', '布林肯', '沙利文', '耶伦', '秦刚', '何立峰'];
  // Files this small are handed out by Node as views of one shared buffer; a worker must get only its file's bytes.
  names.forEach((name, i) =>
    writeFileSync(path.join(dir, `${i}.md`), `---\ntitle: "短讯${i}"\ndate: 2023-11-1${i}\n---\n\n${name}周三表示，拜登与习近平的会晤富有成果。\n`),
  );
  const server = await startServer({ folders: [dir], cacheDir: path.join(dir, '.storage'), env: { SUMMIT_LENS_WORKERS: '1' } });
  try {
    await server.indexed;
    for (const [i, name] of names.entries()) {
      const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(path.join(dir, `${i}.md`)) } });
      assert.equal(symbols[0]?.name, `短讯${i}`, `the outline of ${i}.md names its own title`);
      const hover = await server.request('textDocument/hover', { textDocument: { uri: uriOf(path.join(dir, `${i}.md`)) }, position: { line: 5, character: 0 } });
      assert.match(hover?.contents?.value ?? '', new RegExp(name), `${i}.md's first word is ${name}`);
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an analysis survives its stored form (cache, threads) exactly, and a malformed one is refused', () => {
  const knowledge = new core.Knowledge({});
  for (const name of readdirSync(sampleDir)) {
    const analysis = core.analyzeArticle(`file:///${name}`, readFileSync(path.join(sampleDir, name), 'utf8'), knowledge);
    const stored = JSON.stringify(core.storeAnalysis(analysis));
    assert.ok(stored.length < JSON.stringify(analysis).length * 0.8, `${name}: the stored form is shorter`);
    // As JSON carries it (a field left undefined is left out).
    assert.deepEqual({ ...core.loadAnalysis(JSON.parse(stored)), uri: analysis.uri }, JSON.parse(JSON.stringify(analysis)));
  }
  const valid = core.storeAnalysis(core.analyzeArticle('file:///x.md', readFileSync(path.join(sampleDir, readdirSync(sampleDir)[1]), 'utf8'), knowledge));
  for (const broken of [null, 'text', { ...valid, figures: 'not a list' }, { ...valid, folds: [[1, 2, 3]] }, { ...valid, learnedFigures: undefined }]) {
    assert.throws(() => core.loadAnalysis(broken), undefined, JSON.stringify(broken)?.slice(0, 60));
  }
});
