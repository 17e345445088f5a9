/**
 * Keeps the index in step with the workspace: indexes every corpus file on start (with
 * progress, cancellable, answering requests meanwhile from what is indexed so far), reuses the
 * persisted analyses of unchanged files, follows file-watcher events and open editors, and
 * reloads the workspace's figure and meeting files. Every event touches only the files it names.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { FileChangeType, type Connection, type FileEvent, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { CORPUS_EXTENSIONS, type ArticleAnalysis, type KnowledgeSource, type SummitLensService } from '../core/index';
import { AnalysisCache, CACHE_FILE_NAME, cacheKey, contentHash } from '../io/analysisCache';
import { listCorpusFiles, readFileBytes, stampOf } from '../io/readArticleFile';
import { IndexPool } from './indexPool';

export const KNOWLEDGE_FILES = ['figures.yaml', 'meetings.yaml'];

/** VS Code's `files.exclude`: glob → true, or a `when` clause (which we cannot evaluate, so it does not exclude). */
export type FilesExclude = Record<string, boolean | { when: string }>;

/** How long after the last file event the cache is written. */
const SAVE_DELAY_MS = 2000;

/**
 * The longest the start-up index keeps the event loop before letting requests through. A request
 * takes several turns of the loop to be read, handled and answered, so when the files are
 * analysed in this thread (no workers) the turns are kept shorter.
 */
const YIELD_EVERY_MS = 8;
const YIELD_EVERY_MS_WITHOUT_WORKERS = 2;

export class CorpusWorkspace {
  private folders: string[] = [];
  private corpusMatchers: Array<(file: string) => boolean> = [];
  private excludeMatchers: Array<(relative: string) => boolean> = [];
  private indexing: Promise<void> = Promise.resolve();
  private knowledgeSource: KnowledgeSource = {};
  private cache = new AnalysisCache(undefined, cacheKey({}));
  private cacheLoaded = false;
  private saveTimer: NodeJS.Timeout | undefined;
  /** The content hash of each file indexed from disk: what the cache keeps on save. */
  private readonly diskHashes = new Map<string, string>();
  /** Per file, the latest indexing request; an older request's result is dropped when it arrives. */
  private readonly generations = new Map<string, number>();
  private generation = 0;
  readonly pool: IndexPool;
  /** Files whose editor text is authoritative until closed. */
  readonly openUris = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly service: SummitLensService,
    pool?: IndexPool,
  ) {
    this.pool = pool ?? new IndexPool((message) => connection.console.warn(message), () => service.knowledge);
  }

  setFolders(uris: string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  /** Where the persisted cache lives (the extension's storage folder); without one, nothing is persisted. */
  setCacheDir(dir: string | undefined): void {
    this.cache = new AnalysisCache(dir ? path.join(dir, CACHE_FILE_NAME) : undefined, cacheKey(this.knowledgeSource));
    this.cacheLoaded = false;
  }

  setCorpusGlobs(globs: string[]): void {
    this.corpusMatchers = globs.map((glob) => {
      const isMatch = picomatch(glob.replace(/\\/g, '/'), { dot: false });
      return (file: string) => {
        const relative = this.folders.map((folder) => path.relative(folder, file).split(path.sep).join('/'));
        return relative.some((candidate) => isMatch(candidate) || candidate.startsWith(`${glob.replace(/\/+$/, '')}/`));
      };
    });
  }

  /** Honours `files.exclude`: excluded files and folders are neither indexed nor followed. */
  setFilesExclude(exclude: FilesExclude | undefined): void {
    this.excludeMatchers = Object.entries(exclude ?? {})
      .filter(([, enabled]) => enabled === true)
      .map(([glob]) => picomatch(glob.replace(/\\/g, '/'), { dot: true }));
  }

  isExcluded(file: string): boolean {
    if (this.excludeMatchers.length === 0) return false;
    for (const folder of this.folders) {
      const relative = path.relative(folder, file).split(path.sep).join('/');
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      // A pattern naming a folder excludes everything below it, as in VS Code.
      const parts = relative.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        if (this.excludeMatchers.some((matches) => matches(prefix))) return true;
      }
    }
    return false;
  }

  /** Reads `.summit-lens/figures.yaml` and `meetings.yaml` of the first folder that has them. */
  loadKnowledge(): KnowledgeSource & { files: string[] } {
    const files: string[] = [];
    const read = (name: string) => {
      for (const folder of this.folders) {
        const file = path.join(folder, '.summit-lens', name);
        if (existsSync(file)) {
          files.push(file);
          try {
            return readFileSync(file, 'utf8');
          } catch {
            return '';
          }
        }
      }
      return undefined;
    };
    const source: KnowledgeSource = { workspaceFigures: read('figures.yaml'), workspaceMeetings: read('meetings.yaml') };
    this.useKnowledge(source);
    return { ...source, files };
  }

  /** Tells the workers and the cache which knowledge the analyses are made with. */
  useKnowledge(source: KnowledgeSource): void {
    this.knowledgeSource = source;
    this.pool.setKnowledge(source);
    const key = cacheKey(source);
    if (this.cache.key !== key) {
      // Every analysis depends on the knowledge: none of the old ones can be reused.
      this.cache.reset(key);
      this.diskHashes.clear();
    }
  }

  /** Indexes every corpus file of every folder. Resolves when done or cancelled. */
  indexAll(progress?: WorkDoneProgressReporter, isCancelled: () => boolean = () => false): Promise<void> {
    this.indexing = this.indexing.then(() => this.runIndexAll(progress, isCancelled));
    return this.indexing;
  }

  /** Every corpus candidate of every folder: by extension, not excluded, and listed by the corpus setting if there is one. */
  listFiles(): string[] {
    const files = new Set<string>();
    for (const folder of this.folders) {
      for (const file of listCorpusFiles(folder, (candidate) => this.isExcluded(candidate))) {
        if (this.corpusMatchers.length === 0 || this.corpusMatchers.some((matches) => matches(file))) files.add(file);
      }
    }
    return [...files].sort();
  }

  private async runIndexAll(progress: WorkDoneProgressReporter | undefined, isCancelled: () => boolean): Promise<void> {
    const started = Date.now();
    if (!this.cacheLoaded) {
      this.cacheLoaded = true;
      const status = await this.cache.load();
      this.connection.console.log(`Summit Lens cache: ${status}.`);
    }
    const files = this.listFiles();
    const total = files.length;
    const totalText = total.toLocaleString('en');
    progress?.begin('Summit Lens', 0, `Indexing 0 / ${totalText} articles`, true);
    let done = 0;
    let fromCache = 0;
    let lastReport = Date.now();
    const report = () => {
      if (Date.now() - lastReport < 100) return;
      lastReport = Date.now();
      progress?.report(Math.round((done / Math.max(1, total)) * 100), `Indexing ${done.toLocaleString('en')} / ${totalText} articles`);
    };
    // Enough files in flight to keep every worker busy while the next files are read; without
    // workers, one lane (the files are analysed here, one after another).
    const inFlight = this.pool.size > 0 ? this.pool.size * 4 : 1;
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
    const lane = async () => {
      while (next < files.length && !isCancelled()) {
        if (performance.now() - turnStarted > turnBudget) {
          await waitForNextTurn();
          continue;
        }
        const file = files[next++];
        if ((await this.indexFile(file)) === 'cache') fromCache++;
        done++;
        report();
      }
    };
    this.pool.open();
    try {
      await Promise.all(Array.from({ length: inFlight }, lane));
    } finally {
      await this.pool.close();
    }

    // Files indexed earlier that are gone now (a re-index after changes the watcher missed).
    if (!isCancelled()) {
      const listed = new Set(files.map((file) => pathToFileURL(file).href));
      for (const uri of [...this.service.index.uris()]) {
        if (uri.startsWith('file:') && !listed.has(uri) && !this.openUris.has(uri)) this.forget(uri);
      }
    }
    progress?.done();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    this.connection.console.log(
      `Summit Lens indexed ${this.service.index.size} articles from ${done} files in ${seconds} s (${fromCache} from the cache, ${this.pool.size} worker threads)${isCancelled() ? ' (cancelled)' : ''}.`,
    );
    await this.saveCache();
  }

  /**
   * Reads one file from disk and indexes it, unless an editor holds it open. Unchanged content
   * comes from the cache; the rest is analysed by the pool. Returns where the answer came from.
   */
  async indexFile(file: string): Promise<'cache' | 'analysed' | 'removed' | 'skipped'> {
    const uri = pathToFileURL(file).href;
    if (this.openUris.has(uri)) return 'skipped';
    const generation = ++this.generation;
    this.generations.set(uri, generation);
    const current = () => this.generations.get(uri) === generation && !this.openUris.has(uri);
    const stat = stampOf(file);
    const listed = this.corpusMatchers.length > 0;
    if (!stat.ok || (listed && !this.corpusMatchers.some((matches) => matches(file)))) {
      this.forget(uri);
      return 'removed';
    }
    // A file whose size and modification time are as cached is not even read.
    const knownHash = this.cache.hashFor(uri, stat.size, stat.mtimeMs);
    const known = knownHash !== undefined ? this.cache.lookup(knownHash, uri, listed) : undefined;
    if (knownHash !== undefined && known !== undefined) {
      this.apply(uri, knownHash, known);
      return known ? 'cache' : 'removed';
    }
    const { bytes } = readFileBytes(file, stat);
    if (!bytes) {
      this.forget(uri);
      return 'removed';
    }
    const hash = contentHash(bytes);
    this.cache.stamp(uri, stat.size, stat.mtimeMs, hash);
    const cached = this.cache.lookup(hash, uri, listed);
    if (cached !== undefined) {
      this.apply(uri, hash, cached);
      return cached ? 'cache' : 'removed';
    }
    const outcome = await this.pool.analyze(uri, bytes, listed);
    if (!current()) return 'skipped';
    if (outcome.error) {
      this.connection.console.warn(`Summit Lens could not index ${file}: ${outcome.error}`);
      return 'skipped';
    }
    this.cache.set(hash, outcome.article, outcome.analysis);
    this.apply(uri, hash, outcome.analysis ?? null);
    return outcome.analysis ? 'analysed' : 'removed';
  }

  private apply(uri: string, hash: string, analysis: ArticleAnalysis | null): void {
    this.diskHashes.set(uri, hash);
    if (analysis) this.service.index.set(analysis);
    else this.service.remove(uri);
  }

  private forget(uri: string): void {
    this.generations.set(uri, ++this.generation);
    this.diskHashes.delete(uri);
    this.service.remove(uri);
  }

  /** Applies watched-file events; each touches only the files it names. Returns whether knowledge files changed. */
  async applyFileEvents(events: FileEvent[]): Promise<boolean> {
    let knowledgeChanged = false;
    const work: Array<Promise<unknown>> = [];
    for (const event of events) {
      if (!event.uri.startsWith('file:')) continue;
      const file = fileURLToPath(event.uri);
      // The index names a file as Node spells its path; the client may spell it otherwise (op%2Bed).
      const uri = pathToFileURL(file).href;
      if (path.basename(path.dirname(file)) === '.summit-lens' && KNOWLEDGE_FILES.includes(path.basename(file))) {
        knowledgeChanged = true;
        continue;
      }
      if (!CORPUS_EXTENSIONS.has(path.extname(file).toLowerCase())) continue;
      if (event.type === FileChangeType.Deleted) {
        if (!this.openUris.has(uri)) this.forget(uri);
      } else if (this.isExcluded(file)) {
        this.forget(uri);
      } else {
        work.push(this.indexFile(file));
      }
    }
    await Promise.all(work);
    this.scheduleSave();
    return knowledgeChanged;
  }

  /**
   * Re-analyses the open articles with new knowledge, from the editor's text. The rest are
   * analysed again from disk by the next `indexAll` (new knowledge, new cache key).
   */
  reanalyzeOpen(openText: (uri: string) => string | undefined): void {
    for (const uri of this.openUris) {
      const text = openText(uri);
      if (text !== undefined) this.service.update(uri, text);
    }
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
      this.connection.console.warn(`Summit Lens could not write its cache: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async dispose(): Promise<void> {
    await this.saveCache();
    await this.pool.close();
  }
}
