// The editor tells the user which files it left out as not articles, in its output channel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startServer } from './support/lspClient.mjs';

test('files that do not read as articles are listed in the output channel, articles are not', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-skipped-'));
  writeFileSync(path.join(dir, 'README.md'), '# Notes\n\nA list of things to read later.\n');
  writeFileSync(path.join(dir, 'article.md'), '---\ntitle: 拜登与习近平会晤\ndate: 2023-11-16\n---\n\n美国总统拜登与中国国家主席习近平15日在旧金山会晤。\n');
  const server = await startServer({ folders: [dir] });
  try {
    await server.indexed;
    // The summary is logged right after the progress ends.
    for (let waited = 0; waited < 5000 && !server.logs.some((line) => line.startsWith('Summit Lens indexed')); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const message = server.logs.find((line) => line.startsWith('Summit Lens skipped'));
    assert.equal(message, `Summit Lens skipped 1 file that do not read as articles (add them to summitLens.corpus, or run "Treat this file as a corpus article", to index them anyway):\n  ${path.join(dir, 'README.md')}`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
