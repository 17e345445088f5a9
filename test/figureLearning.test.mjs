// Learning people the catalogue lacks from how the text presents them, one class of construction
// per test, over short inline fixtures: which people are learned, with their exact ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnedBy } from './support/recognition.mjs';
import { core } from './support/core.mjs';

const { parseFigureCatalogue, FigureMatcher, normalizeForMatching } = core;

const CATALOGUE = `
- id: xi-jinping
  en: Xi Jinping
  zh: 习近平
- id: joe-biden
  en: Joe Biden
  zh: 拜登
  latin: [Joe Biden]
- id: antony-blinken
  en: Antony Blinken
  zh: 布林肯
  latin: [Antony Blinken]
- id: abraham-lincoln
  en: Abraham Lincoln
  zh: 林肯
  names: [亚伯拉罕·林肯]
  latin: [Abraham Lincoln]
- id: george-h-w-bush
  en: George H. W. Bush
  zh: 乔治·赫伯特·沃克·布什
  short: [布什]
  roles:
    - {zh: 美国总统, en: President of the United States, from: 1989-01-20, to: 1993-01-20}
- id: george-w-bush
  en: George W. Bush
  zh: 乔治·沃克·布什
  short: [布什]
  roles:
    - {zh: 得克萨斯州州长, en: Governor of Texas, from: 1995-01-17, to: 2000-12-21}
    - {zh: 美国总统, en: President of the United States, from: 2001-01-20, to: 2009-01-20}
- id: gerald-ford
  en: Gerald Ford
  zh: 福特
  roles:
    - {zh: 美国总统, en: President of the United States, from: 1974-08-09, to: 1977-01-20}
`;

const { figures, problems } = parseFigureCatalogue(CATALOGUE, 'builtin');
const matcher = new FigureMatcher(figures);
const recognize = (text, date) => matcher.recognize(text, normalizeForMatching(text), undefined, date);
const learned = (text) => learnedBy(matcher, text);
const mentioned = (text, date) => recognize(text, date).mentions.map((mention) => `${mention.figureId}@${mention.start}-${mention.end}`);

test('the fixture catalogue reads', () => assert.deepEqual(problems, []));

test('a role before a name counts whatever word follows the name', () => {
  assert.deepEqual(learned('美国智库布鲁金斯学会高级研究员何瑞恩受访时指出，双方都有需要。'), ['何瑞恩@15-18']);
  assert.deepEqual(learned('美联储鲍威尔表示，利率不变。'), ['鲍威尔@3-6']);
  assert.deepEqual(learned('电动车大亨马斯克真的可以扮演这个角色。'), ['马斯克@5-8']);
});

test('the introduction says why: the descriptor before the name', () => {
  const result = recognize('美国智库布鲁金斯学会高级研究员何瑞恩受访时指出');
  assert.equal(result.introductions[0].descriptor, '美国智库布鲁金斯学会高级研究员');
});

test('descriptors: kinship, nationality and occupation words', () => {
  assert.deepEqual(learned('他的女儿王小丫认为，这不公平。'), ['王小丫@4-7']);
  assert.deepEqual(learned('美籍华人艺术家艾未未说，他不回国。'), ['艾未未@7-10']);
});

test('a list after one role: every item is checked as a name', () => {
  assert.deepEqual(learned('外交部长王毅、王文涛和刘昆出席会议。'), ['王毅@4-6', '王文涛@7-10', '刘昆@11-13']);
  // An item followed by a role word starts another introduction: 文莱 is a country, not a person.
  assert.deepEqual(learned('秘鲁总统博鲁阿尔特、文莱苏丹哈桑纳尔出席。'), ['博鲁阿尔特@4-9', '哈桑纳尔@14-18']);
});

test('a name first and its description after', () => {
  const text = '王维正，美国艾德菲大学文理学院院长；李恒青，信息与战略研究所经济学家。';
  assert.deepEqual(learned(text), ['王维正@0-3', '李恒青@18-21']);
  assert.equal(recognize(text).introductions[0].descriptor, '美国艾德菲大学文理学院院长');
});

test('headline and digest attributions: a name before a colon', () => {
  assert.deepEqual(learned('10，《华尔街日报》达利欧：中美从危险边缘后撤'), ['达利欧@10-13']);
  assert.deepEqual(learned('13，《rfa》【梁京评论】解读拜习会的意义'), ['梁京@9-11']);
});

test('bylines and credits', () => {
  assert.deepEqual(learned('（中央社记者张淑伶综合报导）'), ['张淑伶@6-9']);
  assert.deepEqual(learned('（自由亚洲电台记者丁小华盛顿报导）'), ['丁小@9-11']);
  assert.deepEqual(learned('台北／李明华报导'), ['李明华@3-6']);
  assert.deepEqual(learned('文：孙嘉业\n正文'), ['孙嘉业@2-5']);
  assert.deepEqual(learned('人民日报发表署名钟声的文章'), ['钟声@8-10']);
  assert.deepEqual(learned('主持：张晓雯\n'), ['张晓雯@3-6']);
  assert.deepEqual(learned('责编：孙芸'), ['孙芸@3-5']);
});

test('Latin bylines and photo credits, all capitals included', () => {
  assert.deepEqual(learned('图片来源 MANDEL NGAN/AFP via Getty Images'), ['MANDEL NGAN@5-16']);
  assert.deepEqual(learned('拜登与习近平握手。(Photo by Brendan Smialowski / AFP)'), ['Brendan Smialowski@19-37']);
});

test('a Chinese name with its Latin name in brackets is one person, hyphens and Markdown escapes included', () => {
  assert.deepEqual(learned('台湾美国商会会长鲁珀特·哈蒙德\\-钱伯斯（Rupert Hammond-Chambers）说'), ['鲁珀特·哈蒙德\\-钱伯斯@8-20']);
  const result = recognize('鲁珀特·哈蒙德\\-钱伯斯（Rupert Hammond-Chambers）说');
  assert.equal(result.learned.length, 1);
  assert.deepEqual(result.learned[0].latin, ['Rupert Hammond-Chambers']);
  // Either name matching the catalogue makes it the catalogue's person.
  assert.deepEqual(mentioned('国务卿布林肯（Antony Blinken）说'), ['antony-blinken@3-6', 'antony-blinken@7-21']);
});

test('a short form shared by several people resolves by the roles at the article date', () => {
  assert.deepEqual(mentioned('布什访华', '1989-02-25'), ['george-h-w-bush@0-2']);
  assert.deepEqual(mentioned('布什访华', '2002-02-21'), ['george-w-bush@0-2']);
  // Before either held any role it stays unresolved.
  assert.deepEqual(mentioned('布什访华', '1950-01-01'), []);
});

test('false friend: a time word after 于 or 时 is no name', () => {
  assert.deepEqual(learned('（Antony Blinken）于周二表示'), []);
  assert.deepEqual(learned('他卸任部长时获聘为顾问'), []);
});

test('false friend: a catalogue name inside a ship or company name', () => {
  assert.deepEqual(mentioned('美军“林肯”号航母驶入南海'), []);
  assert.deepEqual(mentioned('林肯号航母'), []);
  assert.deepEqual(mentioned('The USS Abraham Lincoln sailed'), []);
  assert.deepEqual(mentioned('福特汽车公司宣布'), []);
  assert.deepEqual(mentioned('福特总统说', '1975-01-01'), ['gerald-ford@0-2']);
});

test('false friend: ordinary words that start with a surname', () => {
  assert.deepEqual(learned('专家萧条说'), []);
  assert.deepEqual(learned('发言人简略地说明了情况'), []);
});

test('false friend: a role word read across a word boundary', () => {
  const result = recognize('拜登在6月份的一次政治筹款活动上将习近平称为独裁者');
  assert.deepEqual(result.introductions, []);
});

test('hover on a learned person in a traditional article: the canonical name in that script, and why', () => {
  const lens = core.createSummitLens();
  const uri = 'file:///corpus/trad.md';
  const source = ['---', 'title: 拜習會', 'date: 2023-11-16', '---', '', '（中央社記者張淑伶綜合報導）美國總統拜登與習主席會晤。', '', '張淑伶指出，雙方都有需要。', ''].join('\n');
  lens.update(uri, source);
  const line = 7;
  const hover = lens.hover(uri, { line, character: 1 });
  assert.ok(hover, 'a hover on 張淑伶');
  assert.deepEqual(hover.range, { start: { line, character: 0 }, end: { line, character: 3 } });
  const lines = hover.markdown.split('\n');
  // The name is never shown in simplified script here.
  assert.equal(lines[0], '**張淑伶**');
  assert.ok(!hover.markdown.includes('张淑伶'));
  assert.equal(lines[2], 'Introduced here as: «中央社記者張淑伶»');
  assert.equal(lines[4], '_Not in the catalogue; learned from the introduction above._');
  // A catalogue person written by a short form gets the traditional canonical name.
  const body = source.split('\n')[5];
  assert.equal(lens.hover(uri, { line: 5, character: body.indexOf('習主席') + 1 }).markdown.split('\n')[0], '**習主席** — 習近平 · Xi Jinping');
});

test('workspace symbols find learned people in either script', () => {
  const lens = core.createSummitLens();
  lens.update('file:///corpus/simp.md', ['---', 'title: 会谈', 'date: 2023-11-16', '---', '', '（中央社记者张淑伶综合报导）拜登说。', ''].join('\n'));
  for (const query of ['张淑伶', '張淑伶']) {
    const names = lens.workspaceSymbols(query).map((symbol) => symbol.name);
    assert.deepEqual(names, ['张淑伶'], query);
  }
});
