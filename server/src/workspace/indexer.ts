/**
 * Keeps the facade's index in step with the files on disk: indexes every corpus file (with
 * progress, cancellable, yielding so requests are answered meanwhile), reuses the persisted
 * analyses of unchanged files, and follows file events. It reports through two small interfaces,
 * not a protocol connection, so the language server and the CLI index with the same code.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleAnalysis, KnowledgeSource, SummitLens } from '../core/index';
import { AnalysisCache, CACHE_FILE_NAME, cacheKey, contentHash } from '../io/analysisCache';
import { readFileBytes, stampOf } from '../io/readArticleFile';
import type { CorpusFiles } from './corpusFiles';
import { IndexPool } from './indexPool';
import { cancelPrestartedWorker } from './prestartedWorker';
import { limitHeapGrowth } from './processStart';
import { cancelSegmenterImage } from './segmenterImage';

/** Where the indexer's messages go: the editor's output channel, or the terminal. */
export interface IndexReporter {
  log(message: string): void;
  warn(message: string): void;
}

/** Progress of a whole-corpus index ("Indexing 1,234 / 3,000 articles"). */
export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  end(): void;
}

/** A file event with its path already read from the client's URI. */
export interface FileChange {
  file: string;
  deleted: boolean;
}

export interface IndexerOptions {
  /** The folder of the persisted analysis cache; without one nothing is persisted. */
  cacheDir?: string;
  /** Index worker threads; the default depends on the machine (see indexPool.ts). */
  workers?: number;
}

export type IndexOutcome = 'cache' | 'analysed' | 'not an article' | 'unreadable' | 'skipped';

/** How long after the last file event the cache is written. */
const SAVE_DELAY_MS = 2000;

/**
 * The longest a whole-corpus index keeps the event loop before letting requests through. A
 * request takes several turns of the loop to be read, handled and answered, so when the files
 * are analysed in this thread (no workers) the turns are kept shorter.
 */
const YIELD_EVERY_MS = 8;
const YIELD_EVERY_MS_WITHOUT_WORKERS = 2;

/** Files read and sent to each worker ahead of its answers (each holds its bytes until then). */
const FILES_IN_FLIGHT_PER_WORKER = 32;

export class Indexer {
  private indexing: Promise<unknown> = Promise.resolve();
  private cache: AnalysisCache;
  private cacheLoaded = false;
  private saveTimer: NodeJS.Timeout | undefined;
  /** The content hash of each file indexed from disk: what the cache keeps on save. */
  private readonly diskHashes = new Map<string, string>();
  /** Per file, the latest indexing request; an older request's result is dropped when it arrives. */
  private readonly generations = new Map<string, number>();
  private generation = 0;
  private readonly pool: IndexPool;
  /** Files that are there but could not be read, with the reason: each is that file's problem. */
  readonly unreadable = new Map<string, string>();

  constructor(
    private readonly lens: SummitLens,
    private readonly files: CorpusFiles,
    private readonly reporter: IndexReporter,
    options: IndexerOptions = {},
  ) {
    this.cache = this.makeCache(options.cacheDir);
    this.pool = new IndexPool((message) => reporter.warn(message), lens, options.workers);
    this.pool.setKnowledge(lens.knowledgeSource());
    // New knowledge reaches the workers and the cache key from the facade's one call.
    lens.onDidChangeKnowledge((source) => this.useKnowledge(source));
  }

  private cacheDir: string | undefined;

  private makeCache(dir: string | undefined): AnalysisCache {
    this.cacheDir = dir;
    return new AnalysisCache(dir ? path.join(dir, CACHE_FILE_NAME) : undefined, cacheKey(this.lens.knowledgeSource()));
  }

  /** Where the persisted cache lives (the extension's storage folder). */
  setCacheDir(dir: string | undefined): void {
    if (dir === this.cacheDir) return;
    this.cache = this.makeCache(dir);
    this.cacheLoaded = false;
  }

  private useKnowledge(source: KnowledgeSource): void {
    this.pool.setKnowledge(source);
    const key = cacheKey(source);
    if (this.cache.key !== key) {
      // Every analysis depends on the knowledge: none of the old ones can be reused.
      this.cache.reset(key);
      this.diskHashes.clear();
    }
  }

  /** Indexes every corpus file. Resolves when done or cancelled; runs after any index already under way. */
  indexAll(progress?: IndexProgress, isCancelled: () => boolean = () => false): Promise<{ files: number; fromCache: number; cancelled: boolean }> {
    const run = this.indexing.then(() => this.runIndexAll(progress, isCancelled));
    this.indexing = run.catch(() => undefined);
    return run;
  }

  private async runIndexAll(progress: IndexProgress | undefined, isCancelled: () => boolean) {
    const started = Date.now();
    if (!this.cacheLoaded) {
      this.cacheLoaded = true;
      // A warm start analyses few files or none; jieba's image, still being made, would only take memory.
      if (this.cache.onDisk) {
        cancelPrestartedWorker();
        cancelSegmenterImage();
      }
      const status = await this.cache.load();
      this.reporter.log(`Summit Lens cache: ${status}.`);
    }
    const files = this.files.list();
    const total = files.length;
    progress?.begin(total);
    let done = 0;
    let fromCache = 0;
    let lastReport = Date.now();
    // Enough files in flight that a worker never waits for the next file while its outcomes, sent a
    // few at a time, reach this thread (4 per worker left it idle ≈ 10 % of the time); without
    // workers, one lane (the files are analysed here, one after another).
    const inFlight = this.pool.size > 0 ? this.pool.size * FILES_IN_FLIGHT_PER_WORKER : 1;
    let next = 0;
    // Files are read synchronously and cached analyses applied at once, so the lanes share one
    // budget per turn of the event loop. Past it, every lane waits for the next turn, and the
    // requests that arrived meanwhile are answered first.
    const turnBudget = this.pool.size > 0 ? YIELD_EVERY_MS : YIELD_EVERY_MS_WITHOUT_WORKERS;
    let turnStarted = performance.now();
    let nextTurn: Promise<void> | undefined;
    const waitForNextTurn = () =>
      (nextTurn ??= new Promise<void>((resolve) =>
        setImmediate(() => {
          nextTurn = undefined;
          turnStarted = performance.now();
          resolve();
        }),
      ));
    // Files of an article's kind that did not read as one: the user is told which, so none is dropped unseen.
    const notArticles: string[] = [];
    const lane = async () => {
      while (next < files.length && !isCancelled()) {
        if (performance.now() - turnStarted > turnBudget) {
          await waitForNextTurn();
          continue;
        }
        const file = files[next++];
        const outcome = await this.indexFile(file);
        if (outcome === 'cache') fromCache++;
        else if (outcome === 'not an article') notArticles.push(file);
        done++;
        if (Date.now() - lastReport >= 100) {
          lastReport = Date.now();
          progress?.report(done, total);
        }
      }
    };
    this.pool.open();
    try {
      await Promise.all(Array.from({ length: inFlight }, lane));
    } finally {
      await this.pool.close();
    }

    // Files indexed earlier that are gone now (a re-index after changes the watcher missed).
    const cancelled = isCancelled();
    if (!cancelled) {
      const listed = new Set(files.map((file) => pathToFileURL(file).href));
      for (const uri of this.lens.uris()) {
        if (uri.startsWith('file:') && !listed.has(uri) && !this.lens.isOpen(uri)) this.forget(uri);
      }
      for (const file of [...this.unreadable.keys()]) if (!listed.has(pathToFileURL(file).href)) this.unreadable.delete(file);
    }
    progress?.end();
    limitHeapGrowth();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    this.reporter.log(
      `Summit Lens indexed ${this.lens.articleCount()} articles from ${done} files in ${seconds} s (${fromCache} from the cache, ${this.pool.size} worker threads)${cancelled ? ' (cancelled)' : ''}.`,
    );
    if (notArticles.length > 0) this.reporter.log(skippedFilesMessage(notArticles));
    await this.saveCache();
    return { files: done, fromCache, cancelled };
  }

  /**
   * Reads one file from disk and indexes it, unless an editor holds it open. Unchanged content
   * comes from the cache; the rest is analysed by the pool. Returns what happened.
   */
  async indexFile(file: string): Promise<IndexOutcome> {
    const uri = pathToFileURL(file).href;
    if (this.lens.isOpen(uri)) return 'skipped';
    const generation = ++this.generation;
    this.generations.set(uri, generation);
    const current = () => this.generations.get(uri) === generation && !this.lens.isOpen(uri);
    if (!this.files.isCandidate(file)) {
      this.forget(uri);
      return 'not an article';
    }
    const listed = this.files.isListed(file);
    const stamp = stampOf(file);
    if (!stamp.ok) return this.markUnreadable(file, uri, stamp.message);
    // A file whose size, times and inode are as cached is not even read.
    const knownHash = this.cache.hashFor(uri, stamp.size, stamp.mtimeMs, stamp);
    const known = knownHash !== undefined ? this.cache.lookup(knownHash, uri, listed) : undefined;
    if (knownHash !== undefined && known !== undefined) {
      this.apply(uri, knownHash, known);
      return known ? 'cache' : 'not an article';
    }
    const read = readFileBytes(file, stamp);
    if (!read.bytes) return this.markUnreadable(file, uri, read.message);
    this.unreadable.delete(file);
    const hash = contentHash(read.bytes);
    this.cache.stamp(uri, stamp.size, stamp.mtimeMs, hash, stamp);
    const cached = this.cache.lookup(hash, uri, listed);
    if (cached !== undefined) {
      this.apply(uri, hash, cached);
      return cached ? 'cache' : 'not an article';
    }
    const outcome = await this.pool.analyze(uri, read.bytes, listed);
    if (!current()) return 'skipped';
    this.cache.set(hash, outcome.article, outcome.analysis);
    this.apply(uri, hash, outcome.analysis ?? null);
    return outcome.analysis ? 'analysed' : 'not an article';
  }

  private markUnreadable(file: string, uri: string, message: string): IndexOutcome {
    this.forget(uri);
    // A file that vanished between listing and reading is simply gone.
    if (/ENOENT/.test(message)) {
      this.unreadable.delete(file);
      return 'not an article';
    }
    this.unreadable.set(file, message);
    this.reporter.warn(`Summit Lens could not read ${file}: ${message}`);
    return 'unreadable';
  }

  private apply(uri: string, hash: string, analysis: ArticleAnalysis | null): void {
    this.diskHashes.set(uri, hash);
    if (analysis) this.lens.put(analysis);
    else this.lens.remove(uri);
  }

  private forget(uri: string): void {
    this.generations.set(uri, ++this.generation);
    this.diskHashes.delete(uri);
    if (!this.lens.isOpen(uri)) this.lens.remove(uri);
  }

  /** Applies file events; each touches only the files it names. Returns whether a knowledge file changed. */
  async applyFileChanges(changes: readonly FileChange[]): Promise<boolean> {
    let knowledgeChanged = false;
    const work: Array<Promise<unknown>> = [];
    for (const { file, deleted } of changes) {
      if (this.files.isKnowledgeFile(file)) {
        knowledgeChanged = true;
        continue;
      }
      const uri = pathToFileURL(file).href;
      if (deleted) {
        this.unreadable.delete(file);
        if (!this.lens.isOpen(uri)) this.forget(uri);
      } else {
        work.push(this.indexFile(file));
      }
    }
    await Promise.all(work);
    this.scheduleSave();
    return knowledgeChanged;
  }

  /** Writes the cache soon, once a burst of file events is over. */
  scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCache(), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  async saveCache(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    try {
      await this.cache.save(this.diskHashes);
    } catch (error) {
      // A cache that cannot be written only costs the next start its speed.
      this.reporter.warn(`Summit Lens could not write its cache: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async dispose(): Promise<void> {
    await this.saveCache();
    await this.pool.close();
  }
}

/** How many files were skipped as not articles, and the first of them, for the output channel. */
export function skippedFilesMessage(files: readonly string[], shown = 50): string {
  const sorted = [...files].sort();
  const listed = sorted.slice(0, shown).map((file) => `  ${file}`).join('\n');
  const more = sorted.length > shown ? `\n  … and ${sorted.length - shown} more` : '';
  return `Summit Lens skipped ${sorted.length} file${sorted.length === 1 ? '' : 's'} that do not read as articles (add them to summitLens.corpus, or run "Treat this file as a corpus article", to index them anyway):\n${listed}${more}`;
}
