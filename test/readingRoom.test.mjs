// The reading room's core: the reader (plain text with exact mapping both ways), the sentences
// around mentions, the side bar's trees and the meeting and person pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, sliceRange } from './support/core.mjs';

const HTML = `<!DOCTYPE html>
<html><head><title>拜登与习近平在旧金山会晤 - 美国之音</title>
<meta property="article:published_time" content="2023-11-16T08:00:00Z"></head>
<body><nav><a href="/">首页</a></nav>
<h1>拜登与习近平在旧金山会晤</h1>
<p>美国总统拜登周三在旧金山与中国国家主席习近平举行会晤。双方同意恢复两军沟通&amp;合作。</p>
<h2>芬太尼</h2>
<p>   白宫国家安全顾问沙利文说，会谈富有成效。</p>
</body></html>`;

function fileOf(name) {
  return `file:///corpus/${name}`;
}

function corpus(files) {
  const lens = core.createSummitLens();
  const texts = new Map();
  for (const [name, text] of Object.entries(files)) {
    texts.set(fileOf(name), text);
    lens.store(fileOf(name), text);
  }
  const sources = { article: (uri) => texts.has(uri) && core.parseArticle(texts.get(uri), { fileName: uri }).article, target: (location) => location };
  return { lens, texts, sources };
}

const MARKDOWN = (title, date, body, outlet = '') => `---\ntitle: "${title}"\ndate: ${date}\n${outlet ? `outlet: ${outlet}\n` : ''}---\n\n${body}\n`;

test('the reader is the title, a date and outlet line, then each paragraph as plain text, without markup', () => {
  const article = core.parseArticle(HTML, { fileName: 'a.html' }).article;
  const reader = core.buildReader(article);
  const lines = reader.text.split('\n');
  assert.equal(lines[0], article.title.value);
  assert.match(lines[1], /^2023-11-16/);
  assert.ok(!/[<>]/.test(reader.text), reader.text);
  assert.ok(reader.text.includes('\n\n美国总统拜登周三在旧金山与中国国家主席习近平举行会晤。双方同意恢复两军沟通&合作。\n'), reader.text);
  // A paragraph's leading spaces are not shown.
  assert.ok(reader.text.includes('\n\n白宫国家安全顾问沙利文说，会谈富有成效。'), reader.text);
});

test('a position maps from the source into the reader and back exactly, also after a decoded entity', () => {
  const article = core.parseArticle(HTML, { fileName: 'a.html' }).article;
  const reader = core.buildReader(article);
  const lines = new core.LineIndex(HTML);
  const readerLines = new core.LineIndex(reader.text);
  for (const word of ['习近平', '合作', '沙利文']) {
    const start = HTML.indexOf(word, HTML.indexOf('<h1>'));
    const range = { start: lines.positionAt(start), end: lines.positionAt(start + word.length) };
    const inReader = reader.toReaderRange(range);
    assert.equal(reader.text.slice(readerLines.offsetAt(inReader.start), readerLines.offsetAt(inReader.end)), word);
    assert.deepEqual(reader.toSourceRange(inReader), range);
    assert.deepEqual(reader.toSource(inReader.start), range.start);
  }
  // The date line is the reader's own: it maps to nothing in the source.
  assert.equal(reader.toSource({ line: 1, character: 2 }), undefined);
  // Markup (the <nav> link) shows nothing in the reader.
  assert.equal(reader.toReader(lines.positionAt(HTML.indexOf('<nav>') + 1)), reader.toReader(lines.positionAt(HTML.indexOf('首页'))));
});

test('reader URIs name the article path under summit-lens:/reader and back', () => {
  assert.equal(core.readerUri('file:///corpus/a%20b.html'), 'summit-lens:/reader/corpus/a%20b.html');
  assert.equal(core.articleOfReader('summit-lens:/reader/corpus/a%20b.html'), 'file:///corpus/a%20b.html');
  assert.equal(core.articleOfReader('summit-lens:/meetings/x.md'), undefined);
  assert.equal(core.readerUri('untitled:Untitled-1'), undefined);
});

test('a mention\'s sentence is cut at sentence ends, shortened with an ellipsis, and the mention is highlighted', () => {
  const text = '第一句话。美国总统拜登周三在旧金山与中国国家主席习近平举行会晤。第三句。';
  const start = text.indexOf('习近平');
  const snippet = core.sentenceAround(text, start, start + 3);
  assert.equal(snippet.text, '美国总统拜登周三在旧金山与中国国家主席习近平举行会晤。');
  assert.equal(snippet.text.slice(...snippet.highlight), '习近平');
  const long = `${'甲'.repeat(100)}习近平${'乙'.repeat(100)}。`;
  const cut = core.sentenceAround(long, 100, 103);
  assert.equal(cut.text, `…${'甲'.repeat(60)}习近平${'乙'.repeat(60)}…`);
  assert.equal(cut.text.slice(...cut.highlight), '习近平');
});

test('Chinese text folded across lines by YAML loses the space at the fold; spaces between Latin words stay', () => {
  assert.equal(core.joinChineseLines('两人时隔一年再次 会晤，同意 恢复 two-way talks'), '两人时隔一年再次会晤，同意恢复 two-way talks');
});

test('Meetings: grouped by leader pair with the era, in date order; a meeting expands to its articles and each to its mentions as sentences', () => {
  const { lens, sources } = corpus({
    'b.md': MARKDOWN('回顾', '2023-11-20', '拜登与习近平上周三在旧金山会晤。两人同意恢复两军沟通。', '美国之音'),
    'a.md': MARKDOWN('前瞻', '2023-11-10', '美国总统拜登将于下周三在旧金山与习近平会晤。', '大纪元'),
  });
  const groups = core.readingRoomChildren(lens, sources, 'meetings');
  const biden = groups.find((group) => group.label === '拜登 · 习近平');
  assert.ok(biden, groups.map((group) => group.label).join('\n'));
  assert.match(biden.description, /^Joe Biden · Xi Jinping · 2021–2024 · \d+ meetings, 1 in the corpus$/);
  const meetings = core.readingRoomChildren(lens, sources, 'meetings', biden.id);
  assert.deepEqual(meetings.map((meeting) => meeting.label.slice(0, 10)), [...meetings.map((meeting) => meeting.label.slice(0, 10))].sort());
  const woodside = meetings.find((meeting) => meeting.label.startsWith('2023-11-15'));
  assert.equal(woodside.description, 'in person · Filoli estate, Woodside, California (near San Francisco) · 2 articles');
  assert.equal(woodside.page, 'summit-lens:/meetings/2023-11-15-woodside.md');
  const articles = core.readingRoomChildren(lens, sources, 'meetings', woodside.id);
  assert.deepEqual(
    articles.map((article) => [article.label, article.description]),
    [
      ['前瞻', '大纪元 · 2023-11-10 · 1 mention'],
      ['回顾', '美国之音 · 2023-11-20 · 1 mention'],
    ],
  );
  const [mention] = core.readingRoomChildren(lens, sources, 'meetings', articles[0].id);
  assert.equal(mention.label, '美国总统拜登将于下周三在旧金山与习近平会晤。');
  assert.equal(mention.open.uri, fileOf('a.md'));
  assert.equal(mention.label.slice(...mention.highlight), sliceRange(MARKDOWN('前瞻', '2023-11-10', '美国总统拜登将于下周三在旧金山与习近平会晤。', '大纪元'), mention.open.range));
});

test('People: by number of articles, both scripts and English in the label for the filter, learned people told apart', () => {
  const { lens, sources } = corpus({
    'a.md': MARKDOWN('一', '2023-11-10', '美国总统拜登与习近平会晤。'),
    'b.md': MARKDOWN('二', '2023-11-11', '拜登说，美国智库布鲁金斯学会高级研究员何瑞恩（Ryan Hass）认为会晤有意义。'),
  });
  const people = core.readingRoomChildren(lens, sources, 'people');
  assert.equal(people[0].label, '拜登 Joe Biden');
  assert.equal(people[0].description, '2 articles');
  assert.equal(people[0].icon, 'person');
  const learned = people.find((person) => person.icon === 'learned-person');
  if (learned) assert.match(learned.description, /^learned · 1 article$/);
  // The filter finds a person in either script: both are in the label where they differ.
  assert.equal(people.find((person) => person.label.startsWith('习近平')).label, '习近平 習近平 Xi Jinping');
  const [article] = core.readingRoomChildren(lens, sources, 'people', people.find((person) => person.label.startsWith('习近平')).id);
  assert.equal(article.label, '一');
});

test('Articles: titles by year or by outlet, never file names; articles with problems are marked', () => {
  const { lens, sources } = corpus({
    'x1.md': MARKDOWN('新闻甲', '2023-11-10', '拜登说。', '美国之音'),
    'x2.md': MARKDOWN('新闻乙', '2021-05-01', '拜登说。', '美国之音'),
    'x3.md': MARKDOWN('新闻丙', '2023-12-01', '拜登说。', '大纪元'),
  });
  const years = core.readingRoomChildren(lens, sources, 'articles', undefined, 'date');
  assert.deepEqual(years.map((year) => [year.label, year.description]), [['2023', '2 articles'], ['2021', '1 article']]);
  assert.deepEqual(core.readingRoomChildren(lens, sources, 'articles', years[0].id, 'date').map((article) => article.label), ['新闻丙', '新闻甲']);
  const outlets = core.readingRoomChildren(lens, sources, 'articles', undefined, 'outlet');
  assert.deepEqual(outlets.map((outlet) => outlet.label), ['美国之音', '大纪元']);

  const broken = corpus({ 'y.md': '---\ntitle: "残缺"\ndate: 2023-11-10\n拜登说。\n' });
  const [year] = core.readingRoomChildren(broken.lens, broken.sources, 'articles');
  const [article] = core.readingRoomChildren(broken.lens, broken.sources, 'articles', year.id);
  if (broken.lens.analysis(fileOf('y.md')).problems.some((problem) => problem.severity !== 'information')) {
    assert.equal(article.icon, 'article-problem');
    assert.match(article.description, /⚠ \d+ problems?$/);
  }
});

test('a meeting page: summary, local and Beijing dates, place, participants, and the articles in date order with their sentences and links', () => {
  const { lens, sources } = corpus({
    'b.md': MARKDOWN('之后 [click](javascript:alert(1))', '2023-11-20', '拜登与习近平上周三在旧金山会晤。', '美国之音'),
    'a.md': MARKDOWN('之前', '2023-11-10', '美国总统拜登将于下周三在旧金山与习近平会晤。', '大纪元'),
  });
  const page = core.meetingPage(lens, sources, '2023-11-15-woodside');
  assert.match(page, /^# 拜登与习近平旧金山（费罗丽庄园）会晤$/m);
  assert.match(page, /^- \*\*Date:\*\* Wednesday 2023-11-15 local time · Thursday 2023-11-16 Beijing time$/m);
  assert.match(page, /^- \*\*Participants:\*\* \[拜登 Joe Biden\]\(summit-lens:\/figures\/joe-biden\.md\), \[习近平 Xi Jinping\]/m);
  const before = page.indexOf('### [之前](file:///corpus/a.md#L');
  const after = page.indexOf('### [之后 \\[click\\]\\(javascript\\:alert\\(1\\)\\)](file:///corpus/b.md#L');
  assert.ok(before > 0 && after > before, page);
  assert.ok(page.includes('> 美国总统拜登将于下周三在旧金山与习近平会晤。 [↗](file:///corpus/a.md#L7,'), page);
  assert.ok(!/\]\(javascript/.test(page));
});

test('a person page lists every article mentioning them, with the sentence', () => {
  const { lens, sources } = corpus({ 'a.md': MARKDOWN('之前', '2023-11-10', '白宫国家安全顾问沙利文说，会谈富有成效。', '大纪元') });
  const page = core.personPage(lens, sources, 'jake-sullivan');
  assert.match(page, /^# 沙利文 · Jake Sullivan$/m);
  assert.ok(page.includes('> 白宫国家安全顾问沙利文说，会谈富有成效。'), page);
  assert.equal(core.personPage(lens, sources, 'nobody-at-all'), undefined);
});

test('hover says the name once, and its definition link keeps the column', () => {
  const lens = core.createSummitLens();
  const text = '<p>白宫国家安全顾问沙利文说。拜登说。</p>';
  lens.update('file:///a.html', text);
  const markdown = lens.hover('file:///a.html', { line: 0, character: text.indexOf('拜登') }).markdown;
  assert.match(markdown, /^\*\*拜登\*\* · Joe Biden$/m);
  const sullivan = lens.hover('file:///a.html', { line: 0, character: text.indexOf('沙利文') }).markdown;
  assert.ok(sullivan.endsWith(`[definition](file:///a.html#L1,${text.indexOf('沙利文') + 1})`), sullivan);
});

test('a bare day that restates the weekday before it gets no second hint: 周四（26日）', () => {
  const lens = core.createSummitLens();
  lens.update('file:///a.md', MARKDOWN('一', '2023-10-29', '拜登说，周四（26日），美国印太司令部声明称，一架中共战斗机24日晚间在南海上空危险拦截美国空军轰炸机。'));
  const hints = lens.inlayHints('file:///a.md');
  assert.deepEqual(hints.map((hint) => hint.tooltip), ['周四 → Thursday 2023-10-26', '24日 → Tuesday 2023-10-24']);
});

test('code lenses are short, say "1 mention" in the singular, and list at most three meetings', () => {
  const lens = core.createSummitLens();
  lens.update('file:///a.md', MARKDOWN('一', '2023-11-20', '拜登与习近平上周三在旧金山会晤。'));
  const [only] = lens.codeLenses('file:///a.md');
  assert.equal(only.title, '拜登与习近平旧金山会晤 2023-11-15/16: 1 mention here · in 1 article');
});

test('a code lens writes a meeting\'s local and Beijing days compactly, each only as far as it differs', () => {
  const compact = (date, beijingDate) => core.meetingDatesCompact({ date, beijingDate });
  assert.equal(compact('2022-11-14', '2022-11-14'), '2022-11-14');
  assert.equal(compact('2023-11-15', '2023-11-16'), '2023-11-15/16');
  assert.equal(compact('2030-11-30', '2030-12-01'), '2030-11-30/12-01');
  assert.equal(compact('2030-12-31', '2031-01-01'), '2030-12-31/2031-01-01');
  // Hovers and pages keep the long form of the same rule.
  assert.equal(core.meetingDates({ date: '2023-11-15', beijingDate: '2023-11-16' }), '2023-11-15 (Beijing 2023-11-16)');
});
