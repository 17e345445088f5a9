/**
 * Word segmentation of the short windows where a name is expected (after a role word, in a
 * byline, in a list), with jieba: jieba-rs compiled to WebAssembly, its dictionary inside, bundled
 * with the core so that it works offline on every platform. It is loaded on first use and only
 * ever asked about a few characters at a time, never a whole article. Its dictionary takes ≈ 60 MB
 * of WebAssembly memory in each thread that loads it, so a process that indexes in several
 * threads keeps one copy in one thread and routes every thread's windows there (`useWindowTagger`).
 */
import { initSync, tag } from 'jieba-wasm/web';

export interface Token {
  word: string;
  /** jieba's part of speech: `nr` a person's name, `ns` a place, `x` a word its dictionary lacks … */
  tag: string;
}

let loaded: boolean | undefined;
const cache = new Map<string, Token[]>();

/** The parts of jieba's WebAssembly instance that hold its state: its memory and wasm-bindgen's table of JavaScript values. */
interface InstanceState {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  table: { readonly length: number; get(index: number): unknown; set(index: number, value: unknown): void; grow(count: number): number };
}

/** The WebAssembly classes, which the core's type libraries (ES2022, no DOM) do not declare. */
const { Memory: WasmMemory, Table: WasmTable } = (globalThis as unknown as { WebAssembly: { Memory: abstract new () => object; Table: abstract new () => object } }).WebAssembly;

let instance: InstanceState | undefined;
let imageSource: (() => SegmenterImage | undefined) | undefined;
let fromImage = false;

function load(): boolean {
  if (loaded === undefined) {
    try {
      // Required here rather than imported, so the 4 MB module is decoded only when first needed.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const required = require('jieba-wasm-bytes') as Uint8Array | { default: Uint8Array };
      const bytes = required instanceof Uint8Array ? required : required.default;
      instance = instanceState(initSync({ module: bytes }));
      loaded = true;
    } catch {
      loaded = false;
    }
    if (loaded && instance && imageSource) fromImage = restoreImage(instance, imageSource());
  }
  return loaded;
}

/**
 * jieba with its dictionary built, as an image of its instance. Building the dictionary takes
 * ≈ 0.2 s of the first window's time in each thread; copying an image made by another thread into
 * a fresh instance takes ≈ 0.03 s. The dictionary lives in the instance's linear memory, and
 * jieba's only global (the stack pointer) is back at its start between calls, so memory and table
 * are the whole state. An image whose probe is answered differently after the copy is dropped,
 * and the thread builds the dictionary itself.
 */
export interface SegmenterImage {
  /** The memory's size in bytes. */
  memoryBytes: number;
  /** The numbers of the 64 KiB pages that are not all zeros (a fifth of them are). */
  pageNumbers: Uint32Array;
  /** Those pages' bytes, in the same order. */
  pages: ArrayBuffer;
  /** wasm-bindgen's table: primitive values only (the field names jieba's answers use). */
  tableValues: Array<string | number | boolean | null | undefined>;
  /** A window and jieba's answer, as `encodeProbe` writes it. */
  probe: { window: string; answer: string };
}

/** The size of a WebAssembly memory page, and so of an image's pages. */
export const PAGE_BYTES = 65536;
/** A window whose segmentation needs the dictionary, the name model and both kinds of word. */
const PROBE_WINDOW = '美国总统拜登与中国国家主席习近平在旧金山会晤，本报记者张伟明报导';

/** Builds jieba's dictionary in this thread and returns an image of it; undefined when jieba cannot load. */
export function makeSegmenterImage(): SegmenterImage | undefined {
  if (!load() || !instance) return undefined;
  try {
    const answer = encodeProbe(tag(PROBE_WINDOW, true));
    const { memory, table } = instance;
    const bytes = new Uint8Array(memory.buffer);
    const numbers: number[] = [];
    for (let page = 0; page * PAGE_BYTES < bytes.length; page++) if (!isZeroPage(bytes, page)) numbers.push(page);
    const pages = new Uint8Array(numbers.length * PAGE_BYTES);
    numbers.forEach((page, i) => pages.set(pageOf(bytes, page), i * PAGE_BYTES));
    const tableValues: SegmenterImage['tableValues'] = [];
    for (let i = 0; i < table.length; i++) {
      const value: unknown = table.get(i);
      if (value !== null && typeof value === 'object') return undefined;
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return undefined;
      tableValues.push(value as SegmenterImage['tableValues'][number]);
    }
    return { memoryBytes: bytes.length, pageNumbers: Uint32Array.from(numbers), pages: pages.buffer, tableValues, probe: { window: PROBE_WINDOW, answer } };
  } catch {
    return undefined;
  }
}

/**
 * Where this thread's jieba takes its dictionary from when it loads: an image made by another
 * thread (waited for if need be), or, when `source` returns undefined, a build of its own.
 */
export function useSegmenterImage(source: (() => SegmenterImage | undefined) | undefined): void {
  imageSource = source;
}

/** Copies `image` into this thread's fresh instance; false (and the instance as it was) if it does not hold. */
function restoreImage(state: InstanceState, image: SegmenterImage | undefined): boolean {
  if (!image) return false;
  const { memory, table } = state;
  // The instance as initSync left it, put back if the image does not hold.
  const pristineBytes = new Uint8Array(memory.buffer).slice();
  const pristineTable = Array.from({ length: table.length }, (_, i): unknown => table.get(i));
  try {
    if (image.memoryBytes > memory.buffer.byteLength) memory.grow((image.memoryBytes - memory.buffer.byteLength) / PAGE_BYTES);
    const bytes = new Uint8Array(memory.buffer);
    const pages = new Uint8Array(image.pages);
    // Pages the image does not list are zeros: the fresh instance's own are cleared, the grown ones are.
    bytes.fill(0, 0, pristineBytes.length);
    image.pageNumbers.forEach((page, i) => bytes.set(pageOf(pages, i), page * PAGE_BYTES));
    releaseBytes(image.pages);
    if (image.tableValues.length > table.length) table.grow(image.tableValues.length - table.length);
    image.tableValues.forEach((value, i) => table.set(i, value));
    if (encodeProbe(tag(image.probe.window, true)) === image.probe.answer) return true;
  } catch {
    // Fall through: the instance is put back as it was.
  }
  const bytes = new Uint8Array(memory.buffer);
  bytes.set(pristineBytes);
  bytes.fill(0, pristineBytes.length);
  pristineTable.forEach((value, i) => table.set(i, value));
  return false;
}

/** Where this thread's jieba came from: an image made by another thread, its own build, or nowhere (not loaded, or it cannot load). */
export function segmenterOrigin(): 'image' | 'own' | 'none' {
  if (!loaded) return 'none';
  return fromImage ? 'image' : 'own';
}

function instanceState(exports: object): InstanceState | undefined {
  const values = Object.values(exports) as unknown[];
  const memories = values.filter((value) => value instanceof WasmMemory) as InstanceState['memory'][];
  const tables = values.filter((value) => value instanceof WasmTable) as InstanceState['table'][];
  return memories.length === 1 && tables.length === 1 ? { memory: memories[0], table: tables[0] } : undefined;
}

/**
 * Lets the image's bytes (≈ 46 MB) go at the next minor garbage collection. Received in a message,
 * they may sit in the old generation, which a thread that indexes collects rarely: seen as 50 MB
 * more at the end of half the cold indexes. Moving them to a new buffer no one keeps does it.
 */
function releaseBytes(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
}

/** The `page`th 64 KiB page of `bytes`, as a view. */
function pageOf(bytes: Uint8Array, page: number): Uint8Array {
  return bytes.subarray(page * PAGE_BYTES, (page + 1) * PAGE_BYTES);
}

function isZeroPage(bytes: Uint8Array, page: number): boolean {
  const words = new Uint32Array(bytes.buffer, page * PAGE_BYTES, PAGE_BYTES / 4);
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
  return true;
}

function encodeProbe(tokens: ReadonlyArray<{ word: string; tag: string }>): string {
  return tokens.map(({ word, tag: partOfSpeech }) => `${word}/${partOfSpeech}`).join(' ');
}

/** Segments one window: jieba in this thread, or a call to the thread that holds the shared copy. */
export type WindowTagger = (window: string) => Token[] | undefined;

/** Segments a window with this thread's own jieba, loading it on first use. */
export function tagHere(window: string): Token[] | undefined {
  if (!load()) return undefined;
  try {
    return tag(window, true).map(({ word, tag: partOfSpeech }) => ({ word, tag: partOfSpeech }));
  } catch {
    return undefined;
  }
}

/**
 * Loads jieba and builds its dictionary now instead of at the first window: in a thread started
 * early for work that will segment, the ≈ 0.2 s build then overlaps the process's start.
 */
export function buildSegmenterNow(): void {
  tagHere(PROBE_WINDOW);
}

let tagger: WindowTagger = tagHere;

/**
 * Sends this thread's windows to `shared` (the same jieba, held by another thread) instead of
 * loading jieba here; undefined goes back to this thread's own. Answers are the same either way,
 * so the cache is kept.
 */
export function useWindowTagger(shared: WindowTagger | undefined): void {
  tagger = shared ?? tagHere;
}

/** The words of a short window of Han text, with their parts of speech; undefined when the segmenter cannot load. */
export function segmentWindow(window: string): readonly Token[] | undefined {
  let tokens: Token[] | undefined = cache.get(window);
  if (tokens) return tokens;
  tokens = tagger(window);
  if (!tokens) return undefined;
  // The same windows recur across a corpus (`记者张三报导`); the cache is bounded, not kept forever.
  if (cache.size > 20000) cache.clear();
  cache.set(window, tokens);
  return tokens;
}

/** Parts of speech that a person's name may carry: jieba's names, and words its dictionary lacks. */
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x', 'nz']);

/** Whether jieba reads `word`, alone, as one common word that is not a name (`萧条`, `简略`, `时期`). */
export function isCommonWord(word: string): boolean {
  const tokens = segmentWindow(word);
  return tokens !== undefined && tokens.length === 1 && !NAME_TAGS.has(tokens[0].tag);
}

/**
 * Where a name that starts `window` ends, as jieba segments the window: the length of its first
 * word when that word may be a name (or a name split into surname and given name), else undefined.
 */
export function nameLengthAtStart(window: string): number | undefined {
  const tokens = segmentWindow(window);
  if (!tokens || tokens.length === 0) return undefined;
  const [first, second] = tokens;
  if (NAME_TAGS.has(first.tag) && first.word.length >= 2) return first.word.length;
  // jieba often splits a name it does not know: a one-character surname, then the given name.
  if (first.word.length === 1 && second && second.word.length <= 2 && NAME_TAGS.has(second.tag)) return 1 + second.word.length;
  if (first.tag === 'nr' && first.word.length === 1 && second && second.word.length <= 2) return 1 + second.word.length;
  return undefined;
}
