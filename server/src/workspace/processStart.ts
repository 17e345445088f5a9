/**
 * What a process that indexes (the server, the CLI) does first, before the rest of its code runs.
 */
import { setFlagsFromString } from 'node:v8';
import { prestartIndexWorker } from './prestartedWorker';
import { startSegmenterImage } from './segmenterImage';

/**
 * How much V8 optimises, and how soon. A cold index makes hundreds of functions hot within
 * seconds, and V8's background threads spent ≈ 2.4 s optimising them in a 4 s index on two cores:
 * time the index worker, at a lower priority, waited for a core. V8 inlines up to 920 bytes of
 * bytecode into each function it optimises; with 300 the background threads took ≈ 1.7 s and the
 * index ≈ 8 % less time. A function is optimised once it has run through a budget of bytecode;
 * at 300 K instead of the default, fewer functions that are hot only briefly are optimised:
 * ≈ 1.0–1.1 s of background work, ≈ 7 % less time again. Analysis in a warm process (a
 * keystroke's) runs at the same speed.
 */
const COMPILER_FLAGS = ['--max-inlined-bytecode-size-cumulative=300', '--interrupt-budget=300000'];

/**
 * How far the heap may grow past what a full garbage collection left alive, once the start-up
 * index is done: 1.6 times. A keystroke in a long article allocates megabytes of strings that die
 * at once, and V8 chose to grow the heap by up to four times before collecting them: after 200
 * edits of the largest article the server held ≈ 430–470 MB, against ≈ 330–350 MB at 1.6, with
 * the same latencies (the collector marks on another thread). While the index fills the main
 * thread's heap, the default stays: at 1.6 its more frequent collections raised a hover's p95
 * while indexing by ≈ 2–3 ms.
 */
const HEAP_GROWTH_AFTER_INDEX = '--heap-growing-percent=60';

export function startIndexingProcess(): void {
  for (const flag of COMPILER_FLAGS) setFlagsFromString(flag);
  // The early worker builds its own jieba; without it, the first thread to segment takes an image.
  if (!prestartIndexWorker()) startSegmenterImage();
}

/** Called when the start-up index is done: from then on the heap grows less (see `HEAP_GROWTH_AFTER_INDEX`). */
export function limitHeapGrowth(): void {
  setFlagsFromString(HEAP_GROWTH_AFTER_INDEX);
}
