/**
 * The entry of the thread that builds jieba's dictionary for the process and sends its image to
 * whichever thread takes it (see segmenterImage.ts). It loads nothing but jieba, and ends once
 * the image is sent, its memory with it.
 */
import { workerData } from 'node:worker_threads';
import { makeSegmenterImage } from '../core/figures/segmenter';
import { ImageState, settle, type SegmenterImageHandle } from './segmenterImage';
import { keepSegmenterImage, segmenterImageFile, useStoredSegmenterImage } from './segmenterImageFile';

const { port, signal } = workerData as SegmenterImageHandle;
// The dictionary comes from the image an earlier run kept, if there is one, and is kept if built here.
const kept = segmenterImageFile();
useStoredSegmenterImage(kept);
const image = makeSegmenterImage();
if (image) keepSegmenterImage(kept, image);
// Sent before it is marked sent, so a thread woken by the mark finds it on its port.
if (image) port.postMessage(image, [image.pages]);
settle(signal, image ? ImageState.Sent : ImageState.Failed);
port.close();
