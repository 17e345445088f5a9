// Titles, dates and outlets from every format the corpora hold, each on a short inline fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from './support/core.mjs';

const slice = (article, span) => article.source.slice(span.start, span.end);
const sectionTitles = (sections) => sections.map((section) => (section.children.length ? [section.title, sectionTitles(section.children)] : section.title));
const messages = (problems) => problems.map((problem) => problem.message).join('\n');

test('a news site mirrored as Markdown: the underlined heading is the title, the navigation no section, the dateline gives date and outlet', () => {
  const source = [
    '### 川普签署香港自治法 制裁中共官员',
    '------',
    '#### [首页](https://www.epochtimes.com/gb/) | [新闻](https://www.epochtimes.com/gb/nsc413.htm)',
    '#### [美国](https://www.epochtimes.com/gb/ncid277.htm) | [国际](https://www.epochtimes.com/gb/ncid1349362.htm)',
    '',
    '<div class="post_content"><p>【大纪元2020年06月28日讯】（大纪元记者李言报导）美国总统川普周一签署法案。</p>',
    '<p>2017年7月8日，两国元首曾在汉堡会晤。</p></div>',
  ].join('\n');
  const { article } = core.parseArticle(source);
  assert.equal(article.title.value, '川普签署香港自治法 制裁中共官员');
  assert.equal(slice(article, article.title.span), '川普签署香港自治法 制裁中共官员');
  assert.equal(article.date.value, '2020-06-28');
  assert.equal(article.dateOrigin, 'dateline');
  assert.equal(slice(article, article.date.span), '【大纪元2020年06月28日讯】');
  assert.equal(article.outlet.value, '大纪元');
  assert.equal(slice(article, article.outlet.span), '大纪元');
  assert.deepEqual(sectionTitles(article.sections), []);
});

test('Hugo TOML front matter between +++ lines', () => {
  const source = '+++\ntitle = "拜登与习近平在旧金山会晤"\ndate = 2023-11-15T10:00:00+08:00\npublisher = "联合早报"\ntags = ["中美", "峰会"]\n\n[params]\ndate = 2000-01-01\n+++\n\n## 会晤要点\n\n双方同意恢复军事沟通。\n\n## 各方反应\n\n台北表示关注。\n';
  const { article, problems } = core.parseArticle(source);
  assert.equal(article.format, 'jekyll-markdown');
  assert.equal(article.title.value, '拜登与习近平在旧金山会晤');
  assert.equal(slice(article, article.title.span), '拜登与习近平在旧金山会晤');
  assert.equal(article.date.value, '2023-11-15');
  assert.equal(article.outlet.value, '联合早报');
  assert.deepEqual(sectionTitles(article.sections), ['会晤要点', '各方反应']);
  assert.deepEqual(problems, []);
  assert.ok(!article.text.includes('+++'), 'the front matter is not prose');
});

test('Wiki.js front matter: a title that is a date gives the date, the description is the headline', () => {
  const source = '---\ntitle: 2021-11-16\ndescription: 习近平同美国总统拜登举行视频会晤\npublished: true\ntags: 新闻\neditor: markdown\n---\n\n中美元首视频会晤。\n';
  const { article } = core.parseArticle(source);
  assert.equal(article.title.value, '习近平同美国总统拜登举行视频会晤');
  assert.equal(slice(article, article.title.span), '习近平同美国总统拜登举行视频会晤');
  assert.equal(article.titleOrigin, 'description');
  assert.equal(article.date.value, '2021-11-16');
  assert.equal(slice(article, article.date.span), '2021-11-16');
});

test('published, dateCreated, pubDate and lastmod keys date an article, in that order of trust', () => {
  const dated = (fields) => core.parseArticle(`---\ntitle: 标题\n${fields}\n---\n\n正文。\n`).article.date?.value;
  assert.equal(dated('published: 2022-11-14'), '2022-11-14');
  assert.equal(dated('dateCreated: 2022-11-15T01:02:03.000Z'), '2022-11-15');
  assert.equal(dated('pubDate: "Mon, 2022-11-16"'), undefined);
  assert.equal(dated('pubDate: 2022/11/16'), '2022-11-16');
  assert.equal(dated('lastmod: 2022-11-20\npubDate: 2022-11-16'), '2022-11-16');
  assert.equal(dated('lastmod: 2022-11-20'), '2022-11-20');
  // `published: true` (Wiki.js) is a flag, not a date, and no problem.
  const flag = core.parseArticle('---\ntitle: 标题\npublished: true\ndate: 2022-11-14\n---\n正文\n');
  assert.equal(flag.article.date.value, '2022-11-14');
  assert.deepEqual(flag.problems, []);
});

test('a numbered daily digest: each `## 1. …` item is a section, never the title', () => {
  const source = '---\ndate: 2022-11-14\n---\n\n## 1. 习近平同美国总统拜登在巴厘岛举行会晤\n\n正文。\n\n## 2. 王毅会见布林肯\n\n正文。\n';
  const { article } = core.parseArticle(source);
  assert.deepEqual(sectionTitles(article.sections), ['1. 习近平同美国总统拜登在巴厘岛举行会晤', '2. 王毅会见布林肯']);
  assert.notEqual(article.title?.value, '1. 习近平同美国总统拜登在巴厘岛举行会晤');
});

test('plain text with no markup (automatic subtitles): the first sentence is the title, marked derived, and no date is invented', () => {
  const source = '大家好\n欢迎收看今天的节目\n今天我们来谈谈拜登和习近平11月15日的会晤\n双方谈了四个小时\n';
  const { article, problems } = core.parseArticle(source);
  assert.equal(article.format, 'text');
  assert.equal(article.title.value, '大家好 欢迎收看今天的节目');
  assert.equal(slice(article, article.title.span), '大家好\n欢迎收看今天的节目');
  assert.equal(article.titleOrigin, 'first sentence');
  assert.equal(article.date, undefined);
  assert.match(messages(problems), /first sentence serves as the title/);
  assert.match(messages(problems), /No date found/);
  const outline = core.buildOutline(article);
  assert.match(outline[0].detail, /title derived from the first sentence/);
});

test('page metadata dates a page: article:published_time, JSON-LD datePublished and <time>, never a date in the prose', () => {
  const page = (head, body = '') =>
    core.parseArticle(`<!doctype html><html><head><title>拜登会见习近平</title>${head}</head><body><p>2017年7月8日，两国元首曾在汉堡会晤。</p>${body}</body></html>`).article;
  const meta = page('<meta property="article:published_time" content="2020-03-27T08:00:00+08:00">');
  assert.equal(meta.date.value, '2020-03-27');
  assert.equal(meta.dateOrigin, 'meta');
  const jsonLd = page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2020-03-26T22:00:00Z"}</script>');
  assert.equal(jsonLd.date.value, '2020-03-26');
  assert.equal(jsonLd.dateOrigin, 'json-ld');
  assert.equal(slice(jsonLd, jsonLd.date.span), '2020-03-26T22:00:00Z');
  const time = page('', '<time datetime="2020-03-25">三月廿五</time>');
  assert.equal(time.date.value, '2020-03-25');
  // The Hamburg sentence is no date of the article.
  assert.equal(page('').date, undefined);
});

test('a CNA dateline gives the day; the year and month come from the source URL', () => {
  const source = '---\ntitle: 拜登與習近平通話\nurl: https://www.cna.com.tw/news/2020/03/28/a.aspx\n---\n\n（中央社記者張三台北27日電）美國總統拜登與習近平通話。\n';
  const { article } = core.parseArticle(source);
  assert.equal(article.date.value, '2020-03-27');
  assert.equal(article.dateOrigin, 'dateline');
  assert.equal(slice(article, article.date.span), '（中央社記者張三台北27日電）');
  assert.equal(article.outlet.value, '中央社');
});

test('a date in the source URL or the file name dates an article only when nothing inside it does, and says it was derived', () => {
  const body = '# 拜登会见习近平\n\n两国元首举行会晤。\n';
  const fromUrl = core.parseArticle(`---\ntitle: 拜登会见习近平\nurl: https://www.zaobao.com.sg/news/2020/03/27/a.html\n---\n两国元首举行会晤。\n`);
  assert.equal(fromUrl.article.date.value, '2020-03-27');
  assert.equal(fromUrl.article.dateOrigin, 'url');
  assert.equal(fromUrl.article.outlet.value, '联合早报');
  assert.match(messages(fromUrl.problems), /derived from the source URL/);
  const fromName = core.parseArticle(body, { fileName: 'file:///corpus/2020-03-27-%E6%8B%9C%E7%99%BB.md' });
  assert.equal(fromName.article.date.value, '2020-03-27');
  assert.equal(fromName.article.dateOrigin, 'file name');
  assert.match(messages(fromName.problems), /derived from the file name/);
  // An article number is no date; the folders before it may be (`/gb/23/10/29/`).
  const numbered = core.parseArticle(`---\ntitle: 标题\nurl: https://www.ntdtv.com/gb/n14105166.htm\n---\n正文\n`, { fileName: 'n20231029.htm' });
  assert.equal(numbered.article.date, undefined);
  const folders = core.parseArticle(`---\ntitle: 标题\nurl: https://www.epochtimes.com/gb/23/10/29/n14105166.htm\n---\n正文\n`);
  assert.equal(folders.article.date.value, '2023-10-29');
});

test('an upload path dates an article only as a last resort, with a day of its month from the lead', () => {
  const withDay = core.parseArticle('## 秘翻在线：习拜通话\n\n![](https://assets.gnews.org/wp-content/uploads/2021/09/3-20.jpg)\n据人民网9月10日报道，习近平应约同美国总统拜登通电话。\n');
  assert.equal(withDay.article.date.value, '2021-09-10');
  assert.equal(withDay.article.dateOrigin, 'inferred');
  assert.match(messages(withDay.problems), /derived from an upload path's month \(2021-09\)/);
  const monthOnly = core.parseArticle('## 中国对拜登：帮助台湾是“玩火”\n\n![](https://assets.gnews.org/wp-content/uploads/2021/11/1-116.png)\n习近平警告美国总统拜登。\n');
  assert.equal(monthOnly.article.date, undefined);
  assert.match(messages(monthOnly.problems), /Only the month is known \(2021-11, from an upload path\)/);
});

test('a byline date counts; a date inside a sentence does not', () => {
  assert.equal(core.parseArticle('## 标题\n`11/1/2023 4:25 AM UTC 银河歌舞厅`\n\n正文。\n').article.date.value, '2023-11-01');
  assert.equal(core.parseArticle('## 标题\n\n发布时间：2023年11月19日 19:14\n\n正文。\n').article.date.value, '2023-11-19');
  assert.equal(core.parseArticle('## 标题\n\n2017年7月8日，两国元首在汉堡会晤。\n').article.date, undefined);
  assert.equal(core.parseArticle('## 标题\n\n据报道，两国元首2017年7月8日在汉堡会晤。\n').article.date, undefined);
});

test('a dateline later than the front matter date is reported', () => {
  const { article, problems } = core.parseArticle('---\ntitle: 标题\ndate: 2020-06-27\n---\n<p>【大纪元2020年06月29日讯】正文。</p>\n');
  assert.equal(article.date.value, '2020-06-27');
  const late = problems.find((problem) => /later than the date/.test(problem.message));
  assert.ok(late, messages(problems));
  assert.equal(late.severity, 'warning');
  assert.equal(slice(article, late.span), '【大纪元2020年06月29日讯】');
});

test('a page title loses the site name it ends with; a page without <title> is titled by its <h1>', () => {
  const suffixed = core.parseArticle('<!doctype html><html><head><title>拜登会见习近平 - BBC News 中文</title></head><body><p>正文</p></body></html>').article;
  assert.equal(suffixed.title.value, '拜登会见习近平');
  assert.equal(suffixed.source.slice(suffixed.title.span.start, suffixed.title.span.end), '拜登会见习近平');
  const kept = core.parseArticle('<!doctype html><html><head><title>拜登 - 习近平会晤</title></head><body><p>正文</p></body></html>').article;
  assert.equal(kept.title.value, '拜登 - 习近平会晤');
  const h1 = core.parseArticle('<div><h1>拜登会见习近平</h1><p>【新唐人2023年11月16日讯】正文。</p><h2>背景</h2><p>更多。</p></div>').article;
  assert.equal(h1.title.value, '拜登会见习近平');
  assert.equal(h1.source.slice(h1.title.span.start, h1.title.span.end), '拜登会见习近平');
  assert.deepEqual(sectionTitles(h1.sections), ['背景']);
  assert.equal(h1.date.value, '2023-11-16');
  assert.equal(h1.outlet.value, '新唐人');
});

test('a CNA report dateline in brackets (…綜合外電報導) dates the article', () => {
  const { article } = core.parseArticle('---\ntitle: 美中會談\nurl: https://www.cna.com.tw/news/2023/11/16/x.aspx\n---\n\n（中央社華盛頓15日綜合外電報導）美國總統拜登與習近平會談。\n');
  assert.equal(article.date.value, '2023-11-15');
  assert.equal(article.dateOrigin, 'dateline');
});

test('the outlet comes from the site name or the URL (archive copies unwrapped), never from a byline', () => {
  const siteName = core.parseArticle('<!doctype html><html><head><title>拜登会见习近平</title><meta property="og:site_name" content="BBC News 中文"></head><body><p>正文</p></body></html>').article;
  assert.equal(siteName.outlet.value, 'BBC News 中文');
  assert.equal(slice(siteName, siteName.outlet.span), 'BBC News 中文');
  const reporter = core.parseArticle('---\ntitle: "習拜會後首談台灣"\ndate: "2021-11-17"\nauthor: "台灣特派員鄭智仁"\nurl: "https://web.archive.org/web/20211120000000/https://www.hkcnews.com/article/47818/x"\n---\n正文\n').article;
  assert.equal(reporter.author.value, '台灣特派員鄭智仁');
  assert.equal(reporter.outlet.value, '眾新聞', 'the traditional name for a traditional article');
  assert.equal(reporter.date.value, '2021-11-17', 'the archive capture date is no date of the article');
  const channel = core.parseArticle('---\ntitle: 习拜会\ndate: 2023-11-17\nauthor: 老楊到處說\nfrom: https://www.youtube.com/watch?v=x\n---\n正文\n').article;
  assert.equal(channel.outlet.value, '老楊到處說', 'a channel on a video platform is its outlet');
  const repost = core.parseArticle('## 拜习会\n` 秘密翻译组` [轉載自GNews](https://gnews.org/zh-hans/2195835/)\n\n正文。\n').article;
  assert.equal(repost.url.value, 'https://gnews.org/zh-hans/2195835/');
  assert.equal(repost.outlet.value, 'GNews');
});

test('one content rule tells articles from other files, for the editor and the command line alike', () => {
  const shortReport = '## 拜登和习近平旨在缓和乌克兰危机的两小时通话毫无结果\n\n03/18/2022 拜登和习近平旨在缓和乌克兰危机的两小时通话毫无结果。拜登清楚地说明，如果中共国向俄罗斯提供物质支持，将会产生什么影响和后果。\n';
  assert.equal(core.isCorpusArticle(shortReport), true);
  assert.equal(core.isCorpusArticle('# 安装说明\n\n运行 npm install。\n'), false);
  assert.equal(core.isCorpusArticle('+++\ntitle = "标题"\n+++\n正文'), true);
  assert.equal(core.isCorpusArticle('大家好\n'.repeat(80)), true, 'plain Chinese prose (subtitles)');
  assert.equal(core.isCorpusArticle('<p>【大纪元2020年06月28日讯】美国总统川普周一签署法案。</p>'), true, 'a dateline');
  assert.equal(core.isCorpusArticle('just some notes\n'.repeat(50)), false);
  const verdict = core.articleVerdict('# README\n\nInstall with npm.\n');
  assert.equal(verdict.article, false);
  assert.match(verdict.reason, /no front matter/);
});

test('odd front matter: an escape past the last code point, an alias, CR-only lines, two BOMs, duplicate keys', () => {
  const escape = core.parseArticle('---\ntitle: "\\U00110000"\ndate: 2023-11-15\n---\n<p>拜登会见习近平</p>\n');
  assert.equal(escape.article.date.value, '2023-11-15');
  assert.match(escape.article.text, /拜登会见习近平/, 'the article is still read');
  assert.match(messages(escape.problems), /Invalid escape sequence/);
  const alias = core.parseArticle('---\nheadline: &headline 拜登会见习近平\ntitle: *headline\ndate: 2023-11-15\n---\n正文\n');
  assert.equal(alias.article.title.value, '拜登会见习近平');
  assert.equal(slice(alias.article, alias.article.title.span), '*headline');
  const crOnly = core.parseArticle('---\rtitle: 旧金山会晤\rdate: 2023-11-15\r---\r<p>拜登</p>\r');
  assert.equal(crOnly.article.title.value, '旧金山会晤');
  assert.equal(crOnly.article.date.value, '2023-11-15');
  const twoBoms = core.parseArticle('\uFEFF\uFEFF---\ntitle: 旧金山会晤\ndate: 2023-11-15\n---\n<p>拜登</p>\n');
  assert.equal(twoBoms.article.title.value, '旧金山会晤');
  assert.equal(twoBoms.article.date.value, '2023-11-15');
  const duplicate = core.parseArticle('---\ntitle: 第一\ntitle: 第二\ndate: 2023-11-15\n---\n正文\n');
  assert.equal(duplicate.article.title.value, '第二');
  const twice = duplicate.problems.find((problem) => /`title` twice/.test(problem.message));
  assert.ok(twice, messages(duplicate.problems));
  assert.equal(duplicate.article.source.slice(twice.span.start, twice.span.end), 'title');
  assert.equal(duplicate.article.lines.positionAt(twice.span.start).line, 2);
});

test('a BOM kept in the document text does not shift ranges on the first line', () => {
  const { article } = core.parseArticle('\uFEFF# 旧金山会晤\n\n拜登会见习近平。\n');
  assert.equal(article.title.value, '旧金山会晤');
  assert.deepEqual(article.lines.positionAt(article.title.span.start), { line: 0, character: 3 });
  assert.equal(slice(article, article.title.span), '旧金山会晤');
  const at = article.text.indexOf('拜登');
  assert.deepEqual(article.lines.positionAt(article.sourceMap.toSource(at, at + 2).start), { line: 2, character: 0 });
});

test('Markdown headings and links are read in linear time (each of these took 6–13 s at 100 KB)', () => {
  const n = 40_000;
  const inputs = {
    'a heading with a long run of spaces': '# a' + ' '.repeat(5 * n) + '#x\n\n正文',
    'a heading of #s': '# ' + '#'.repeat(5 * n) + '\n\n正文',
    'a heading of unclosed images': '# ' + '![a](b'.repeat(n) + '\n\n正文',
    'a heading of unclosed wiki links': '# ' + '[[a|'.repeat(n) + '\n\n正文',
    'a body of unclosed links': '# 标题\n\n' + '[a](b'.repeat(n),
    'a navigation-like heading with a long run of spaces': '## [a](b)' + ' '.repeat(5 * n) + 'z',
  };
  for (const [name, source] of Object.entries(inputs)) {
    const started = performance.now();
    const { article } = core.parseArticle(source);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `${name}: ${Math.round(elapsed)} ms for ${source.length} characters`);
    assert.ok(article.text.length > 0, name);
  }
});

test('TOML front matter lines are read in linear time, comments cut off', () => {
  const source = `+++\ntitle = "拜登会见习近平" # a comment\nnote = x${' '.repeat(200_000)}y\ndate = 2023-11-15\n+++\n正文\n`;
  const started = performance.now();
  const { article } = core.parseArticle(source);
  assert.ok(performance.now() - started < 2000);
  assert.equal(article.title.value, '拜登会见习近平');
  assert.equal(article.date.value, '2023-11-15');
});

test('a full date in the title dates an article that nothing better dates', () => {
  const digest = core.parseArticle('# 新闻联播 2022年11月14日\n\n## 1. 习近平同美国总统拜登在巴厘岛举行会晤\n\n正文。\n').article;
  assert.equal(digest.date.value, '2022-11-14');
  assert.equal(digest.dateOrigin, 'title');
  assert.equal(digest.source.slice(digest.date.span.start, digest.date.span.end), '2022年11月14日');
  const dotted = core.parseArticle('# 2021.11.23 拜登和习近平电话会谈摘要\n\n正文。\n').article;
  assert.equal(dotted.date.value, '2021-11-23');
});
