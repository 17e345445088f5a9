// Two or more index workers share one jieba through the segmenter thread; a lone worker holds its
// own. Either way the CLI's report over the sample corpus is the same, byte for byte, as the main
// thread's alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { root, sampleDir } from './support/core.mjs';

const cli = path.join(root, 'dist/cli.js');
const report = (workers) => {
  const result = spawnSync(process.execPath, [cli, 'index', sampleDir, '--json'], { encoding: 'utf8', env: { ...process.env, SUMMIT_LENS_WORKERS: String(workers) } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
};

test('two index workers sharing one segmenter report exactly what the main thread alone reports', () => {
  const alone = report(0);
  assert.ok(JSON.parse(alone).articles.some((article) => article.figures.some((figure) => figure.id.startsWith('learned:'))), 'the sample corpus has learned names');
  assert.equal(report(2), alone);
});

test('a lone index worker, with its own jieba, reports exactly what the main thread alone reports', () => {
  assert.equal(report(1), report(0));
});
