// Coverage of meetings across outlets: the comparison of one meeting (outlet groups, sentences,
// people, first coverage, filters) and the timeline of articles per ISO week, as counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { core, devFiles, sampleDir } from './support/core.mjs';

const WOODSIDE = '2023-11-15-woodside';

function corpus(files) {
  const lens = core.createSummitLens();
  const texts = new Map();
  for (const [uri, text] of files) {
    texts.set(uri, text);
    lens.store(uri, text);
  }
  const sources = { article: (uri) => (texts.has(uri) ? core.parseArticle(texts.get(uri), { fileName: uri }).article : undefined) };
  return { lens, sources, texts };
}

const article = (outlet, date, body) => `---\ntitle: ${outlet}报道\ndate: ${date}\nsource: ${outlet}\n---\n\n${body}\n`;

const FIXTURE = [
  ['file:///c/xinhua.md', article('新华社', '2023-11-16', '国家主席习近平当地时间15日在旧金山斐洛里庄园同美国总统拜登举行中美元首会晤。双方同意恢复两军沟通。\n\n王毅出席。')],
  ['file:///c/voa.md', article('美国之音', '2023-11-10', '拜登下周将在旧金山与习近平会晤。白宫发言人柯比说，会晤将在周三举行。')],
  ['file:///c/zaobao.md', article('联合早报', '2023-11-20', '上周三的拜习会之后，布林肯说双方关系企稳。')],
];

function sampleCorpus() {
  return corpus(readdirSync(sampleDir).sort().map((name) => [`file:///sample/${name}`, readFileSync(path.join(sampleDir, name), 'utf8')]));
}

test('a comparison groups the articles by outlet, earliest coverage first, with the sentences and who covered it first', () => {
  const { lens, sources } = corpus(FIXTURE);
  const coverage = core.compareCoverage(lens, sources, WOODSIDE);
  assert.deepEqual(coverage.outlets.map((group) => [group.outlet, group.first]), [['美国之音', '2023-11-10'], ['新华社', '2023-11-16'], ['联合早报', '2023-11-20']]);
  assert.deepEqual(coverage.firstOutlets, ['美国之音']);
  assert.deepEqual(coverage.windows, { before: 1, during: 1, after: 1, undated: 0 });
  assert.equal(coverage.articleCount, 3);
  assert.equal(coverage.sentenceCount, 4);
  const voa = coverage.outlets[0].articles[0];
  assert.equal(voa.title, '美国之音报道');
  assert.equal(voa.window, 'before');
  assert.deepEqual(voa.sentences.map((sentence) => sentence.text), ['拜登下周将在旧金山与习近平会晤。', '白宫发言人柯比说，会晤将在周三举行。']);
  const [first] = voa.sentences;
  assert.equal(first.text.slice(...first.highlight), '会晤');
  // The link is the mention's exact place in the source.
  assert.deepEqual(first.location, { uri: 'file:///c/voa.md', range: { start: { line: 6, character: 13 }, end: { line: 6, character: 15 } } });
});

test('the people an outlet names are those inside its mention sentences, not elsewhere in the article', () => {
  const { lens, sources } = corpus(FIXTURE);
  const coverage = core.compareCoverage(lens, sources, WOODSIDE);
  const xinhua = coverage.outlets.find((group) => group.outlet === '新华社');
  // 王毅 is in the article but in another paragraph.
  assert.deepEqual(xinhua.articles[0].sentences[0].people, ['xi-jinping', 'joe-biden']);
  assert.deepEqual(xinhua.people.map((person) => [person.zh, person.sentences]), [['拜登', 1], ['习近平', 1]]);
  const voa = coverage.outlets.find((group) => group.outlet === '美国之音');
  assert.deepEqual(voa.people.map((person) => [person.en, person.sentences]), [['Joe Biden', 1], ['John Kirby', 1], ['Xi Jinping', 1]]);
});

test('filters keep one outlet or one date window, and the choices stay complete', () => {
  const { lens, sources } = corpus(FIXTURE);
  const after = core.compareCoverage(lens, sources, WOODSIDE, { windows: ['after'] });
  assert.deepEqual(after.outlets.map((group) => group.outlet), ['联合早报']);
  assert.deepEqual(after.allOutlets, ['新华社', '美国之音', '联合早报'].sort((a, b) => a.localeCompare(b)));
  const during = core.compareCoverage(lens, sources, WOODSIDE, { windows: ['during'], outlets: ['新华社', '美国之音'] });
  assert.deepEqual(during.outlets.map((group) => group.outlet), ['新华社']);
  assert.equal(core.compareCoverage(lens, sources, WOODSIDE, { outlets: ['人民日报'] }).articleCount, 0);
  assert.equal(core.compareCoverage(lens, sources, 'no-such-meeting'), undefined);
});

test('date windows are relative to the Beijing date; a US-evening meeting\'s local date is during', () => {
  const meeting = { date: '2023-11-15', beijingDate: '2023-11-16' };
  assert.equal(core.dateWindow('2023-11-14', meeting), 'before');
  assert.equal(core.dateWindow('2023-11-15', meeting), 'during');
  assert.equal(core.dateWindow('2023-11-16', meeting), 'during');
  assert.equal(core.dateWindow('2023-11-17', meeting), 'after');
  assert.equal(core.dateWindow(null, meeting), 'undated');
});

test('an article that cannot be read again keeps its mentions, as their own words', () => {
  const { lens } = corpus(FIXTURE);
  const coverage = core.compareCoverage(lens, { article: () => undefined }, WOODSIDE, { outlets: ['联合早报'] });
  assert.deepEqual(coverage.outlets[0].articles[0].sentences.map((sentence) => [sentence.text, sentence.people]), [['上周三的拜习会', []]]);
});

test('ISO weeks: the week of a date and its Monday, across a year boundary', () => {
  assert.deepEqual(core.isoWeek('2023-11-16'), { week: '2023-W46', monday: '2023-11-13' });
  assert.deepEqual(core.isoWeek('2021-01-03'), { week: '2020-W53', monday: '2020-12-28' });
  assert.deepEqual(core.isoWeek('2024-12-30'), { week: '2025-W01', monday: '2024-12-30' });
});

test('the timeline counts articles per week per meeting and outlet, and per person, and lists the articles of a bar', () => {
  const { lens } = corpus(FIXTURE);
  const timeline = core.coverageTimeline(lens);
  assert.deepEqual(timeline.weeks, [{ week: '2023-W45', monday: '2023-11-06' }, { week: '2023-W46', monday: '2023-11-13' }, { week: '2023-W47', monday: '2023-11-20' }]);
  assert.deepEqual(timeline.outlets, ['新华社', '美国之音', '联合早报']);
  assert.equal(timeline.articles, 3);
  const [woodside] = timeline.meetings;
  assert.equal(woodside.id, WOODSIDE);
  assert.equal(woodside.week, 1);
  assert.equal(woodside.articles, 3);
  assert.deepEqual(woodside.cells, [[0, 1, 1], [1, 0, 1], [2, 2, 1]]);
  const biden = timeline.people.find((person) => person.id === 'joe-biden');
  assert.deepEqual(biden.cells, [[0, 1], [1, 1], [2, 1]]);
  assert.deepEqual(timeline.people.find((person) => person.id === 'wang-yi').cells, [[1, 1]]);
  const bar = core.timelineArticles(lens, { monday: '2023-11-13', meetingId: WOODSIDE });
  assert.deepEqual(bar.map((entry) => [entry.outlet, entry.date, entry.title]), [['新华社', '2023-11-16', '新华社报道']]);
  assert.deepEqual(core.timelineArticles(lens, { monday: '2023-11-13', meetingId: WOODSIDE, outlet: '美国之音' }), []);
  assert.equal(core.timelineArticles(lens, { monday: '2023-11-20', figureId: 'antony-blinken' })[0].uri, 'file:///c/zaobao.md');
});

test('the sample corpus: the San Francisco meeting in three outlets, and the timeline over four years', () => {
  const { lens, sources } = sampleCorpus();
  const coverage = core.compareCoverage(lens, sources, WOODSIDE);
  assert.deepEqual(coverage.outlets.map((group) => [group.outlet, group.first, group.articles.length]), [['大纪元', '2023-10-29', 1], ['Unknown outlet', '2023-11-17', 1], ['自由亞洲電台', '2024-11-14', 1]]);
  assert.deepEqual(coverage.firstOutlets, ['大纪元']);
  assert.deepEqual(coverage.windows, { before: 1, during: 0, after: 2, undated: 0 });
  assert.equal(coverage.sentenceCount, 30);
  assert.deepEqual(coverage.outlets[0].people.slice(0, 2).map((person) => [person.id, person.sentences]), [['joe-biden', 8], ['xi-jinping', 8]]);
  const timeline = core.coverageTimeline(lens);
  assert.equal(timeline.weeks.length, 158);
  assert.deepEqual(timeline.meetings.map((meeting) => [meeting.id, meeting.articles]), [['2021-02-11-call', 1], ['2021-09-10-call', 1], ['2021-11-16-virtual', 1], ['2022-11-14-bali', 1], [WOODSIDE, 3], ['2024-11-16-lima', 1]]);
  assert.deepEqual(timeline.meetings.find((meeting) => meeting.id === WOODSIDE).cells.map(([week, outlet, count]) => [timeline.weeks[week].week, timeline.outlets[outlet], count]), [['2023-W43', '大纪元', 1], ['2023-W46', 'Unknown outlet', 1], ['2024-W46', '自由亞洲電台', 1]]);
  assert.deepEqual(timeline.people.slice(0, 2).map((person) => [person.id, person.articles]), [['joe-biden', 4], ['xi-jinping', 4]]);
});

test('the comparison in Markdown names the first outlet and quotes every sentence', () => {
  const { lens, sources } = corpus(FIXTURE);
  const markdown = core.coverageMarkdown(core.compareCoverage(lens, sources, WOODSIDE), (uri) => uri.slice('file:///c/'.length));
  assert.match(markdown, /^# 拜登与习近平旧金山（费罗丽庄园）会晤$/m);
  assert.match(markdown, /^First to cover it: 美国之音 \(2023-11-10\)\.$/m);
  assert.match(markdown, /^2023-11-10 · before · voa\.md$/m);
  assert.match(markdown, /^- 白宫发言人柯比说，会晤将在周三举行。 \(line 7\)$/m);
  assert.equal(markdown.match(/^- /gm).length, 4);
});

test('dev set: every linked meeting compares without loss, and the timeline counts each dated article once per meeting', { skip: devFiles() ? false : 'the dev corpus (../shared/corpus/dev) is not present' }, () => {
  const { lens, sources } = corpus(devFiles().map((file) => [`file://${file.name}`, file.text]));
  const timeline = core.coverageTimeline(lens);
  let compared = 0;
  for (const meeting of timeline.meetings) {
    const coverage = core.compareCoverage(lens, sources, meeting.id);
    const dated = coverage.articleCount - coverage.windows.undated;
    // The timeline's bars for a meeting add up to its dated articles.
    assert.equal(meeting.cells.reduce((sum, cell) => sum + cell[2], 0), dated, meeting.id);
    const mentions = lens.meetingMentions(meeting.id).length;
    assert.equal(coverage.sentenceCount, mentions, meeting.id);
    for (const group of coverage.outlets) for (const entry of group.articles) for (const sentence of entry.sentences) assert.ok(sentence.text.length > 0 && sentence.text.length <= 200, sentence.text);
    compared++;
  }
  assert.ok(compared >= 10, `${compared} meetings compared`);
  assert.equal(timeline.articles, devFiles().length);
});
