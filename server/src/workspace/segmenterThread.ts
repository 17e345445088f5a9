/**
 * The entry of the thread that holds the process's one copy of jieba (see sharedSegmenter.ts):
 * it answers the other threads' windows until the process ends. It loads nothing but jieba, from
 * the image of the dictionary built at the server's start when it has it.
 */
import { workerData } from 'node:worker_threads';
import { tagHere } from '../core/figures/segmenter';
import { useSegmenterImageFrom } from './segmenterImage';
import { serveSlots, type SegmenterThreadData } from './sharedSegmenter';

const { buffer, image } = workerData as SegmenterThreadData;
useSegmenterImageFrom(image);
serveSlots(buffer, tagHere);
