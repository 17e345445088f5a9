// Growth, not speed: for each kind of input that once took quadratic time or memory, the
// analysis of 8n units takes far less than 64 times that of n units, measured in the same run.
// Linear growth gives about 8; the bound leaves room for noise and garbage collection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './support/core.mjs';

const MAX_RATIO = 24;
const frontMatter = '---\ntitle: 长输入\ndate: 2023-11-16\n---\n';

/**
 * Each class: how to make an input of n units, and an n whose 8n run takes a fraction of a second
 * and stays under the 500,000 characters above which an article is outlined only.
 */
const CLASSES = [
  { name: 'a chain of dotted names (艾·艾·…拜登)', n: 1500, make: (n) => `${frontMatter}<p>${'艾·'.repeat(n)}拜登</p>\n` },
  { name: 'an e-mail-like run without a domain (a.a.…@)', n: 8000, make: (n) => `${frontMatter}<p>${'a.'.repeat(n)}@</p>\n` },
  { name: 'a Markdown heading with a long run of spaces before a #', n: 50000, make: (n) => `${frontMatter}# a${' '.repeat(n)}#x\n` },
  { name: 'a Markdown heading of many #', n: 8000, make: (n) => `${frontMatter}# ${'#'.repeat(n)}\n` },
  { name: 'a Markdown heading of unclosed images (![a](b …)', n: 1000, make: (n) => `${frontMatter}# ${'![a](b'.repeat(n)}\n` },
  { name: 'a Markdown heading of unclosed wiki links ([[a| …)', n: 6000, make: (n) => `${frontMatter}# ${'[[a|'.repeat(n)}\n` },
  { name: 'unclosed Markdown links in a body ([a](b …)', n: 8000, make: (n) => `${frontMatter}${'[a](b'.repeat(n)}\n` },
  { name: 'nested HTML headings (<h1>拜登 …)', n: 600, make: (n) => `${frontMatter}${'<h1>拜登'.repeat(n)}\n` },
  { name: 'deeply nested blocks (<div> … </div>)', n: 1500, make: (n) => `${frontMatter}${'<div>'.repeat(n)}拜登${'</div>'.repeat(n)}\n` },
  { name: 'deeply nested inline elements (<span> … </span>)', n: 2000, make: (n) => `${frontMatter}${'<span>'.repeat(n)}拜登${'</span>'.repeat(n)}\n` },
  { name: 'stray end tags under deep nesting (<div> … </span>)', n: 2000, make: (n) => `${frontMatter}${'<div>'.repeat(n)}拜登${'</span>'.repeat(n)}\n` },
  { name: 'a byline role repeated on one line (记者记者…)', n: 2000, make: (n) => `${frontMatter}${'记者'.repeat(n)}\n` },
  { name: 'a meeting word repeated on one line (会晤会晤…)', n: 1000, make: (n) => `${frontMatter}${'会晤'.repeat(n)}\n` },
  { name: 'a weekday repeated on one line (周三周三…)', n: 24000, make: (n) => `${frontMatter}${'周三'.repeat(n)}\n` },
];

const lens = core.createSummitLens({});

/**
 * The fastest of a few analyses of the text, in milliseconds of this process's CPU time: other
 * processes on a busy machine do not count, and the fastest run is the least disturbed.
 */
function timeOf(text, runs) {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    lens.analyze('file:///complexity.md', text);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

for (const { name, n, make } of CLASSES) {
  test(`linear growth: ${name}`, () => {
    // Warm up the code paths this input takes, so the small run is not charged for compiling them.
    timeOf(make(n), 1);
    const small = timeOf(make(n), 3);
    const large = timeOf(make(8 * n), 2);
    const ratio = large / Math.max(small, 0.5);
    assert.ok(ratio < MAX_RATIO, `${name}: ${small.toFixed(1)} ms at n = ${n}, ${large.toFixed(1)} ms at 8n (× ${ratio.toFixed(1)}; quadratic is × 64)`);
  });
}
