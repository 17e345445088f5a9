/**
 * Analyses files off the main thread, so the server answers requests while a large corpus is
 * indexed. Falls back to analysing in the main thread when workers are unavailable (no worker
 * bundle next to the server, or `SUMMIT_LENS_WORKERS=0`).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { useWindowTagger } from '../core/figures/segmenter';
import { failedAnalysis, loadAnalysis, type ArticleAnalysis, type KnowledgeSource, type SummitLens } from '../core/index';
import { decodeBytes, type ReadResult } from '../io/readArticleFile';
import { readsAsArticle } from './corpusFiles';
import { takeSegmenterImage, type SegmenterImageHandle } from './segmenterImage';
import { adoptPrestartedWorker, cancelPrestartedWorker } from './prestartedWorker';
import { SharedSegmenter, type SegmenterSlot } from './sharedSegmenter';
import { defaultWorkerCount } from './workerCount';

export type AnalysisJob = {
  id: number;
  uri: string;
  /** Named by the corpus setting: analysed whatever its content. */
  listed: boolean;
} & (
  | {
      /** The file's text, decoded in the main thread (see `DECODED_HERE_UP_TO`). */
      read: DecodedText;
    }
  | {
      /** The file's bytes, for the worker to decode. */
      bytes: ArrayBuffer;
    }
);

export interface AnalysisOutcome {
  id: number;
  /** Whether the content reads as an article (front matter, stamp, underlined title, news page). */
  article: boolean;
  analysis?: ArticleAnalysis;
}

/** An outcome as a worker sends it, a few to a message: the analysis in its stored form, as JSON. */
export type WorkerOutcome = AnalysisOutcome & { analysisJson?: string };

export type WorkerMessage = { type: 'knowledge'; source: KnowledgeSource } | { type: 'analyze'; job: AnalysisJob };

interface PoolWorker {
  worker: Worker;
  busy: number;
  /** Its slot in the shared segmenter, if it has one. */
  segmenter?: SegmenterSlot;
}

/** What a worker starts with. */
export interface IndexWorkerData {
  segmenter?: SegmenterSlot;
  /** Where its own jieba's dictionary comes from, if it is the first thread to segment. */
  segmenterImage?: SegmenterImageHandle;
  /** Whether it runs at a lower scheduling priority (see `MIN_WORKERS_IN_BACKGROUND`). */
  background: boolean;
  /** Whether it builds its own jieba at once (the worker started with the process, see prestartedWorker.ts). */
  buildSegmenterAtStart?: boolean;
}

/**
 * From this many workers on, they run at a lower scheduling priority. Two workers at normal priority
 * on two cores tripled a hover's p95 while indexing (15–20 ms). A lone worker leaves the main thread
 * a core; at nice 10 it only lost its own to V8's background threads (optimising, collecting), and
 * at normal priority the cold index took ≈ 4 % less time (3.47–3.65 vs 3.59–3.81 s, five alternate
 * runs each) with the same hover p95 while indexing (7.0–9.3 vs 6.9–8.7 ms).
 */
const MIN_WORKERS_IN_BACKGROUND = 2;

/** From this many workers on, jieba's ≈ 60 MB per thread outweighs the time asking another thread costs. */
const MIN_WORKERS_SHARING_SEGMENTER = 2;

export class IndexPool {
  private readonly workers: PoolWorker[] = [];
  private readonly waiting = new Map<number, { resolve: (outcome: AnalysisOutcome) => void; worker: PoolWorker; job: AnalysisJob }>();
  private knowledgeSource: KnowledgeSource | undefined;
  private nextId = 1;
  /** Outcomes received from workers and not yet taken. */
  private readonly arrived: Array<{ entry: PoolWorker; outcome: WorkerOutcome }> = [];
  private takeScheduled = false;
  private inBatch = false;
  private readonly segmenter: SharedSegmenter | undefined;

  /** `lens` analyses the jobs that run in this thread, with the main thread's knowledge. */
  constructor(
    private readonly log: (message: string) => void,
    private readonly lens: SummitLens,
    private readonly workerCount = defaultWorkerCount(),
    private readonly workerScript = path.join(__dirname, 'indexWorker.js'),
  ) {
    // Two or more workers share one jieba (see sharedSegmenter.ts) instead of holding one each, and so
    // does this thread. A lone worker keeps its own: it asks for thousands of windows, and each
    // question to another thread waits for that thread to be scheduled (on a busy 2-core machine,
    // seconds over a corpus), while this thread segments nothing during a batch and loads jieba only
    // for the editor's first window after it.
    this.segmenter = this.size >= MIN_WORKERS_SHARING_SEGMENTER ? SharedSegmenter.get() : undefined;
    if (this.segmenter) useWindowTagger(this.segmenter.mainTagger());
  }

  /**
   * Starts the workers for a batch (the start-up index). Between batches none run: a single
   * file is analysed faster here than its analysis can cross a thread, and idle workers would
   * each hold a copy of the knowledge.
   */
  open(): void {
    this.inBatch = true;
  }

  /** Stops the workers once the batch's jobs are answered. */
  async close(): Promise<void> {
    this.inBatch = false;
    // A batch that needed no worker, or other workers, leaves the one started with the process unused.
    cancelPrestartedWorker();
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((entry) => entry.worker.terminate()));
  }

  /** How many workers a batch uses. */
  get size(): number {
    return this.workerCount > 0 && existsSync(this.workerScript) ? this.workerCount : 0;
  }

  /** Workers build their own copy of the knowledge from the same source. */
  setKnowledge(source: KnowledgeSource): void {
    this.knowledgeSource = source;
    for (const entry of this.workers) entry.worker.postMessage({ type: 'knowledge', source } satisfies WorkerMessage);
  }

  /** Decodes, classifies and (if an article) analyses a file's bytes. Never rejects. */
  analyze(uri: string, bytes: Uint8Array, listed: boolean): Promise<AnalysisOutcome> {
    const id = this.nextId++;
    // Workers start with the first file a batch cannot take from the cache.
    if (this.inBatch && this.workers.length === 0) {
      for (let i = 0; i < this.size; i++) this.startWorker(this.workerScript);
    }
    const job: AnalysisJob = bytes.byteLength <= DECODED_HERE_UP_TO ? { id, uri, read: decodeText(bytes), listed } : { id, uri, bytes: toArrayBuffer(bytes), listed };
    const worker = this.leastBusy();
    if (!worker) return Promise.resolve(this.analyzeHere(job));
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, worker, job });
      worker.busy++;
      // The text or bytes are copied, not transferred, so a job whose worker dies can still be done here.
      worker.worker.postMessage({ type: 'analyze', job } satisfies WorkerMessage);
    });
  }

  /**
   * Takes one arrived outcome per turn of the event loop. A worker sends several at a time, and
   * reading an analysis, then indexing it, takes up to a few milliseconds: taken all at once, they
   * kept a request waiting for all of them (a hover's p95 while indexing ≈ 5 → ≈ 8–12 ms).
   */
  private takeArrived(): void {
    if (this.takeScheduled) return;
    const next = this.arrived.shift();
    if (!next) return;
    if (this.arrived.length > 0) {
      this.takeScheduled = true;
      setImmediate(() => {
        this.takeScheduled = false;
        this.takeArrived();
      });
    }
    const { entry, outcome: { analysisJson, ...outcome } } = next;
    const waiter = this.waiting.get(outcome.id);
    if (!waiter) return;
    if (analysisJson !== undefined) outcome.analysis = { ...loadAnalysis(JSON.parse(analysisJson)), uri: waiter.job.uri };
    this.waiting.delete(outcome.id);
    entry.busy--;
    waiter.resolve(outcome);
  }

  private analyzeHere(job: AnalysisJob): AnalysisOutcome {
    return analyzeJob(job, this.lens);
  }

  private leastBusy(): PoolWorker | undefined {
    let best: PoolWorker | undefined;
    for (const entry of this.workers) if (!best || entry.busy < best.busy) best = entry;
    return best;
  }

  private newWorker(script: string, segmenter: SegmenterSlot | undefined, background: boolean): Worker {
    // A worker that holds its own jieba takes the dictionary built at the server's start.
    const segmenterImage = segmenter ? undefined : takeSegmenterImage();
    const workerData: IndexWorkerData = { segmenter, segmenterImage, background };
    return new Worker(script, { workerData, transferList: segmenterImage ? [segmenterImage.port] : [] });
  }

  private startWorker(script: string): void {
    const segmenter = this.segmenter?.lease();
    const background = this.size >= MIN_WORKERS_IN_BACKGROUND;
    const worker = (!segmenter && !background && adoptPrestartedWorker(script)) || this.newWorker(script, segmenter, background);
    const entry: PoolWorker = { worker, busy: 0, segmenter };
    entry.worker.unref();
    entry.worker.on('message', (outcomes: WorkerOutcome[]) => {
      for (const outcome of outcomes) this.arrived.push({ entry, outcome });
      this.takeArrived();
    });
    entry.worker.on('error', (error) => this.log(`Summit Lens index worker failed: ${error.message}`));
    entry.worker.on('exit', () => {
      // A worker that dies takes its jobs with it: they are answered in this thread instead.
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      this.segmenter?.release(entry.segmenter);
      for (const [id, waiter] of this.waiting) {
        if (waiter.worker !== entry) continue;
        this.waiting.delete(id);
        waiter.resolve(this.analyzeHere(waiter.job));
      }
    });
    if (this.knowledgeSource) entry.worker.postMessage({ type: 'knowledge', source: this.knowledgeSource } satisfies WorkerMessage);
    this.workers.push(entry);
  }
}

/**
 * The work of one job, the same in a worker and in this thread: apply the one article rule to
 * the decoded text, analyse behind the facade's guard. An encoding other than UTF-8 is a note on
 * the article.
 */
export function analyzeJob(job: AnalysisJob, lens: SummitLens): AnalysisOutcome {
  const read = 'read' in job ? job.read : decodeText(new Uint8Array(job.bytes));
  if (!read.ok) return 'failure' in read ? { id: job.id, article: true, analysis: failedAnalysis(job.uri, read.failure) } : { id: job.id, article: false };
  const article = readsAsArticle(job.listed, read.text);
  if (!article) return { id: job.id, article };
  const analysis = lens.analyze(job.uri, read.text);
  if (read.note) analysis.problems.unshift({ message: `Encoding: ${read.note}.`, severity: 'information', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  return { id: job.id, article, analysis };
}

/**
 * Files up to this size are decoded in the main thread, larger ones by the worker. The main
 * thread waits for the worker most of a cold index, and decoding was ≈ 7 % of the worker's time;
 * but a request waits for whatever the main thread is doing, and decoding every file there raised
 * a hover's p95 while indexing from ≈ 6–8 to ≈ 10–15 ms. Files up to 64 KB are ≈ 95 % of the
 * files and ≈ 75 % of the bytes of the shared corpus, and each decodes in ≈ 0.2 ms at most.
 */
const DECODED_HERE_UP_TO = 64 * 1024;

/** A file's text, or why it has none: not text, or (`failure`) the decoder threw. */
type DecodedText = ReadResult | { ok: false; message: string; failure: unknown };

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  // fs.readFileSync hands out small files as views of a shared pool; a job carries only its own
  // bytes. (Buffer#slice makes a view, not a copy, so the copy goes through Uint8Array.)
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return Uint8Array.prototype.slice.call(bytes).buffer as ArrayBuffer;
}

function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return decodeBytes(bytes);
  } catch (error) {
    return { ok: false, message: String(error), failure: error };
  }
}

