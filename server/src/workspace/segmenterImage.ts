/**
 * jieba's dictionary, built once per process in a thread of its own that starts with the server,
 * and copied as an image (see core/figures/segmenter.ts) into the first thread that segments: an
 * index worker of a cold start, or else the main thread. That thread then skips the ≈ 0.2 s build
 * at its first window, which on a cold start lies on the index's critical path. Any other thread
 * builds its own, as before; so does every thread when the image cannot be made. A process that
 * starts its lone index worker early (see prestartedWorker.ts) makes no image: that worker builds
 * its own dictionary while the server loads.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { useSegmenterImage, type SegmenterImage } from '../core/figures/segmenter';

/** What a thread needs to receive the image: the port it arrives on, and a word that says when it has. */
export interface SegmenterImageHandle {
  port: MessagePort;
  signal: SharedArrayBuffer;
}

/** The states of the signal word. */
export const enum ImageState {
  Pending = 0,
  Sent = 1,
  Failed = 2,
}

/** The image is made in ≈ 0.3 s; past this a waiting thread builds its own dictionary instead. */
const WAIT_LIMIT_MS = 5000;

let started = false;
let handle: SegmenterImageHandle | undefined;
let maker: Worker | undefined;

/**
 * Starts making the image, once per process, if the thread's bundle is there (it is not in the
 * core's tests). The main thread's own jieba takes the image if no worker has taken it first.
 */
export function startSegmenterImage(script = path.join(__dirname, 'segmenterImageThread.js')): void {
  if (started || !existsSync(script)) return;
  started = true;
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const thread = new Worker(script, { workerData: { port: port1, signal } satisfies SegmenterImageHandle, transferList: [port1] });
  thread.unref();
  thread.on('error', () => undefined);
  // A thread that ends without sending the image must not leave anyone waiting for it.
  thread.on('exit', () => settle(signal, ImageState.Failed));
  maker = thread;
  handle = { port: port2, signal };
  useSegmenterImage(() => {
    const mine = takeSegmenterImage();
    return mine ? receiveSegmenterImage(mine) : undefined;
  });
}

/** The image's handle, for the one thread that will use it: undefined once taken (or never started). */
export function takeSegmenterImage(): SegmenterImageHandle | undefined {
  const taken = handle;
  handle = undefined;
  return taken;
}

/**
 * Drops the image if no thread has taken it: its thread is stopped (with the ≈ 100 MB it holds
 * while it builds), and the next thread to segment builds its own dictionary.
 */
export function cancelSegmenterImage(): void {
  const untaken = takeSegmenterImage();
  if (!untaken) return;
  untaken.port.close();
  void maker?.terminate();
}

/** In the thread that took the handle: the image, waited for if it is still being made. */
export function receiveSegmenterImage({ port, signal }: SegmenterImageHandle): SegmenterImage | undefined {
  const word = new Int32Array(signal);
  if (Atomics.load(word, 0) === ImageState.Pending) Atomics.wait(word, 0, ImageState.Pending, WAIT_LIMIT_MS);
  const received = receiveMessageOnPort(port);
  port.close();
  return received?.message as SegmenterImage | undefined;
}

/** Makes this thread's jieba take the image that `handle` receives, if it has one. */
export function useSegmenterImageFrom(handle: SegmenterImageHandle | undefined): void {
  if (handle) useSegmenterImage(() => receiveSegmenterImage(handle));
}

/** Marks the image sent or failed (the first mark stands) and wakes a thread waiting for it. */
export function settle(signal: SharedArrayBuffer, state: ImageState.Sent | ImageState.Failed): void {
  const word = new Int32Array(signal);
  Atomics.compareExchange(word, 0, ImageState.Pending, state);
  Atomics.notify(word, 0);
}
