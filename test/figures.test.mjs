// Figure catalogue and recognition, over small inline fixtures: every written form and script,
// the false friends, compounds, and the ways Chinese news introduces a person.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseFigureCatalogue, FigureMatcher, normalizeForMatching, mergeFigures } = require('../dist/core.js');

const CATALOGUE = `
- id: joe-biden
  en: Joe Biden
  zh: 拜登
  names: [拜登, 乔·拜登]
  latin: [Joe Biden, Biden]
  compounds: [拜习会, 习拜会]
  roles:
    - {zh: 美国总统, en: President of the United States, from: 2021-01-20, to: 2025-01-20}
- id: xi-jinping
  en: Xi Jinping
  zh: 习近平
  short: [习主席]
  compounds: [拜习会, 习拜会]
- id: jake-sullivan
  en: Jake Sullivan
  zh: 沙利文
  names: [苏利文]
- id: john-kerry
  en: John Kerry
  zh: 约翰·克里
  short: [克里]
  notIn: [克里米亚, 克里姆林]
  latin: [John Kerry]
`;

const { figures, problems } = parseFigureCatalogue(CATALOGUE, 'builtin');
const matcher = new FigureMatcher(figures);
const recognize = (text) => matcher.recognize(text, normalizeForMatching(text));
const ids = (text) => recognize(text).mentions.map((m) => m.figureId);
const slice = (text, start, end) => text.slice(start, end);

test('the catalogue reads every entry, adding the display name to the names', () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(figures.map((f) => f.id), ['joe-biden', 'xi-jinping', 'jake-sullivan', 'john-kerry']);
  const sullivan = figures.find((f) => f.id === 'jake-sullivan');
  assert.deepEqual(sullivan.names, ['沙利文', '苏利文']);
  assert.equal(sullivan.origin, 'builtin');
  assert.deepEqual(figures[0].roles[0], { zh: '美国总统', en: 'President of the United States', from: '2021-01-20', to: '2025-01-20' });
});

test('a bad entry is reported on its line and the good ones are kept', () => {
  const yaml = ['- id: ok', '  en: Ok', '  zh: 好', '- en: No Id', '  zh: 无', '- id: typed', '  en: Typed', '  zh: 型', '  names: 5', '  roles: [{zh: 部长, from: yesterday}]'].join('\n');
  const result = parseFigureCatalogue(yaml, 'workspace');
  assert.deepEqual(result.figures.map((f) => f.id), ['ok', 'typed']);
  const missingId = result.problems.find((p) => /no "id"/.test(p.message));
  assert.equal(missingId.line, 3);
  const wrongType = result.problems.find((p) => /"names" must be a list/.test(p.message));
  assert.equal(wrongType.line, 8);
  const badDate = result.problems.find((p) => /ISO date/.test(p.message));
  assert.equal(badDate.line, 9);
});

test('a YAML syntax error and a non-list root are problems, never exceptions', () => {
  const broken = parseFigureCatalogue('- id: a\n  names: [x, y\n', 'workspace');
  assert.ok(broken.problems.length > 0);
  assert.equal(typeof broken.problems[0].line, 'number');
  const mapping = parseFigureCatalogue('id: a\n', 'workspace');
  assert.match(mapping.problems[0].message, /must be a list/);
  assert.deepEqual(parseFigureCatalogue('', 'workspace'), { figures: [], problems: [] });
});

test('workspace entries override built-in ones by id', () => {
  const workspace = parseFigureCatalogue('- id: jake-sullivan\n  en: Jake Sullivan\n  zh: 蘇利文\n', 'workspace').figures;
  const merged = mergeFigures(figures, workspace);
  assert.equal(merged.length, 4);
  assert.equal(merged.find((f) => f.id === 'jake-sullivan').origin, 'workspace');
});

test('every variant and script of a name is found, with the text as written', () => {
  for (const written of ['沙利文', '苏利文', '蘇利文']) {
    const text = `白宫国家安全顾问${written}上周表示`;
    const [mention] = recognize(text).mentions.filter((m) => m.figureId === 'jake-sullivan');
    assert.equal(mention.text, written);
    assert.equal(slice(text, mention.start, mention.end), written);
  }
});

test('names match inside longer words; the longest form wins at a position', () => {
  assert.deepEqual(ids('拜登政府的对华政策'), ['joe-biden']);
  const text = '美国总统乔‧拜登今天说';
  const mentions = recognize(text).mentions.filter((m) => m.figureId === 'joe-biden');
  assert.equal(mentions.length, 1);
  assert.equal(mentions[0].text, '乔‧拜登');
});

test('a compound names both leaders at the same span', () => {
  const text = '这次拜习会很重要';
  const mentions = recognize(text).mentions;
  assert.deepEqual(mentions.map((m) => m.figureId).sort(), ['joe-biden', 'xi-jinping']);
  assert.ok(mentions.every((m) => m.text === '拜习会' && m.start === 2));
});

test('short forms stay out of unrelated words; 习 alone is never Xi', () => {
  assert.deepEqual(ids('俄罗斯吞并克里米亚后，克里姆林宫表示'), []);
  assert.deepEqual(ids('美国气候特使克里表示'), ['john-kerry']);
  assert.deepEqual(ids('他习惯了学习新东西'), []);
  assert.deepEqual(ids('习主席说'), ['xi-jinping']);
});

test('Latin forms match whole words with any whitespace, but not inside URLs or words', () => {
  const text = '美国总统Joe  Biden说';
  const [mention] = recognize(text).mentions;
  assert.equal(mention.text, 'Joe  Biden');
  assert.deepEqual(ids('见 https://example.com/Biden/news 和 Bidenomics'), []);
});

test('a descriptor, a name and a Latin gloss: 何瑞恩（Ryan Hass）', () => {
  const text = '美国智库布鲁金斯学会高级研究员、中国通何瑞恩（Ryan Hass）认为，……何瑞恩还说';
  const result = recognize(text);
  const [intro] = result.introductions;
  assert.equal(intro.figureId, 'learned:何瑞恩');
  assert.equal(slice(text, intro.nameStart, intro.nameEnd), '何瑞恩');
  assert.equal(slice(text, intro.start, intro.end), '美国智库布鲁金斯学会高级研究员、中国通何瑞恩（Ryan Hass）');
  assert.equal(intro.descriptor, '美国智库布鲁金斯学会高级研究员、中国通');
  assert.equal(intro.latin, 'Ryan Hass');
  const [learned] = result.learned;
  assert.equal(learned.origin, 'learned');
  assert.deepEqual(learned.latin, ['Ryan Hass']);
  // The name, its gloss and the later mention.
  assert.deepEqual(result.mentions.filter((m) => m.figureId === 'learned:何瑞恩').map((m) => m.text), ['何瑞恩', 'Ryan Hass', '何瑞恩']);
  assert.equal(result.mentions.at(-1).start, text.lastIndexOf('何瑞恩'));
});

test('a role word, a name and a verb of saying: 发言人华春莹说', () => {
  const text = '中国外交部发言人华春莹说，双方将就中美关系交换意见。';
  const [intro] = recognize(text).introductions;
  assert.equal(intro.figureId, 'learned:华春莹');
  assert.equal(slice(text, intro.nameStart, intro.nameEnd), '华春莹');
  assert.equal(intro.descriptor, '中国外交部发言人');
  assert.equal(slice(text, intro.start, intro.end), '中国外交部发言人华春莹');
});

test('的 and a Latin-script name: 研究员的Dennis Wilder', () => {
  const text = '前美国情报官员、现任乔治城大学研究员的Dennis Wilder称，会晤有成果。';
  const [intro] = recognize(text).introductions;
  assert.equal(intro.figureId, 'learned:dennis-wilder');
  assert.equal(slice(text, intro.nameStart, intro.nameEnd), 'Dennis Wilder');
  assert.equal(intro.descriptor, '前美国情报官员、现任乔治城大学研究员');
});

test('bylines: 责任编辑：孙芸', () => {
  const text = '美国人要免受掠夺。\n责任编辑：孙芸\n';
  const [intro] = recognize(text).introductions;
  assert.equal(intro.figureId, 'learned:孙芸');
  assert.equal(slice(text, intro.nameStart, intro.nameEnd), '孙芸');
  assert.equal(intro.descriptor, '责任编辑');
});

test('a dotted transliteration with a gloss, and its later short form: 艾德丽安·沃森', () => {
  const text = '国家安全委员会发言人艾德丽安·沃森（Adrienne Watson）表示，会谈坦诚。沃森还说';
  const result = recognize(text);
  const [intro] = result.introductions;
  assert.equal(intro.figureId, 'learned:艾德丽安·沃森');
  assert.equal(slice(text, intro.nameStart, intro.nameEnd), '艾德丽安·沃森');
  assert.equal(intro.descriptor, '国家安全委员会发言人');
  const later = result.mentions.filter((m) => m.figureId === 'learned:艾德丽安·沃森').map((m) => m.text);
  assert.deepEqual(later, ['艾德丽安·沃森', 'Adrienne Watson', '沃森']);
});

test('a catalogue person introduced with a descriptor gets an introduction, not a learned figure', () => {
  const text = '美国总统拜登说，他期待会晤。';
  const result = recognize(text);
  assert.deepEqual(result.learned, []);
  const [intro] = result.introductions;
  assert.equal(intro.figureId, 'joe-biden');
  assert.equal(intro.descriptor, '美国总统');
  assert.equal(slice(text, intro.nameStart, intro.nameEnd), '拜登');
});

test('roles, institutions and common words are not learned as names', () => {
  for (const text of ['美国总统表示，双方将会晤。', '中国外交部表示反对。', '白宫演说猛批中国', '不少研究学者曾猜测，这是', '简单说，谁算']) {
    assert.deepEqual(recognize(text).learned, [], text);
  }
});

test('learned ids are stable across articles', () => {
  const a = recognize('中国外交部发言人华春莹说，').learned[0];
  const b = recognize('中國外交部發言人華春瑩表示，').learned[0];
  assert.equal(a.id, b.id);
});

test('a display name that is also a short form keeps its guard words (哈里斯县 is a place, not Kamala Harris)', () => {
  const { SummitLensService } = require('../dist/core.js');
  const service = new SummitLensService();
  const analysis = service.analyze('file:///harris.md', '---\ntitle: t\ndate: 2024-08-01\n---\n<p>哈里斯县的选民说，副总统哈里斯将访问休斯顿。卡特尔组织。</p>');
  assert.deepEqual(
    analysis.figures.map((mention) => `${mention.figureId}:${mention.text}`),
    ['kamala-harris:副总统哈里斯'],
  );
});

test('a byline names its reporter: a name alone on its line, the role on the next', () => {
  const { SummitLensService } = require('../dist/core.js');
  const service = new SummitLensService();
  const source = '<!--1636774988000-->\n[标题](https://www.bbc.com/zhongwen/x)\n------\n<main><ul><li>戴伦</li><li>BBC中文记者</li></ul><p>拜登说，双方会晤。</p></main>';
  const analysis = service.analyze('file:///byline.md', source);
  const reporter = analysis.introductions.find((intro) => intro.figureId === 'learned:戴伦');
  assert.ok(reporter, JSON.stringify(analysis.introductions));
  assert.equal(reporter.descriptor, 'BBC中文记者');
  const lines = source.split('\n');
  const { start, end } = reporter.nameRange;
  assert.equal(lines[start.line].slice(start.character, end.character), '戴伦');
});

test('a notIn word guards full names too, not only short forms (基辛格中美关系研究所 is an institute)', () => {
  const lens = require('../dist/core.js').createSummitLens();
  const text = '---\ntitle: 研讨会\ndate: 2023-11-17\n---\n\n威尔逊中心基辛格中美关系研究所所长表示，基辛格曾多次访华。\n';
  const analysis = lens.analyze('file:///k.md', text);
  const kissinger = analysis.figures.filter((mention) => mention.figureId === 'henry-kissinger');
  assert.deepEqual(kissinger.map((mention) => [mention.text, mention.range.start.line, mention.range.start.character]), [['基辛格', 5, 20]]);
});
