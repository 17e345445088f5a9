// jieba's answers in the windows where name recognition asks it where a name ends, one class of
// window each, asked in this thread and through the shared segmenter thread the index workers use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './support/core.mjs';

const { segmentWindow, nameLengthAtStart, isCommonWord, tagHere, SharedSegmenter, slotTagger } = core;
const words = (window) => segmentWindow(window)?.map((token) => `${token.word}/${token.tag}`);

test('after a role word (总裁杨晓波、…), the name is the first word', () => {
  assert.deepEqual(words('杨晓波、合规'), ['杨晓波/nr', '、/x', '合规/vn']);
  assert.equal(nameLengthAtStart('杨晓波、合规'), 3);
});

test('in a byline (记者张三报导), a name jieba does not know ends where the next word starts', () => {
  assert.deepEqual(words('张三报导'), ['张三/x', '报导/n']);
  assert.equal(nameLengthAtStart('张三报导'), 2);
});

test('a list item (夫人董建瑾、北京…) ends at the enumeration comma', () => {
  assert.deepEqual(words('董建瑾、北京'), ['董建瑾/x', '、/x', '北京/ns']);
  assert.equal(nameLengthAtStart('董建瑾、北京'), 3);
});

test('a name jieba splits into surname and given name counts both (马克龙表示)', () => {
  assert.deepEqual(words('马克龙表示'), ['马克/nr', '龙/n', '表示/v']);
  assert.equal(nameLengthAtStart('马克龙表示'), 2);
});

test('common words are no names: 萧条 and 时期 are one common word, 简略地 starts with one', () => {
  assert.equal(isCommonWord('萧条'), true);
  assert.equal(isCommonWord('时期'), true);
  assert.equal(nameLengthAtStart('萧条'), undefined);
  assert.deepEqual(words('简略地'), ['简略/n', '地/uv']);
  assert.equal(isCommonWord('简略地'), false);
  assert.equal(nameLengthAtStart('简略地说'), undefined);
  assert.equal(isCommonWord('王振常'), false);
});

test('a role word is not read across a word boundary (活动上将习近平)', () => {
  assert.deepEqual(words('活动上将习近平'), ['活动/vn', '上将/n', '习近平/nrfg']);
  assert.equal(nameLengthAtStart('活动上将习近平'), undefined);
});

test('the shared segmenter thread answers exactly as jieba in this thread, for every class of window', () => {
  const shared = SharedSegmenter.get();
  assert.ok(shared, 'dist/segmenterThread.js is built');
  const viaThread = shared.mainTagger();
  const windows = ['杨晓波、合规', '张三报导', '董建瑾、北京', '马克龙表示', '萧条', '简略地', '活动上将习近平', '国防部长埃斯珀、', 'Biden拜登', ''];
  for (const window of windows) assert.deepEqual(viaThread(window), tagHere(window), window);
  // A worker's slot answers the same; a window too long for a slot is segmented in the asking thread.
  const slot = shared.lease();
  const viaSlot = slotTagger(slot);
  const long = '记者张三报导，'.repeat(200);
  assert.deepEqual(viaSlot(long), tagHere(long));
  assert.deepEqual(viaSlot('张三报导'), tagHere('张三报导'));
  shared.release(slot);
});
