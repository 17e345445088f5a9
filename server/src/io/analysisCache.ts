/**
 * The persisted analysis cache: the analyses of the workspace's files, keyed by a hash of each
 * file's bytes, so reopening a workspace reads and hashes files instead of parsing them. The
 * whole cache belongs to one cache key (the server code that produced it and the knowledge it
 * used); a cache with another key, or one that cannot be read, is ignored and rebuilt.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAnalysis, storeAnalysis, type ArticleAnalysis, type KnowledgeSource, type Range } from '../core/index';
import type { FileIdentity } from './readArticleFile';

/** Bumped when the file layout below changes. */
const CACHE_FORMAT = 'summit-lens-analysis-cache/3';
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
  /**
   * Per file: size, modification time, status change time, inode and content hash, so an
   * unchanged file is not even read. All four must match: a file rewritten or renamed over with
   * its size and modification time kept has a new change time or inode, and is read again.
   */
  stamps?: Record<string, Stamp>;
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

/** A file's size, modification time, status change time, inode and content hash. */
type Stamp = [number, number, number, number, string];

function isStamp(value: unknown): value is Stamp {
  return Array.isArray(value) && value.length === 5 && value.slice(0, 4).every((number) => typeof number === 'number') && typeof value[4] === 'string';
}

/** No line or column of a real file reaches this; a cached range beyond it is made up. */
const MAX_COORDINATE = 2 ** 31;

function isRange(value: unknown): value is Range {
  const range = value as Range;
  return typeof range?.start === 'object' && typeof range?.end === 'object' && range.start !== null && range.end !== null && 'line' in range.start && 'character' in range.end;
}

function isPosition(value: { line: unknown; character: unknown }): boolean {
  return Number.isSafeInteger(value.line) && Number.isSafeInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0 && (value.character as number) <= MAX_COORDINATE;
}

const notAfter = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/**
 * Whether every range of a cached analysis is a real one inside its file: whole numbers, start
 * before end, and within the article's own outline range, which spans the whole file. A cache
 * file is data on disk like any other: a range of 1e308 in it must not reach the editor.
 */
export function rangesAreSound(analysis: Omit<ArticleAnalysis, 'uri'>): boolean {
  const whole = analysis.outline[0]?.range;
  if (!whole || whole.start.line !== 0 || whole.start.character !== 0) return false;
  const sound = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null) return true;
    if (depth > 64) return false;
    if (isRange(value)) return isPosition(value.start) && isPosition(value.end) && notAfter(value.start, value.end) && notAfter(value.end, whole.end);
    const children = Array.isArray(value) ? value : Object.values(value);
    return children.every((child) => sound(child, depth + 1));
  };
  return sound([analysis.outline, analysis.folds, analysis.problems, analysis.figures, analysis.introductions, analysis.meetings, analysis.dateCues], 0);
}

/** A cache entry as stored, or undefined when it is not one: treated as a miss. */
function loadContent(value: unknown): CachedContent | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entry = value as CachedContent;
  if (typeof entry.article !== 'boolean') return undefined;
  if (entry.analysis === undefined) return { article: entry.article };
  try {
    const analysis = loadAnalysis(entry.analysis);
    return rangesAreSound(analysis) ? { article: entry.article, analysis } : undefined;
  } catch {
    return undefined;
  }
}

/** Cache files belong in an absolute place: a relative one would follow the server's working folder. */
function usableLocation(file: string | undefined): string | undefined {
  return file !== undefined && path.isAbsolute(file) ? file : undefined;
}

export class AnalysisCache {
  private entries = new Map<string, CachedContent>();
  private stamps = new Map<string, Stamp>();
  private saving: Promise<void> = Promise.resolve();
  /** Whether the entries differ from the file: a warm start that found everything writes nothing. */
  private dirty = false;

  private readonly file: string | undefined;
  /** A cache location given as a relative path, which is not used. */
  private readonly refused: string | undefined;

  constructor(
    file: string | undefined,
    private currentKey: string,
  ) {
    this.file = usableLocation(file);
    this.refused = file !== undefined && this.file === undefined ? file : undefined;
  }

  get key(): string {
    return this.currentKey;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether there is a cache file to load: a start that will find most files in it. */
  get onDisk(): boolean {
    return this.file !== undefined && existsSync(this.file);
  }

  /** Loads the file; a missing, corrupt or stale cache leaves this one empty. Returns what happened, for the log. */
  async load(): Promise<string> {
    this.entries.clear();
    this.stamps.clear();
    if (this.refused !== undefined) return `the cache location must be an absolute path, not ${JSON.stringify(this.refused)}; no cache is kept`;
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
        if (isStamp(stamp)) this.stamps.set(uri, stamp);
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

  /**
   * The content hash recorded for this file when it had this size, modification time, change
   * time and inode, if any. Without the change time and inode (`identity`) there is no answer:
   * size and modification time alone can be kept while the content changes.
   */
  hashFor(uri: string, size: number, mtimeMs: number, identity?: FileIdentity): string | undefined {
    const stamp = this.stamps.get(uri);
    if (!stamp || !identity) return undefined;
    return stamp[0] === size && stamp[1] === mtimeMs && stamp[2] === identity.ctimeMs && stamp[3] === identity.ino ? stamp[4] : undefined;
  }

  stamp(uri: string, size: number, mtimeMs: number, hash: string, identity?: FileIdentity): void {
    if (!identity) return;
    const fresh: Stamp = [size, mtimeMs, identity.ctimeMs, identity.ino, hash];
    const old = this.stamps.get(uri);
    if (old && old.every((value, i) => value === fresh[i])) return;
    this.stamps.set(uri, fresh);
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
    const stamps: Record<string, Stamp> = {};
    for (const [uri, hash] of live) {
      const stamp = this.stamps.get(uri);
      if (stamp && stamp[4] === hash) stamps[uri] = stamp;
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
