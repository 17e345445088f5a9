/**
 * Analyses files off the main thread, so the server answers requests while a large corpus is
 * indexed. Falls back to analysing in the main thread when workers are unavailable (no worker
 * bundle next to the server, or `SUMMIT_LENS_WORKERS=0`).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Knowledge, analyzeArticle, isCorpusArticle, type ArticleAnalysis, type KnowledgeSource } from '../core/index';
import { decodeBytes } from '../io/readArticleFile';

export interface AnalysisJob {
  id: number;
  uri: string;
  /** The file's bytes; transferred to the worker, not copied. */
  bytes: ArrayBuffer;
  /** Named by the corpus setting: analysed whatever its content. */
  listed: boolean;
}

export interface AnalysisOutcome {
  id: number;
  /** Whether the content reads as an article (front matter, stamp, underlined title, news page). */
  article: boolean;
  analysis?: ArticleAnalysis;
  error?: string;
}

export type WorkerMessage = { type: 'knowledge'; source: KnowledgeSource } | { type: 'analyze'; job: AnalysisJob };

interface PoolWorker {
  worker: Worker;
  busy: number;
}

/** How many workers pay off: one per core, at most four; on one core, none. */
function defaultWorkerCount(): number {
  const configured = process.env.SUMMIT_LENS_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  const cores = availableParallelism();
  return cores <= 1 ? 0 : Math.min(cores, 4);
}

export class IndexPool {
  private readonly workers: PoolWorker[] = [];
  private readonly waiting = new Map<number, { resolve: (outcome: AnalysisOutcome) => void; worker?: PoolWorker }>();
  private knowledgeSource: KnowledgeSource | undefined;
  private nextId = 1;

  /** `knowledge` gives the main thread's knowledge, used when a job runs here. */
  constructor(
    private readonly log: (message: string) => void,
    private readonly knowledge: () => Knowledge,
    workerCount = defaultWorkerCount(),
    workerScript = path.join(__dirname, 'indexWorker.js'),
  ) {
    if (workerCount > 0 && existsSync(workerScript)) {
      for (let i = 0; i < workerCount; i++) this.startWorker(workerScript);
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Workers build their own copy of the knowledge from the same source. */
  setKnowledge(source: KnowledgeSource): void {
    this.knowledgeSource = source;
    for (const entry of this.workers) entry.worker.postMessage({ type: 'knowledge', source } satisfies WorkerMessage);
  }

  /** Decodes, classifies and (if an article or listed) analyses a file's bytes. Never rejects. */
  analyze(uri: string, bytes: Uint8Array, listed: boolean): Promise<AnalysisOutcome> {
    const id = this.nextId++;
    const worker = this.leastBusy();
    if (!worker) return Promise.resolve(this.analyzeHere({ id, uri, bytes: toArrayBuffer(bytes), listed }));
    const buffer = toArrayBuffer(bytes);
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, worker });
      worker.busy++;
      worker.worker.postMessage({ type: 'analyze', job: { id, uri, bytes: buffer, listed } } satisfies WorkerMessage, [buffer]);
    });
  }

  async dispose(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((entry) => entry.worker.terminate()));
  }

  private analyzeHere(job: AnalysisJob): AnalysisOutcome {
    return analyzeJob(job, this.knowledge());
  }

  private leastBusy(): PoolWorker | undefined {
    let best: PoolWorker | undefined;
    for (const entry of this.workers) if (!best || entry.busy < best.busy) best = entry;
    return best;
  }

  private startWorker(script: string): void {
    const entry: PoolWorker = { worker: new Worker(script), busy: 0 };
    entry.worker.unref();
    entry.worker.on('message', (outcome: AnalysisOutcome) => {
      const waiter = this.waiting.get(outcome.id);
      if (!waiter) return;
      this.waiting.delete(outcome.id);
      entry.busy--;
      waiter.resolve(outcome);
    });
    entry.worker.on('error', (error) => this.log(`Summit Lens index worker failed: ${error.message}`));
    entry.worker.on('exit', () => {
      // A worker that dies takes its jobs with it: they are answered in this thread instead.
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      for (const [id, waiter] of this.waiting) {
        if (waiter.worker !== entry) continue;
        this.waiting.delete(id);
        waiter.resolve({ id, article: false, error: 'index worker exited' });
      }
    });
    if (this.knowledgeSource) entry.worker.postMessage({ type: 'knowledge', source: this.knowledgeSource } satisfies WorkerMessage);
    this.workers.push(entry);
  }
}

/** The work of one job, the same in a worker and in this thread. */
export function analyzeJob(job: AnalysisJob, knowledge: Knowledge): AnalysisOutcome {
  try {
    const read = decodeBytes(new Uint8Array(job.bytes));
    if (!read.ok) return { id: job.id, article: false };
    const article = isCorpusArticle(read.text);
    if (!article && !job.listed) return { id: job.id, article };
    return { id: job.id, article, analysis: analyzeArticle(job.uri, read.text, knowledge) };
  } catch (error) {
    return { id: job.id, article: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  // fs.readFile may hand out a slice of a shared pool; only a whole, own buffer can be transferred.
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}
