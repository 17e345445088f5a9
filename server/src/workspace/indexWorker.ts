/**
 * The entry of an indexing worker thread: decodes a file's bytes, tells whether it reads as an
 * article, and analyses it with the same knowledge as the server. Only plain data crosses the
 * thread boundary, so the analysis arrives in the main thread exactly as if made there.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { useWindowTagger } from '../core/figures/segmenter';
import { createSummitLens, storeAnalysis, type SummitLens } from '../core/index';
import { analyzeJob, type IndexWorkerData, type WorkerMessage, type WorkerOutcome } from './indexPool';
import { useSegmenterImageFrom } from './segmenterImage';
import { buildSegmenterFromStoredImage } from './segmenterImageFile';
import { slotTagger } from './sharedSegmenter';

let lens: SummitLens | undefined;

/** A nice value: 0 is normal, 19 the lowest. At 10 a waiting main thread gets the core at once. */
const BACKGROUND_PRIORITY = 10;

// The pool's threads share one jieba: this thread asks it rather than loading its own. A lone
// worker loads its own, from the image of the dictionary built at the server's start if it has it.
const { segmenter, segmenterImage, background, buildSegmenterAtStart } = (workerData ?? {}) as IndexWorkerData;
if (background) lowerThreadPriority();
if (segmenter) useWindowTagger(slotTagger(segmenter));
useSegmenterImageFrom(segmenterImage);

/**
 * Indexing is background work: at a lower scheduling priority this thread yields its core at
 * once when the main thread has a request to answer, and takes the core back when it has none.
 * On Linux a thread has its own id (read from /proc/thread-self); elsewhere this does nothing.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(path.basename(readlinkSync('/proc/thread-self')));
    if (threadId > 0) setPriority(threadId, BACKGROUND_PRIORITY);
  } catch {
    // Not Linux, or not allowed: the thread keeps the default priority.
  }
}

/**
 * Outcomes go back a few at a time. Each message wakes the main thread, and on a virtual machine
 * waking an idle thread cost this thread ≈ 65 µs per message (≈ 0.2 s over 3,000 files) against
 * ≈ 12 µs for the message itself. A few at a time, the main thread still reads the next files
 * while this thread works through the jobs it already has.
 */
const OUTCOMES_PER_MESSAGE = 8;

let unsent: WorkerOutcome[] = [];
let sendScheduled = false;

parentPort?.on('message', (message: WorkerMessage) => {
  if (message.type === 'knowledge') {
    lens = createSummitLens({ knowledge: message.source });
    return;
  }
  lens ??= createSummitLens();
  // An analysis is thousands of small objects; as one JSON string (in its stored form) it crosses
  // the thread boundary several times faster than as a structured clone.
  const outcome = analyzeJob(message.job, lens);
  unsent.push(outcome.analysis ? { ...outcome, analysis: undefined, analysisJson: JSON.stringify(storeAnalysis(outcome.analysis)) } : outcome);
  if (unsent.length >= OUTCOMES_PER_MESSAGE) sendOutcomes();
  else if (!sendScheduled) {
    // The last outcomes of a run of jobs go once the jobs queued here are done.
    sendScheduled = true;
    setImmediate(sendOutcomes);
  }
});

function sendOutcomes(): void {
  sendScheduled = false;
  if (unsent.length === 0) return;
  parentPort!.postMessage(unsent);
  unsent = [];
}

// Jobs that arrive meanwhile wait in the port's queue: the first of them would load jieba anyway.
if (buildSegmenterAtStart) buildSegmenterFromStoredImage();
