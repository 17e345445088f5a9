// Meeting catalogue and recognition: the seed articles one check at a time, plus inline
// fixtures for both scripts, relative dates and the meetings that must stay unlinked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');
const root = new URL('..', import.meta.url);
const catalogueText = readFileSync(new URL('server/data/meetings.yaml', root), 'utf8');
const knowledge = new core.Knowledge({});

/** Meetings are linked from the figures the figure recogniser finds, as in an analysis. */
function recognizeText(input) {
  const figures = knowledge.matcher.recognize(input.text, input.normalized).mentions;
  return core.recognizeMeetings({ ...input, figures }, knowledge);
}

function recognizeSeed(prefix) {
  const dir = new URL('examples/corpus/', root);
  const name = readdirSync(dir).find((file) => file.startsWith(prefix));
  const { article } = core.parseArticle(readFileSync(new URL(name, dir), 'utf8'));
  const normalized = core.normalizeForMatching(article.text);
  const result = recognizeText({ text: article.text, normalized, articleDate: article.date?.value, title: article.title?.value });
  return { article, ...result };
}

function recognize(text, articleDate) {
  return recognizeText({ text, normalized: core.normalizeForMatching(text), articleDate });
}

const idsOf = (result) => [...new Set(result.mentions.map((mention) => mention.meetingId))].sort();
const mentionOf = (result, text) => result.mentions.find((mention) => mention.text === text);

test('the built-in catalogue reads without problems and holds the Biden–Xi meetings', () => {
  const { meetings: read, problems } = core.parseMeetingCatalogue(catalogueText, 'builtin');
  assert.deepEqual(problems, []);
  const ids = read.map((meeting) => meeting.id);
  for (const id of ['2021-02-11-call', '2021-09-10-call', '2021-11-16-virtual', '2022-03-18-call', '2022-07-28-call', '2022-11-14-bali', '2023-11-15-woodside', '2024-04-02-call', '2024-11-16-lima']) {
    assert.ok(ids.includes(id), id);
  }
  const woodside = read.find((meeting) => meeting.id === '2023-11-15-woodside');
  assert.equal(woodside.beijingDate, '2023-11-16');
  assert.equal(woodside.kind, 'in-person');
  assert.ok(woodside.placeNames.includes('费罗丽') && woodside.placeNames.includes('三藩市'));
  assert.deepEqual(woodside.participants.slice(0, 2), ['joe-biden', 'xi-jinping']);
  assert.ok(read.every((meeting) => meeting.summary.en.length > 50 && meeting.origin === 'builtin'));
});

test('a broken catalogue yields the valid entries and problems with line numbers, never an exception', () => {
  const yaml = [
    '- id: 2030-01-01-test',
    '  date: 2030-01-01',
    '  kind: call',
    '  title: {zh: 测试, en: Test}',
    '  place: {zh: 电话, en: Phone}',
    '  summary: {en: A test entry.}',
    '- id: Bad Id',
    '  date: 2030-01-02',
    '- id: 2030-01-03-test',
    '  date: not-a-date',
    '  kind: call',
    '- id: 2030-01-04-test',
    '  date: 2030-01-04',
    '  kind: teleport',
  ].join('\n');
  const { meetings: read, problems } = core.parseMeetingCatalogue(yaml, 'workspace');
  assert.deepEqual(read.map((meeting) => meeting.id), ['2030-01-01-test']);
  assert.equal(read[0].beijingDate, '2030-01-01');
  assert.equal(read[0].origin, 'workspace');
  assert.deepEqual(problems.map((problem) => problem.line), [6, 9, 13]);
  assert.doesNotThrow(() => core.parseMeetingCatalogue('meetings: [ {id: x', 'workspace'));
  assert.ok(core.parseMeetingCatalogue('meetings: [ {id: x', 'workspace').problems.length > 0);
  assert.deepEqual(core.parseMeetingCatalogue('', 'workspace'), { meetings: [], problems: [] });
});

test('seed 000: 周三的习拜会 is the Woodside meeting, and 周三 resolves to 2023-11-15', () => {
  const result = recognizeSeed('000_');
  assert.equal(result.article.date.value, '2023-11-17');
  assert.equal(mentionOf(result, '周三的习拜会')?.meetingId, '2023-11-15-woodside');
  assert.match(mentionOf(result, '周三的习拜会').cue, /周三 → Wednesday 2023-11-15/);
  assert.deepEqual(idsOf(result), ['2023-11-15-woodside']);
  const cue = result.dateCues.find((entry) => entry.text === '周三');
  assert.equal(cue.date, '2023-11-15');
  assert.equal(cue.meetingId, '2023-11-15-woodside');
});

test('seed 002: Bali recalled, San Francisco ahead, the India G20 meeting that never happened unlinked', () => {
  const result = recognizeSeed('002_');
  assert.equal(mentionOf(result, '印尼巴釐岛会晤')?.meetingId, '2022-11-14-bali');
  assert.equal(mentionOf(result, '11月在旧金山的会晤')?.meetingId, '2023-11-15-woodside');
  const india = result.article.text.indexOf('二十国集团会议期间安排拜习会');
  assert.ok(india > 0);
  assert.equal(result.mentions.find((mention) => mention.start >= india && mention.start < india + 20), undefined);
  assert.deepEqual(idsOf(result), ['2022-11-14-bali', '2023-11-15-woodside']);
});

test('seed 003: 北京时间16日上午 is the virtual summit; 今年以来两次通电话 are the two 2021 calls', () => {
  const result = recognizeSeed('003_');
  const lead = result.mentions.find((mention) => mention.text === '视频会晤' && result.article.text.slice(mention.end, mention.end + 30).includes('16日'));
  assert.equal(lead?.meetingId, '2021-11-16-virtual');
  assert.equal(result.dateCues.find((entry) => entry.text === '16日')?.date, '2021-11-16');
  assert.equal(mentionOf(result, '视频会晤')?.meetingId, '2021-11-16-virtual');
  const calls = result.mentions.filter((mention) => mention.text === '通电话').map((mention) => mention.meetingId).sort();
  assert.deepEqual(calls, ['2021-02-11-call', '2021-09-10-call']);
  // Xi skipped the Rome G20, so the hoped-for 高峰会 there stays unlinked.
  const rome = result.article.text.indexOf('顺便举行高峰会');
  assert.equal(result.mentions.find((mention) => mention.start >= rome && mention.start < rome + 10), undefined);
  assert.deepEqual(idsOf(result), ['2021-02-11-call', '2021-09-10-call', '2021-11-16-virtual']);
});

test('seed 004: 本周六…在秘鲁 is Lima, 一年前旧金山峰会 is Woodside', () => {
  const result = recognizeSeed('004_');
  const saturday = result.mentions.find((mention) => /本周六/.test(mention.cue));
  assert.equal(saturday?.meetingId, '2024-11-16-lima');
  assert.equal(saturday.text, '会晤');
  assert.equal(mentionOf(result, '一年前旧金山峰会')?.meetingId, '2023-11-15-woodside');
  assert.equal(result.dateCues.find((entry) => entry.text === '本周六')?.date, '2024-11-16');
  // The Sullivan–Wang Yi meeting in the related links is not a leaders' meeting.
  const sullivan = result.article.text.indexOf('沙利文访华与王毅会晤');
  assert.equal(result.mentions.find((mention) => mention.start >= sullivan && mention.start < sullivan + 12), undefined);
  assert.deepEqual(idsOf(result), ['2023-11-15-woodside', '2024-11-16-lima']);
});

test('traditional script: 拜習會 in 峇里島 and 舊金山 are linked like their simplified forms', () => {
  const bali = recognize('標題\n\n美國總統拜登與中國國家主席習近平週一在峇里島會晤，這是兩人首次面對面的拜習會。', '2022-11-15');
  assert.deepEqual(idsOf(bali), ['2022-11-14-bali']);
  assert.equal(bali.mentions[0].text, '週一在峇里島會晤');
  const sf = recognize('標題\n\n拜登與習近平去年11月在舊金山的會晤後，兩人今天再次通電話。', '2024-04-02');
  assert.equal(mentionOf(sf, '去年11月在舊金山的會晤')?.meetingId, '2023-11-15-woodside');
  assert.equal(mentionOf(sf, '通電話')?.meetingId, '2024-04-02-call');
});

test('relative dates resolve against the article date', () => {
  const yesterday = recognize('标题\n\n中国国家主席习近平昨天与美国总统拜登通电话。', '2022-07-29');
  assert.deepEqual(idsOf(yesterday), ['2022-07-28-call']);
  assert.deepEqual(yesterday.dateCues.map((cue) => [cue.text, cue.date, cue.meetingId]), [['昨天', '2022-07-28', '2022-07-28-call']]);
  const lastMonth = recognize('标题\n\n拜登与习近平上月的视频会晤之后，两国关系有所缓和。', '2021-12-10');
  assert.deepEqual(idsOf(lastMonth), ['2021-11-16-virtual']);
  const ahead = recognize('标题\n\n白宫证实，拜登将于下周一与习近平在巴厘岛举行会晤。', '2022-11-09');
  assert.deepEqual(idsOf(ahead), ['2022-11-14-bali']);
  assert.equal(ahead.dateCues.find((cue) => cue.text === '下周一')?.date, '2022-11-14');
  const occasion = recognize('标题\n\n拜登和习近平在二十国集团峰会期间的会晤持续了三个多小时。', '2023-03-01');
  assert.deepEqual(idsOf(occasion), ['2022-11-14-bali']);
});

test("someone else's meetings stay unlinked: other leaders', ministers', officials'", () => {
  const cases = [
    // CCTV summaries of Xi's talks with other leaders.
    ['标题\n\n国家主席习近平11月15日在旧金山同墨西哥总统洛佩斯会晤。', '2023-11-16'],
    ['标题\n\n习近平同法国总统马克龙举行会谈。双方同意加强合作。', '2023-04-06'],
    // Ministers, not leaders.
    ['标题\n\n国务卿布林肯与王毅在巴厘岛会谈，为两国元首会晤做准备之外还讨论了乌克兰问题。', '2022-07-09'],
    ['标题\n\n中美高层会晤在阿拉斯加举行，双方官员唇枪舌剑。', '2021-03-19'],
    // A G20 meeting Xi skipped: the date rules out every catalogue meeting.
    ['标题\n\n美方原计划2023年9月在印度举行的二十国集团会议期间安排拜习会，但习近平没有出席。', '2023-10-29'],
  ];
  for (const [text, date] of cases) assert.deepEqual(idsOf(recognize(text, date)), [], text);
});

test('an article about another subject links nothing, and no article date means no relative guesses', () => {
  assert.deepEqual(recognize('标题\n\n周三的会谈讨论了气候问题。', '2023-11-17').mentions, []);
  const undated = recognize('标题\n\n拜登与习近平周三会晤。', undefined);
  assert.deepEqual(undated.mentions, []);
  assert.deepEqual(undated.dateCues, []);
});

test('recognition is cheap: a long article is scanned in milliseconds', () => {
  const paragraph = '拜登与习近平周三在旧金山会晤，双方同意恢复两军沟通。国务卿布林肯与王毅也举行了会谈。\n';
  const text = `标题\n\n${paragraph.repeat(2000)}`;
  const normalized = core.normalizeForMatching(text);
  // The word tables and the catalogue's indexes are built on first use, not per article; a
  // shorter article of the same shape warms them (and the compiler) up.
  recognize(`标题\n\n${paragraph.repeat(200)}`, '2023-11-17');
  const figures = knowledge.matcher.recognize(text, normalized).mentions;
  // This process's CPU time, so that a busy machine does not disturb the measure.
  const started = process.cpuUsage();
  const result = core.recognizeMeetings({ text, normalized, articleDate: '2023-11-17', figures }, knowledge);
  const { user, system } = process.cpuUsage(started);
  assert.ok((user + system) / 1000 < 1000, `${(user + system) / 1000} ms`);
  assert.deepEqual(idsOf(result), ['2023-11-15-woodside']);
});

test('a meeting word that opens an article naming neither leader is still found (中美元首会晤 at the very start)', () => {
  const analysis = core.analyzeArticle('file:///t.md', '---\ntitle: 测试\ndate: 2023-11-16\n---\n<p>中美元首会晤于11月15日在旧金山举行。</p>\n', new core.Knowledge({}));
  assert.deepEqual(analysis.meetings.map((mention) => [mention.meetingId, mention.text]), [['2023-11-15-woodside', '中美元首会晤']]);
});
