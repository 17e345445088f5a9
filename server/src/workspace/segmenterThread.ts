/**
 * The entry of the thread that holds the process's one copy of jieba (see sharedSegmenter.ts):
 * it answers the other threads' windows until the process ends. It loads nothing but jieba, from
 * the image of the dictionary built at the server's start when it has it.
 */
import { workerData } from 'node:worker_threads';
import { tagHere, useSegmenterImage } from '../core/figures/segmenter';
import { receiveSegmenterImage } from './segmenterImage';
import { serveSlots, type SegmenterThreadData } from './sharedSegmenter';

const { buffer, image } = workerData as SegmenterThreadData;
if (image) useSegmenterImage(() => receiveSegmenterImage(image));
serveSlots(buffer, tagHere);
