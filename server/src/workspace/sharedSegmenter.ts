/**
 * One copy of jieba for a process that indexes in several threads. jieba's dictionary takes
 * ≈ 60 MB of WebAssembly memory and ≈ 0.6 s to build in every thread that loads it; here one
 * thread (segmenterThread.ts) holds it, and the main thread and each index worker ask it
 * synchronously through a shared buffer. The answers are jieba's own, so every analysis is the
 * same as with a copy per thread.
 *
 * The buffer has one slot per asking thread. A slot is a request (the window) and an answer
 * (`word\ttag\n` per word); its state says whose turn it is. The doorbell is a counter the
 * askers bump, so the segmenter thread sleeps until some slot has a request.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { tagHere, type Token, type WindowTagger } from '../core/figures/segmenter';
import { takeSegmenterImage, type SegmenterImageHandle } from './segmenterImage';

/** The main thread and up to seven workers (the pool starts at most four). */
const SLOT_COUNT = 8;
/** Windows are a few characters long; a longer one is segmented in the asking thread. */
export const REQUEST_UNITS = 1024;
/** `word\ttag\n` per word: at most seven units per character of the window. */
const ANSWER_UNITS = REQUEST_UNITS * 8;
const SLOT_UNITS = REQUEST_UNITS + ANSWER_UNITS;

const enum SlotState {
  Idle = 0,
  Asked = 1,
  Answered = 2,
}

/** Control words: the doorbell, then per slot its state and the length of its request or answer. */
const DOORBELL = 0;
const stateIndex = (slot: number) => 1 + slot * 2;
const lengthIndex = (slot: number) => 2 + slot * 2;
const CONTROL_BYTES = 4 * (1 + SLOT_COUNT * 2);

/** Answer lengths that are not lengths: jieba could not load, or the answer does not fit. */
export const NO_SEGMENTER = -1;
export const ANSWER_TOO_LONG = -2;

/** How long an asking thread waits before it gives up on the segmenter thread and loads jieba itself. */
const ANSWER_TIMEOUT_MS = 20_000;

/** What the segmenter thread starts with. */
export interface SegmenterThreadData {
  buffer: SharedArrayBuffer;
  image?: SegmenterImageHandle;
}

export interface SegmenterSlot {
  buffer: SharedArrayBuffer;
  slot: number;
}

export function newSegmenterBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(CONTROL_BYTES + SLOT_COUNT * SLOT_UNITS * 2);
}

function views(buffer: SharedArrayBuffer): { control: Int32Array; units: Uint16Array } {
  return { control: new Int32Array(buffer, 0, 1 + SLOT_COUNT * 2), units: new Uint16Array(buffer, CONTROL_BYTES) };
}

/**
 * The tagger of an asking thread: writes the window into its slot, rings, and waits for the
 * answer. Falls back to this thread's own jieba for an overlong window, and for good if the
 * segmenter thread stops answering.
 */
export function slotTagger({ buffer, slot }: SegmenterSlot): WindowTagger {
  const { control, units } = views(buffer);
  const requestAt = slot * SLOT_UNITS;
  const answerAt = requestAt + REQUEST_UNITS;
  let abandoned = false;
  return (window) => {
    if (abandoned || window.length > REQUEST_UNITS) return tagHere(window);
    for (let i = 0; i < window.length; i++) units[requestAt + i] = window.charCodeAt(i);
    Atomics.store(control, lengthIndex(slot), window.length);
    Atomics.store(control, stateIndex(slot), SlotState.Asked);
    Atomics.add(control, DOORBELL, 1);
    Atomics.notify(control, DOORBELL);
    while (Atomics.load(control, stateIndex(slot)) === SlotState.Asked) {
      if (Atomics.wait(control, stateIndex(slot), SlotState.Asked, ANSWER_TIMEOUT_MS) === 'timed-out') {
        abandoned = true;
        return tagHere(window);
      }
    }
    const length = Atomics.load(control, lengthIndex(slot));
    Atomics.store(control, stateIndex(slot), SlotState.Idle);
    if (length === NO_SEGMENTER) return undefined;
    if (length === ANSWER_TOO_LONG) return tagHere(window);
    return decodeTokens(String.fromCharCode(...units.subarray(answerAt, answerAt + length)));
  };
}

/**
 * The segmenter thread's loop: answers every asked slot, then sleeps until the doorbell rings.
 * `segment` is jieba in that thread. Never returns.
 */
export function serveSlots(buffer: SharedArrayBuffer, segment: (window: string) => Token[] | undefined): never {
  const { control, units } = views(buffer);
  for (;;) {
    const rung = Atomics.load(control, DOORBELL);
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      if (Atomics.load(control, stateIndex(slot)) !== SlotState.Asked) continue;
      const requestAt = slot * SLOT_UNITS;
      const window = String.fromCharCode(...units.subarray(requestAt, requestAt + Atomics.load(control, lengthIndex(slot))));
      const tokens = segment(window);
      const answer = tokens ? encodeTokens(tokens) : undefined;
      let length = NO_SEGMENTER;
      if (answer !== undefined && answer.length > ANSWER_UNITS) length = ANSWER_TOO_LONG;
      else if (answer !== undefined) {
        const answerAt = requestAt + REQUEST_UNITS;
        for (let i = 0; i < answer.length; i++) units[answerAt + i] = answer.charCodeAt(i);
        length = answer.length;
      }
      Atomics.store(control, lengthIndex(slot), length);
      Atomics.store(control, stateIndex(slot), SlotState.Answered);
      Atomics.notify(control, stateIndex(slot));
    }
    // A finite wait, so that a thread being terminated is never stuck here.
    Atomics.wait(control, DOORBELL, rung, 1000);
  }
}

/** Words and parts of speech hold neither tabs nor line breaks: jieba splits at both. */
export function encodeTokens(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) text += `${token.word}\t${token.tag}\n`;
  return text;
}

export function decodeTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (let start = 0; start < text.length; ) {
    const tab = text.indexOf('\t', start);
    const end = text.indexOf('\n', tab);
    tokens.push({ word: text.slice(start, tab), tag: text.slice(tab + 1, end) });
    start = end + 1;
  }
  return tokens;
}

/**
 * The process's shared segmenter: the buffer, the thread (started on first use) and which slots
 * are taken. Slot 0 is the main thread's.
 */
export class SharedSegmenter {
  private readonly buffer = newSegmenterBuffer();
  private thread: Worker | undefined;
  private readonly taken = new Set<number>([0]);

  private constructor(private readonly script: string) {}

  private static instance: SharedSegmenter | undefined;

  /** The process's one shared segmenter, or undefined when its thread's bundle is not there (the core's tests). */
  static get(script = path.join(__dirname, 'segmenterThread.js')): SharedSegmenter | undefined {
    if (!SharedSegmenter.instance && existsSync(script)) SharedSegmenter.instance = new SharedSegmenter(script);
    return SharedSegmenter.instance;
  }

  /** The main thread's tagger: starts the segmenter thread at its first window. */
  mainTagger(): WindowTagger {
    const ask = slotTagger({ buffer: this.buffer, slot: 0 });
    return (window) => {
      this.start();
      return ask(window);
    };
  }

  /** A free slot for a new worker (undefined when all are taken: that worker loads its own jieba). */
  lease(): SegmenterSlot | undefined {
    const { control } = views(this.buffer);
    for (let slot = 1; slot < SLOT_COUNT; slot++) {
      // A slot whose last request is still being answered stays out of use until it is answered.
      if (this.taken.has(slot) || Atomics.load(control, stateIndex(slot)) === SlotState.Asked) continue;
      Atomics.store(control, stateIndex(slot), SlotState.Idle);
      this.taken.add(slot);
      this.start();
      return { buffer: this.buffer, slot };
    }
    return undefined;
  }

  release(slot: SegmenterSlot | undefined): void {
    if (slot) this.taken.delete(slot.slot);
  }

  private start(): void {
    if (this.thread) return;
    // It is the thread that segments, so it takes the dictionary built at the server's start.
    const image = takeSegmenterImage();
    const workerData: SegmenterThreadData = { buffer: this.buffer, image };
    this.thread = new Worker(this.script, { workerData, transferList: image ? [image.port] : [] });
    // It never ends by itself; it must not keep the process alive.
    this.thread.unref();
    this.thread.on('error', () => undefined);
  }
}
