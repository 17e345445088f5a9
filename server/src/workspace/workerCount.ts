/**
 * How many index workers a process starts by default. Apart from the pool, so that a process's
 * first import (serverStart.ts) can start the first worker before the pool's code is loaded.
 */
import { availableParallelism } from 'node:os';

/**
 * One worker per core but one, at most four: the main thread is busy too while the pool indexes
 * (it reads every worker's analysis and answers the editor), so it keeps a core. Two or more
 * workers run at a lower scheduling priority (see indexWorker.ts), so the main thread still answers
 * at once while they index; at normal priority they tripled a hover's p95 during indexing.
 *
 * On the 2-core machine of BENCHMARKS.md, over the shared corpus (3,083 files, the server's cold
 * index, machine shared and loaded), after the workers came to share one jieba: one worker
 * 42.8–63.3 s, server CPU 18.6–20.6 s, peak RSS 372–378 MB; two workers 58.2–58.3 s, 22.3–23.1 s,
 * 437–438 MB; none 72.8 s, 17.1 s, 446 MB. A second worker costs a copy of the code, the
 * knowledge and their compiled state, and no longer gains time with the main thread busy.
 * A lone worker holds its own jieba rather than asking the shared thread (see the constructor).
 * `SUMMIT_LENS_WORKERS=n` overrides (0: main thread only).
 */
export function defaultWorkerCount(): number {
  const configured = process.env.SUMMIT_LENS_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores - 1, 4) : 0;
}
