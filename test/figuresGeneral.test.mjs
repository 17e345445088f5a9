// Generalising beyond the dev articles: constructions other outlets use to present a person
// (photo credits, Taiwan's and Hong Kong's surnames, roles kept as data), and the reference
// catalogue's transliterations from Taiwan, Hong Kong and overseas outlets with their guards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { learnedBy } from './support/recognition.mjs';
import { core, root } from './support/core.mjs';

const { parseFigureCatalogue, FigureMatcher, normalizeForMatching, mergeFigures } = core;

// Learning: an inline catalogue that knows none of the people below.
const fixture = parseFigureCatalogue('- id: xi-jinping\n  en: Xi Jinping\n  zh: 习近平\n', 'builtin');
const fixtureMatcher = new FigureMatcher(fixture.figures);
const learned = (text) => learnedBy(fixtureMatcher, text);

// The built-in catalogue, every file.
const files = ['figures.yaml', 'figures/cn.yaml', 'figures/us.yaml', 'figures/world.yaml', 'figures/leaders.yaml'];
const builtin = files.map((file) => parseFigureCatalogue(readFileSync(path.join(root, 'server/data', file), 'utf8'), 'builtin'));
const catalogue = new FigureMatcher(builtin.reduce((all, part) => mergeFigures(all, part.figures), []));
/** Catalogue people named in `text` at `date`, in text order, without learned ones. */
const named = (text, date = '2025-10-30') =>
  catalogue.recognize(text, normalizeForMatching(text), undefined, date).mentions.map((mention) => mention.figureId).filter((id) => !id.startsWith('learned:'));

test('the built-in catalogue files read without problems', () => {
  assert.deepEqual(builtin.flatMap((part) => part.problems), []);
});

test('a photographer credit ending in 摄 gives the whole name', () => {
  assert.deepEqual(learned('新华社记者黄敬文摄'), ['黄敬文@5-8']);
  assert.deepEqual(learned('（新华社记者 李涛 摄）'), ['李涛@7-9']);
  // 拍摄 after a reporter is no name.
  assert.deepEqual(learned('新华社记者在现场拍摄'), []);
});

test('surnames common in Taiwan and Hong Kong open a name after a role word', () => {
  assert.deepEqual(learned('国民党立委赖明宏昨天质询时表示'), ['赖明宏@5-8']);
  assert.deepEqual(learned('特區維護國家安全委員會秘書長區志光，以及'), ['區志光@14-17']);
});

test('roles kept as data: police ranks, candidates, a colonial governor', () => {
  assert.deepEqual(learned('國安處高級警司李桂華等'), ['李桂華@7-10']);
  assert.deepEqual(learned('立法會候選人馮煒光的荒誕言論'), ['馮煒光@6-9']);
  assert.deepEqual(learned('前港督彭定康批评'), ['彭定康@3-6']);
});

test('what a named official does may follow the name directly', () => {
  assert.deepEqual(learned('上海东方卫视记者张经义采访白宫发言人'), ['张经义@8-11']);
});

test('transliterations of Trump-era officials used in Taiwan, Hong Kong and overseas outlets', () => {
  assert.deepEqual(named('國家安全顧問瓦爾茲去職'), ['mike-waltz']);
  assert.deepEqual(named('白宮發言人李維特表示'), ['karoline-leavitt']);
  assert.deepEqual(named('國務卿魯比歐表示'), ['marco-rubio']);
  assert.deepEqual(named('新任美國駐華大使龐德偉抵華'), ['david-perdue']);
  assert.deepEqual(named('提名華許出任聯準會主席', '2026-01-30'), ['kevin-warsh']);
});

test('short forms keep out of ordinary words', () => {
  assert.deepEqual(named('中华许多城市'), []);
  assert.deepEqual(named('投资人华伦·巴菲特说'), ['warren-buffett']);
});

test('a surname alone names the catalogue person after the full name, in either script', () => {
  assert.deepEqual(named('布兰切特指出美国没有产业政策'), ['jude-blanchette']);
  assert.deepEqual(named('副國務卿蘭道表示'), ['christopher-landau']);
});

test('Taiwan legislators and ministers of the 2024 term, and mainland scholars', () => {
  assert.deepEqual(named('國民黨立委賴士葆昨天質詢'), ['lai-shyh-bao']);
  assert.deepEqual(named('央行總裁楊金龍說'), ['yang-chin-long']);
  assert.deepEqual(named('中国社会科学院美国研究所研究员李枏认为'), ['li-nan-scholar']);
});

test('Japanese surnames open a name after a role word; a surname then an adverb is no name', () => {
  assert.deepEqual(learned('教授小林一郎认为，日本需要谨慎。'), ['小林一郎@2-6']);
  assert.deepEqual(learned('官房长官林芳正表示'), ['林芳正@4-7']);
  assert.deepEqual(learned('佐藤特别指出，此条文其实回顾历史'), []);
  assert.deepEqual(learned('罗马主教区据称由圣徒保罗建立'), []);
});

test('corporate titles used in Taiwan introduce a name', () => {
  assert.deepEqual(learned('鴻海法務長朱宸佐表示，現在只有G2。'), ['朱宸佐@5-8']);
});

test('world leaders as Taiwan and overseas outlets write them', () => {
  assert.deepEqual(named('俄羅斯總統普亭表示'), ['vladimir-putin']);
  assert.deepEqual(named('越南總理范明正抵達'), ['pham-minh-chinh']);
  assert.deepEqual(named('南非總統拉瑪佛沙說'), ['cyril-ramaphosa']);
  // A spokesman whose name is also a word is named only by his title.
  assert.deepEqual(named('APEC高峰會在北京舉行'), []);
});

test('thinkers and earlier presidents commentators invoke, but not their -isms, traps or ships', () => {
  assert.deepEqual(named('正如修昔底德所说，强者为所欲为'), ['thucydides']);
  assert.deepEqual(named('中美能否避免修昔底德陷阱'), []);
  assert.deepEqual(named('马克思说过，历史会重演'), ['karl-marx']);
  assert.deepEqual(named('坚持马克思主义'), []);
  assert.deepEqual(named('小罗斯福在雅尔塔会议上'), ['franklin-d-roosevelt']);
  assert.deepEqual(named('“尼米兹”号和“西奥多-罗斯福” 号航母'), []);
  assert.deepEqual(named('这是奥威尔式的否认事实'), []);
});

test("a bracketed byline opened by the outlet's Latin code", () => {
  assert.deepEqual(learned('【KTSF 萬若全報導】\n總統特朗普對中國的關稅徵收已經達到至少145%。'), ['萬若全@6-9']);
  assert.deepEqual(learned('【PDF 下载报道】'), []);
});

test('a dotted name runs on past the transliteration table to where the segmenter ends its part, and no further', () => {
  // 伏 and 堡 are not in the table; the words after them (和, 认为) end the name.
  assert.deepEqual(learned('法国社会学家亨利·列斐伏尔和情境主义者呼吁回到日常生活。'), ['亨利·列斐伏尔@6-13']);
  assert.deepEqual(learned('马克思主义者卡洛·金茨堡认为，微观史学可以补充宏观叙事。'), ['卡洛·金茨堡@6-12']);
  // A word glued on by the segmenter (堪称, 饰演, 家族) is not taken into the name.
  assert.deepEqual(learned('法国学者雷蒙·阿隆堪称冷战时期最清醒的观察者。'), ['雷蒙·阿隆@4-9']);
  assert.deepEqual(learned('总统伊尔哈姆·阿利耶夫家族控制着多家公司。'), ['伊尔哈姆·阿利耶夫@2-11']);
});

test("a dotted name's first part starts where the segmenter reads a name, not where the table's characters start", () => {
  // 歇 is not in the table: 米歇尔 is read whole, not as 尔.
  assert.deepEqual(learned('灵感来自各种当代理论，如布尔迪厄、米歇尔·福柯和拉图尔的理论。'), ['米歇尔·福柯@17-23']);
  // A word that never stands in a name (如, 和) is not taken in.
  assert.deepEqual(learned('正如蕾切尔·库什纳所写的那样。'), []);
});

test('a dotted name glossed with something other than a person is no person', () => {
  assert.deepEqual(learned('到了20世纪30年代，吉姆·克劳法 (Jim Crow laws) 意味着黑人在南方不能投票。'), []);
  assert.deepEqual(learned('著名作家米兰·昆德拉 (Milan Kundera) 去世。'), ['米兰·昆德拉@4-10']);
});

test("a photographer's credit without 记者 gives the name: bracketed, spaced, or after the agency's 发", () => {
  assert.deepEqual(learned('羅致光局長表示削減開支決定早於施政報告時決定。（丁心怡攝）'), ['丁心怡@24-27']);
  assert.deepEqual(learned('会议现场。（新华社发 张伟明 摄）'), ['张伟明@11-14']);
  // 摄 inside a word (拍摄) or a credit naming no one is no photographer.
  assert.deepEqual(learned('他在拍摄时说，（资料图片）'), []);
});

test('graphic credits (图：, 图片：, 文、图：) name their author; an agency there is no person', () => {
  assert.deepEqual(learned('图：刘建华'), ['刘建华@2-5']);
  assert.deepEqual(learned('文、图：刘建华'), ['刘建华@4-7']);
  assert.deepEqual(learned('图：路透社'), []);
});

test("a byline's other reporters: set apart by spaces or run together up to the report word", () => {
  assert.deepEqual(learned('本报记者 张伟明 刘建华'), ['张伟明@5-8', '刘建华@9-12']);
  assert.deepEqual(learned('记者张伟明刘建华报道'), ['张伟明@2-5', '刘建华@5-8']);
  // A place before the report word, or a sentence going on, is no second reporter.
  assert.deepEqual(learned('记者张伟明 北京报道'), ['张伟明@2-5']);
  assert.deepEqual(learned('记者张伟明表示，刘建华同意。'), ['张伟明@2-5']);
});

test('a Japanese given name may end in 也 after a Japanese surname', () => {
  assert.deepEqual(learned('日本记者佐藤拓也报道'), ['佐藤拓也@4-8']);
  assert.deepEqual(learned('东京大学教授佐藤达也指出，日美关系很重要。'), ['佐藤达也@6-10']);
  // After a Chinese name, or a surname alone, 也 is "also"; a surname with a word after it is no name.
  assert.deepEqual(learned('教授王大也表示同意。'), ['王大@2-4']);
  assert.deepEqual(learned('官员山田也指出，松尾老先生当时认为。'), []);
});
