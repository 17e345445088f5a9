/**
 * jieba's dictionary image (see core/figures/segmenter.ts), kept on disk between runs. Building
 * the dictionary takes ≈ 0.22 s, and a cold index waits for it at its first window; loading an
 * image written by an earlier run takes a few hundredths of a second. The first run on a machine
 * builds the dictionary and writes the image (≈ 46 MB) to a cache folder of the user's (the
 * editor's storage for the extension, else the platform's cache folder); every later cold index
 * loads it. An image that does not hold (another jieba, a damaged file) fails the probe window
 * and the thread builds its own, as before; so does a thread that cannot read or write the folder.
 *
 * The file is the image's pages, then its other fields as JSON, then that JSON's length (4 bytes):
 * the pages are read in place, with no copy of 46 MB.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { buildSegmenterNow, makeSegmenterImage, PAGE_BYTES, segmenterOrigin, useSegmenterImage, type SegmenterImage } from '../core/figures/segmenter';

/** Names the file's layout; a new layout is a new file. */
const FORMAT = 1;

/** The folder for machine-wide caches: `SUMMIT_LENS_CACHE_DIR` (the client sets the editor's storage), else the platform's. */
function cacheFolder(): string | undefined {
  if (process.env.SUMMIT_LENS_CACHE_DIR) return process.env.SUMMIT_LENS_CACHE_DIR;
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ? path.join(process.env.LOCALAPPDATA, 'summit-lens') : undefined;
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Caches', 'summit-lens');
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'summit-lens');
}

/** Where the image of this build's jieba is kept (its module's size names it), or undefined. */
export function segmenterImageFile(wasm = path.join(__dirname, 'jieba.wasm')): string | undefined {
  try {
    const folder = cacheFolder();
    return folder ? path.join(folder, `jieba-${statSync(wasm).size}-${FORMAT}.image`) : undefined;
  } catch {
    return undefined;
  }
}

export function readSegmenterImageFile(file: string): SegmenterImage | undefined {
  try {
    const bytes = readFileSync(file);
    const headerLength = bytes.readUInt32LE(bytes.length - 4);
    const headerStart = bytes.length - 4 - headerLength;
    const header = JSON.parse(bytes.toString('utf8', headerStart, bytes.length - 4)) as Omit<SegmenterImage, 'pageNumbers' | 'pages'> & { pageNumbers: number[] };
    if (!Number.isInteger(header.memoryBytes) || !Array.isArray(header.pageNumbers) || !Array.isArray(header.tableValues) || typeof header.probe?.window !== 'string') return undefined;
    if (header.tableValues.some((value) => value !== null && typeof value === 'object')) return undefined;
    // The pages are the file's first bytes: a buffer of the file's own (as readFileSync makes for large files) is used as it is.
    const pages = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes.buffer : Uint8Array.prototype.slice.call(bytes).buffer;
    if (header.pageNumbers.length * PAGE_BYTES > headerStart) return undefined;
    return { memoryBytes: header.memoryBytes, pageNumbers: Uint32Array.from(header.pageNumbers), pages: pages as ArrayBuffer, tableValues: header.tableValues, probe: header.probe };
  } catch {
    return undefined;
  }
}

export function writeSegmenterImageFile(file: string, image: SegmenterImage): void {
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const header = Buffer.from(JSON.stringify({ memoryBytes: image.memoryBytes, pageNumbers: Array.from(image.pageNumbers), tableValues: image.tableValues, probe: image.probe }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    // Written piece by piece: one buffer of the whole would be another 46 MB in memory.
    const fd = openSync(partial, 'w', 0o600);
    try {
      for (const piece of [new Uint8Array(image.pages), header, length]) for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
    } finally {
      closeSync(fd);
    }
    // Renamed into place whole, so a reader never sees half a file.
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written costs the next run the build, nothing more.
  }
}

/** Where this thread's jieba takes its dictionary from when it loads: the image kept in `file`, if there is one. */
export function useStoredSegmenterImage(file: string | undefined): void {
  if (file) useSegmenterImage(() => readSegmenterImageFile(file));
}

/** Keeps this thread's jieba for the next run, if it built its dictionary itself (`image`: one made of it already). */
export function keepSegmenterImage(file: string | undefined, image?: SegmenterImage): void {
  if (!file || segmenterOrigin() !== 'own') return;
  const made = image ?? makeSegmenterImage();
  if (made) writeSegmenterImageFile(file, made);
}

/**
 * Loads jieba in this thread now: from the image an earlier run kept, or built, and then kept for
 * the next run. For the thread that will segment first in a cold index (see prestartedWorker.ts).
 */
export function buildSegmenterFromStoredImage(file = segmenterImageFile()): void {
  useStoredSegmenterImage(file);
  buildSegmenterNow();
  keepSegmenterImage(file);
}
