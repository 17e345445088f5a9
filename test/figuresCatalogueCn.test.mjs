// The reference catalogue of Chinese, Taiwanese, Hong Kong and Macau people (server/data/figures/cn.yaml):
// it reads cleanly, and its two-character names fire on the person but not inside ordinary words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { core, root } from './support/core.mjs';

const { parseFigureCatalogue, FigureMatcher, normalizeForMatching } = core;
const { figures, problems } = parseFigureCatalogue(readFileSync(path.join(root, 'server/data/figures/cn.yaml'), 'utf8'), 'builtin');
const matcher = new FigureMatcher(figures);
const ids = (text) => matcher.recognize(text, normalizeForMatching(text)).mentions.map((mention) => mention.figureId).filter((id) => !id.startsWith('learned:'));

test('cn.yaml reads without problems, every person once, each with a source for the roles', () => {
  assert.deepEqual(problems, []);
  assert.ok(figures.length >= 900, `${figures.length} people`);
  assert.equal(new Set(figures.map((figure) => figure.id)).size, figures.length);
  assert.deepEqual(figures.filter((figure) => !figure.source).map((figure) => figure.id), []);
});

test('a two-character name that is also a word fires on the person only', () => {
  assert.deepEqual(ids('全国政协主席汪洋出席会议'), ['wang-yang']);
  assert.deepEqual(ids('在知识的汪洋大海里'), []);
  assert.deepEqual(ids('最高法院院长周强表示'), ['zhou-qiang']);
  assert.deepEqual(ids('他本周强调了这一点'), []);
  assert.deepEqual(ids('扩张军备'), []);
});

test('a guard is not so wide that it blocks the person followed by a preposition', () => {
  assert.deepEqual(ids('国务委员王勇于10日会见'), ['wang-yong']);
  assert.deepEqual(ids('林全会见了访客'), ['lin-chuan']);
});

test('traditional-script text finds the same people, and their guards hold in both scripts', () => {
  assert.deepEqual(ids('連戰訪問北京'), ['lien-chan']);
  assert.deepEqual(ids('球隊接連戰勝對手'), []);
  assert.deepEqual(ids('鄧炳強表示'), ['chris-tang']);
});

test('a two-character name inside a longer personal name does not fire', () => {
  assert.deepEqual(ids('民主派人士陳雲飛'), []);
  assert.deepEqual(ids('歌手张震岳'), []);
});

test('Latin forms are whole names, not English phrases', () => {
  assert.deepEqual(ids('Former vice president Lien Chan visited Beijing.'), ['lien-chan']);
  assert.deepEqual(ids('As he long argued, the policy failed.'), []);
});
