/**
 * The entry of the thread that holds the process's one copy of jieba (see sharedSegmenter.ts):
 * it answers the other threads' windows until the process ends. It loads nothing but jieba.
 */
import { workerData } from 'node:worker_threads';
import { tagHere } from '../core/figures/segmenter';
import { serveSlots } from './sharedSegmenter';

serveSlots((workerData as { buffer: SharedArrayBuffer }).buffer, tagHere);
