/**
 * The entry of an indexing worker thread: decodes a file's bytes, tells whether it reads as an
 * article, and analyses it with the same knowledge as the server. Only plain data crosses the
 * thread boundary, so the analysis arrives in the main thread exactly as if made there.
 */
import { parentPort } from 'node:worker_threads';
import { Knowledge } from '../core/index';
import { analyzeJob, type WorkerMessage } from './indexPool';

let knowledge: Knowledge | undefined;

parentPort?.on('message', (message: WorkerMessage) => {
  if (message.type === 'knowledge') {
    knowledge = new Knowledge(message.source);
    return;
  }
  knowledge ??= new Knowledge({});
  // An analysis is thousands of small objects; as one JSON string it crosses the thread boundary
  // several times faster than as a structured clone.
  const outcome = analyzeJob(message.job, knowledge);
  parentPort!.postMessage(outcome.analysis ? { ...outcome, analysis: undefined, analysisJson: JSON.stringify(outcome.analysis) } : outcome);
});
