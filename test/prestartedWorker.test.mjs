// The index worker of a cold start is started with the process (prestartedWorker.ts), so that it
// loads while the server does. It must do exactly the work a worker started by the pool does, and
// a start that does not need it (a warm start from the cache, another number of workers) must
// stop it rather than leave a thread idle with its memory. Each case runs in a fresh thread: the
// early worker is one per process, and so per thread that loads the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { root, sampleDir } from './support/core.mjs';

const coreScript = path.join(root, 'dist/core.js');

/**
 * Indexes `folder` in a fresh thread, `runs` times with the same cache folder, after starting the
 * early worker; returns per run the log lines and the early worker's fate, and the figures found.
 */
function indexInFreshThread(folder, cacheDir, { runs = 1, workers } = {}) {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const core = require(workerData.coreScript);
    core.prestartIndexWorker(undefined, 1);
    (async () => {
      const results = [];
      for (let run = 0; run < workerData.runs; run++) {
        const lens = core.createSummitLens();
        const files = new core.CorpusFiles();
        files.setFolders([workerData.folder]);
        const logs = [];
        const indexer = new core.Indexer(lens, files, { log: (m) => logs.push(m), warn: (m) => logs.push(m) }, { cacheDir: workerData.cacheDir, workers: workerData.workers });
        await indexer.indexAll();
        await indexer.saveCache();
        const figures = lens.uris().sort().map((uri) => [path.basename(uri), lens.analysis(uri).figures.map((m) => m.figureId).join(' ')]);
        results.push({ logs, fate: core.prestartedWorkerFate(), figures });
      }
      parentPort.postMessage(results);
    })();
    const path = require('node:path');`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { coreScript, folder, cacheDir, runs, workers } });
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function sampleWorkspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-prestart-'));
  const folder = path.join(dir, 'corpus');
  cpSync(sampleDir, folder, { recursive: true });
  return { dir, folder, cacheDir: path.join(dir, 'cache') };
}

test('a cold index uses the worker started with the process, and finds what a worker started later finds', async () => {
  const { dir, folder, cacheDir } = sampleWorkspace();
  try {
    const [early] = await indexInFreshThread(folder, cacheDir, { workers: 1 });
    const [late] = await indexInFreshThread(folder, path.join(dir, 'other-cache'), { workers: 2 });
    assert.equal(early.fate, 'used');
    assert.match(early.logs.join('\n'), /indexed 4 articles from 4 files in [\d.]+ s \(0 from the cache, 1 worker threads\)/);
    // Two workers are started by the pool (they share one jieba); the early one is stopped unused.
    assert.equal(late.fate, 'stopped');
    assert.deepEqual(early.figures, late.figures);
    assert.ok(early.figures.some(([, ids]) => ids.includes('joe-biden')), 'figures were found');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a warm start stops the worker started with the process before it does any work', async () => {
  const { dir, folder, cacheDir } = sampleWorkspace();
  try {
    const [cold] = await indexInFreshThread(folder, cacheDir, { workers: 1 });
    assert.equal(cold.fate, 'used');
    const [warm] = await indexInFreshThread(folder, cacheDir, { workers: 1 });
    assert.equal(warm.fate, 'stopped');
    assert.match(warm.logs.join('\n'), /\(4 from the cache, 1 worker threads\)/);
    assert.deepEqual(warm.figures, cold.figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a worker started with the process that fails to load is never handed to the index', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-prestart-'));
  try {
    const broken = path.join(dir, 'indexWorker.js');
    writeFileSync(broken, 'throw new Error("cannot load");\n');
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      const core = require(workerData.coreScript);
      core.prestartIndexWorker(workerData.broken, 1);
      const before = core.prestartedWorkerFate();
      setTimeout(() => parentPort.postMessage({ before, adopted: core.adoptPrestartedWorker(workerData.broken) !== undefined, after: core.prestartedWorkerFate() }), 1500);`;
    const result = await new Promise((resolve, reject) => {
      const worker = new Worker(source, { eval: true, workerData: { coreScript, broken } });
      worker.once('message', (message) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    assert.deepEqual(result, { before: 'waiting', adopted: false, after: 'stopped' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
