// Date expressions found after an edit are the ones a fresh scan finds: the scan keeps the runs
// an edit left untouched and scans again only around the edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './support/core.mjs';
import { seededIntegers } from './support/random.mjs';

const noDirection = () => undefined;
const datesIn = (text) => core.findDates(text, '2023-11-17', noDirection).map(({ start, end, from, to }) => [text.slice(start, end), from, to]);

// Each finds the dates of the text before it first, so the next call sees an edit of it.
function afterEdit(before, after) {
  core.findDates(before, '2023-11-17', noDirection);
  return datesIn(after);
}
function fresh(text) {
  core.findDates('无关的文字', '2023-11-17', noDirection);
  return datesIn(text);
}

const base = '拜登与习近平周三在旧金山会晤。两人去年11月在巴厘岛见面，2023-11-15的会谈持续四小时。下周一再议，3个月前已有通话。';

test('an edit inside a date joins or splits it as a fresh scan does', () => {
  const cases = [
    base.replace('去年11月', '去年1'), // a date cut short
    base.replace('去年11月', '去年11月15日'), // a date grown
    base.replace('2023-11-15', '2023-1-15'), // digits in a numeric date
    base.replace('周三', '周'), // an anchor left alone
    base.replace('在旧金山', '在2021年旧金山'), // a new date between two kept ones
    base.replace('。两人', '日。两人'), // a date character next to a kept run
    base.slice(1), // the first character removed
    base + '2024年', // a date at the end
    '2020年' + base, // a date at the start
  ];
  for (const after of cases) assert.deepEqual(afterEdit(base, after), fresh(after), after);
});

test('a random chain of edits finds what a fresh scan finds at every step', () => {
  const alphabet = '年月日号周期前天1270-/.。会晤 三上下去今';
  const random = seededIntegers(7);
  let text = base.repeat(3);
  for (let step = 0; step < 400; step++) {
    const at = random(text.length + 1);
    const removed = random(3);
    const inserted = Array.from({ length: random(3) }, () => alphabet[random(alphabet.length)]).join('');
    const next = text.slice(0, at) + inserted + text.slice(at + removed);
    core.findDates(text, '2023-11-17', noDirection);
    const incremental = datesIn(next);
    assert.deepEqual(incremental, fresh(next), `step ${step}: ${JSON.stringify(next)}`);
    text = next;
  }
});
