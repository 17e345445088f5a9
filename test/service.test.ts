// The language service in process, feature by feature, on inline fixtures that read as the
// user's view: `$0` is the cursor, a line of carets marks the ranges expected on the line above
// (see support/fixture.ts). Compiled by scripts/build.mjs to dist/test/service.test.cjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSummitLens, type Range, type SummitLens } from '../server/src/testing';
import { fixture, textOf } from './support/fixture';

const URI = 'file:///corpus/article.md';
const OTHER = 'file:///corpus/other.md';

/** A service holding the fixture (as an open article) and any other articles. */
function serviceWith(text: string, others: Record<string, string> = {}): SummitLens {
  const lens = createSummitLens();
  for (const [uri, other] of Object.entries(others)) lens.store(uri, other);
  lens.update(URI, text);
  return lens;
}

function marked(text: string, ranges: readonly Range[]): string[] {
  return ranges.map((range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${textOf(text, range)}`);
}

test('hover on a figure: who, the role at the article\'s date, how the article introduces them, over the exact name', () => {
  const { text, cursor, ranges } = fixture(`
---
title: 拜登与习近平会晤
date: 2023-11-16
---

## 会晤

美国总统拜$0登周三在旧金山与中国国家主席习近平会晤。布鲁金斯学会学者何瑞恩说，拜登希望稳定关系。
　　　　^^

## 反应

何瑞恩认为，习近平也需要稳定。
`);
  const answer = serviceWith(text).hover(URI, cursor);
  assert.ok(answer);
  assert.deepEqual(marked(text, [answer.range]), marked(text, ranges));
  assert.match(answer.markdown, /^\*\*拜登\*\* · Joe Biden$/m);
  assert.match(answer.markdown, /^美国总统 · President of the United States \(as of 2023-11-16\)$/m);
  assert.match(answer.markdown, /^Introduced here as: «美国总统拜登»$/m);
});

test('hover at the boundary of two adjacent names belongs to the one that starts there', () => {
  const { text, cursor, ranges } = fixture(`
---
title: 旧金山会晤
date: 2023-11-16
---

拜登$0习近平旧金山会晤
　　^^^
`);
  const answer = serviceWith(text).hover(URI, cursor);
  assert.ok(answer);
  assert.deepEqual(marked(text, [answer.range]), marked(text, ranges));
  assert.match(answer.markdown, /Xi Jinping/);
});

test('definition of a later mention goes to the introduction\'s name in the same article', () => {
  const { text, cursor, ranges } = fixture(`
---
title: 拜登与习近平会晤
date: 2023-11-16
---

## 会晤

美国总统拜登周三在旧金山与中国国家主席习近平会晤。布鲁金斯学会学者何瑞恩说，拜登希望稳定关系。
　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　^^^

## 反应

何$0瑞恩认为，习近平也需要稳定。
`);
  const locations = serviceWith(text).definition(URI, cursor);
  assert.deepEqual(locations.map((location) => location.uri), [URI]);
  assert.deepEqual(marked(text, locations.map((location) => location.range)), marked(text, ranges));
});

test('references list every mention across the corpus; highlights only those in the article', () => {
  const { text, cursor, ranges } = fixture(`
---
title: 拜登与习近平会晤
       ^^
date: 2023-11-16
---

## 会晤

美国总统拜登周三在旧金山与中国国家主席习近平会晤。布鲁金斯学会学者何瑞恩说，拜$0登希望稳定关系。
　　　　^^　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　^^

## 反应

何瑞恩认为，习近平也需要稳定。
`);
  const other = fixture(`
---
title: 另一篇
date: 2023-11-17
---

拜登说，他与习近平在旧金山的会晤很成功。
^^
`);
  const lens = serviceWith(text, { [OTHER]: other.text });
  const references = lens.references(URI, cursor);
  assert.deepEqual(marked(text, references.filter((location) => location.uri === URI).map((location) => location.range)), marked(text, ranges));
  assert.deepEqual(marked(other.text, references.filter((location) => location.uri === OTHER).map((location) => location.range)), marked(other.text, other.ranges));
  assert.deepEqual(marked(text, lens.highlights(URI, cursor)), marked(text, ranges));
});

test('inlay hints give the date of a bare weekday, right after it', () => {
  const { text, ranges } = fixture(`
---
title: 拜登与习近平会晤
date: 2023-11-16
---

## 会晤

美国总统拜登周三在旧金山与中国国家主席习近平会晤。布鲁金斯学会学者何瑞恩说，拜登希望稳定关系。
　　　　　　^^

## 反应

何瑞恩认为，习近平也需要稳定。
`);
  const hints = serviceWith(text).inlayHints(URI);
  assert.deepEqual(hints, [{ position: ranges[0].end, label: '→ 2023-11-15', tooltip: '周三 → Wednesday 2023-11-15' }]);
  const elsewhere = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
  assert.deepEqual(serviceWith(text).inlayHints(URI, elsewhere), [], 'only hints inside the range asked for');
});

test('a code lens at the top names each meeting the article mentions, with counts here and in the corpus', () => {
  const { text } = fixture(`
---
title: 拜登与习近平会晤
date: 2023-11-16
---

## 会晤

美国总统拜登周三在旧金山与中国国家主席习近平会晤。布鲁金斯学会学者何瑞恩说，拜登希望稳定关系。

## 反应

何瑞恩认为，习近平也需要稳定。
`);
  const other = fixture(`
---
title: 另一篇
date: 2023-11-17
---

拜登说，他与习近平在旧金山的会晤很成功。
^^
`);
  const lenses = serviceWith(text, { [OTHER]: other.text }).codeLenses(URI);
  assert.deepEqual(lenses.map((lens) => [lens.meetingId, lens.range.start.line, lens.locations.length]), [['2023-11-15-woodside', 0, 4]]);
  // The meeting's display name comes from the catalogue (server/data); the counts are this test's.
  assert.match(lenses[0].title, /^拜登与习近平\S*会晤 2023-11-15\b.*: 3 mentions here · in 2 articles$/);
});

test('workspace symbols find a figure by Chinese or English name, and a meeting by place', () => {
  const { text } = fixture(`
---
title: 拜登与习近平会晤
date: 2023-11-16
---

## 会晤

美国总统拜登周三在旧金山与中国国家主席习近平会晤。布鲁金斯学会学者何瑞恩说，拜登希望稳定关系。

## 反应

何瑞恩认为，习近平也需要稳定。
`);
  const lens = serviceWith(text);
  const hass = lens.workspaceSymbols('何瑞恩');
  assert.deepEqual(hass.map((symbol) => [symbol.name, symbol.kind, symbol.location.uri, symbol.location.range.start.line]), [['何瑞恩 Ryan Hass', 'figure', URI, 7]]);
  assert.deepEqual(lens.workspaceSymbols('Ryan Hass').map((symbol) => symbol.name), ['何瑞恩 Ryan Hass']);
  const woodside = lens.meeting('2023-11-15-woodside');
  assert.ok(woodside);
  assert.ok(lens.workspaceSymbols('旧金山').some((symbol) => symbol.name.startsWith(`${woodside.title.zh} 2023-11-15`) && symbol.kind === 'meeting'));
});

test('document symbols: the article, its metadata, its sections and the meetings it mentions', () => {
  const { text } = fixture(`
---
title: 拜登与习近平会晤
date: 2023-11-16
---

## 会晤

美国总统拜登周三在旧金山与中国国家主席习近平会晤。布鲁金斯学会学者何瑞恩说，拜登希望稳定关系。

## 反应

何瑞恩认为，习近平也需要稳定。
`);
  const [article] = serviceWith(text).outline(URI);
  assert.equal(article.name, '拜登与习近平会晤');
  assert.deepEqual(article.children.map((child) => child.name), ['Metadata', '会晤', '反应', 'Meetings']);
  const section = article.children[1];
  assert.equal(textOf(text, section.selectionRange), '会晤');
  assert.equal(section.selectionRange.start.line, 5);
});

test('folding: the front matter and each section, a section ending where the next begins', () => {
  const { text } = fixture(`
---
title: 拜登与习近平会晤
date: 2023-11-16
---

## 会晤

美国总统拜登周三在旧金山与中国国家主席习近平会晤。布鲁金斯学会学者何瑞恩说，拜登希望稳定关系。

## 反应

何瑞恩认为，习近平也需要稳定。
`);
  const folds = serviceWith(text).analysis(URI)?.folds ?? [];
  assert.deepEqual(folds.map((range) => [range.start.line, range.end.line]), [[0, 3], [5, 9], [9, 12]]);
});
