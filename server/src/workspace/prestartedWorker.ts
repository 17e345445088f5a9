/**
 * The index worker of a cold start, started with the process instead of at the first file the
 * index cannot take from its cache. A worker needs ≈ 0.1–0.15 s to load its code and knowledge,
 * and the server ≈ 0.2 s to load, read its settings and list the workspace; started with the
 * process, the worker loads while the server does, and the index's first file is analysed that
 * much sooner. Only the default of one worker is started early (more workers share a jieba and
 * run in the background, and are started by the pool); a warm start, or a batch that wants other
 * workers or none, stops it unused.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexWorkerData } from './indexPool';
import { stopSegmenterImageMaker, takeSegmenterImage } from './segmenterImage';
import { defaultWorkerCount } from './workerCount';

let prestarted: { worker: Worker; script: string; holdsImage: boolean } | undefined;
/** What became of this process's early worker, for tests and logs. */
let fate: 'none' | 'waiting' | 'used' | 'stopped' = 'none';

/** A process that has not indexed within this time (a server without a workspace) stops the worker. */
const UNUSED_LIMIT_MS = 60_000;

/** Starts the one index worker early, if one is the default (`workers`) and its bundle is there. */
export function prestartIndexWorker(script = path.join(__dirname, 'indexWorker.js'), workers = defaultWorkerCount()): void {
  if (prestarted || workers !== 1 || !existsSync(script)) return;
  // It will be the first thread to segment, so it takes jieba's image.
  const segmenterImage = takeSegmenterImage();
  const workerData: IndexWorkerData = { segmenterImage, background: false };
  const worker = new Worker(script, { workerData, transferList: segmenterImage ? [segmenterImage.port] : [] });
  worker.unref();
  worker.on('error', () => undefined);
  prestarted = { worker, script, holdsImage: segmenterImage !== undefined };
  fate = 'waiting';
  setTimeout(cancelPrestartedWorker, UNUSED_LIMIT_MS).unref();
}

/** The early worker for a pool that runs `script` as its lone, normal-priority worker; undefined if there is none. */
export function adoptPrestartedWorker(script: string): Worker | undefined {
  if (!prestarted || prestarted.script !== script) return undefined;
  const { worker } = prestarted;
  prestarted = undefined;
  fate = 'used';
  worker.removeAllListeners('error');
  return worker;
}

/** Stops the early worker if no pool took it, and the making of the jieba image it was to take. */
export function cancelPrestartedWorker(): void {
  if (!prestarted) return;
  void prestarted.worker.terminate();
  if (prestarted.holdsImage) stopSegmenterImageMaker();
  prestarted = undefined;
  fate = 'stopped';
}

/** Whether this process started a worker early, and whether a pool used it or it was stopped. */
export function prestartedWorkerFate(): typeof fate {
  return fate;
}
