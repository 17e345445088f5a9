// The figure index's trie over forms of one, two and more units, and its filters, which pass
// over text without making keys. Compiled by scripts/build.mjs to dist/test/formTrie.test.cjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormIndex, gatherForms } from '../server/src/core/figures/formIndex';
import { parseFigureCatalogue } from '../server/src/core/figures/catalogue';
import { FigureMatcher } from '../server/src/core/figures/recognize';
import { normalizeForMatching } from '../server/src/core/text/normalize';

const CATALOGUE = `
- id: xi-jinping
  en: Xi Jinping
  zh: 习近平
  short: [习主席]
  compounds: [拜习会]
- id: joe-biden
  en: Joe Biden
  zh: 拜登
  names: [乔·拜登]
  latin: [Joe Biden, J. R. Biden, Biden]
  compounds: [拜习会]
- id: one-character
  en: Ji
  zh: 冀
- id: rare-character
  en: Rare Name
  zh: 𠀀𠀁华
- id: elysee
  en: Élysée Palace Speaker
  zh: 爱丽舍
  latin: [Élysée, O’Brien]
`;
const { figures } = parseFigureCatalogue(CATALOGUE, 'builtin');
const TEXT = normalizeForMatching('拜登与习近平在拜习会后，冀与𠀀𠀁华说，Joe Biden、J. R. Biden、J.R. Biden、BIDEN 与 Élysée 和 O’Brien 及 Xi 在场');

test('forms of one character and of characters outside the basic plane are found, from forms kept as JSON too', () => {
  const made = new FormIndex(figures);
  const stored = new FormIndex(figures, JSON.parse(JSON.stringify(gatherForms(figures))));
  const found = made.matchHan(TEXT);
  assert.deepEqual(stored.matchHan(TEXT), found);
  assert.deepEqual(found.map((match) => TEXT.slice(match.start, match.end)), ['拜登', '习近平', '拜习会', '冀', '𠀀𠀁华']);
});

test('Latin names are found whatever their case and characters, a word that starts none passed over', () => {
  const index = new FormIndex(figures);
  const found = index.matchLatin(TEXT, index.latinWords(TEXT)).map((match) => TEXT.slice(match.start, match.end));
  assert.deepEqual(found, ['Joe Biden', 'J. R. Biden', 'Biden', 'BIDEN', 'Élysée', 'O’Brien']);
});

test('a learned person is found again by the Latin name the article introduced', () => {
  const matcher = new FigureMatcher(figures);
  const text = '美国学者何瑞恩（Ryan Hass）说，RYAN HASS 与 Ryan Hass 都认为';
  const recognition = matcher.recognize(text, normalizeForMatching(text));
  assert.deepEqual(recognition.mentions.map((mention) => `${mention.figureId} ${mention.text}`), ['learned:何瑞恩 何瑞恩', 'learned:何瑞恩 Ryan Hass', 'learned:何瑞恩 RYAN HASS', 'learned:何瑞恩 Ryan Hass']);
});
