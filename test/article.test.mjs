// The article reader on the four seed formats and on bad input: titles, dates, sections,
// and source spans that point at the exact characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, seed } from './support/core.mjs';

const slice = (article, span) => article.source.slice(span.start, span.end);
const sectionTitles = (sections) => sections.flatMap((section) => [section.title, ...sectionTitles(section.children)]);

test('seed 003 (BBC page with stamp header) reads title, date and the four sections', () => {
  const { article, problems } = core.parseArticle(seed('003').text);
  assert.equal(article.title.value, '中美关系：习近平与拜登周二举行视频会晤 两国紧张关系能否降温？');
  assert.equal(article.date.value, '2021-11-13');
  assert.equal(article.format, 'stamp-html');
  assert.deepEqual(sectionTitles(article.sections), ['时机和背景的考虑', '会晤前的积极定调', '“双边关系不会重启”', '台湾议题如何谈']);
  assert.equal(slice(article, article.title.span), article.title.value);
  assert.equal(article.url.value, 'https://www.bbc.com/zhongwen/simp/world-59259316');
  assert.deepEqual(problems, []);
  for (const section of article.sections) assert.match(slice(article, section.headingSpan), new RegExp(`^<h2[^>]*>${section.title.replace(/[“”]/g, '.')}\\s*</h2>$`));
});

test('seed 000 (reStructuredText-like) takes its date from the title and its authors from the footnote', () => {
  const { article } = core.parseArticle(seed('000').text);
  assert.equal(article.format, 'rst');
  assert.equal(article.date.value, '2023-11-17');
  assert.equal(article.title.value, '习拜会成果、争议及利害关系解析');
  assert.equal(slice(article, article.title.span), '习拜会成果、争议及利害关系解析');
  // The footnote names the authors: a byline is the author, never the outlet.
  assert.equal(article.author.value, 'Charles Hutzler / Lingling Wei / Andrew Restuccia');
  assert.equal(slice(article, article.author.span), 'Charles Hutzler / Lingling Wei / Andrew Restuccia');
  assert.equal(article.outlet, undefined);
  // The title is read once, not again as the first line of the body.
  assert.equal(article.text.split('习拜会成果、争议及利害关系解析').length, 2);
});

test('seed 002 (Jekyll + HTML) reads front matter fields with their exact spans', () => {
  const { article } = core.parseArticle(seed('002').text);
  assert.equal(article.format, 'jekyll-html');
  assert.equal(article.title.value, '分析：拜登习近平11月会谈的背后原因');
  assert.equal(article.date.value, '2023-10-29');
  assert.equal(article.dateOrigin, 'front matter');
  assert.equal(article.outlet.value, '大纪元');
  assert.equal(slice(article, article.outlet.span), '大纪元');
  assert.equal(slice(article, article.url.span), 'https://www.epochtimes.com/gb/23/10/29/n14105166.htm');
  assert.deepEqual(sectionTitles(article.sections), ['表面平静下暗潮汹涌 无一方解决挑战', '拜登习近平会晤 各自希望达到的目标']);
  assert.ok(!article.text.includes('<p>'), 'tags are not visible text');
  assert.ok(!article.text.includes('epochtimes.com/gb/tag'), 'link targets are not visible text');
});

test('seed 004 (<!--NaN--> stamp) keeps the front matter date and maps an escaped quoted title exactly', () => {
  const { article } = core.parseArticle(seed('004').text);
  assert.equal(article.date.value, '2024-11-14');
  assert.equal(article.title.value, '拜登"再会"习近平 美中关系困扰何在？');
  const at = article.text.indexOf('习近平');
  const span = article.sourceMap.toSource(at, at + 3);
  assert.equal(slice(article, span), '习近平');
  // The title's source is `拜登\"再会\"习近平…`: the escaped quotes shift the name by two characters.
  assert.equal(article.source.slice(span.start - 6, span.start), '\\"再会\\"');
});

test('every occurrence of a name in the visible text maps back to the same characters in the source', () => {
  for (const prefix of ['000', '002', '003', '004']) {
    const { article } = core.parseArticle(seed(prefix).text);
    let found = 0;
    for (let at = article.text.indexOf('拜登'); at >= 0; at = article.text.indexOf('拜登', at + 1)) {
      assert.equal(slice(article, article.sourceMap.toSource(at, at + 2)), '拜登', `${prefix} at text offset ${at}`);
      found++;
    }
    assert.ok(found >= 5, `${prefix} mentions 拜登 several times`);
  }
});

test('entities decode in the text and map to the whole entity in the source', () => {
  const source = '---\ntitle: t\ndate: 2023-01-02\n---\n<p>美&amp;中&#x4E60;近平 &quot;拜登&quot;</p>';
  const { article } = core.parseArticle(source);
  const at = article.text.indexOf('美&中习近平');
  assert.ok(at >= 0, article.text);
  assert.equal(slice(article, article.sourceMap.toSource(at + 1, at + 2)), '&amp;');
  assert.equal(slice(article, article.sourceMap.toSource(at + 2, at + 6)), '中&#x4E60;近平');
  const quoted = article.text.indexOf('"拜登"');
  assert.equal(slice(article, article.sourceMap.toSource(quoted, quoted + 4)), '&quot;拜登&quot;');
});

test('Markdown: wiki links keep their words, link targets and images are dropped, headings become sections', () => {
  const source = '# 《新闻联播》 (20221115)\n\n## 新闻摘要\n\n[[zh:拜登]]会见[[zh:习近平]]。![](https://x/y.jpg)[来源](https://a.b/c)\n\n## 国内新闻\n\n正文';
  const { article } = core.parseArticle(source);
  assert.equal(article.title.value, '《新闻联播》 (20221115)');
  assert.equal(article.date.value, '2022-11-15');
  assert.deepEqual(sectionTitles(article.sections), ['新闻摘要', '国内新闻']);
  assert.match(article.text, /拜登会见习近平。来源/);
  const at = article.text.indexOf('习近平');
  assert.equal(slice(article, article.sourceMap.toSource(at, at + 3)), '习近平');
});

test('an HTML news page takes its title from <title> and its date from the byline', () => {
  const source = '<!DOCTYPE html><html><head><title>[视频]习近平同美国总统通电话</title><script>var d = "2099-01-01";</script></head><body><nav>首页 新闻</nav><div class="time">来源：央视网 更新时间：2024年04月03日 06:12</div><p>国家主席习近平4月2日晚应约同美国总统拜登通电话。</p></body></html>';
  const { article } = core.parseArticle(source);
  assert.equal(article.format, 'html');
  assert.equal(article.title.value, '[视频]习近平同美国总统通电话');
  assert.equal(article.date.value, '2024-04-03');
  assert.equal(article.outlet.value, '央视网');
  assert.ok(!article.text.includes('首页'), 'navigation is skipped');
  assert.ok(!article.text.includes('var d'), 'scripts are skipped');
});

test('HTML text survives stray "<", comments and unclosed tags, and page dates come from <meta> and <time> with exact spans', () => {
  const source = [
    '<html><head><title>拜登 &amp; 习近平</title><meta property="article:published_time" content="2023-11-16T08:00:00Z"></head>',
    '<body><p>1 < 2，拜登<!-- 注释 -->说。<div class="share-tools">分享到微博</div><h2>会晤<b>成果</h2><p>习近平<br>抵达旧金山',
  ].join('\n');
  const { article } = core.parseArticle(source);
  assert.equal(article.title.value, '拜登 & 习近平');
  assert.equal(slice(article, article.title.span), '拜登 &amp; 习近平');
  assert.equal(article.date.value, '2023-11-16');
  assert.equal(slice(article, article.date.span), '2023-11-16T08:00:00Z');
  assert.match(article.text, /1 < 2，拜登说。/);
  assert.ok(!article.text.includes('分享'), 'sharing boilerplate is skipped');
  assert.deepEqual(sectionTitles(article.sections), ['会晤成果']);
  assert.match(article.text, /习近平\n抵达旧金山/);
  const at = article.text.indexOf('拜登说');
  assert.equal(slice(article, article.sourceMap.toSource(at, at + 2)), '拜登');

  // A fragment (a Jekyll post body) dates itself with a <time> element; the first one wins.
  const fragment = '<article><p>正文</p><time datetime="2022-11-14">11月14日</time><time datetime="2020-01-01"></time></article>';
  const parsed = core.parseArticle(fragment).article;
  assert.equal(parsed.date.value, '2022-11-14');
  assert.equal(slice(parsed, parsed.date.span), '2022-11-14');
});

test('bad input never throws and says what is wrong', () => {
  const cases = {
    empty: '',
    whitespace: '  \n\n ',
    binary: 'PK\u0003\u0004\u0000\u0000\u0000garbage\u0000',
    brokenYaml: '---\ntitle: "unclosed\ndate: [2023\n---\n<p>正文</p>',
    unclosedFrontMatter: '---\ntitle: x\n\n<p>正文</p>',
    unclosedHtml: '<!--1698550571000-->\n[标题](https://x.y/z)\n------\n<div><p>拜登<b>习近平<i>会晤' + '<div>'.repeat(20000),
    crlfBom: '\uFEFF---\r\ntitle: 标题\r\ndate: 2023-11-15\r\n---\r\n<p>拜登</p>\r\n',
  };
  const results = Object.fromEntries(Object.entries(cases).map(([name, text]) => [name, core.parseArticle(text)]));
  assert.match(results.empty.problems[0].message, /Empty file/);
  assert.match(results.whitespace.problems[0].message, /Empty file/);
  assert.match(results.binary.problems[0].message, /binary/);
  assert.ok(results.brokenYaml.problems.some((problem) => /not valid YAML/.test(problem.message)));
  assert.match(results.brokenYaml.article.text, /正文/, 'the body is still read');
  assert.ok(results.unclosedFrontMatter.problems.some((problem) => /never closed/.test(problem.message)));
  assert.equal(results.unclosedHtml.article.title.value, '标题');
  assert.match(results.unclosedHtml.article.text, /拜登习近平会晤/);
  const bom = results.crlfBom.article;
  assert.equal(bom.title.value, '标题');
  assert.equal(bom.date.value, '2023-11-15');
  const at = bom.text.indexOf('拜登');
  const span = bom.sourceMap.toSource(at, at + 2);
  assert.deepEqual(bom.lines.positionAt(span.start), { line: 4, character: 3 });
});

test('a 5 MB article is read whole', () => {
  const paragraph = '<p>拜登与习近平在旧金山会晤，双方同意恢复军事沟通。</p>\n';
  const source = `---\ntitle: 大文件\ndate: 2023-11-16\n---\n${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}`;
  const { article, problems } = core.parseArticle(source);
  assert.deepEqual(problems, []);
  assert.ok(article.text.length > 1_500_000);
  const last = article.text.lastIndexOf('拜登');
  assert.equal(article.source.slice(...Object.values(article.sourceMap.toSource(last, last + 2))), '拜登');
});

test('content detection tells articles from unrelated files', () => {
  assert.equal(core.isCorpusArticle(seed('000').text), true);
  assert.equal(core.isCorpusArticle(seed('002').text), true);
  assert.equal(core.isCorpusArticle(seed('003').text), true);
  assert.equal(core.isCorpusArticle('# README\n\nInstall with npm.\n'), false);
  assert.equal(core.isCorpusArticle('---\nlayout: default\npermalink: /about/\n---\nAbout me'), false);
  assert.equal(core.isCorpusArticle('<html><head><title>Docs</title></head><body>Hello</body></html>'), false);
  assert.equal(core.isCorpusArticle('Notes\n=====\n\ntodo'), false);
});
