// One thread of the benchmark's scaling measure: builds the knowledge, says so, then on "go"
// reads and analyses its share of the files, like an index worker without the protocol.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const core = createRequire(import.meta.url)('../dist/core.js');
const knowledge = new core.Knowledge({});
parentPort.postMessage('ready');
parentPort.once('message', () => {
  for (const file of workerData.files) core.analyzeArticle(pathToFileURL(file).href, readFileSync(file, 'utf8'), knowledge);
  parentPort.postMessage('done');
});
