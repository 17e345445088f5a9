/**
 * Reads corpus files from disk for the server and the CLI (the core does no IO): decodes
 * UTF-8 or UTF-16 (by byte order mark or byte pattern), falls back to GB18030 or Big5 as a
 * detector weighs them, says which encoding it used, and turns every failure into a message.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { CORPUS_EXTENSIONS } from '../core/index';

/**
 * Files above this size are not read at all (a problem says so): memory per file stays bounded
 * (a 16 MB page costs a few hundred MB while it is parsed). Up to it a file is outlined, and up to
 * `MAX_RECOGNISED_CHARACTERS` of text it is analysed in full.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; note?: string } | { ok: false; message: string };

/** How many leading bytes the encoding checks look at: enough for statistics, bounded for huge files. */
const SAMPLE_BYTES = 64 * 1024;

/** The byte order marks that name an encoding outright (UTF-8's needs no decoder of its own). */
const BYTE_ORDER_MARKS: Array<{ bytes: number[]; encoding: string; name: string }> = [
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', name: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', name: 'UTF-16BE' },
];

/**
 * UTF-16 without a byte order mark: the ASCII of an article (markup, digits, line breaks)
 * puts a NUL byte beside each character, all on the same side of the pair; only the few
 * characters such as 一 (U+4E00) put one on the other side. Binary data has NUL bytes on both
 * sides alike, and usually unpaired surrogates, which the strict decoder then refuses.
 */
function utf16Order(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd >= 8 && odd >= even * 4) return 'utf-16le';
  if (even >= 8 && even >= odd * 4) return 'utf-16be';
  return undefined;
}

function strictDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function replacementCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) count++;
  return count;
}

/**
 * The names chardet gives, as iconv-lite encodings: Node's own Big5 decoder lacks the Hong Kong
 * characters (嘅, 咗) and silently drops their bytes, so Big5 is read as Big5-HKSCS, its superset.
 */
const LEGACY_ENCODINGS: Record<string, { iconv: string; name: string }> = {
  GB18030: { iconv: 'gb18030', name: 'GB18030' },
  Big5: { iconv: 'big5hkscs', name: 'Big5-HKSCS' },
};

/**
 * A legacy Chinese encoding, weighed by a statistical detector (chardet): GB18030 (simplified)
 * against Big5 and Big5-HKSCS (traditional). The likelier one that decodes without errors wins;
 * when the detector cannot tell (a short text), GB18030 is tried first.
 */
function legacyChinese(bytes: Uint8Array): { text: string; note: string } {
  const confidence = new Map(analyse(bytes.subarray(0, SAMPLE_BYTES)).map((match) => [match.name, match.confidence]));
  const gb = confidence.get('GB18030') ?? 0;
  const big5 = confidence.get('Big5') ?? 0;
  const how = gb === big5 ? 'the detector could not tell; it decodes without errors' : 'detected';
  const decoded = (big5 > gb ? ['Big5', 'GB18030'] : ['GB18030', 'Big5']).map((detectorName) => {
    const encoding = LEGACY_ENCODINGS[detectorName];
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding.iconv);
    return { text, name: encoding.name, replaced: replacementCount(text) };
  });
  const clean = decoded.find((candidate) => candidate.replaced === 0);
  if (clean) return { text: clean.text, note: `not valid UTF-8; decoded as ${clean.name} (${how})` };
  const best = decoded[0].replaced <= decoded[1].replaced ? decoded[0] : decoded[1];
  return { text: best.text, note: `not valid UTF-8; decoded as ${best.name}, the closest fit, with ${best.replaced.toLocaleString('en')} undecodable byte sequences replaced` };
}

export function decodeBytes(bytes: Uint8Array): ReadResult {
  for (const mark of BYTE_ORDER_MARKS) {
    if (mark.bytes.every((byte, i) => bytes[i] === byte)) {
      // TextDecoder drops the mark, as editors do.
      const text = strictDecode(bytes, mark.encoding);
      if (text !== undefined) return { ok: true, text, note: `decoded as ${mark.name} (byte order mark)` };
    }
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) {
    const order = utf16Order(sample);
    const text = order && strictDecode(bytes, order);
    if (order && text !== undefined) return { ok: true, text, note: `decoded as ${order.toUpperCase()} (no byte order mark; detected from the byte pattern)` };
    // NUL bytes on both sides mean binary data, not a text encoding: let the parser say so.
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  }
  // Node's native decoder is fastest; only text with replacement characters needs the strict check.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!text.includes('\ufffd')) return { ok: true, text };
  const strict = strictDecode(bytes, 'utf-8');
  if (strict !== undefined) return { ok: true, text: strict };
  return { ok: true, ...legacyChinese(bytes) };
}

/** A regular file's size and modification time, or why it cannot be read. */
export type FileStamp = ({ ok: true; size: number; mtimeMs: number } & FileIdentity) | { ok: false; message: string };

/**
 * What changes whenever a file's content or name does, even when its size and modification time
 * are kept (`touch -r`, a rename over it): the status change time and the inode, as git checks.
 */
export interface FileIdentity {
  ctimeMs: number;
  ino: number;
}

/**
 * Stats a file and applies the size limit. Synchronous on purpose: a stat takes microseconds,
 * and the promise-based API costs more in thread-pool round trips than the work itself when
 * thousands of files are indexed (the index yields to requests between files instead).
 */
export function stampOf(file: string): FileStamp {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, message: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, message: tooLarge(stat.size) };
    return { ok: true, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A file's bytes, after the checks of `stampOf` (pass its stamp if it was just taken); a message when it cannot be read. */
export function readFileBytes(file: string, stamp: FileStamp = stampOf(file)): { bytes: Uint8Array } | { bytes?: undefined; message: string } {
  if (!stamp.ok) return { message: stamp.message };
  let descriptor: number | undefined;
  try {
    // The checks are made again on what was opened: the path may have been swapped for a FIFO or a
    // device since it was stat'ed. Non-blocking, so opening a FIFO never waits for a writer.
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(descriptor);
    if (!opened.isFile()) return { message: 'not a regular file' };
    if (opened.size > MAX_FILE_BYTES) return { message: tooLarge(opened.size) };
    // At most the size it had when opened: a file that grows meanwhile is read as it was.
    const bytes = Buffer.alloc(opened.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(descriptor, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return { bytes: bytes.subarray(0, filled) };
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error) };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function tooLarge(size: number): string {
  return `too large to read (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`;
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
