// The body walk follows htmlparser2's Parser (implied end tags, void elements, foreign content)
// on its Tokenizer, reading only the attributes it needs. Every event, with its offsets, must be
// the one the Parser reports, or text would be hidden or shown where it should not be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core, devFiles, sampleDir } from './support/core.mjs';
import { seededIntegers } from './support/random.mjs';

const { Parser } = createRequire(import.meta.url)('htmlparser2');
const WANTED = ['class', 'id', 'role', 'aria-hidden', 'hidden', 'content'];

function walkEvents(html) {
  const events = [];
  const walk = new core.ElementWalk(
    html,
    {
      onopentag: (name, attributes) => events.push(['open', name, walk.startIndex, JSON.stringify(attributes)]),
      onclosetag: (name) => events.push(['close', name, walk.endIndex]),
      ontext: () => events.push(['text', walk.startIndex, walk.endIndex]),
      onother: () => events.push(['other', walk.endIndex]),
    },
    WANTED,
  );
  walk.run();
  return events;
}

function parserEvents(html) {
  const events = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        const wanted = Object.fromEntries(Object.entries(attributes).filter(([key]) => WANTED.includes(key)));
        events.push(['open', name, parser.startIndex, JSON.stringify(wanted)]);
      },
      onclosetag: (name) => events.push(['close', name, parser.endIndex]),
      ontext: () => events.push(['text', parser.startIndex, parser.endIndex]),
      oncomment: () => events.push(['other', parser.endIndex]),
      onprocessinginstruction: () => events.push(['other', parser.endIndex]),
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return events;
}

const TRICKY = [
  '<p>one<p>two<div>three</div></p>',
  '<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><th>3</table>',
  '</p>stray end<P CLASS="Nav Bar" Id=x>upper case</P></br>after br',
  '<div class="share" class="second" ROLE="navigation" hidden data-x="1">x</div>',
  '<svg><path/><circle /><title>t</title></svg><div/>still open<span>unclosed',
  '<math><mi/>x</math><select><option>a<option>b</select>',
  '<!DOCTYPE html><!-- note --><![CDATA[x]]><?xml version="1.0"?>text',
  '<script>if (a < b) document.write("<p>")</script><style>p{}</style><title>T &amp; T</title>',
  '<meta content="2023-11-15" name=date><img src=x alt="a>b">tail < not a tag',
  '<dl><dt>a<dd>b<dt>c</dl><h1>h<p>p</h1>',
  '<a href="x"><b>bold<i>both</b>italic</i></a>',
  'no tags at all & an entity &amp; done',
  '<div aria-hidden="true" class="x">',
];

test('the walk reports what htmlparser2’s Parser reports, on HTML that tests its tree rules', () => {
  for (const html of TRICKY) assert.deepEqual(walkEvents(html), parserEvents(html), html);
});

test('the walk reports what htmlparser2’s Parser reports, on every sample article', () => {
  for (const name of readdirSync(sampleDir)) {
    const html = readFileSync(path.join(sampleDir, name), 'utf8');
    assert.deepEqual(walkEvents(html), parserEvents(html), name);
  }
});

test('the walk reports what htmlparser2’s Parser reports, on the dev corpus (skipped without ../shared)', (t) => {
  const files = devFiles();
  if (!files) {
    t.skip('../shared/corpus/dev is not present');
    return;
  }
  for (const { name, text } of files) assert.deepEqual(walkEvents(text), parserEvents(text), name);
});

test('the walk reports what htmlparser2’s Parser reports, on deep nesting with stray and misnested end tags', () => {
  // Deep enough that the walk counts its open elements by name, then shallow again, several times over.
  const next = seededIntegers(7);
  const names = ['div', 'span', 'b', 'i', 'font', 'p', 'li', 'section', 'em'];
  for (let round = 0; round < 5; round++) {
    let html = '';
    for (let step = 0; step < 600; step++) {
      const name = names[next(names.length)];
      const depthBias = Math.floor(step / 150) % 2 === 0 ? 4 : 2;
      html += next(depthBias + 2) < depthBias ? `<${name}>t` : `</${next(3) === 0 ? 'ul' : name}>`;
    }
    assert.deepEqual(walkEvents(html), parserEvents(html), `round ${round}`);
  }
});

test('the walk reports what htmlparser2’s Parser reports, on generated fragments of tags, quotes, comments and raw-text elements', () => {
  // The walk's tokenizer skips ahead with native searches; the Parser's steps one character at a time.
  const pieces = ['<', '>', '</', '/>', '"', "'", '=', ' ', 'div', 'p', 'script', 'style', 'title', 'textarea', 'class', 'id', '<!--', '-->', '--', '<![CDATA[', ']]>', '<!', '<?', '?>', '拜登', 'x', '&amp;', '&', '\n', 'svg', '<br', 'a', 'href', 'content', '</script', '</style>', 'SCRIPT', '<p class="a b"', "<a href='x'>", 'xmp'];
  const next = seededIntegers(3);
  for (let round = 0; round < 20000; round++) {
    let html = '';
    const count = next(25);
    for (let i = 0; i < count; i++) html += pieces[next(pieces.length)];
    assert.deepEqual(walkEvents(html), parserEvents(html), JSON.stringify(html));
  }
});
