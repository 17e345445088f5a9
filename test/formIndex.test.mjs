// The figure index's trie, made from the sorted forms, and the built-in catalogue's forms
// gathered at build time: both must find exactly what an index built at run time finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { core, sampleDir } from './support/core.mjs';

const { parseFigureCatalogue, FormIndex, gatherForms, FigureMatcher, Knowledge, normalizeForMatching } = core;

const CATALOGUE = `
- id: xi-jinping
  en: Xi Jinping
  zh: 习近平
  names: [習近平]
  short: [习主席]
  compounds: [拜习会]
- id: joe-biden
  en: Joe Biden
  zh: 拜登
  names: [乔·拜登]
  latin: [Joe Biden, Biden]
  compounds: [拜习会]
- id: bai-ding
  en: Bai Ding
  zh: 拜丁
- id: john-kerry
  en: John Kerry
  zh: 约翰·克里
  short: [克里]
  notIn: [克里米亚]
`;
const { figures } = parseFigureCatalogue(CATALOGUE, 'builtin');
const index = new FormIndex(figures);
const han = (text) => index.matchHan(normalizeForMatching(text)).map((m) => [text.slice(m.start, m.end), m.entry.kind, m.entry.figureIds.join('+')]);

test('forms that share their first characters are each found, the longest first', () => {
  assert.deepEqual(han('拜登与拜丁在拜习会后'), [['拜登', 'name', 'joe-biden'], ['拜丁', 'name', 'bai-ding'], ['拜习会', 'compound', 'xi-jinping+joe-biden']]);
  assert.deepEqual(han('乔·拜登和乔拜登'), [['乔·拜登', 'name', 'joe-biden'], ['乔拜登', 'name', 'joe-biden']]);
});

test('both scripts, a short form, and a short form inside its guard word', () => {
  assert.deepEqual(han('習近平与习主席'), [['習近平', 'name', 'xi-jinping'], ['习主席', 'short', 'xi-jinping']]);
  assert.deepEqual(han('克里访问克里米亚'), [['克里', 'short', 'john-kerry']]);
  assert.deepEqual(han('拜'), []);
});

test('an index from forms gathered earlier (and stored as JSON) finds what a fresh one finds', () => {
  const stored = new FormIndex(figures, JSON.parse(JSON.stringify(gatherForms(figures))));
  const text = normalizeForMatching('拜登与拜丁在拜习会后，Joe Biden说，克里米亚的克里');
  assert.deepEqual(stored.matchHan(text), index.matchHan(text));
  assert.deepEqual(stored.matchLatin(text, stored.latinWords(text)), index.matchLatin(text, index.latinWords(text)));
});

test('the built-in forms gathered at build time find what the catalogue gathered now finds', () => {
  const knowledge = new Knowledge();
  const fresh = new FigureMatcher(knowledge.figures);
  const texts = readdirSync(sampleDir).map((name) => readFileSync(path.join(sampleDir, name), 'utf8'));
  const dev = path.resolve(sampleDir, '../../../shared/corpus/dev');
  if (existsSync(dev)) {
    const files = readdirSync(dev, { recursive: true }).map((name) => path.join(dev, name)).filter((file) => statSync(file).isFile());
    for (const file of files) texts.push(readFileSync(file, 'utf8'));
  }
  else console.log('# ../shared/corpus/dev is absent: the check runs over the sample corpus only');
  for (const text of texts) {
    const normalized = normalizeForMatching(text);
    assert.deepEqual(knowledge.matcher.recognize(text, normalized), fresh.recognize(text, normalized));
  }
});
