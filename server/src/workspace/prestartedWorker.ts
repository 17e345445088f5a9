/**
 * The index worker of a cold start, started with the process instead of at the first file the
 * index cannot take from its cache. It builds jieba's dictionary at once (≈ 0.2 s) and loads its
 * code and knowledge (≈ 0.1 s) while the server loads, reads its settings and lists the workspace
 * (≈ 0.2 s), so the first files are analysed sooner. Started later, it either built the
 * dictionary at its first window or waited there for an image built in another thread (see
 * segmenterImage.ts), which on two cores shared with the server's start came ≈ 0.15 s after it
 * was needed; when this worker is started, no image is made. Only the default of one worker is
 * started early (more workers share a jieba and run in the background, and are started by the
 * pool); a warm start, or a batch that wants other workers or none, stops it unused.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexWorkerData } from './indexPool';
import { defaultWorkerCount } from './workerCount';

let prestarted: { worker: Worker; script: string } | undefined;
/** What became of this process's early worker, for tests and logs. */
let fate: 'none' | 'waiting' | 'used' | 'stopped' = 'none';

/** A process that has not indexed within this time (a server without a workspace) stops the worker. */
const UNUSED_LIMIT_MS = 60_000;

/** Starts the one index worker early, if one is the default (`workers`) and its bundle is there; whether it did. */
export function prestartIndexWorker(script = path.join(__dirname, 'indexWorker.js'), workers = defaultWorkerCount()): boolean {
  if (prestarted || workers !== 1 || !existsSync(script)) return false;
  const workerData: IndexWorkerData = { background: false, buildSegmenterAtStart: true };
  const worker = new Worker(script, { workerData });
  worker.unref();
  worker.on('error', () => undefined);
  // A worker that ended before a pool took it (it failed to load) is never handed out: its jobs would wait forever.
  worker.once('exit', () => {
    if (prestarted?.worker !== worker) return;
    prestarted = undefined;
    fate = 'stopped';
  });
  prestarted = { worker, script };
  fate = 'waiting';
  setTimeout(cancelPrestartedWorker, UNUSED_LIMIT_MS).unref();
  return true;
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

/** Stops the early worker if no pool took it. */
export function cancelPrestartedWorker(): void {
  if (!prestarted) return;
  void prestarted.worker.terminate();
  prestarted = undefined;
  fate = 'stopped';
}

/** Whether this process started a worker early, and whether a pool used it or it was stopped. */
export function prestartedWorkerFate(): typeof fate {
  return fate;
}
