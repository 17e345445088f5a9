// Typing prose re-reads an article without parsing it again; the result must be the one a
// full parse gives, and any edit that may change the layout must be parsed in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core, devFiles, sampleDir, seed } from './support/core.mjs';
import { seededFractions } from './support/random.mjs';

/** Everything a parse yields that a user can see, with the source map's pieces and the line starts. */
const view = ({ article, problems }) =>
  JSON.stringify({
    ...article,
    lines: Array.from({ length: article.lines.lineCount }, (_, line) => article.lines.lineStart(line)),
    sourceMap: article.sourceMap.pieces(),
    problems,
  });

const HAN_EDITS = ['的', '拜登', '，', '習'];

/** Edits at evenly spread places of the visible text: insert, delete and replace one character. */
function* proseEdits(parse, count) {
  const { text, sourceMap, source } = parse.article;
  for (let k = 1; k <= count; k++) {
    const at = sourceMap.toSourceStart(Math.floor((text.length * k) / (count + 1)));
    const inserted = HAN_EDITS[k % HAN_EDITS.length];
    yield source.slice(0, at) + inserted + source.slice(at);
    yield source.slice(0, at) + source.slice(at + 1);
    yield source.slice(0, at) + inserted + source.slice(at + 1);
  }
}

/** Checks every edit of every file; returns how many took the fast path. */
function checkEquivalence(files, count) {
  let spliced = 0;
  let edits = 0;
  for (const { name, text } of files) {
    const previous = core.parseArticle(text);
    for (const edited of proseEdits(previous, count)) {
      edits++;
      const fast = core.reparseAfterEdit(previous, edited);
      if (!fast) continue;
      spliced++;
      assert.equal(view(fast), view(core.parseArticle(edited)), `${name}: a spliced parse differs from a full one`);
    }
  }
  return { spliced, edits };
}

test('a prose edit in each sample format gives exactly the parse a full read gives, and most take the fast path', () => {
  const files = readdirSync(sampleDir).map((name) => ({ name, text: readFileSync(path.join(sampleDir, name), 'utf8') }));
  const { spliced, edits } = checkEquivalence(files, 40);
  assert.ok(spliced > edits / 2, `only ${spliced} of ${edits} prose edits were spliced`);
});

test('the dev corpus: spliced parses equal full ones (skipped without ../shared)', (t) => {
  const files = devFiles();
  if (!files) {
    t.skip('../shared/corpus/dev is not present');
    return;
  }
  const { spliced } = checkEquivalence(files, 8);
  assert.ok(spliced > 0);
});

test('edits that may change the layout are parsed in full', () => {
  const { text } = seed('003');
  const previous = core.parseArticle(text);
  const { article } = previous;
  const paragraph = text.indexOf('两国除了在气候合作');
  assert.ok(paragraph > 0);
  const insert = (at, what) => text.slice(0, at) + what + text.slice(at);
  // The same place takes a Chinese character the fast way …
  assert.ok(core.reparseAfterEdit(previous, insert(paragraph + 1, '的')));
  // … but not markup, Latin letters, spaces or line breaks, which may start a tag, an entity or a
  // URL: this close to the body's start, where the stamp and the header are read, not even by a re-walk.
  for (const what of ['<', '&', 'a', ' ', '\n', '#']) assert.equal(core.reparseAfterEdit(previous, insert(paragraph + 1, what)), undefined, JSON.stringify(what));
  // Nor the title or a heading, whose text is the outline's.
  assert.equal(core.reparseAfterEdit(previous, insert(article.title.span.start + 2, '的')), undefined);
  const heading = article.sections[0].headingSpan;
  assert.equal(core.reparseAfterEdit(previous, insert(text.indexOf('时机', heading.start) + 1, '的')), undefined);
  // An unchanged text is the previous parse.
  assert.equal(core.reparseAfterEdit(previous, text).article, article);
});

test('letters, digits, spaces and plain punctuation typed into prose are spliced, unless a character nearby could make them an entity, a URL or Markdown', () => {
  const page = (body) => `---\ntitle: 测试\ndate: 2023-11-15\n---\n\n<p>${body}</p>\n`;
  const check = (before, after, spliced) => {
    const previous = core.parseArticle(before);
    const fast = core.reparseAfterEdit(previous, after);
    assert.equal(fast !== undefined, spliced, `${JSON.stringify(after)} spliced: ${fast !== undefined}`);
    if (fast) assert.equal(view(fast), view(core.parseArticle(after)));
  };
  const prose = '拜登与习近平在旧金山会晤，双方同意恢复两军沟通。中国外交部发言人表示欢迎。';
  // An English word and a number typed into the middle of Chinese prose, one character at a time.
  let text = page(prose.repeat(3));
  const at = text.indexOf('双方', text.indexOf(prose) + prose.length) + 2;
  [...'Biden (Joe), 2023. "Yes!"'].forEach((typed, i) => {
    const next = text.slice(0, at + i) + typed + text.slice(at + i);
    check(text, next, true);
    text = next;
  });
  // Deleting the space would make `&abcdefghijklmnopqrstuvwxyz;` an entity 17 characters away.
  check(page(`${prose}&abcdefghijklmnop qrstuvwxyz;${prose}`), page(`${prose}&abcdefghijklmnopqrstuvwxyz;${prose}`), false);
  // In Markdown a `[` nearby could make `(...)` a link target, and a line of `-` is a rule.
  const markdown = (body) => `---\ntitle: 测试\ndate: 2023-11-15\n---\n\n${body}\n`;
  check(markdown(`${prose}[链接] (说明)${prose}`), markdown(`${prose}[链接](说明)${prose}`), false);
  check(markdown(`${prose}\n${'-'.repeat(50)}的${'-'.repeat(50)}\n${prose}`), markdown(`${prose}\n${'-'.repeat(100)}\n${prose}`), false);
  // Deleting the space after a URL would make the next word part of it.
  check(page(`${prose} http://example.com xyz ${prose}`), page(`${prose} http://example.com xyz${prose}`.replace('.com xyz', '.comxyz')), false);
});

test('after a spliced edit, figure ranges and the outline point at the edited source', () => {
  const { text } = seed('002');
  const uri = 'file:///typed.md';
  const typing = new core.SummitLensService();
  typing.update(uri, text);
  const at = text.indexOf('何瑞恩') - 1;
  const edited = text.slice(0, at) + '的的' + text.slice(at);
  assert.ok(core.reparseAfterEdit(core.parseArticle(text), edited), 'the edit is spliced');
  const afterTyping = typing.update(uri, edited);
  const fresh = new core.SummitLensService().update(uri, edited);
  assert.deepEqual(afterTyping, fresh);
  const lines = new core.LineIndex(edited);
  const slice = (range) => edited.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
  // A name followed by a title across a tag (拜登</a>总统) is reported on the name alone.
  for (const mention of afterTyping.figures) assert.ok(slice(mention.range) && mention.text.startsWith(slice(mention.range)), mention.text);
  assert.ok(afterTyping.figures.some((mention) => mention.text === '何瑞恩'));
});

test('singleEdit finds the one changed stretch', () => {
  assert.deepEqual(core.singleEdit('拜登说', '拜登又说'), { start: 2, end: 2, inserted: '又' });
  assert.deepEqual(core.singleEdit('拜登又说', '拜登说'), { start: 2, end: 3, inserted: '' });
  assert.deepEqual(core.singleEdit('a'.repeat(10000) + 'x' + 'b'.repeat(9000), 'a'.repeat(10000) + 'yz' + 'b'.repeat(9000)), { start: 10000, end: 10001, inserted: 'yz' });
  assert.deepEqual(core.singleEdit('同', '同'), { start: 1, end: 1, inserted: '' });
});

test('an editor session through empty, binary and oversized text never throws and ends where a fresh parse would', () => {
  const { text } = seed('003');
  const uri = 'file:///session.html';
  const service = new core.SummitLensService();
  const states = ['', text, '\u0000\u0001binary\u0000', text, text.replace('两国除了在气候合作', '两国除了在的气候合作'), 'x'.repeat(core.MAX_PARSED_CHARACTERS + 10), text];
  for (const state of states) {
    const analysis = service.update(uri, state);
    assert.deepEqual(analysis, new core.SummitLensService().update(uri, state));
  }
  service.close(uri);
  assert.ok(service.index.get(uri), 'closing forgets the parse, not the article');
});

/** An HTML page long enough for the body walk to keep checkpoints past the head of its body. */
function longPage() {
  const paragraphs = Array.from({ length: 120 }, (_, i) => {
    const heading = i % 15 === 0 ? `<h2>第${i}节 会晤的背景</h2>\n` : '';
    const nav = i % 20 === 7 ? '<div class="nav"><a href="/a">首页</a> <a href="/b">国际</a></div>\n' : '';
    return `${heading}${nav}<p class="body">拜登与习近平在旧金山会晤（第${i}段），双方同意恢复两军沟通。<a href="https://example.com/${i}">链接&amp;说明</a>中国外交部发言人表示欢迎。</p>\n`;
  });
  return `---\ntitle: 长文\ndate: 2023-11-16\n---\n<article>\n<time datetime="2023-11-16">2023年11月16日</time>\n${paragraphs.join('')}</article>\n`;
}

test('markup edits deep in an HTML body are walked again from a checkpoint, and give exactly the parse a full read gives', () => {
  const text = longPage();
  const previous = core.parseArticle(text);
  const deep = text.indexOf('（第100段）');
  assert.ok(deep - previous.structure.bodyStart > 5000, 'the test page is long enough');
  const insert = (at, what) => text.slice(0, at) + what + text.slice(at);
  const cases = [
    ['a line break in the prose', insert(deep, '\n')],
    ['a tag typed into the prose', insert(deep, '<br>')],
    ['an entity', insert(deep, '&amp;')],
    ['an attribute changed', text.replace('href="https://example.com/101"', 'href="https://example.org/101" title="x"')],
    ['a paragraph deleted', text.slice(0, text.indexOf('<p', deep - 40)) + text.slice(text.indexOf('</p>', deep) + 4)],
    ['a heading typed', insert(text.indexOf('<p', deep), '<h3>新的一节</h3>')],
    ['an element left open', insert(deep, '<b>')],
    ['a hidden block opened', insert(deep, '<div class="share">')],
  ];
  for (const [label, edited] of cases) {
    const fast = core.reparseAfterEdit(previous, edited);
    assert.ok(fast, `${label}: walked again from a checkpoint`);
    assert.equal(view(fast), view(core.parseArticle(edited)), `${label}: differs from a full parse`);
  }
  // A page field (here the <time> near the top) or the head of the body is read in full.
  assert.equal(core.reparseAfterEdit(previous, text.replace('datetime="2023-11-16"', 'datetime="2023-11-17"')), undefined);
  assert.equal(core.reparseAfterEdit(previous, insert(text.indexOf('（第1段）'), '<br>')), undefined);
});

test('a chain of random edits, each re-read from the previous one, always equals a full parse (samples, a long page, and the dev set when present)', () => {
  const files = [...readdirSync(sampleDir).map((name) => ({ name, text: readFileSync(path.join(sampleDir, name), 'utf8') })), { name: 'long page', text: longPage() }, ...(devFiles() ?? [])];
  const pieces = ['<', '>', '/', '"', '=', 'a', '\n', '&', '</p>', '<p>', '<div class="nav">', '</div>', ' ', '<br>', '<!--', '-->', '拜登', '<h2>', '</h2>'];
  const random = seededFractions(1);
  let rewalked = 0;
  for (const file of files) {
    let text = file.text;
    let previous = core.parseArticle(text);
    for (let k = 0; k < 25; k++) {
      const at = Math.floor(random() * text.length);
      const choice = random();
      const piece = pieces[Math.floor(random() * pieces.length)];
      const edited = choice < 0.4 ? text.slice(0, at) + piece + text.slice(at) : choice < 0.7 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5)) : text.slice(0, at) + piece + text.slice(at + 1);
      const full = core.parseArticle(edited);
      const fast = core.reparseAfterEdit(previous, edited);
      if (fast) {
        assert.equal(view(fast), view(full), `${file.name}, edit ${k}: a re-read differs from a full parse`);
        if (!/^[\u3400-\u9fff]+$/.test(piece)) rewalked++;
      }
      previous = fast ?? full;
      text = edited;
    }
  }
  assert.ok(rewalked > 0, 'some markup edits were re-read from a checkpoint');
});

test('the editor’s path (re-read parses, line scans kept across edits) gives the analyses a fresh read gives, over chains of random edits', () => {
  const files = [...readdirSync(sampleDir).map((name) => ({ name, text: readFileSync(path.join(sampleDir, name), 'utf8') })), { name: 'long page', text: longPage() }, ...(devFiles() ?? [])];
  const pieces = ['的', '拜登', '习近平', '会晤', '发言人', '\n', '<br>', '</p>', '<p>', ' ', 'a', '&', '（', '）', '<h2>', '</h2>'];
  const knowledge = new core.Knowledge({});
  const random = seededFractions(7);
  for (const file of files) {
    const uri = `file:///${encodeURIComponent(file.name)}`;
    const service = new core.SummitLensService();
    let text = file.text;
    service.update(uri, text);
    for (let k = 0; k < 15; k++) {
      // Edits near the middle of the visible text, where the prose is, and anywhere in the source.
      const { article } = core.parseArticle(text);
      const at = k % 2 === 0 ? article.sourceMap.toSourceStart(Math.floor(random() * article.text.length)) : Math.floor(random() * text.length);
      const piece = pieces[Math.floor(random() * pieces.length)];
      text = random() < 0.75 ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
      assert.deepEqual(service.update(uri, text), core.analyzeArticle(uri, text, knowledge), `${file.name}, edit ${k}`);
    }
  }
});

test('line scans after an edit equal a fresh scan, wherever the edit falls (first line, last line, across lines)', () => {
  // A leftmost-longest scan for 拜登 and 拜, restarted at every line like the recognisers' scans.
  const scan = (text, from, to) => {
    const found = [];
    for (let i = from; i < to; ) {
      const length = text.startsWith('拜登', i) && i + 2 <= to ? 2 : text[i] === '拜' ? 1 : 0;
      if (length) found.push({ start: i, end: i + length });
      i += length || 1;
    }
    return found;
  };
  const text = '\n拜登说\n拜拜登\n\n登拜登拜\n拜';
  const edits = [
    { start: 0, end: 0, inserted: '拜' },
    { start: 0, end: 1, inserted: '' },
    { start: 1, end: 1, inserted: '拜' },
    { start: 2, end: 3, inserted: '' },
    { start: 3, end: 6, inserted: '登\n拜' },
    { start: 9, end: 11, inserted: '' },
    { start: text.length, end: text.length, inserted: '登拜' },
    { start: text.length - 1, end: text.length, inserted: '\n\n' },
  ];
  for (const edit of edits) {
    const scans = new core.LineScans(text);
    scans.matches('拜', scan, scan);
    const edited = text.slice(0, edit.start) + edit.inserted + text.slice(edit.end);
    assert.deepEqual(scans.afterEdit(edited, edit).matches('拜', scan, scan), scan(edited, 0, edited.length), JSON.stringify(edit));
    // The matches moved to the edited text are handed over: the old text's scans, asked again, are made afresh.
    assert.deepEqual(scans.matches('拜', scan, scan), scan(text, 0, text.length), `the old text after ${JSON.stringify(edit)}`);
  }
});

test('new knowledge reaches an open article at once, though the article keeps its line scans', () => {
  const article = '---\ntitle: 测试文章\ndate: 2023-11-16\n---\n<p>白宫顾问张三丰说，拜登与习近平的会晤很成功。</p>\n';
  const uri = 'file:///open.md';
  const service = new core.SummitLensService();
  assert.ok(!service.update(uri, article).figures.some((mention) => mention.figureId === 'zhang-sanfeng'));
  const source = { workspaceFigures: '- id: zhang-sanfeng\n  en: Zhang Sanfeng\n  zh: 张三丰\n  names: [张三丰]\n' };
  service.setKnowledge(source);
  const updated = service.update(uri, article);
  assert.ok(updated.figures.some((mention) => mention.figureId === 'zhang-sanfeng'));
  assert.deepEqual(updated, core.analyzeArticle(uri, article, new core.Knowledge(source)));
});

test('line scans carry to the next edit only what the last analysis asked for', () => {
  let wholeScans = 0;
  const scan = (text, from, to) => {
    if (from === 0 && to === text.length) wholeScans++;
    const found = [];
    for (let at = text.indexOf('拜', from); at >= 0 && at < to; at = text.indexOf('拜', at + 1)) found.push({ start: at, end: at + 1 });
    return found;
  };
  const edit = (scans, inserted) => scans.afterEdit(inserted + scans.text, { start: 0, end: 0, inserted });
  let scans = new core.LineScans('拜登\n拜');
  scans.matches('a', 'owner', scan);
  scans = edit(scans, '的');
  assert.deepEqual(scans.matches('a', 'owner', scan), scan(scans.text, 0, scans.text.length), 'carried and moved');
  assert.equal(wholeScans, 2, 'the carried scan was not made again (the second count is the check above)');
  // Not asked for after this edit: the next edit drops it, and asking again scans the whole text.
  scans = edit(edit(scans, '的'), '的');
  scans.matches('a', 'owner', scan);
  assert.equal(wholeScans, 3);
});

test('the newer formats (a mirror with a dateline, TOML front matter, subtitles, a kept BOM): spliced parses equal full ones', () => {
  const files = [
    { name: 'mirror', text: '### 川普签署香港自治法\n------\n#### [首页](https://www.epochtimes.com/gb/) | [新闻](https://www.epochtimes.com/gb/n.htm)\n\n<div><p>【大纪元2020年06月28日讯】（大纪元记者李言报导）美国总统川普周一签署法案，拜登批评。</p>\n<p>习近平未回应。</p></div>\n' },
    { name: 'toml', text: '+++\ntitle = "拜登与习近平会晤"\npublished = 2023-11-15\n+++\n\n## 会晤要点\n\n双方同意恢复军事沟通，拜登表示满意。\n\n## 各方反应\n\n台北表示关注习近平的讲话。\n' },
    { name: 'subtitles', text: '大家好\n欢迎收看今天的节目\n今天我们来谈谈拜登和习近平的会晤\n双方谈了四个小时\n' },
    { name: 'bom', text: '\uFEFF# 旧金山会晤\n\n（中央社記者張三台北15日電）拜登会见习近平，双方谈了四个小时。\n' },
  ];
  const { spliced } = checkEquivalence(files, 12);
  assert.ok(spliced > 0);
});

/** An article with a person introduced in each way name learning knows, and meetings with their cues. */
const INTRODUCING = `---
title: 拜习会前瞻
date: 2023-11-16
---

（中央社记者张淑伶综合报导）美国总统拜登与中国国家主席习近平周三在旧金山会晤，这是两人今年的首次会面。

白宫国家安全会议发言人艾德丽安·沃森（Adrienne Watson）表示，双方将讨论台湾问题。
布鲁金斯学会学者何瑞恩（
Ryan Hass
）认为，会晤有助于稳定关系。
据报道。张志明，北京大学国际关系学院教授；刘建国，清华大学经济学教授。
外交部长王毅、商务部长王文涛和财政部长刘昆出席会议。
王振常、刘春、梅学谦等5位专家参加了讨论。
斯影
BBC中文记者
文：张伟
【梁京评论】中美元首会晤的意义
美国国务卿布林肯（Antony Blinken）于周二表示，两国元首在巴厘岛会晤后关系有所改善。
去年11月，两国元首在巴厘岛举行会晤。
`;

test('name learning and meeting linking after each of a chain of random edits equal a fresh analysis (glosses over line breaks, descriptions, lists, bylines, credits)', () => {
  const knowledge = new core.Knowledge({});
  const uri = 'file:///introducing.md';
  const fresh = core.analyzeArticle(uri, INTRODUCING, knowledge);
  // The fixture exercises the passes: people learned from a byline, descriptions, a list and a
  // credit, catalogue people introduced with glosses (one over line breaks), and meetings with a cue.
  const learned = fresh.learnedFigures.map((figure) => figure.zh);
  for (const name of ['张淑伶', '张志明', '刘建国', '王振常', '张伟']) assert.ok(learned.includes(name), `${name} is learned (${learned.join(' ')})`);
  const introduced = fresh.introductions.map((introduction) => introduction.figureId);
  for (const id of ['adrienne-watson', 'ryan-hass', 'liu-kun', 'si-ying']) assert.ok(introduced.includes(id), `${id} is introduced`);
  assert.ok(fresh.meetings.length >= 2 && fresh.meetings.every((mention) => mention.cue), 'meetings are linked with their cues');
  const pieces = ['（', '）', '(', ')', 'Ryan Hass', '，', ',', '；', '：', ':', '、', '等', '\n', '·', '记者', '报导', '发言人', '王', '说', '会晤', '巴厘岛', '11月', '【', '】', '署名', ' ', '的'];
  for (let chain = 0; chain < 6; chain++) {
    const random = seededFractions(101 + chain);
    const service = new core.SummitLensService();
    let text = INTRODUCING;
    service.update(uri, text);
    for (let k = 0; k < 40; k++) {
      const at = Math.floor(random() * text.length);
      const piece = pieces[Math.floor(random() * pieces.length)];
      text = random() < 0.7 ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
      assert.deepEqual(service.update(uri, text), core.analyzeArticle(uri, text, knowledge), `chain ${chain}, edit ${k}`);
    }
  }
});
