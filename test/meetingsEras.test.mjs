// Meeting linking across eras, by class of construction outlets of every era use: postponed
// visits, visit phrases, parts of years, dates written before the event, years ago, meetings an
// article cannot yet know of, shared occasion names and aliases. Each on a short inline fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './support/core.mjs';
import { builtinKnowledge, linkMeetings, meetingIdsOf, meetingMentionOf } from './support/recognition.mjs';

const builtin = builtinKnowledge;
const link = linkMeetings;
const idsOf = meetingIdsOf;
const mentionOf = meetingMentionOf;

test('a visit announced for a month more than 30 days ahead links to the visit held next, even when postponed (明年4月访华)', () => {
  // November 2025: the visit planned for April 2026 took place on 14 May 2026.
  const result = link('特朗普表示，他已接受习近平的邀请，将于明年4月访华。', '2025-11-25');
  assert.deepEqual(idsOf(result), ['2026-05-14-beijing']);
  assert.match(mentionOf(result, '明年4月访华').cue, /April 2026, the visit held next/);
  // 明年初 (January–February) slipped too.
  assert.deepEqual(idsOf(link('川普说他将在明年初访问中国。', '2025-09-20')), ['2026-05-14-beijing']);
  // Never a call that happens to fall in the month named.
  assert.deepEqual(idsOf(link('特朗普说他将于明年2月访华。', '2025-11-25')), ['2026-05-14-beijing']);
});

test('a planned meeting whose month is past when the article is written stays unlinked (no postponement read into it)', () => {
  assert.deepEqual(idsOf(link('特朗普原计划今年4月访华，但未能成行。', '2026-06-20')), []);
  // A summit at a multilateral occasion is not a visit: it is not moved to the next meeting.
  assert.deepEqual(idsOf(link('拜登希望9月在印度与习近平会晤。', '2023-08-10')), []);
});

test('visit phrases link as visits: 对美国进行了国事访问, 来华进行国事访问', () => {
  assert.deepEqual(idsOf(link('1997年10月，江泽民对美国进行了国事访问，同克林顿会谈。', '2002-10-17')), ['1997-10-29-washington']);
  assert.deepEqual(idsOf(link('美国总统特朗普8日下午抵达北京，开始来华进行国事访问。', '2017-11-08')), ['2017-11-09-beijing']);
});

test('a visit is a meeting held in the country visited: 将于今年对中国进行国事访问 in April 2017 is Beijing, not Hamburg', () => {
  const result = link('特朗普已接受习近平邀请，将于今年对中国进行国事访问。', '2017-04-08');
  assert.deepEqual(idsOf(result), ['2017-11-09-beijing']);
  assert.deepEqual(idsOf(link('习近平将于今年访美。', '2015-02-11')), ['2015-09-25-whitehouse']);
});

test('a date written before the event is its own, the one after belongs to the next event (1997年10月江泽民访美和1998年6月克林顿回访)', () => {
  const result = link('1997年10月江泽民主席访美和1998年6月克林顿总统对中国的回访，推进了双边关系。', '2023-08-09');
  assert.equal(mentionOf(result, '访美')?.meetingId, '1997-10-29-washington');
  assert.equal(result.mentions.find((mention) => mention.text.endsWith('回访'))?.meetingId, '1998-06-27-beijing');
});

test('a bare year counts beside the names of those who met, never across a comma (2024年总统大选之前，此次会晤)', () => {
  assert.deepEqual(idsOf(link('自1979年邓小平同志访美以来，中美关系几经起伏。', '2011-06-03')), ['1979-01-29-washington']);
  assert.deepEqual(idsOf(link('习近平上一次访问美国是在2023年，当时他与拜登会面。', '2026-02-09')), ['2023-11-15-woodside']);
  const election = link('在2024年总统大选之前，此次拜习会很可能是两人最后一次会晤。', '2023-11-17');
  assert.ok(!idsOf(election).includes('2024-04-02-call'));
});

test('parts of a year (2009年下半年) and a day of last month (上月30日) are dates', () => {
  const second = link('奥巴马接受胡锦涛的邀请，定于2009年下半年访问中国。', '2009-04-01');
  assert.deepEqual(idsOf(second), ['2009-11-17-beijing']);
  assert.match(second.mentions[0].cue, /2009-07-01 – 2009-12-31/);
  const lastMonth = link('习近平上月30日在釜山与特朗普会谈。', '2025-11-25');
  assert.deepEqual(idsOf(lastMonth), ['2025-10-30-busan']);
  assert.equal(lastMonth.dateCues.find((cue) => cue.text === '上月30日')?.date, '2025-10-30');
});

test('a bare month reads ahead in a clause about plans and back in a clause about the past (将在9月访美)', () => {
  // February 2015: September is the coming one, not the one five months gone.
  assert.deepEqual(idsOf(link('习近平今天与奥巴马通电话，并将在9月访美进行国事访问。', '2015-02-11')), ['2015-02-11-call', '2015-09-25-whitehouse']);
});

test('N年前 with N of two or more names a year (44年前 … 上海公报, 3年前 … 瀛台)', () => {
  const communique = link('44年前，中美两国领导人达成《上海公报》。', '2016-09-04');
  assert.deepEqual(idsOf(communique), ['1972-02-21-beijing']);
  assert.match(communique.mentions[0].cue, /44年前 → 1972/);
  assert.deepEqual(idsOf(link('3年前，习近平在中南海瀛台招待当时的美国总统奥巴马。', '2017-11-08')), ['2014-11-12-beijing']);
});

test('a meeting held long after the article was written is not what it means (加州的会晤 in 2013 is Sunnylands)', () => {
  assert.deepEqual(idsOf(link('习近平与奥巴马在加州举行中美元首会晤。', '2013-06-06')), ['2013-06-08-sunnylands']);
});

test('an alias several meetings share follows the pair the article names (从庄园会晤到瀛台夜话 with Obama is Sunnylands)', () => {
  const result = link('习近平与奥巴马回顾了三年多来的中美关系，从庄园会晤到瀛台夜话，从白宫秋叙到西湖之约。', '2016-09-04');
  assert.deepEqual(idsOf(result), ['2013-06-08-sunnylands', '2014-11-12-beijing', '2015-09-25-whitehouse']);
  assert.deepEqual(idsOf(link('特朗普在海湖庄园接待习近平，这次庄园会晤为两国关系定调。', '2017-04-10')), ['2017-04-07-maralago']);
});

test('generic occasion names (G20, APEC, 核安全峰会) resolve to the meeting of that occasion nearest in time', () => {
  assert.deepEqual(idsOf(link('特朗普和习近平将在二十国集团峰会期间会晤。', '2019-06-20')), ['2019-06-29-osaka']);
  assert.deepEqual(idsOf(link('胡锦涛和奥巴马在华盛顿举行的国际核安全峰会上会面。', '2010-12-23')), ['2010-04-13-washington']);
  assert.deepEqual(idsOf(link('特朗普与习近平在APEC峰会期间会面。', '2025-10-31')), ['2025-10-30-busan']);
});

test('a date that opens 自…后首次 dates another event (今年1月重返白宫后，首次与习近平会谈)', () => {
  const result = link('这将是川普自今年1月重返白宫后，首次与习近平举行面对面会谈。', '2025-10-29');
  assert.ok(!idsOf(result).includes('2025-01-17-call'));
});

test('a count over this year holds the calls so far, not the ones after the article (今年曾3次通电话)', () => {
  const result = link('习近平与特朗普今年曾3次通电话。', '2025-10-29');
  assert.deepEqual(idsOf(result), ['2025-01-17-call', '2025-06-05-call', '2025-09-19-call']);
});

test('an ordinal beyond the landmark meetings the catalogue holds is not a later one (胡锦涛同奥巴马第八次会晤)', () => {
  const result = link('这是胡锦涛同奥巴马第八次会晤。', '2011-01-19');
  assert.ok(!idsOf(result).includes('2012-06-19-loscabos'));
});

test('a bare month takes the year its sentence named (1972年，尼克松在2月访问北京; 同年)', () => {
  const result = link('1972年，美国总统尼克松在2月访问北京，同毛泽东会面。', '2020-11-23');
  assert.deepEqual(idsOf(result), ['1972-02-21-beijing']);
  assert.match(result.mentions[0].cue, /2月 \(1972\) → February 1972/);
  assert.deepEqual(idsOf(link('1997年，江泽民访美，同年10月与克林顿会谈。', '2011-06-03')), ['1997-10-29-washington']);
});

test('a date after the mention that narrows the one before it is the date (今年首次通话是在1月17日)', () => {
  const result = link('川习今年首次通话是在1月17日，当时习近平祝贺川普当选总统。', '2025-09-20');
  assert.deepEqual(idsOf(result), ['2025-01-17-call']);
});

test('an alias inside a meeting word follows the pair the article names too (习近平与奥巴马的庄园会晤, written in 2017)', () => {
  const result = link('2013年6月，习近平与奥巴马举行“庄园会晤”，成为中美元首互动的新形式。', '2017-03-31');
  assert.deepEqual(idsOf(result), ['2013-06-08-sunnylands']);
  assert.deepEqual(idsOf(link('“庄园会晤”成为习近平与奥巴马互动的新形式。', '2017-03-31')), ['2013-06-08-sunnylands']);
});
