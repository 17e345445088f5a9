// Reading from disk. The analysis cache is data like any other: made-up ranges are not served, a
// file rewritten with its size and modification time kept is read again, and a relative cache
// location is refused rather than written beside whatever folder the server started in. A file
// swapped for a FIFO or grown past the limit after its check is still refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { core, root } from './support/core.mjs';

/** The server's io modules, bundled for the test (the core bundle has no file access by design). */
async function loadIo() {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'summit-lens-io-')), 'io.cjs');
  await build({
    stdin: { contents: "export * from './server/src/io/analysisCache'; export * from './server/src/io/readArticleFile';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'error',
    // The core comes from its own bundle, as in the server.
    plugins: [{ name: 'core-bundle', setup: (build) => build.onResolve({ filter: /[\\/]core[\\/]/ }, () => ({ path: path.join(root, 'dist/core.js'), external: true })) }],
  });
  return createRequire(import.meta.url)(out);
}
const io = await loadIo();

const text = '---\ntitle: 测试\ndate: 2023-11-16\n---\n<p>拜登与习近平会晤。</p>\n';

test('a cached analysis whose ranges lie outside its file is not served; a sound one is', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-cache-'));
  try {
    const analysis = core.createSummitLens({}).analyze('file:///a.md', text);
    const file = path.join(dir, io.CACHE_FILE_NAME);
    const cache = new io.AnalysisCache(file, 'key');
    cache.set('sound', true, analysis);
    cache.set('absurd', true, analysis);
    cache.set('beyond', true, analysis);
    await cache.save(new Map([['file:///a.md', 'sound'], ['file:///b.md', 'absurd'], ['file:///c.md', 'beyond']]));
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    // Right shape, absurd numbers: a range of 1e308, and one past the end of the file.
    stored.entries.absurd.analysis.figures[0].range = [4, 3, 4, 1e308];
    stored.entries.beyond.analysis.figures[0].range = [40, 0, 40, 2];
    writeFileSync(file, JSON.stringify(stored));
    const reloaded = new io.AnalysisCache(file, 'key');
    assert.equal(await reloaded.load(), 'cache holds 1 files');
    assert.equal(reloaded.lookup('absurd', 'file:///b.md', false), undefined);
    assert.equal(reloaded.lookup('beyond', 'file:///c.md', false), undefined);
    assert.deepEqual(reloaded.lookup('sound', 'file:///a.md', false).figures, analysis.figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file rewritten or renamed over with its size and modification time kept is read again', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-cache-'));
  try {
    const article = path.join(dir, 'a.md');
    writeFileSync(article, text);
    // Whole seconds, so that putting the time back is exact.
    const seconds = 1_700_000_000;
    utimesSync(article, seconds, seconds);
    const cache = new io.AnalysisCache(path.join(dir, io.CACHE_FILE_NAME), 'key');
    const first = io.stampOf(article);
    cache.stamp('file:///a.md', first.size, first.mtimeMs, 'hash-of-first', first);
    assert.equal(cache.hashFor('file:///a.md', first.size, first.mtimeMs, io.stampOf(article)), 'hash-of-first');
    // The same number of bytes, then the old modification time put back (as `touch -r` or an archive tool does).
    writeFileSync(article, text.replace('拜登', '布什'));
    utimesSync(article, seconds, seconds);
    const rewritten = io.stampOf(article);
    assert.equal(rewritten.size, first.size);
    assert.equal(rewritten.mtimeMs, first.mtimeMs);
    assert.equal(cache.hashFor('file:///a.md', rewritten.size, rewritten.mtimeMs, rewritten), undefined);
    // Another file of the same size and time renamed over it.
    cache.stamp('file:///a.md', rewritten.size, rewritten.mtimeMs, 'hash-of-second', rewritten);
    const other = path.join(dir, 'b.md');
    writeFileSync(other, text.replace('拜登', '川普'));
    utimesSync(other, seconds, seconds);
    renameSync(other, article);
    const renamed = io.stampOf(article);
    assert.equal(cache.hashFor('file:///a.md', renamed.size, renamed.mtimeMs, renamed), undefined);
    // Size and modification time alone never answer.
    assert.equal(cache.hashFor('file:///a.md', renamed.size, renamed.mtimeMs), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a relative cache location is refused, and nothing is written relative to the working folder', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-cache-'));
  const before = process.cwd();
  try {
    process.chdir(dir);
    const cache = new io.AnalysisCache(path.join('relative', io.CACHE_FILE_NAME), 'key');
    assert.match(await cache.load(), /must be an absolute path/);
    cache.set('hash', true, core.createSummitLens({}).analyze('file:///a.md', text));
    await cache.save(new Map([['file:///a.md', 'hash']]));
    assert.equal(existsSync(path.join(dir, 'relative')), false);
  } finally {
    process.chdir(before);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file swapped for a FIFO after it was checked is refused at once, not waited on', { skip: process.platform === 'win32' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-fifo-'));
  try {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, text);
    const stamp = io.stampOf(file);
    assert.equal(stamp.ok, true);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    const started = Date.now();
    assert.deepEqual(io.readFileBytes(file, stamp), { message: 'not a regular file' });
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(io.stampOf(file), { ok: false, message: 'not a regular file' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that grew past the limit after it was checked is not read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-grown-'));
  try {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, text);
    const stamp = io.stampOf(file);
    truncateSync(file, 17 * 1024 * 1024);
    assert.deepEqual(io.readFileBytes(file, stamp), { message: 'too large to read (17.0 MB; the limit is 16 MB)' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
