// The meeting linker finds a new text's meeting words (in the normalised text) and aliases (in
// its lower-cased copy) in one pass over the normalised text. That pass reads the lower-cased copy
// only where lower-casing may change a unit, so it relies on what these tests check: lower-casing
// never shortens a character, and keeps every unit it does not change where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './support/core.mjs';

test('lower-casing never shortens a character, so texts as long as their lower case keep every unit in place', () => {
  const shortened = [];
  for (let point = 0; point <= 0x10ffff; point++) {
    if (point >= 0xd800 && point < 0xe000) continue;
    const character = String.fromCodePoint(point);
    if (character.toLowerCase().length < character.length) shortened.push(point.toString(16));
  }
  assert.deepEqual(shortened, []);
});

test('a unit lower-casing leaves alone in isolation stays itself in any text', () => {
  // Only Σ depends on its neighbours, and lower-casing changes it either way.
  const text = 'ΑΣ 拜习会Σ 旧金山愿景 ΣΣ APEC峰会 İstanbul';
  const lower = text.toLowerCase();
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    if (unit.toLowerCase() === unit && lower.length === text.length) assert.equal(lower[i], unit);
  }
});

test('a text whose lower case is longer (İ) is scanned word by word, and links as one without it', () => {
  const knowledge = new core.Knowledge({});
  const text = '美国总统拜登与习近平在旧金山会晤。\nAPEC峰会期间，旧金山愿景被提及。';
  const recognize = (written) => {
    const normalized = core.normalizeForMatching(written);
    // Meetings are linked from the figures the figure recogniser finds, as in an analysis.
    const figures = knowledge.matcher.recognize(written, normalized).mentions;
    return core.recognizeMeetings({ text: written, normalized, articleDate: '2023-11-17', figures }, knowledge);
  };
  const plain = recognize(text);
  assert.ok(plain.mentions.length > 0);
  assert.deepEqual(recognize(`${text}\nİstanbul`), plain);
});
