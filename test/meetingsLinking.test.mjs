// Meeting linking by class of mention, across eras and leaders: each class of construction that
// must link (or must not) on a short inline fixture, with the meeting it links to and, where it
// matters, the cue the hover shows as "Resolved by".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './support/core.mjs';
import { builtinKnowledge, linkMeetings, meetingIdsOf, meetingMentionOf } from './support/recognition.mjs';

const builtin = builtinKnowledge;
const link = linkMeetings;
const idsOf = meetingIdsOf;
const mentionOf = meetingMentionOf;

test('an explicit month and year beat a catalogue term: 2018年12月 … 二十国集团峰会 is Buenos Aires, never Bali', () => {
  const result = link('2018年12月，两国元首在布宜诺斯艾利斯二十国集团峰会期间共进晚餐，同意暂停加征关税。', '2023-11-10');
  assert.deepEqual(idsOf(result), ['2018-12-02-buenosaires']);
  // 二十国集团峰会 alone names Bali's occasion too; the year decides.
  const dinner = link('2018年12月，两国元首在二十国集团峰会期间共进晚餐，同意暂停加征关税。', '2023-11-10');
  assert.deepEqual(idsOf(dinner), ['2018-12-02-buenosaires']);
  assert.match(dinner.mentions[0].cue, /December 2018/);
});

test('named leaders of any era with a date and a place: 特朗普与习近平2019年6月在大阪会晤 is Osaka', () => {
  const result = link('特朗普与习近平2019年6月在大阪会晤，双方同意重启贸易谈判。', '2019-07-02');
  assert.deepEqual(idsOf(result), ['2019-06-29-osaka']);
  assert.match(result.mentions[0].cue, /June 2019/);
  assert.match(result.mentions[0].cue, /大阪/);
});

test('leaders named by office at the date: 美国总统 in 2010 with 中国国家主席 is Obama–Hu', () => {
  const result = link('2010年4月，美国总统与中国国家主席在华盛顿核安全峰会期间会晤。', '2010-05-01');
  assert.deepEqual(idsOf(result), ['2010-04-13-washington']);
});

test('a phrase naming several meetings: 两人今年1月和6月各通过一次电话 links to both calls', () => {
  const result = link('特朗普与习近平关系密切，两人今年1月和6月各通过一次电话。', '2025-08-01');
  assert.deepEqual(idsOf(result), ['2025-01-17-call', '2025-06-05-call']);
});

test('counts: 两位领导人至今只通过两次电话 are the two most recent calls', () => {
  const result = link('拜登与习近平的关系仍然冷淡，两位领导人至今只通过两次电话。', '2021-11-10');
  assert.deepEqual(idsOf(result), ['2021-02-11-call', '2021-09-10-call']);
  assert.match(result.mentions[0].cue, /2 most recent calls/);
});

test('intervals: 时隔半年再度通话 is the new call, and the interval reaches back to the call before it', () => {
  const result = link('习近平与拜登时隔七个月再度通话。', '2021-09-10');
  assert.equal(mentionOf(result, '通话')?.meetingId, '2021-09-10-call');
  const interval = result.mentions.find((mention) => mention.meetingId === '2021-02-11-call');
  assert.ok(interval, 'the call seven months earlier is linked');
  assert.match(interval.text, /七个月/);
});

test('自春节以来的首次通话 is the call being reported, not the first call ever', () => {
  const result = link('习近平与拜登周四晚通电话，这是双方自春节以来的首次通话。', '2021-09-10');
  assert.deepEqual(idsOf(result), ['2021-09-10-call']);
});

test('ordinals: 第三次习拜会 is the pair\'s third meeting in person (Lima, after Bali and San Francisco)', () => {
  const result = link('白宫说，第三次习拜会将登场。', '2024-11-10');
  assert.deepEqual(idsOf(result), ['2024-11-16-lima']);
  assert.equal(result.mentions[0].cue, 'meeting number 3 of the pair');
  const call = link('这是拜登与习近平的第二次通话。', '2021-12-01');
  assert.deepEqual(idsOf(call), ['2021-09-10-call']);
});

test('the two leaders without names before a place: 两国元首在大阪会晤', () => {
  const result = link('去年6月，两国元首在大阪会晤，同意重启谈判。', '2020-01-15');
  assert.deepEqual(idsOf(result), ['2019-06-29-osaka']);
  assert.match(result.mentions[0].cue, /大阪/);
});

test('announced before it happens, named months ahead: 将于11月访华', () => {
  const result = link('白宫宣布，特朗普将于11月访华，与习近平举行会晤。', '2017-09-29');
  assert.deepEqual(idsOf(result), ['2017-11-09-beijing']);
  const call = link('拜登与习近平下个月将举行的元首通话备受关注。', '2022-06-20');
  assert.deepEqual(idsOf(call), ['2022-07-28-call']);
});

test('a visit named a year ahead (明年4月访华) links to a workspace meeting that far ahead', () => {
  const knowledge = new core.Knowledge({
    workspaceMeetings: [
      '- id: 2030-04-10-beijing',
      '  date: 2030-04-10',
      '  kind: in-person',
      '  title: {zh: 测试访华, en: Test visit}',
      '  place: {zh: 北京, en: Beijing}',
      '  placeNames: [北京]',
      '  participants: [donald-trump, xi-jinping]',
      '  summary: {en: A meeting the tests add, held in Beijing a year after the article.}',
    ].join('\n'),
  });
  const result = link('特朗普表示，他将于明年4月访华，与习近平会面。', '2029-11-01', knowledge);
  assert.deepEqual(idsOf(result), ['2030-04-10-beijing']);
});

test('视频会议, 早前 and 此前 link like 视频会晤', () => {
  const video = link('拜登与习近平周一举行视频会议。', '2021-11-17');
  assert.deepEqual(idsOf(video), ['2021-11-16-virtual']);
  const earlier = link('拜登早前与习近平在巴厘岛会晤。', '2023-01-10');
  assert.deepEqual(idsOf(earlier), ['2022-11-14-bali']);
});

test('place-name variants outlets use: 三藩市, 峇里島, 大坂', () => {
  assert.deepEqual(idsOf(link('拜登与习近平在三藩市会晤。', '2023-11-20')), ['2023-11-15-woodside']);
  assert.deepEqual(idsOf(link('拜登與習近平在峇里島會晤。', '2022-11-20')), ['2022-11-14-bali']);
  assert.deepEqual(idsOf(link('特朗普与习近平在大坂会晤。', '2019-07-02')), ['2019-06-29-osaka']);
});

test('must not link: a meeting word inside another word (会面 in 会面临)', () => {
  const result = link('拜登与习近平周三会晤。未来几个月，上述成果可能会面临压力。', '2023-11-17');
  const inside = result.mentions.find((mention) => mention.text.includes('会面'));
  assert.equal(inside, undefined);
  assert.deepEqual(idsOf(result), ['2023-11-15-woodside']);
});

test('must not link: a numbered session of a multilateral series (二十国集团领导人第十六次峰会)', () => {
  const result = link('拜登与习近平关系紧张。习近平以视频方式出席二十国集团领导人第十六次峰会。', '2021-10-31');
  assert.deepEqual(result.mentions, []);
});

test("must not link: ministers' and officials' talks (中美阿拉斯加会谈)", () => {
  const result = link('拜登与习近平下周举行视频会晤。今年3月的中美阿拉斯加会谈火药味十足。', '2021-11-10');
  assert.equal(result.mentions.find((mention) => mention.text.includes('会谈')), undefined);
  assert.deepEqual(idsOf(result), ['2021-11-16-virtual']);
});

test('must not link: phone talks that are not the summit (电话交谈 in a preview of a video summit)', () => {
  const result = link('拜登与习近平下周二举行视频会晤。拜登说，自今年1月上任以来，他与中国领导人习近平有过至少五六个小时的电话交谈。', '2021-11-13');
  assert.notEqual(mentionOf(result, '电话交谈')?.meetingId, '2021-11-16-virtual');
});

test('must not link: a meeting that never happened (a G20 in India Xi skipped)', () => {
  const result = link('美方原计划2023年9月份在印度举行的二十国集团会议期间安排拜习会，但习近平没有出席。', '2023-10-29');
  assert.deepEqual(result.mentions, []);
  const denied = link('被问及有无与习近平通话的计划时，特朗普说：“我最近没跟他通电话。”', '2020-07-15');
  assert.deepEqual(denied.mentions, []);
});

test('a workspace meeting links exactly as a built-in one, whoever its participants are', () => {
  const knowledge = new core.Knowledge({
    workspaceMeetings: [
      '- id: 2023-06-19-blinken-wang',
      '  date: 2023-06-18',
      '  beijingDate: 2023-06-19',
      '  kind: in-person',
      '  title: {zh: 布林肯与王毅会谈, en: Blinken–Wang Yi talks}',
      '  place: {zh: 北京钓鱼台, en: Diaoyutai, Beijing}',
      '  placeNames: [钓鱼台]',
      '  participants: [antony-blinken, wang-yi]',
      '  summary: {en: The secretary of state met China’s top diplomat in Beijing during his June 2023 visit.}',
      '- id: 2023-03-21-moscow',
      '  date: 2023-03-21',
      '  kind: in-person',
      '  title: {zh: 习近平与普京莫斯科会谈, en: Xi–Putin talks in Moscow}',
      '  place: {zh: 莫斯科, en: Moscow}',
      '  placeNames: [莫斯科, 克里姆林宫]',
      '  participants: [xi-jinping, vladimir-putin]',
      '  summary: {en: Xi’s state visit to Russia, with talks at the Kremlin on 21 March 2023.}',
    ].join('\n'),
  });
  const blinken = link('国务卿布林肯与王毅周日在钓鱼台会谈。', '2023-06-20', knowledge);
  assert.deepEqual(idsOf(blinken), ['2023-06-19-blinken-wang']);
  assert.match(blinken.mentions[0].cue, /place 钓鱼台/);
  const putin = link('习近平与普京3月21日在克里姆林宫举行会谈。', '2023-03-25', knowledge);
  assert.deepEqual(idsOf(putin), ['2023-03-21-moscow']);
  // Without the workspace entries the same sentences link nothing.
  assert.deepEqual(idsOf(link('国务卿布林肯与王毅周日在钓鱼台会谈。', '2023-06-20')), []);
  assert.deepEqual(idsOf(link('习近平与普京3月21日在克里姆林宫举行会谈。', '2023-03-25')), []);
});

test('the hover cue says what resolved a link', () => {
  const result = link('拜登与习近平周三在旧金山会晤。', '2023-11-17');
  assert.deepEqual(result.mentions.map((mention) => [mention.meetingId, mention.text, mention.cue]), [
    ['2023-11-15-woodside', '周三在旧金山会晤', 'alias 旧金山会晤, 周三 → Wednesday 2023-11-15'],
  ]);
});

test('pair words name their pair: 特习会 and 川习会 are Trump–Xi, 拜习会 Biden–Xi', () => {
  const cases = [['周六的拜习会在秘鲁举行。', '2024-11-17', '2024-11-16-lima'], ['周六的特习会在大阪举行。', '2019-07-01', '2019-06-29-osaka'], ['周六的川习会在大阪举行。', '2019-07-01', '2019-06-29-osaka']];
  for (const [text, date, id] of cases) assert.deepEqual(idsOf(link(text, date)), [id], text);
  // A pair word rules out the other pairs' meetings: Biden never met Xi in Osaka.
  assert.deepEqual(idsOf(link('拜习会在大阪举行。', '2019-07-01')), []);
});

test('a leader telling of a talk with the other leader, without a meeting word, links the latest exchange of the two before the article', () => {
  // In quoted speech, 我 is the leader the quote is given to; 亲自 there is "myself", not "in person".
  const quoted = link('拜登說：「我親自和習近平講了，我們不求衝突。」', '2021-06-13');
  assert.deepEqual(idsOf(quoted), ['2021-02-11-call']);
  assert.equal(mentionOf(quoted, '講了').cue, 'latest meeting before the article');
  // A title after the name, and another era's pair.
  assert.deepEqual(idsOf(link('特朗普对记者表示：“我和习近平主席谈过了，他是我的朋友。”', '2025-03-01')), ['2025-01-17-call']);
  // Someone who is no principal of a meeting telling the same: no leaders' meeting.
  assert.deepEqual(idsOf(link('布林肯說：「我親自和習近平講了。」', '2023-07-01')), []);
  // The verb must follow the leader named after 和: 谈了 elsewhere in the sentence is no conversation.
  assert.deepEqual(idsOf(link('拜登在记者会上谈了对习近平的看法。', '2021-06-13')), []);
});
