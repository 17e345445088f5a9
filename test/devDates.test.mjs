// The dev set's articles are all titled and dated, each date within one day of the manifest's.
// Skips when ../shared (the dev corpus) is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core, devFolder } from './support/core.mjs';

const manifestPath = devFolder && path.join(devFolder, '../dev-manifest.tsv');
const skip = !manifestPath || !existsSync(manifestPath) ? 'the dev corpus (../shared/corpus) is not present' : false;

// GNews reposts that carry only the date of the story they copy (`据零对冲11月16日报道`,
// `03/18/2022 …`), days before the repost's own date, which no part of the file gives.
const REPOSTS_WITH_THE_SOURCE_DATE_ONLY = new Set([
  'ourhimalayas+txt/README.gnews-1674364.md',
  'ourhimalayas+txt/README.gnews-2195835.md',
  'ourhimalayas+txt/README.gnews-2212823.md',
  'ourhimalayas+txt/README.gnews-1524141.md',
]);
// A repost whose file gives no day at all: only an upload path's month.
const NO_DAY_IN_THE_FILE = new Set(['ourhimalayas+txt/README.gnews-1669912.md']);

function manifestRows() {
  const [header, ...lines] = readFileSync(manifestPath, 'utf8').trim().split('\n');
  const columns = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [columns[index], value])));
}

const daysBetween = (a, b) => (Date.parse(a) - Date.parse(b)) / 86_400_000;

test('every dev article is titled and dated within one day of the manifest', { skip }, () => {
  const wrong = [];
  for (const row of manifestRows()) {
    const file = path.join(devFolder, row.path);
    const { article, problems } = core.parseArticle(readFileSync(file, 'utf8'), { fileName: file });
    const got = article.date?.value;
    if (!article.title?.value) wrong.push(`${row.path}: no title`);
    if (NO_DAY_IN_THE_FILE.has(row.path)) {
      if (got !== undefined) wrong.push(`${row.path}: dated ${got} though the file gives no day`);
      if (!problems.some((problem) => /Only the month is known/.test(problem.message))) wrong.push(`${row.path}: the problems do not say only the month is known`);
    } else if (got === undefined) {
      wrong.push(`${row.path}: undated (manifest ${row.date})`);
    } else if (REPOSTS_WITH_THE_SOURCE_DATE_ONLY.has(row.path)) {
      // The copied story's date: before the repost's, within a few days.
      const lag = daysBetween(row.date, got);
      if (lag < 0 || lag > 5) wrong.push(`${row.path}: ${got}, not within 5 days before the repost's ${row.date}`);
    } else if (Math.abs(daysBetween(got, row.date)) > 1) {
      wrong.push(`${row.path}: ${got} (${article.dateOrigin}), manifest ${row.date}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the editor and the command line agree: every dev article is recognised as one', { skip }, () => {
  const skipped = manifestRows()
    .map((row) => row.path)
    .filter((name) => !core.isCorpusArticle(readFileSync(path.join(devFolder, name), 'utf8')));
  assert.deepEqual(skipped, []);
});
