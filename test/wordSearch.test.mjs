// The word lists the recognisers search with (WordList: which word starts or ends here;
// PlaceSearch: every place of every word of several lists in one pass) give the same answers as
// trying every word, over random texts made of the words' own characters, and a place search kept
// across edits equals a fresh one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { root } from './support/core.mjs';

const require = createRequire(import.meta.url);

/** The two modules, bundled from their TypeScript sources as the core bundles them. */
function load() {
  const { buildSync } = require('esbuild');
  const built = buildSync({
    stdin: { contents: "export { WordList } from './wordList';\nexport { PlaceSearch, LineScans } from './lineScans';", resolveDir: path.join(root, 'server/src/core/text'), loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', built.outputFiles[0].text)(module, module.exports);
  return module.exports;
}

const { WordList, PlaceSearch, LineScans } = load();

/** A small deterministic random source, so that a failure can be replayed. */
function random(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

// Words sharing first and last characters and pairs (副总统, 副总理, 总统), one-character words, a
// word inside another, a repeated word, and characters whose pair hashes collide with theirs.
const WORDS = ['副总统', '副总理', '总统', '总', '统', '副总', '发言人', '言', '人', '记者', '特约记者', '说', '表示', '示', '：', '副总统', 'ab', 'b'];
const ALPHABET = [...new Set([...WORDS.join(''), '中', '国', '\n', '的', 'a', 'c'])];

function randomText(next, length) {
  let text = '';
  while (text.length < length) text += next(3) === 0 ? WORDS[next(WORDS.length)] : ALPHABET[next(ALPHABET.length)];
  return text;
}

test('WordList: the longest word starting or ending anywhere, as trying every word finds it', () => {
  const list = new WordList(WORDS);
  const longest = (candidates) => candidates.sort((a, b) => b.length - a.length)[0];
  const next = random(7);
  for (let round = 0; round < 200; round++) {
    const text = randomText(next, 40);
    for (let at = -1; at <= text.length + 1; at++) {
      const starting = longest(WORDS.filter((word) => at >= 0 && text.startsWith(word, at)));
      assert.equal(list.startingAt(text, at), starting, `${JSON.stringify(text)} at ${at}`);
      const ending = longest(WORDS.filter((word) => at > 0 && at <= text.length && at >= word.length && text.startsWith(word, at - word.length)));
      assert.equal(list.endingAt(text, at), ending, `${JSON.stringify(text)} ending at ${at}`);
    }
  }
});

/** Each list's places, one ascending list per word, as the search finds them. */
const placesOf = (search, lists, text, scans) => {
  const found = search.find(text, scans);
  return lists.map((_, list) => search.placesOf(found, list));
};

test('PlaceSearch: every place of every word of each list, as one indexOf sweep per word finds them', () => {
  const lists = [WORDS.slice(0, 6), ['：'], WORDS.slice(6), []];
  const search = new PlaceSearch(lists);
  const sweep = (text, word) => {
    const places = [];
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) places.push(at);
    return places;
  };
  const next = random(11);
  for (let round = 0; round < 300; round++) {
    const text = randomText(next, 60);
    assert.deepEqual(
      placesOf(search, lists, text, undefined),
      lists.map((words) => words.map((word) => sweep(text, word))),
      JSON.stringify(text),
    );
  }
});

test('PlaceSearch: a list\'s words leftmost-longest and not overlapping, as matchAll on their alternation finds them', () => {
  const lists = [['：', '说'], WORDS];
  const search = new PlaceSearch(lists);
  const alternation = new RegExp([...WORDS].sort((a, b) => b.length - a.length).join('|'), 'g');
  const next = random(17);
  for (let round = 0; round < 300; round++) {
    const text = randomText(next, 60);
    const expected = [...text.matchAll(alternation)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
    assert.deepEqual(search.leftmostLongest(search.find(text, undefined), 1), expected, JSON.stringify(text));
  }
});

test('PlaceSearch: kept across random edits, the places equal a fresh search of the edited text', () => {
  const lists = [WORDS.slice(0, 8), WORDS.slice(8)];
  const search = new PlaceSearch(lists);
  const next = random(13);
  for (let chain = 0; chain < 40; chain++) {
    let scans = new LineScans(randomText(next, 80));
    for (let step = 0; step < 12; step++) {
      assert.deepEqual(placesOf(search, lists, scans.text, scans), placesOf(search, lists, scans.text, undefined), JSON.stringify(scans.text));
      assert.deepEqual(search.leftmostLongest(search.find(scans.text, scans), 1), search.leftmostLongest(search.find(scans.text, undefined), 1));
      const start = next(scans.text.length + 1);
      const end = Math.min(scans.text.length, start + next(4));
      const inserted = next(2) === 0 ? '' : randomText(next, next(5));
      scans = scans.afterEdit(scans.text.slice(0, start) + inserted + scans.text.slice(end), { start, end, inserted });
    }
  }
});
