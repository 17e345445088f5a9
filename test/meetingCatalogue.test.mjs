// The built-in meeting catalogue and the leaders who take part in it: the 77 meetings with their
// checked dates, exact values of a few entries, every participant a figure who held office on
// the day, and every leader's written forms (and only those) found by the figure matcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core, root } from './support/core.mjs';

const knowledge = new core.Knowledge();
const meeting = (id) => knowledge.meeting(id);
const figureIds = (text) => knowledge.matcher.recognize(text, core.normalizeForMatching(text)).mentions.map((mention) => mention.figureId);
const uniqueIds = (text) => [...new Set(figureIds(text))].sort();

const TSV = path.join(root, '../shared/eval/meetings.tsv');

test('the catalogue holds the 77 meetings of meetings.tsv with the same ids, local and Beijing dates and kinds', (t) => {
  if (!existsSync(TSV)) {
    t.skip('../shared/eval/meetings.tsv is not present; the inline checks below still run');
    return;
  }
  const [head, ...rows] = readFileSync(TSV, 'utf8').split(/\r?\n/).filter((line) => line.trim());
  const columns = head.split('\t');
  const column = (row, name) => row.split('\t')[columns.indexOf(name)];
  const expected = rows.map((row) => ({ id: column(row, 'id'), date: column(row, 'date_local'), beijingDate: column(row, 'date_beijing'), kind: column(row, 'kind'), source: column(row, 'source') }));
  const builtin = knowledge.meetings.filter((m) => m.origin === 'builtin');
  assert.equal(expected.length, 77);
  assert.deepEqual(
    builtin.map(({ id, date, beijingDate, kind, source }) => ({ id, date, beijingDate, kind, source })),
    expected,
  );
});

test('the catalogue reads without problems, 77 entries from 1972 to 2026, in date order', () => {
  assert.deepEqual(knowledge.problems.builtinMeetings, []);
  const builtin = knowledge.meetings.filter((m) => m.origin === 'builtin');
  assert.equal(builtin.length, 77);
  assert.equal(builtin[0].id, '1972-02-21-beijing');
  assert.equal(builtin.at(-1).id, '2026-05-14-beijing');
  const dates = builtin.map((m) => m.date);
  assert.deepEqual(dates, [...dates].sort());
});

test('Mar-a-Lago 2017: local and Beijing dates, place names in both scripts, participants and aliases', () => {
  const maralago = meeting('2017-04-07-maralago');
  assert.equal(maralago.date, '2017-04-06');
  assert.equal(maralago.beijingDate, '2017-04-07');
  assert.equal(maralago.kind, 'in-person');
  assert.deepEqual(maralago.participants, ['donald-trump', 'xi-jinping']);
  for (const name of ['海湖庄园', '海湖莊園', '马阿拉歌', '馬拉歌']) assert.ok(maralago.placeNames.includes(name), name);
  for (const alias of ['海湖庄园会晤', '海湖莊園會晤']) assert.ok(maralago.aliases.includes(alias), alias);
  assert.equal(maralago.source, 'https://thenews.com.pk/latest/196985-Trump-Xi-at-Mar-a-Lago-for-high-stakes-summit');
});

test('landmark summits carry the names outlets give them', () => {
  const nixon = meeting('1972-02-21-beijing');
  assert.deepEqual(nixon.participants, ['richard-nixon', 'mao-zedong']);
  assert.ok(nixon.aliases.includes('上海公报') && nixon.aliases.includes('尼克松访华'));
  const busan = meeting('2025-10-30-busan');
  assert.deepEqual([busan.date, busan.beijingDate, busan.kind], ['2025-10-30', '2025-10-30', 'in-person']);
  assert.ok(busan.placeNames.includes('釜山') && busan.aliases.includes('釜山会晤'));
  const yingtai = meeting('2014-11-12-beijing');
  assert.deepEqual(yingtai.participants, ['barack-obama', 'xi-jinping']);
  assert.ok(yingtai.aliases.includes('瀛台夜话') && yingtai.occasionNames.includes('APEC北京会议'));
  const osaka = meeting('2019-06-29-osaka');
  assert.ok(osaka.placeNames.includes('大阪') && osaka.placeNames.includes('大坂') && osaka.occasionNames.includes('二十国集团大阪峰会'));
  assert.deepEqual(meeting('2016-11-14-call').participants, ['donald-trump', 'xi-jinping']);
  assert.deepEqual([meeting('2021-11-16-virtual').date, meeting('2021-11-16-virtual').beijingDate, meeting('2021-11-16-virtual').kind], ['2021-11-15', '2021-11-16', 'video']);
});

test('a name shared by several meetings is listed on each, a bare G20 on every G20 the leaders met at', () => {
  const holders = (term) => knowledge.meetings.filter((m) => [...m.placeNames, ...m.occasionNames, ...m.aliases].includes(term)).map((m) => m.id);
  assert.deepEqual(holders('庄园会晤'), ['2013-06-08-sunnylands', '2017-04-07-maralago', '2023-11-15-woodside']);
  assert.deepEqual(holders('利马会晤'), ['2016-11-20-lima', '2024-11-16-lima']);
  assert.deepEqual(holders('G20'), [
    '2009-04-01-london', '2010-06-27-toronto', '2010-11-11-seoul', '2012-06-19-loscabos', '2013-09-06-stpetersburg',
    '2016-09-03-hangzhou', '2017-07-08-hamburg', '2018-12-02-buenosaires', '2019-06-29-osaka', '2022-11-14-bali',
  ]);
  // A visit is held in the country visited: every in-person meeting says where.
  assert.deepEqual(knowledge.meetings.filter((m) => m.kind === 'in-person' && !m.country).map((m) => m.id), []);
  assert.equal(knowledge.meetings.find((m) => m.id === '2017-07-08-hamburg').country, 'DE');
  // Names that stand for a government, not a place, are never place names.
  assert.deepEqual(['北京', '华盛顿', '白宫', '中南海'].flatMap(holders), []);
});

test('every entry has a title, place, summary in both languages on one line of Chinese, and a source', () => {
  for (const m of knowledge.meetings) {
    assert.ok(m.title.zh && m.title.en && m.place.zh && m.place.en, m.id);
    assert.ok(m.summary.en.length > 50 && m.summary.zh.length > 20, m.id);
    // YAML folding would leave a space between two Chinese characters.
    assert.doesNotMatch(m.summary.zh, /[\u3000-\u9fff\uff00-\uffef]\s|\s[\u3000-\u9fff\uff00-\uffef]/, m.id);
    assert.match(m.source, /^https?:\/\//, m.id);
  }
});

test('a workspace meeting keeps its source, and a source that is not a string is reported', () => {
  const yaml = [
    '- id: 2023-06-19-blinken-xi',
    '  date: 2023-06-19',
    '  kind: in-person',
    '  title: {zh: 习近平会见布林肯, en: Xi receives Blinken}',
    '  place: {zh: 北京, en: Beijing}',
    '  participants: [xi-jinping, antony-blinken]',
    '  summary: {en: Blinken became the first secretary of state to visit China in five years.}',
    '  source: https://example.org/readout',
    '- id: 2030-01-01-test',
    '  date: 2030-01-01',
    '  kind: call',
    '  title: {zh: 测试, en: Test}',
    '  place: {zh: 电话, en: Phone}',
    '  summary: {en: A test entry whose source is a list, which the reader cannot use.}',
    '  source: [a, b]',
  ].join('\n');
  const { meetings, problems } = core.parseMeetingCatalogue(yaml, 'workspace');
  assert.equal(meetings[0].source, 'https://example.org/readout');
  assert.equal(meetings[1].source, undefined);
  assert.deepEqual(problems.map((p) => [p.message, p.line]), [['Meeting `2030-01-01-test`: `source` must be a string.', 14]]);
});

test('every participant is a figure of the catalogue', () => {
  for (const m of knowledge.meetings) for (const id of m.participants) assert.ok(knowledge.figure(id), `${m.id}: ${id}`);
});

const US_OFFICE = /^President(?:-elect)? of the United States/;
const CHINA_LEADER = /^(?:General Secretary of the Chinese Communist Party|Chairman of the Chinese Communist Party|Paramount leader of China)$/;
const heldOn = (figure, office, date) => figure.roles.some((role) => office.test(role.en) && (role.from ?? '') <= date && (role.to === undefined || date <= role.to));

test("each meeting's two leaders held office on its date: the US president or president-elect, and China's paramount leader", () => {
  for (const m of knowledge.meetings.filter((entry) => entry.origin === 'builtin')) {
    const [american, chinese] = m.participants.map((id) => knowledge.figure(id));
    assert.ok(heldOn(american, US_OFFICE, m.date), `${m.id}: ${american.id}`);
    assert.ok(heldOn(chinese, CHINA_LEADER, m.beijingDate), `${m.id}: ${chinese.id}`);
  }
});

test('presidential terms and president-elect periods have exact dates', () => {
  const terms = (id) => knowledge.figure(id).roles.filter((role) => US_OFFICE.test(role.en)).map(({ en, from, to }) => [en, from, to]).sort((a, b) => a[1].localeCompare(b[1]));
  assert.deepEqual(terms('donald-trump'), [
    ['President-elect of the United States', '2016-11-09', '2017-01-20'],
    ['President of the United States', '2017-01-20', '2021-01-20'],
    ['President-elect of the United States', '2024-11-06', '2025-01-20'],
    ['President of the United States', '2025-01-20', undefined],
  ]);
  assert.deepEqual(terms('gerald-ford'), [['President of the United States', '1974-08-09', '1977-01-20']]);
  const hu = knowledge.figure('hu-jintao').roles.map(({ zh, from, to }) => [zh, from, to]);
  assert.deepEqual(hu.slice(0, 2), [['中共中央总书记', '2002-11-15', '2012-11-15'], ['中华人民共和国主席', '2003-03-15', '2013-03-14']]);
  for (const id of ['richard-nixon', 'gerald-ford', 'jimmy-carter', 'ronald-reagan', 'george-h-w-bush', 'bill-clinton', 'george-w-bush', 'barack-obama', 'donald-trump', 'joe-biden', 'mao-zedong', 'deng-xiaoping', 'jiang-zemin', 'hu-jintao', 'xi-jinping']) {
    assert.ok(knowledge.figure(id).source, `${id} has a source`);
  }
});

test("every leader's written forms are found, in both scripts and each transliteration", () => {
  const cases = [
    ['尼克松1972年访华', ['richard-nixon']],
    ['尼克森訪問北京', ['richard-nixon']],
    ['尼克遜訪華五十周年', ['richard-nixon']],
    ['毛泽东在书房会见客人', ['mao-zedong']],
    ['毛澤東與毛主席', ['mao-zedong']],
    ['1975年美国总统福特访华', ['gerald-ford']],
    ['杰拉尔德·福特曾任副总统', ['gerald-ford']],
    ['卡特总统欢迎来访的客人', ['jimmy-carter']],
    ['吉米·卡特政府', ['jimmy-carter']],
    ['邓小平与鄧小平', ['deng-xiaoping']],
    ['里根访华', ['ronald-reagan']],
    ['雷根訪華', ['ronald-reagan']],
    ['老布什在北京', ['george-h-w-bush']],
    ['老布希的任期', ['george-h-w-bush']],
    ['克林顿访华', ['bill-clinton']],
    ['柯林頓訪華', ['bill-clinton']],
    ['克林頓總統', ['bill-clinton']],
    ['江泽民与江澤民', ['jiang-zemin']],
    ['小布什在牧场', ['george-w-bush']],
    ['小布希的第二任期', ['george-w-bush']],
    ['布什总统抵达北京', ['george-w-bush']],
    ['胡锦涛与胡錦濤', ['hu-jintao']],
    ['奥巴马、歐巴馬与奧巴馬', ['barack-obama']],
    ['特朗普、川普与Trump', ['donald-trump']],
    ['网友口中的川建国', ['donald-trump']],
    ['奥观海卸任后', ['barack-obama']],
    ['习近平与習近平', ['xi-jinping']],
    ['拜登', ['joe-biden']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(uniqueIds(text), expected, text);
});

test('pair words name both leaders, in both scripts', () => {
  const cases = [
    ['特习会', ['donald-trump', 'xi-jinping']],
    ['川習會', ['donald-trump', 'xi-jinping']],
    ['习特会', ['donald-trump', 'xi-jinping']],
    ['川习通话', ['donald-trump', 'xi-jinping']],
    ['奥习会', ['barack-obama', 'xi-jinping']],
    ['習奧會', ['barack-obama', 'xi-jinping']],
    ['歐習會', ['barack-obama', 'xi-jinping']],
    ['江克会', ['bill-clinton', 'jiang-zemin']],
    ['胡布会', ['george-w-bush', 'hu-jintao']],
    ['奥胡会', ['barack-obama', 'hu-jintao']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(uniqueIds(`上周的${text}引人注目`), expected, text);
});

test('surnames shared with words, companies, ships and places name nobody there', () => {
  const leaders = new Set(['gerald-ford', 'jimmy-carter', 'ronald-reagan', 'george-h-w-bush', 'george-w-bush', 'bill-clinton', 'donald-trump']);
  const sentences = [
    '福特宣布将与印度合作生产电动车',
    '通用和福特等大公司',
    '杰拉尔德·R·福特号航母抵达',
    '卡特彼勒公司公布财报',
    '外交部宣布什么时候举行会谈',
    '发言人宣布希望各方克制',
    '新罕布什尔州初选',
    '伊朗布什尔核电站',
    '罗纳德·里根号航母驶入南海',
    '防长在里根国防论坛上讲话',
    '飞抵里根国家机场',
    '克林顿基金会的捐款',
    '四川普通话',
    '四川建国初期',
  ];
  for (const text of sentences) assert.deepEqual(figureIds(text).filter((id) => leaders.has(id)), [], text);
});
