// Flat front matter is read without the YAML parser; what that reader gives must be exactly what
// the parser gives (values and the spans of scalar values), on every kind of line it accepts and on
// lines near them that it must leave to the parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { core } from './support/core.mjs';
import { seededIntegers } from './support/random.mjs';

const { parseDocument, isMap, isScalar } = createRequire(import.meta.url)('yaml');

/** Values and scalar spans as the YAML parser reads `yamlText` (the front matter's lines). */
function parserReading(yamlText, contentStart) {
  const values = {};
  const valueSpans = {};
  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  if (!isMap(document.contents)) return undefined;
  for (const pair of document.contents.items) {
    const key = String(pair.key.value);
    if (isScalar(pair.value)) {
      values[key] = pair.value.value;
      valueSpans[key] = { start: contentStart + pair.value.range[0], end: contentStart + pair.value.range[1] };
    } else if (pair.value) values[key] = pair.value.toJSON();
  }
  return { values, valueSpans };
}

const LINES = [
  'comments: True',
  'comments: true',
  'draft: FALSE',
  'draft: false ',
  'flag: tRue',
  'flag: yes',
  'author: Timothy Grose ',
  'author:  斯泰西·希夫',
  'author:   padded both   ',
  'title: "quoted" ',
  'title:  "quoted after spaces"',
  'tags: [ 中参馆 ] ',
  'tags:  [ a, b ]',
  'note: a # comment',
  'note: ends with colon:',
  'count: 12',
  'empty: ',
  'url: https://example.com/a?b=c',
  'date: 2021-06-29T01:40:59.191Z',
];

test('flat front matter reads as the YAML parser reads it', () => {
  const next = seededIntegers(11);
  const documents = LINES.map((line) => [line]);
  for (let i = 0; i < 300; i++) {
    const keys = new Set();
    const lines = [];
    for (let j = 0; j < 4; j++) {
      const line = LINES[next(LINES.length)];
      const key = line.slice(0, line.indexOf(':'));
      if (keys.has(key)) continue;
      keys.add(key);
      lines.push(line);
    }
    documents.push(lines);
  }
  for (const lines of documents) {
    const yamlText = `${lines.join('\n')}\n`;
    const source = `---\n${yamlText}---\n正文。\n`;
    const { frontMatter } = core.parseArticle(source).structure;
    const expected = parserReading(yamlText, 4);
    assert.deepEqual({ values: frontMatter.values, valueSpans: frontMatter.valueSpans }, expected, yamlText);
  }
});
