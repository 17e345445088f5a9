// `summit-lens compare <meeting-id> <folder>` over the sample corpus: JSON, Markdown, filters and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { root, sampleDir } from './support/core.mjs';

const cli = path.join(root, 'dist/cli.js');
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('compare --json gives one group per outlet, earliest first, with paths, sentences and people', () => {
  const result = run('compare', '2023-11-15-woodside', sampleDir, '--json');
  assert.equal(result.status, 0, result.stderr);
  const coverage = JSON.parse(result.stdout);
  assert.equal(coverage.meeting.beijingDate, '2023-11-16');
  assert.deepEqual(coverage.outlets.map((group) => [group.outlet, group.articles.map((article) => article.path)]), [['大纪元', ['002_5a86c4bf7c6d1edf.txt']], ['Unknown outlet', ['000_07fb47a2ebcb9afd.txt']], ['自由亞洲電台', ['004_281728caea736ce2.txt']]]);
  assert.deepEqual(coverage.firstOutlets, ['大纪元']);
  assert.equal(coverage.sentenceCount, 30);
  const sentence = coverage.outlets[0].articles[0].sentences[1];
  assert.equal(sentence.text.slice(...sentence.highlight), '11月在旧金山的会晤');
  assert.deepEqual(sentence.people, ['adrienne-watson', 'joe-biden', 'xi-jinping']);
});

test('compare --markdown is a report for a story; --window keeps one date window', () => {
  const result = run('compare', '2023-11-15-woodside', sampleDir, '--markdown', '--window=before');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^# 拜登与习近平旧金山（费罗丽庄园）会晤$/m);
  assert.match(result.stdout, /^Before: 1 · during: 0 · after: 2\.$/m);
  assert.match(result.stdout, /^## 大纪元$/m);
  assert.doesNotMatch(result.stdout, /^## 自由亞洲電台$/m);
  assert.equal(result.stdout.match(/^- /gm).length, 9);
});

test('compare names an unknown meeting and a bad option, and has its own help', () => {
  const unknown = run('compare', '2023-11-15-nowhere', sampleDir);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /No meeting "2023-11-15-nowhere" in the catalogue\. Did you mean: 2023-11-15-woodside/);
  const bad = run('compare', '2023-11-15-woodside', sampleDir, '--csv');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Unknown option --csv/);
  const help = run('compare', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--window=W/);
  assert.match(run('--help').stdout, /summit-lens compare <meeting-id> <folder> \[--json\|--markdown\]/);
});
