// jieba's dictionary built once, in a thread started with the server, and copied as an image into
// the thread that segments first: that thread must answer exactly as one that builds its own, and
// an image that does not hold must leave the thread to build its own. Each case runs in a fresh
// thread, because a thread loads jieba once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { root } from './support/core.mjs';

const coreScript = path.join(root, 'dist/core.js');
/** One window of each class name recognition asks about (names, bylines, lists, common words, Latin). */
const WINDOWS = ['杨晓波、合规', '张三报导', '董建瑾、北京', '马克龙表示', '萧条', '简略地', '活动上将习近平', '国防部长埃斯珀、', 'Biden拜登', '亨利·列斐伏尔堪称', ''];

/** Runs `body` (the text of a function of `core` and `windows`) in a fresh thread and returns what it returns. */
function inFreshThread(body, env = process.env) {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const core = require(workerData.coreScript);
    const run = ${body};
    parentPort.postMessage(run(core, workerData.windows));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { coreScript, windows: WINDOWS }, env });
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const ownBuild = () =>
  inFreshThread(`(core, windows) => ({ answers: windows.map((window) => core.tagHere(window)), origin: core.segmenterOrigin() })`);

test('a thread that takes the image made at start segments every class of window as a thread that builds its own dictionary', async () => {
  const [own, fromImage] = await Promise.all([
    ownBuild(),
    // startSegmenterImage makes the image in a thread of its own; this thread's jieba takes it at its first window.
    inFreshThread(`(core, windows) => { core.startSegmenterImage(); return { answers: windows.map((window) => core.tagHere(window)), origin: core.segmenterOrigin() }; }`),
  ]);
  assert.equal(own.origin, 'own');
  assert.equal(fromImage.origin, 'image');
  assert.deepEqual(fromImage.answers, own.answers);
  assert.deepEqual(
    own.answers[6].map((token) => `${token.word}/${token.tag}`),
    ['活动/vn', '上将/n', '习近平/nrfg'],
  );
});

test('an image is handed to one thread only: once taken, the next thread that asks builds its own', async () => {
  const taken = await inFreshThread(`(core) => {
    core.startSegmenterImage();
    const first = core.takeSegmenterImage();
    const second = core.takeSegmenterImage();
    const image = core.receiveSegmenterImage(first);
    return { first: first !== undefined, second: second === undefined, pages: image.pageNumbers.length, bytes: image.pages.byteLength, size: image.memoryBytes };
  }`);
  assert.deepEqual({ first: taken.first, second: taken.second }, { first: true, second: true });
  // Only pages that are not all zeros travel, 64 KiB each, and they fit in the memory they came from.
  assert.equal(taken.bytes, taken.pages * 65536);
  assert.ok(taken.pages * 65536 <= taken.size);
});

test('an image whose probe is answered differently after the copy is dropped, and the thread builds its own dictionary', async () => {
  const [own, tampered] = await Promise.all([
    ownBuild(),
    inFreshThread(`(core, windows) => {
      core.startSegmenterImage();
      const image = core.receiveSegmenterImage(core.takeSegmenterImage());
      image.probe.answer = '不是这样分的';
      core.useSegmenterImage(() => image);
      return { answers: windows.map((window) => core.tagHere(window)), origin: core.segmenterOrigin() };
    }`),
  ]);
  assert.equal(tampered.origin, 'own');
  assert.deepEqual(tampered.answers, own.answers);
});

test('a cancelled image (a warm start, which segments little) is handed to no thread, and the thread that segments builds its own', async () => {
  const cancelled = await inFreshThread(`(core, windows) => {
    core.startSegmenterImage();
    core.cancelSegmenterImage();
    return { handle: core.takeSegmenterImage() === undefined, answers: windows.map((window) => core.tagHere(window)), origin: core.segmenterOrigin() };
  }`);
  const own = await ownBuild();
  assert.equal(cancelled.handle, true);
  assert.equal(cancelled.origin, 'own');
  assert.deepEqual(cancelled.answers, own.answers);
});

test('the image kept on disk: the first thread builds the dictionary and writes it, a later one loads it and segments every class of window the same', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-jieba-'));
  const file = path.join(dir, 'cache', 'jieba.image');
  const fromStore = `(core, windows) => { core.buildSegmenterFromStoredImage(${JSON.stringify(file)}); return { answers: windows.map((window) => core.tagHere(window)), origin: core.segmenterOrigin() }; }`;
  try {
    const first = await inFreshThread(fromStore);
    assert.equal(first.origin, 'own');
    assert.ok(existsSync(file), 'the image is written');
    const second = await inFreshThread(fromStore);
    assert.equal(second.origin, 'image');
    assert.deepEqual(second.answers, first.answers);
    assert.deepEqual(second.answers, (await ownBuild()).answers);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged image file (cut short, or other bytes) is not used: the thread builds its own dictionary and writes the image anew', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-jieba-'));
  const file = path.join(dir, 'jieba.image');
  const fromStore = `(core, windows) => { core.buildSegmenterFromStoredImage(${JSON.stringify(file)}); return { answers: windows.map((window) => core.tagHere(window)), origin: core.segmenterOrigin() }; }`;
  try {
    const own = await inFreshThread(fromStore);
    const whole = readFileSync(file);
    const damages = [whole.subarray(0, whole.length / 2), Buffer.concat([Buffer.alloc(whole.length - 4, 7), whole.subarray(whole.length - 4)]), Buffer.from('not an image')];
    for (const damaged of damages) {
      writeFileSync(file, damaged);
      const again = await inFreshThread(fromStore);
      assert.equal(again.origin, 'own');
      assert.deepEqual(again.answers, own.answers);
      assert.equal(readFileSync(file).length, whole.length, 'written anew, whole');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the thread that makes the image for several workers keeps it on disk too, and a later start sends the kept one', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-jieba-'));
  const env = { ...process.env, SUMMIT_LENS_CACHE_DIR: dir };
  const fromImageThread = `(core, windows) => { core.startSegmenterImage(); return { answers: windows.map((window) => core.tagHere(window)), origin: core.segmenterOrigin() }; }`;
  try {
    const first = await inFreshThread(fromImageThread, env);
    const kept = readdirSync(dir).filter((name) => name.endsWith('.image'));
    assert.equal(kept.length, 1, 'the image is written to the cache folder');
    const written = statSync(path.join(dir, kept[0])).mtimeMs;
    const second = await inFreshThread(fromImageThread, env);
    assert.equal(first.origin, 'image');
    assert.equal(second.origin, 'image');
    assert.deepEqual(second.answers, (await ownBuild()).answers);
    assert.deepEqual(second.answers, first.answers);
    assert.equal(statSync(path.join(dir, kept[0])).mtimeMs, written, 'a kept image is loaded, not written again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
