/**
 * Reads corpus files from disk for the server and the CLI (the core does no IO): decodes
 * UTF-8, falls back to the Chinese legacy encodings, and turns every failure into a message.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS_EXTENSIONS } from '../core/article/detect';

/** Files above this size are not read at all; the parser reads at most 16 M characters anyway. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; note?: string } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array): ReadResult {
  // NUL bytes mean binary data, not a legacy encoding: let the parser say so.
  if (bytes.subarray(0, 8192).includes(0)) return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  // Node's native decoder is fastest; only text with replacement characters needs the strict check.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!text.includes('\ufffd')) return { ok: true, text };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    // Older Chinese pages are often GB18030 (simplified) or Big5 (traditional).
    for (const encoding of ['gb18030', 'big5']) {
      try {
        const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
        return { ok: true, text, note: `not valid UTF-8; decoded as ${encoding.toUpperCase()}` };
      } catch {
        // Try the next encoding.
      }
    }
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), note: 'not valid UTF-8 and not GB18030 or Big5; undecodable bytes were replaced' };
  }
}

/** A regular file's size and modification time, or why it cannot be read. */
export type FileStamp = { ok: true; size: number; mtimeMs: number } | { ok: false; message: string };

/**
 * Stats a file and applies the size limit. Synchronous on purpose: a stat takes microseconds,
 * and the promise-based API costs more in thread-pool round trips than the work itself when
 * thousands of files are indexed (the index yields to requests between files instead).
 */
export function stampOf(file: string): FileStamp {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, message: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, message: `too large to read (${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)` };
    return { ok: true, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A file's bytes, after the checks of `stampOf` (pass its stamp if it was just taken); a message when it cannot be read. */
export function readFileBytes(file: string, stamp: FileStamp = stampOf(file)): { bytes: Uint8Array } | { bytes?: undefined; message: string } {
  if (!stamp.ok) return { message: stamp.message };
  try {
    return { bytes: readFileSync(file) };
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
}

export function readArticleFile(file: string): ReadResult {
  const read = readFileBytes(file);
  return read.bytes ? decodeBytes(read.bytes) : { ok: false, message: read.message };
}

/** Every corpus file below `root`, sorted, skipping dot-folders, node_modules and what `excluded` names. */
export function listCorpusFiles(root: string, excluded: (file: string) => boolean = () => false): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (excluded(full)) continue;
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && CORPUS_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.push(full);
    }
  };
  try {
    // A file named explicitly is taken as it is; reading it will say if it is not a regular file.
    if (!statSync(root).isDirectory()) return [root];
  } catch {
    return [];
  }
  visit(root);
  return found.sort();
}
