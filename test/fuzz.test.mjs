// A short fuzzing run with a fixed seed over the sample corpus (`npm run fuzz` runs a long one):
// mutated articles never make the analysis throw, every range stays inside the source, and
// re-reading after each edit gives what a fresh read gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { root, sampleDir } from './support/core.mjs';
import { fuzz, mutate, random, rangesOutside, seedsFrom } from '../scripts/fuzz.mjs';

test('mutated sample articles keep every invariant (fixed seed, bounded time)', () => {
  const seeds = seedsFrom([sampleDir]);
  assert.equal(seeds.length, 4);
  // A fixed sequence of chains, cut short after a few seconds of CPU time on a slow machine.
  const { failures, checked } = fuzz({ seeds, iterations: 16, chain: 3, seed: 18, cpuBudgetMs: 5000 });
  assert.ok(checked >= 4, `only ${checked} edits were checked`);
  assert.deepEqual(
    failures.map((failure) => `chain ${failure.iteration}, edit ${failure.step} of ${path.relative(root, failure.name)}: ${failure.problems[0].slice(0, 300)}`),
    [],
  );
});

test('the fuzzer itself: the same seed gives the same mutations, and a range past a line end is caught', () => {
  const first = random(5);
  const second = random(5);
  const text = '---\ntitle: 测试\n---\n<p>拜登</p>\n';
  assert.equal(mutate(text, first), mutate(text, second));
  const analysis = { outline: [], figures: [{ range: { start: { line: 3, character: 3 }, end: { line: 3, character: 40 } } }] };
  assert.equal(rangesOutside(analysis, text).length, 1);
  assert.deepEqual(rangesOutside({ figures: [{ range: { start: { line: 3, character: 3 }, end: { line: 3, character: 5 } } }] }, text), []);
});
