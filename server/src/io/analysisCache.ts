/**
 * The persisted analysis cache: the analyses of the workspace's files, keyed by a hash of each
 * file's bytes, so reopening a workspace reads and hashes files instead of parsing them. The
 * whole cache belongs to one cache key (the server code that produced it and the knowledge it
 * used); a cache with another key, or one that cannot be read, is ignored and rebuilt.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAnalysis, storeAnalysis, type ArticleAnalysis, type KnowledgeSource } from '../core/index';

/** Bumped when the file layout below changes. */
const CACHE_FORMAT = 'summit-lens-analysis-cache/2';
export const CACHE_FILE_NAME = 'analysis-cache.json';

/** What the cache remembers about one file's content: whether it reads as an article, and its analysis (without the URI) if it was analysed. */
export interface CachedContent {
  article: boolean;
  analysis?: Omit<ArticleAnalysis, 'uri'>;
}

interface CacheFile {
  format: string;
  key: string;
  /** Per content hash, a `CachedContent` with its ranges stored as four numbers. */
  entries: Record<string, unknown>;
  /** Per file: size, modification time and content hash, so an unchanged file is not even read. */
  stamps?: Record<string, [number, number, string]>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

let codeHash: string | undefined;

/**
 * The parser version: a hash of the running server bundle, so any change to the parser or the
 * recognisers (which ship inside it, as does the built-in catalogue) invalidates the cache.
 */
function serverCodeHash(): string {
  if (codeHash === undefined) {
    try {
      codeHash = contentHash(readFileSync(__filename));
    } catch {
      codeHash = 'unknown';
    }
  }
  return codeHash;
}

/** The key every cached analysis depends on: the cache layout, the server code and the workspace knowledge. */
export function cacheKey(knowledge: KnowledgeSource): string {
  const knowledgeText = JSON.stringify([knowledge.workspaceFigures ?? null, knowledge.workspaceMeetings ?? null]);
  return contentHash(Buffer.from(`${CACHE_FORMAT}\n${serverCodeHash()}\n${knowledgeText}`));
}

/** A cache entry as stored, or undefined when it is not one: treated as a miss. */
function loadContent(value: unknown): CachedContent | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entry = value as CachedContent;
  if (typeof entry.article !== 'boolean') return undefined;
  try {
    return entry.analysis === undefined ? { article: entry.article } : { article: entry.article, analysis: loadAnalysis(entry.analysis) };
  } catch {
    return undefined;
  }
}

export class AnalysisCache {
  private entries = new Map<string, CachedContent>();
  private stamps = new Map<string, [number, number, string]>();
  private saving: Promise<void> = Promise.resolve();
  /** Whether the entries differ from the file: a warm start that found everything writes nothing. */
  private dirty = false;

  constructor(
    private readonly file: string | undefined,
    private currentKey: string,
  ) {}

  get key(): string {
    return this.currentKey;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Loads the file; a missing, corrupt or stale cache leaves this one empty. Returns what happened, for the log. */
  async load(): Promise<string> {
    this.entries.clear();
    this.stamps.clear();
    if (!this.file) return 'no cache location';
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return 'no cache yet';
    }
    try {
      const parsed = JSON.parse(text) as Partial<CacheFile>;
      if (parsed.format !== CACHE_FORMAT || parsed.key !== this.currentKey) return 'cache is stale (other server version or knowledge); rebuilding';
      if (!parsed.entries || typeof parsed.entries !== 'object') return 'cache is corrupt; rebuilding';
      for (const [hash, stored] of Object.entries(parsed.entries)) {
        const entry = loadContent(stored);
        if (entry) this.entries.set(hash, entry);
        else this.dirty = true;
      }
      for (const [uri, stamp] of Object.entries(parsed.stamps ?? {})) {
        if (Array.isArray(stamp) && typeof stamp[0] === 'number' && typeof stamp[1] === 'number' && typeof stamp[2] === 'string') this.stamps.set(uri, stamp);
      }
      return `cache holds ${this.entries.size} files`;
    } catch {
      return 'cache is corrupt; rebuilding';
    }
  }

  /** Starts over under a new key, e.g. after the workspace knowledge changed. */
  reset(key: string): void {
    this.currentKey = key;
    this.entries.clear();
    this.stamps.clear();
    this.dirty = true;
  }

  /** The content hash recorded for a file of this size and modification time, if any. */
  hashFor(uri: string, size: number, mtimeMs: number): string | undefined {
    const stamp = this.stamps.get(uri);
    return stamp && stamp[0] === size && stamp[1] === mtimeMs ? stamp[2] : undefined;
  }

  stamp(uri: string, size: number, mtimeMs: number, hash: string): void {
    const old = this.stamps.get(uri);
    if (old && old[0] === size && old[1] === mtimeMs && old[2] === hash) return;
    this.stamps.set(uri, [size, mtimeMs, hash]);
    this.dirty = true;
  }

  get(hash: string): CachedContent | undefined {
    return this.entries.get(hash);
  }

  /**
   * The cached answer for content: its analysis under `uri`, `null` if the content is known not to
   * be an article, `undefined` on a miss. `listed` files (named by the corpus setting) are articles
   * whatever their content, so only a stored analysis answers for them.
   */
  lookup(hash: string, uri: string, listed: boolean): ArticleAnalysis | null | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.analysis) return { ...entry.analysis, uri };
    return listed || entry.article ? undefined : null;
  }

  set(hash: string, article: boolean, analysis: ArticleAnalysis | undefined): void {
    this.dirty = true;
    if (!analysis) {
      this.entries.set(hash, { article });
      return;
    }
    const { uri: _uri, ...rest } = analysis;
    this.entries.set(hash, { article, analysis: rest });
  }

  /**
   * Writes the entries for the given hashes (the files the workspace has now), atomically: a
   * crash mid-write leaves the old cache or none, never half a file.
   */
  save(live: ReadonlyMap<string, string>): Promise<void> {
    // One write at a time: a save requested during another starts after it.
    const files = new Map(live);
    this.saving = this.saving.catch(() => undefined).then(() => this.write(files));
    return this.saving;
  }

  /** `live` maps each file the workspace has now to its content hash. */
  private async write(live: Map<string, string>): Promise<void> {
    if (!this.file) return;
    const kept = new Map<string, CachedContent>();
    for (const hash of live.values()) {
      const entry = this.entries.get(hash);
      if (entry) kept.set(hash, entry);
    }
    const stamps: Record<string, [number, number, string]> = {};
    for (const [uri, hash] of live) {
      const stamp = this.stamps.get(uri);
      if (stamp && stamp[2] === hash) stamps[uri] = stamp;
    }
    if (!this.dirty && kept.size === this.entries.size && Object.keys(stamps).length === this.stamps.size) return;
    this.dirty = false;
    // Forget content no file has any more, so the cache does not grow without bound.
    this.entries = kept;
    this.stamps = new Map(Object.entries(stamps));
    const entries: Record<string, unknown> = {};
    for (const [hash, entry] of kept) entries[hash] = entry.analysis ? { article: entry.article, analysis: storeAnalysis(entry.analysis) } : { article: entry.article };
    const body: CacheFile = { format: CACHE_FORMAT, key: this.currentKey, entries, stamps };
    const temporary = `${this.file}.${process.pid}.tmp`;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.writeFile(temporary, JSON.stringify(body));
    await fs.rename(temporary, this.file);
  }
}
