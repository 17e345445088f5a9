// Per-file limits a user can rely on: what is analysed in full, what is outlined only, and what
// is not read at all, each said in a problem on the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { core, root, sampleDir, seed } from './support/core.mjs';

const lens = core.createSummitLens({});
const paragraph = '<p>拜登与习近平在旧金山会晤，双方讨论了经贸关系。</p>\n';

test('an article with more than 500,000 characters of text is outlined only, and says so', () => {
  const text = `---\ntitle: 合集\ndate: 2023-11-16\n---\n<h2>第一节</h2>\n${paragraph.repeat(Math.ceil(520_000 / 25))}<h2>第二节</h2>\n<p>完。</p>\n`;
  const analysis = lens.analyze('file:///collection.md', text);
  assert.deepEqual(analysis.figures, []);
  assert.deepEqual(analysis.meetings, []);
  assert.deepEqual(
    analysis.outline[0].children.filter((node) => node.kind === 'section').map((node) => node.name),
    ['第一节', '第二节'],
  );
  const limit = analysis.problems.find((problem) => /only its outline is shown/.test(problem.message));
  assert.ok(limit, JSON.stringify(analysis.problems));
  assert.equal(limit.severity, 'warning');
  assert.match(limit.message, /more than the 500,000 that are searched for figures and meetings/);
});

test('an ordinary article is analysed in full, with no limit problem', () => {
  const { text } = seed('002');
  const analysis = lens.analyze('file:///002.md', text);
  assert.ok(analysis.figures.length > 0);
  assert.ok(!analysis.problems.some((problem) => /only its outline/.test(problem.message)));
});

test('a file over 16 MB is not read: the index reports it on that file, and the other files are indexed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-limits-'));
  try {
    copyFileSync(path.join(sampleDir, seed('002').name), path.join(dir, 'good.md'));
    // A sparse file: 17 MB long, no disk used.
    writeFileSync(path.join(dir, 'huge.md'), '---\ntitle: 巨大\n---\n');
    truncateSync(path.join(dir, 'huge.md'), 17 * 1024 * 1024);
    const index = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'index', dir, '--json'], { encoding: 'utf8' });
    assert.equal(index.status, 0, index.stderr);
    const byPath = Object.fromEntries(JSON.parse(index.stdout).articles.map((article) => [article.path, article]));
    assert.deepEqual(byPath['huge.md'].problems.map((problem) => [problem.severity, problem.message]), [['error', 'Could not read the file: too large to read (17.0 MB; the limit is 16 MB)']]);
    assert.deepEqual(byPath['huge.md'].outline, []);
    assert.ok(byPath['good.md'].figures.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
