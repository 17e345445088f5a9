// Hostile and odd input at the core: positions at mention boundaries, huge outlines, and
// Markdown in hovers and catalogue documents that comes only from us.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core, root } from './support/core.mjs';

const article = (body) => `---\ntitle: 测试\ndate: 2023-11-16\n---\n${body}\n`;

test('a position where one mention ends and the next starts belongs to the next (拜登|习近平)', () => {
  const service = core.createSummitLens({});
  const uri = 'file:///adjacent.md';
  service.update(uri, article('拜登习近平旧金山会晤。'));
  // Line 4 is 拜登习近平旧金山会晤: 拜登 0–2, 习近平 2–5, 旧金山会晤 5–10.
  assert.match(service.hover(uri, { line: 4, character: 2 }).markdown, /Xi Jinping/);
  assert.match(service.hover(uri, { line: 4, character: 0 }).markdown, /Joe Biden/);
  assert.match(service.hover(uri, { line: 4, character: 5 }).markdown, /旧金山会晤|Woodside|San Francisco/);
  // Just after the last character of the line's last mention, the cursor still means it.
  assert.equal(service.references(uri, { line: 4, character: 2 })[0].range.start.character, 2);
  const xiReferences = service.references(uri, { line: 4, character: 2 });
  assert.deepEqual(xiReferences.map((location) => location.range.start.character), [2]);
});

test('a Markdown file with 130,000 headings is outlined, not a stack overflow', () => {
  const text = '# 标题\n'.repeat(130_000);
  const analysis = core.createSummitLens({}).analyze('file:///headings.md', text);
  assert.equal(analysis.uri, 'file:///headings.md');
  // The first heading is the title; every other one is a section of the outline.
  assert.equal(analysis.outline[0].children.length, 129_999);
});

test('the extension declares itself safe in untrusted workspaces, and says why', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  // The description may be a %key% of the manifest's English strings (package.nls.json).
  const written = manifest.capabilities.untrustedWorkspaces.description;
  const key = /^%(.+)%$/.exec(written)?.[1];
  const description = key ? JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'))[key] : written;
  assert.match(description, /Nothing in a workspace is ever run/);
  assert.match(description, /data/);
});

// A workspace knowledge file written by someone else: links, emphasis and HTML in its fields.
const hostileFigures = `- id: hostile-person
  en: '[click](https://evil.test) *bold* <img src=x onerror=alert(1)>'
  zh: 伊沃尔
  names: [伊沃尔]
  roles:
    - { zh: '**部长**', en: 'Minister of www.evil.test, mail ops@evil.test', from: 2020-01-01 }
`;

/** The links a Markdown text makes: [text](target), angle-bracket autolinks and bare URLs, ignoring backslash-escaped characters. */
function linksIn(markdown) {
  const unescaped = markdown.replace(/\\./g, '_');
  return [...unescaped.matchAll(/\]\(([^)\s]*)\)|<[a-z]+:[^>]*>|https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+/gi)].map((match) => match[1] ?? match[0]);
}

test('hovers show catalogue fields from a workspace file as text: no links, emphasis or HTML but our own', () => {
  const lens = core.createSummitLens({ knowledge: { workspaceFigures: hostileFigures } });
  const uri = 'file:///hostile.md';
  lens.update(uri, article('<p>伊沃尔说，拜登与习近平会晤。</p>'));
  const markdown = lens.hover(uri, { line: 4, character: 4 }).markdown;
  assert.equal(
    markdown,
    [
      '**伊沃尔** · \\[click\\]\\(https\\://evil.test\\) \\*bold\\* \\<img src=x onerror=alert\\(1\\)\\>',
      '',
      '\\*\\*部长\\*\\* · Minister of www\\.evil.test, mail ops\\@evil.test (as of 2023-11-16)',
      '',
      '1 mention in this article · in 1 article · [definition](summit-lens:/figures/hostile-person.md#L1)',
    ].join('\n'),
  );
  assert.deepEqual(linksIn(markdown), ['summit-lens:/figures/hostile-person.md#L1']);
});

test('the catalogue document shows article titles and knowledge fields as text, and links only to articles', () => {
  const lens = core.createSummitLens({ knowledge: { workspaceFigures: hostileFigures } });
  const uri = 'file:///notes/a%20(1).md';
  lens.update(uri, '---\ntitle: "[t](https://x.test) <b>b</b>\\n# heading"\ndate: 2023-11-16\n---\n<p>伊沃尔说。</p>\n');
  const document = lens.virtualDocument(core.figureDocumentUri('hostile-person'));
  assert.match(document, /^# 伊沃尔 — \\\[click\\\]/);
  assert.match(document, /- \\\*\\\*部长\\\*\\\* — Minister of www\\\.evil/);
  assert.deepEqual(linksIn(document), ['file:///notes/a%20%281%29.md']);
  assert.ok(document.includes('- [\\[t\\]\\(https\\://x.test\\) \\<b\\>b\\</b\\> # heading](file:///notes/a%20%281%29.md) — 2023-11-16'), document);
});

test('a file name with parentheses or spaces does not break the definition link', () => {
  const lens = core.createSummitLens({});
  const uri = 'file:///notes/draft (2).md';
  lens.update(uri, article('<p>白宫国家安全顾问沙利文说。</p>'));
  const markdown = lens.hover(uri, { line: 4, character: 12 }).markdown;
  assert.match(markdown, /^\*\*沙利文\*\* · Jake Sullivan/);
  assert.ok(markdown.endsWith('[definition](file:///notes/draft%20%282%29.md#L5,12)'), markdown);
});

test('a malformed catalogue document URI is no document, not an exception', () => {
  assert.equal(core.createSummitLens({}).virtualDocument('summit-lens:/figures/%.md'), undefined);
});

test('a heading left open around the next one gives sections in source order, each ending after it starts', () => {
  const text = article('<h2>表面平静</hp><p>第一段。</p><h2>各自目标</h2><p>第二段。</p>');
  const analysis = core.createSummitLens({}).analyze('file:///open-heading.md', text);
  const sections = analysis.outline[0].children.filter((node) => node.kind === 'section');
  // Line 4 is the body: the first section runs from its heading to the second's, which runs to the end.
  assert.deepEqual(
    sections.map((node) => [node.name, node.range]),
    [
      ['表面平静 第一段。 各自目标 第二段。', { start: { line: 4, character: 0 }, end: { line: 4, character: 24 } }],
      ['各自目标', { start: { line: 4, character: 24 }, end: { line: 5, character: 0 } }],
    ],
  );
});
