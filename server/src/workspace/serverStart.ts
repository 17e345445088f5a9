/**
 * Imported first by the server, for its effect alone: V8's budget is set and jieba's dictionary
 * starts being built (see processStart.ts) before the rest of the server's code is loaded
 * (≈ 0.15 s), so the build overlaps the load instead of following it. package.json's
 * `sideEffects` names this file, so the bundler keeps the import.
 */
import { startIndexingProcess } from './processStart';

startIndexingProcess();
