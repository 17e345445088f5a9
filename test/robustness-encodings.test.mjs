// Encodings of files on disk: UTF-16 with and without a byte order mark, GB18030 against Big5
// and Big5-HKSCS weighed by a detector, and the encoding used named to the user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { root } from './support/core.mjs';

const simplified = '---\ntitle: 拜登会见习近平\ndate: 2021-11-16\n---\n<p>美国总统拜登与中国国家主席习近平举行视频会晤，双方一致同意加强沟通。</p>\n';
const traditional = '---\ntitle: 拜登會見習近平\ndate: 2021-11-16\n---\n<p>美國總統拜登與中國國家主席習近平舉行視訊會晤，雙方一致同意加強溝通。</p>\n';
// 嘅, 咗 and 啲 exist only in Big5-HKSCS, not in plain Big5.
const hongKong = '---\ntitle: 港媒評拜習會\ndate: 2021-11-16\n---\n<p>香港特區政府發言人話，拜登同習近平嘅會晤講咗啲經貿問題。</p>\n';

const files = {
  'utf16le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(simplified, 'utf16le')]),
  'utf16be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(simplified, 'utf16le').swap16()]),
  'utf16le.txt': Buffer.from(simplified, 'utf16le'),
  'utf16be.txt': Buffer.from(simplified, 'utf16le').swap16(),
  'gb18030.txt': iconv.encode(simplified, 'gb18030'),
  'gb18030-traditional.txt': iconv.encode(traditional, 'gb18030'),
  'big5.txt': iconv.encode(traditional, 'big5'),
  'big5-hkscs.txt': iconv.encode(hongKong, 'big5hkscs'),
  'utf8.txt': Buffer.from(simplified),
};
const expected = {
  'utf16le-bom.txt': [simplified, /UTF-16LE \(byte order mark\)/],
  'utf16be-bom.txt': [simplified, /UTF-16BE \(byte order mark\)/],
  'utf16le.txt': [simplified, /UTF-16LE \(no byte order mark/],
  'utf16be.txt': [simplified, /UTF-16BE \(no byte order mark/],
  'gb18030.txt': [simplified, /decoded as GB18030/],
  'gb18030-traditional.txt': [traditional, /decoded as GB18030/],
  'big5.txt': [traditional, /decoded as Big5-HKSCS/],
  'big5-hkscs.txt': [hongKong, /decoded as Big5-HKSCS/],
  'utf8.txt': [simplified, undefined],
};

test('UTF-16 (with or without a byte order mark), GB18030, Big5 and Big5-HKSCS files read as the text they hold, and the encoding is named', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-encodings-'));
  try {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'index', dir, '--json'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const byPath = Object.fromEntries(JSON.parse(result.stdout).articles.map((article) => [article.path, article]));
    for (const [name, [text, note]] of Object.entries(expected)) {
      const article = byPath[name];
      assert.ok(article, `${name} is indexed`);
      assert.equal(article.title, text.split('\n')[1].slice('title: '.length), name);
      const figures = new Set(article.figures.map((figure) => figure.id));
      assert.ok(figures.has('joe-biden') && figures.has('xi-jinping'), `${name}: ${[...figures]}`);
      const encodingNotes = article.problems.filter((problem) => /^Encoding:/.test(problem.message));
      if (note) {
        assert.equal(encodingNotes.length, 1, `${name}: ${JSON.stringify(article.problems)}`);
        assert.match(encodingNotes[0].message, note);
        assert.equal(encodingNotes[0].severity, 'information');
      } else {
        assert.deepEqual(encodingNotes, [], name);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('binary data with NUL bytes on both sides of each pair is still binary, not UTF-16', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-encodings-'));
  try {
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = i % 3 === 0 ? 0 : (i * 7919) % 251;
    writeFileSync(path.join(dir, 'data.txt'), binary);
    // Named explicitly, the file is read as an article whatever its content.
    const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'index', path.join(dir, 'data.txt'), '--json'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const [article] = JSON.parse(result.stdout).articles;
    assert.equal(article.format, 'binary');
    assert.ok(!article.problems.some((problem) => /UTF-16/.test(problem.message)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
