// The command line over the sample corpus and over a folder of bad files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { root, sampleDir, seed, sliceRange } from './support/core.mjs';

const cli = path.join(root, 'dist/cli.js');
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('index --json over the sample corpus has the documented shape and exact ranges', () => {
  const result = run('index', sampleDir, '--json');
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(report.articles.map((article) => article.path), ['000_07fb47a2ebcb9afd.txt', '002_5a86c4bf7c6d1edf.txt', '003_631281b403010862.txt', '004_281728caea736ce2.txt']);
  const article = report.articles.find((entry) => entry.path.startsWith('003'));
  for (const key of ['path', 'title', 'date', 'outlet', 'url', 'format', 'outline', 'problems', 'figures', 'meetings']) assert.ok(key in article, key);
  assert.equal(article.date, '2021-11-13');
  const outline = article.outline[0];
  assert.deepEqual(Object.keys(outline).sort(), ['children', 'detail', 'kind', 'name', 'range']);
  const text = seed('003').text;
  for (const figure of article.figures) assert.equal(sliceRange(text, figure.range).length > 0, true);
  const hua = article.figures.find((figure) => figure.id === 'hua-chunying');
  assert.equal(sliceRange(text, hua.range), '华春莹');
  assert.equal(hua.name, 'Hua Chunying');
  const virtual = article.meetings.find((meeting) => meeting.id === '2021-11-16-virtual');
  assert.ok(virtual, 'the virtual summit is linked');
  assert.equal(sliceRange(text, virtual.range), virtual.text);
  const biden = report.figures.find((figure) => figure.id === 'joe-biden');
  assert.ok(biden.mentions > 40);
  assert.ok(biden.aliases.includes('拜登'));
  const woodside = report.meetings.find((meeting) => meeting.id === '2023-11-15-woodside');
  assert.equal(woodside.kind, 'in-person');
  assert.deepEqual(woodside.articles, ['000_07fb47a2ebcb9afd.txt', '002_5a86c4bf7c6d1edf.txt', '004_281728caea736ce2.txt']);
});

test('the readable summary names each article with its date and meetings', () => {
  const result = run('index', sampleDir);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /003_631281b403010862\.txt\n  中美关系：习近平与拜登周二举行视频会晤/);
  assert.match(result.stdout, /2021-11-13 · [^·\n]+ · stamp-html · 4 sections/);
  assert.match(result.stdout, /4 articles \(4 dated\)/);
  // Counts read as English: one mention, not "1 mentions".
  assert.match(result.stdout, /\n  2022-11-14-bali: 1 mention in 1 article\n/);
  assert.match(result.stdout, /\n  2023-11-15-woodside: \d+ mentions in 3 articles\n/);
});

test('bad files named on the command line are reported, never fatal, and good files are still indexed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-cli-'));
  try {
    copyFileSync(path.join(sampleDir, seed('002').name), path.join(dir, 'good.md'));
    writeFileSync(path.join(dir, 'empty.md'), '');
    writeFileSync(path.join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: "未闭合\ndate: [2023\n---\n<p>拜登</p>');
    // 拜登会见习近平 in GB18030, as older Chinese pages are saved.
    writeFileSync(path.join(dir, 'legacy.txt'), Buffer.from('b0ddb5c7bbe1bcfbcfb0bdfcc6bd', 'hex'));
    const names = ['good.md', 'empty.md', 'binary.html', 'broken.md', 'legacy.txt'];
    const result = spawnSync(process.execPath, [cli, 'index', ...names, '--json'], { encoding: 'utf8', cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const byPath = Object.fromEntries(JSON.parse(result.stdout).articles.map((article) => [article.path, article]));
    assert.deepEqual(Object.keys(byPath).sort(), [...names].sort());
    assert.match(byPath['empty.md'].problems[0].message, /Empty file/);
    assert.match(byPath['binary.html'].problems[0].message, /binary/);
    assert.ok(byPath['broken.md'].problems.some((problem) => /not valid YAML/.test(problem.message)));
    assert.ok(byPath['legacy.txt'].problems.some((problem) => /GB18030/.test(problem.message)));
    assert.ok(byPath['legacy.txt'].figures.some((figure) => figure.id === 'xi-jinping'));
    assert.equal(byPath['good.md'].title, '分析：拜登习近平11月会谈的背后原因');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('in a folder, the CLI indexes what the editor indexes: a README and an empty file are not articles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-cli-'));
  try {
    copyFileSync(path.join(sampleDir, seed('002').name), path.join(dir, 'good.md'));
    writeFileSync(path.join(dir, 'README.md'), '# Notes\n\nHow this folder was collected.\n');
    writeFileSync(path.join(dir, 'empty.md'), '');
    const result = run('index', dir, '--json');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).articles.map((article) => article.path), ['good.md']);
    assert.match(run('index', dir).stdout, /1 articles \(1 dated\).* 2 files did not read as articles\./);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('wrong arguments exit with 2 and usage; a missing folder is named', () => {
  assert.equal(run().status, 2);
  assert.match(run('export').stderr, /Usage: summit-lens index/);
  assert.match(run('export').stderr, /summit-lens check/);
  const missing = run('index', '/no/such/folder');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /No such file or folder: \/no\/such\/folder/);
  assert.equal(run('index', sampleDir, '--frobnicate').status, 2);
});

test('check lists problems as path:line:column and fails only on errors', () => {
  const clean = run('check', sampleDir);
  assert.equal(clean.status, 0);
  assert.match(clean.stdout, /4 files checked, 0 problems \(0 errors\)\./);
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-check-'));
  try {
    writeFileSync(path.join(dir, 'bad.md'), '---\ntitle: ok\ndate: [2023\n---\n<p>拜登</p>');
    const result = run('check', dir);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^bad\.md:\d+:\d+: error: Front matter is not valid YAML/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check exits 1 on a broken .summit-lens/figures.yaml and names the line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-check-'));
  try {
    copyFileSync(path.join(sampleDir, seed('002').name), path.join(dir, 'good.md'));
    mkdirSync(path.join(dir, '.summit-lens'));
    writeFileSync(path.join(dir, '.summit-lens', 'figures.yaml'), '- id: zhang-sanfeng\n  en: Zhang Sanfeng\n  zh: 张三丰\n  names: [张三丰]\n- en: Nobody\n  zh: 无名\n');
    const result = run('check', dir);
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stdout, /^\.summit-lens\/figures\.yaml:5:1: error: .*no "id"/m);
    writeFileSync(path.join(dir, '.summit-lens', 'figures.yaml'), 'figures: [unclosed\n');
    assert.equal(run('check', dir).status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a knowledge file that is a FIFO or a link to /dev/zero is reported at once, never read', { skip: process.platform === 'win32' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-fifo-'));
  try {
    copyFileSync(path.join(sampleDir, seed('002').name), path.join(dir, 'good.md'));
    mkdirSync(path.join(dir, '.summit-lens'));
    execFileSync('mkfifo', [path.join(dir, '.summit-lens', 'figures.yaml')]);
    symlinkSync('/dev/zero', path.join(dir, '.summit-lens', 'meetings.yaml'));
    const started = Date.now();
    const result = spawnSync(process.execPath, [cli, 'check', dir], { encoding: 'utf8', timeout: 20_000 });
    assert.ok(Date.now() - started < 20_000, 'the CLI does not block on the FIFO');
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /figures\.yaml:1:1: error: .*not a regular file/);
    assert.match(result.stdout, /meetings\.yaml:1:1: error: .*not a regular file/);
    assert.match(result.stdout, /1 files checked/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--version prints the package version and --help the usage, both exiting 0', () => {
  const version = run('--version');
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  const help = run('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: summit-lens index <folder\|files\.\.\.> \[--json\]/);
});
