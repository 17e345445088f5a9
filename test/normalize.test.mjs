// The matching text is made in one pass through two tables; it must be exactly the normalised
// text (one unit for one, a lone surrogate becoming U+FFFD) and that text's `toLowerCase()`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './support/core.mjs';
import { seededIntegers } from './support/random.mjs';

const utf16 = new TextDecoder('utf-16le');

/** The normalised text as a unit-by-unit map and one decode make it (`normalizeForMatching`'s definition). */
function expectedNormalized(text) {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogates map to themselves; alone, one would read as U+FFFD.
    codes[i] = code >= 0xd800 && code <= 0xdfff ? code : core.normalizeForMatching(text[i]).charCodeAt(0);
  }
  return utf16.decode(codes);
}

function assertMatchingText(text, label) {
  const normalized = expectedNormalized(text);
  const matching = core.matchingTextOf(text);
  assert.equal(matching.normalized, normalized, label);
  assert.equal(matching.lower, normalized.toLowerCase(), label);
  assert.equal(core.normalizeForMatching(text), normalized, label);
}

test('every unit of the Basic Multilingual Plane normalises and lower-cases as the slow way does', () => {
  const units = [];
  for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) units.push(code);
  // In blocks, so each block is one text (with Σ and İ somewhere in them, the slow way is taken).
  for (let start = 0; start < units.length; start += 1000) {
    const text = String.fromCharCode(...units.slice(start, start + 1000));
    assertMatchingText(text, `units from ${units[start].toString(16)}`);
    // And again without the few irregular units, so the fast way is taken for the rest.
    assertMatchingText(text.replace(/[\u03a3\u0130\uffff]/g, ''), `units from ${units[start].toString(16)}, regular only`);
  }
});

test('surrogates, final sigma and dotted I make the matching text as the slow way does', () => {
  const pieces = ['拜登', '習近平', 'ＡＢＣ', 'Biden', '😀', '𠮷', '𐐀', '𐐨', '\ud800', '\udc00', 'Σ', 'ΑΣ', 'İ', 'I', '\uffff', '·', '‧', ' ', '\n', 'ς', '𞤀'];
  const next = seededIntegers(5);
  for (let round = 0; round < 3000; round++) {
    let text = '';
    const count = next(12);
    for (let i = 0; i < count; i++) text += pieces[next(pieces.length)];
    assertMatchingText(text, JSON.stringify(text));
  }
});
